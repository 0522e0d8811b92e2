// The decision bar, sticky at the bottom of the item: A approve · R reject, 1–6 the reason, N the
// note, ⏎ decide and open the next item, U undo. Every key also has its button.
import { Alert, Box, Button, Chip, Group, Kbd, Text } from '@mantine/core';
import type { Dispatch, Ref } from 'react';
import type { SubmissionItem } from '../../../../electron/contract';
import { draftProblem, type Draft, type DraftAction } from '../../features/decisions/draft';
import { REJECT_REASON_CHOICES, rejectReasonTitle } from '../../features/decisions/reasons';
import { outcomeDone } from '../../features/decisions/tracker';
import { usePlatformNow } from '../../features/session/session';
import { stamp } from '../../features/time/words';
import { useNow } from '../../features/clock/clock';
import { statusWord } from '../../ui/status';
import { KeyHint } from '../../ui/KeyHint';
import { NoteField } from '../../ui/NoteField';

export interface DecisionBarProps {
  item: SubmissionItem;
  draft: Draft;
  dispatch: Dispatch<DraftAction>;
  busy: boolean;
  error: string | null;
  onApprove: () => void;
  onSubmit: () => void;
  onNext: () => void;
  onUndo: () => void;
  noteRef: Ref<HTMLTextAreaElement>;
}

function PendingLine({ item, onUndo }: { item: SubmissionItem; onUndo: () => void }) {
  const now = useNow();
  const pending = item.pending;
  if (pending === undefined) return null;
  const left = Math.ceil((Date.parse(pending.sendsAt) - now) / 1000);
  return (
    <Group gap="sm">
      <Text size="sm" fw={500} data-testid="decision-state">
        {outcomeDone(pending.outcome)} here — {pending.state === 'sending' || left <= 0 ? 'on its way to the platform' : `sending in ${left} s`}
      </Text>
      {pending.state === 'queued' && left > 0 && (
        <Button size="compact-sm" variant="light" onClick={onUndo} rightSection={<KeyHint id="undo" />}>
          Undo
        </Button>
      )}
    </Group>
  );
}

function RecordLine({ item }: { item: SubmissionItem }) {
  const now = usePlatformNow();
  const d = item.decision;
  if (d === undefined) {
    return (
      <Text size="sm" fw={500} data-testid="decision-state">
        {statusWord(item.status)} — nothing to decide here.
      </Text>
    );
  }
  return (
    <Text size="sm" fw={500} data-testid="decision-state">
      {outcomeDone(d.outcome)}
      {d.reasonCode !== undefined ? ` (${rejectReasonTitle(d.reasonCode).toLowerCase()})` : ''} by {d.moderatorName} at {stamp(d.at, now)}
      <Text span c="dimmed" fw={400}>
        {' '}
        · now {statusWord(item.status).toLowerCase()}
      </Text>
    </Text>
  );
}

export function DecisionBar({ item, draft, dispatch, busy, error, onApprove, onSubmit, onNext, onUndo, noteRef }: DecisionBarProps) {
  const problem = draftProblem(draft);
  const rejecting = draft.outcome === 'reject';

  if (!item.decidable) {
    return (
      <Box px="lg" py="sm" style={{ borderTop: '1px solid var(--row-border)', background: 'var(--mantine-color-body)' }} role="region" aria-label="Decision">
        <Group justify="space-between" wrap="nowrap">
          {item.pending !== undefined ? <PendingLine item={item} onUndo={onUndo} /> : <RecordLine item={item} />}
          <Button variant="default" onClick={onNext} rightSection={<Kbd size="xs">⏎</Kbd>}>
            Next item
          </Button>
        </Group>
      </Box>
    );
  }

  return (
    <Box px="lg" py="sm" style={{ borderTop: '1px solid var(--row-border)', background: 'var(--mantine-color-body)' }} role="region" aria-label="Decision">
      {rejecting && (
        <Box mb="sm">
          <Chip.Group value={draft.reasonCode ?? ''} onChange={(code) => {
            const choice = REJECT_REASON_CHOICES.find((r) => r.code === code);
            if (choice !== undefined) dispatch({ type: 'pick', code: choice.code });
          }}>
            <Group gap={6} role="radiogroup" aria-label="Reason">
              {REJECT_REASON_CHOICES.map((r) => (
                // xs: the six reasons fit one line beside the navigation at 1440 px.
                <Chip key={r.code} value={r.code} size="xs" variant="filled" color="red" icon={null} styles={{ label: { paddingLeft: 6, paddingRight: 10 } }}>
                  <Group gap={5} wrap="nowrap" component="span">
                    <Kbd size="xs">{r.key}</Kbd>
                    {r.title}
                  </Group>
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <NoteField noteRef={noteRef} label={draft.reasonCode === 'other' ? 'Note (needed for “Other”)' : 'Note (optional)'} placeholder={draft.reasonCode === 'other' ? 'Note — needed for “Other” (N)' : 'Note for the designer and the journal (N)'} value={draft.note} onChange={(text) => dispatch({ type: 'note', text })} onSubmit={onSubmit} />
        </Box>
      )}
      {error !== null && (
        <Alert color="red" variant="light" py={6} mb="xs" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Button onClick={onApprove} loading={busy && draft.outcome === 'approve'} disabled={busy} rightSection={<KeyHint id="approve" />}>
            Approve
          </Button>
          <Button color="red" variant={rejecting ? 'filled' : 'light'} onClick={() => dispatch({ type: 'reject' })} disabled={busy} rightSection={<KeyHint id="reject" />} aria-pressed={rejecting}>
            Reject
          </Button>
          <Button variant="subtle" color="gray" onClick={onUndo} rightSection={<KeyHint id="undo" />}>
            Undo
          </Button>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" c="dimmed" data-testid="draft-hint">
            {rejecting ? problem ?? `Reject: ${rejectReasonTitle(draft.reasonCode ?? '').toLowerCase()}` : 'Approve opens the next item; you can undo for a few seconds.'}
          </Text>
          {rejecting && (
            <Button color="red" onClick={onSubmit} disabled={problem !== null || busy} loading={busy} rightSection={<Kbd size="xs">⏎</Kbd>}>
              Reject and next
            </Button>
          )}
        </Group>
      </Group>
    </Box>
  );
}
