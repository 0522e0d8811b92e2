// The flag's decision bar, sticky at the bottom: D dismiss (1–3 the reason, ⏎ sends), C confirm
// (the composer opens on the right; ⏎ sends once it is complete), U undo. Every key has its
// button; what still stops the decision is said beside the button, never hidden.
import { Box, Button, Text } from '@mantine/core';
import type { Ref } from 'react';
import type { FlagItem } from '../../../../electron/contract';
import type { FlagDraft } from '../../features/flags/confirm';
import { DISMISS_CHOICES, sanctionWords } from '../../features/flags/words';
import { sanctionsOf } from '../../features/flags/sanctions';
import { outcomeDone } from '../../features/decisions/tracker';
import { usePlatformNow } from '../../features/session/session';
import { stamp } from '../../features/time/words';
import { KeyHint } from '../../ui/KeyHint';
import { NoteField } from '../../ui/NoteField';
import { ClosedBar, DecisionBarFrame, KeyedChips, PendingLine, SendButton } from '../../ui/DecisionBarFrame';

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

function StateLine({ item, onUndo }: { item: FlagItem; onUndo: () => void }) {
  const platformNow = usePlatformNow();
  if (item.pending !== undefined) return <PendingLine pending={item.pending} onUndo={onUndo} />;
  const d = item.decision;
  return (
    <Text size="sm" fw={500} data-testid="decision-state">
      {d === undefined ? `This flag is ${item.status} — nothing to decide here.` : `${outcomeDone(d.outcome)} by ${d.moderatorName} at ${stamp(d.at, platformNow)}`}
    </Text>
  );
}

export function FlagDecisionBar({ item, draft, busy, error, onSubmit, onNext, onUndo, noteRef }: FlagDecisionBarProps) {
  if (!item.decidable) return <ClosedBar line={<StateLine item={item} onUndo={onUndo} />} nextLabel="Next flag" onNext={onNext} />;

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
    <DecisionBarFrame
      draft={
        dismissing && (
          <Box mb="sm">
            <KeyedChips label="Dismiss reason" choices={DISMISS_CHOICES} value={draft.dismissReason ?? undefined} onPick={draft.setDismissReason} look={{ size: 'sm', variant: 'outline', styles: { label: { paddingLeft: 8 } } }} />
            <NoteField noteRef={noteRef} label="Note (optional)" placeholder="Note for the journal (N)" value={draft.note} onChange={(text) => draft.setNote(text)} onSubmit={onSubmit} />
          </Box>
        )
      }
      error={error}
      actions={
        <>
          <Button variant={dismissing ? 'filled' : 'light'} onClick={() => draft.setMode(dismissing ? null : 'dismiss')} disabled={busy} rightSection={<KeyHint id="dismiss" />} aria-pressed={dismissing}>
            Dismiss
          </Button>
          <Button color="red" variant={confirming ? 'filled' : 'light'} onClick={() => draft.setMode(confirming ? null : 'confirm')} disabled={busy} rightSection={<KeyHint id="confirmFlag" />} aria-pressed={confirming}>
            Confirm…
          </Button>
        </>
      }
      onUndo={onUndo}
      hint={hint}
      send={(dismissing || confirming) && <SendButton label={dismissing ? 'Dismiss and next' : 'Confirm and next'} {...(confirming ? { color: 'red' } : {})} disabled={problems.length > 0} busy={busy} onSubmit={onSubmit} />}
    />
  );
}
