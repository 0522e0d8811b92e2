// The flag's decision bar, sticky at the bottom: D dismiss (1–3 the reason, ⏎ sends), C confirm
// (the composer opens on the right; ⏎ sends once it is complete), U undo. Every key has its
// button; what still stops the decision is said beside the button, never hidden.
import { Alert, Box, Button, Chip, Group, Kbd, Text } from '@mantine/core';
import type { Ref } from 'react';
import type { FlagItem } from '../../../../electron/contract';
import type { FlagDraft } from '../../features/flags/confirm';
import { DISMISS_CHOICES, isDismissReason, sanctionWords } from '../../features/flags/words';
import { sanctionsOf } from '../../features/flags/sanctions';
import { outcomeDone } from '../../features/decisions/tracker';
import { useNow } from '../../features/clock/clock';
import { usePlatformNow } from '../../features/session/session';
import { stamp } from '../../features/time/words';
import { KeyHint } from '../../ui/KeyHint';
import { NoteField } from '../../ui/NoteField';

export interface FlagDecisionBarProps {
  item: FlagItem;
  draft: FlagDraft;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onNext: () => void;
  onUndo: () => void;
  noteRef: Ref<HTMLTextAreaElement>;
}

const barStyle = { borderTop: '1px solid var(--row-border)', background: 'var(--mantine-color-body)' };

function StateLine({ item, onUndo }: { item: FlagItem; onUndo: () => void }) {
  const now = useNow();
  const platformNow = usePlatformNow();
  if (item.pending !== undefined) {
    const left = Math.ceil((Date.parse(item.pending.sendsAt) - now) / 1000);
    return (
      <Group gap="sm">
        <Text size="sm" fw={500} data-testid="decision-state">
          {outcomeDone(item.pending.outcome)} here — {item.pending.state === 'sending' || left <= 0 ? 'on its way to the platform' : `sending in ${left} s`}
        </Text>
        {item.pending.state === 'queued' && left > 0 && (
          <Button size="compact-sm" variant="light" onClick={onUndo} rightSection={<KeyHint id="undo" />}>
            Undo
          </Button>
        )}
      </Group>
    );
  }
  const d = item.decision;
  return (
    <Text size="sm" fw={500} data-testid="decision-state">
      {d === undefined ? `This flag is ${item.status} — nothing to decide here.` : `${outcomeDone(d.outcome)} by ${d.moderatorName} at ${stamp(d.at, platformNow)}`}
    </Text>
  );
}

export function FlagDecisionBar({ item, draft, busy, error, onSubmit, onNext, onUndo, noteRef }: FlagDecisionBarProps) {
  if (!item.decidable) {
    return (
      <Box px="lg" py="sm" style={barStyle} role="region" aria-label="Decision">
        <Group justify="space-between" wrap="nowrap">
          <StateLine item={item} onUndo={onUndo} />
          <Button variant="default" onClick={onNext} rightSection={<Kbd size="xs">⏎</Kbd>}>
            Next flag
          </Button>
        </Group>
      </Box>
    );
  }

  const dismissing = draft.mode === 'dismiss';
  const confirming = draft.mode === 'confirm';
  const problems = dismissing ? draft.dismissProblems : confirming ? draft.confirmProblems : [];
  const chosen = sanctionsOf(draft.sanctions);
  const hint = dismissing
    ? (problems[0] ?? `Dismiss: ${DISMISS_CHOICES.find((c) => c.code === draft.dismissReason)?.title.toLowerCase() ?? ''}`)
    : confirming
      ? problems.length > 0
        ? `${problems.length === 1 ? '1 thing' : `${problems.length} things`} before you can confirm (listed on the right).`
        : `Confirm: ${sanctionWords(chosen).toLowerCase()}.`
      : 'D dismisses with a reason; C opens the sanctions and the statement of reasons.';

  return (
    <Box px="lg" py="sm" style={barStyle} role="region" aria-label="Decision">
      {dismissing && (
        <Box mb="sm">
          <Chip.Group
            value={draft.dismissReason ?? ''}
            onChange={(code) => {
              if (typeof code === 'string' && isDismissReason(code)) draft.setDismissReason(code);
            }}
          >
            <Group gap={6} role="radiogroup" aria-label="Dismiss reason">
              {DISMISS_CHOICES.map((r) => (
                <Chip key={r.code} value={r.code} size="sm" variant="outline" icon={null} styles={{ label: { paddingLeft: 8 } }}>
                  <Group gap={6} wrap="nowrap" component="span">
                    <Kbd size="xs">{r.key}</Kbd>
                    {r.title}
                  </Group>
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <NoteField noteRef={noteRef} label="Note (optional)" placeholder="Note for the journal (N)" value={draft.note} onChange={(text) => draft.setNote(text)} onSubmit={onSubmit} />
        </Box>
      )}
      {error !== null && (
        <Alert color="red" variant="light" py={6} mb="xs" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Button variant={dismissing ? 'filled' : 'light'} onClick={() => draft.setMode(dismissing ? null : 'dismiss')} disabled={busy} rightSection={<KeyHint id="dismiss" />} aria-pressed={dismissing}>
            Dismiss
          </Button>
          <Button color="red" variant={confirming ? 'filled' : 'light'} onClick={() => draft.setMode(confirming ? null : 'confirm')} disabled={busy} rightSection={<KeyHint id="confirmFlag" />} aria-pressed={confirming}>
            Confirm…
          </Button>
          <Button variant="subtle" color="gray" onClick={onUndo} rightSection={<KeyHint id="undo" />}>
            Undo
          </Button>
        </Group>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed" data-testid="draft-hint" truncate>
            {hint}
          </Text>
          {(dismissing || confirming) && (
            <Button color={confirming ? 'red' : undefined} onClick={onSubmit} disabled={problems.length > 0 || busy} loading={busy} rightSection={<Kbd size="xs">⏎</Kbd>} style={{ flexShrink: 0 }}>
              {dismissing ? 'Dismiss and next' : 'Confirm and next'}
            </Button>
          )}
        </Group>
      </Group>
    </Box>
  );
}
