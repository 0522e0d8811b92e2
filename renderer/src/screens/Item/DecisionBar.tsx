// The decision bar, sticky at the bottom of the item: A approve · R reject, 1–6 the reason, N the
// note, ⏎ decide and open the next item, U undo. Every key also has its button.
import { Box, Button, Text } from '@mantine/core';
import type { Dispatch, Ref } from 'react';
import type { SubmissionItem } from '../../../../electron/contract';
import { draftProblem, type Draft, type DraftAction } from '../../features/decisions/draft';
import { REJECT_REASON_CHOICES, rejectReasonTitle } from '../../features/decisions/reasons';
import { outcomeDone } from '../../features/decisions/tracker';
import { usePlatformNow } from '../../features/session/session';
import { stamp } from '../../features/time/words';
import { statusWord } from '../../ui/status';
import { KeyHint } from '../../ui/KeyHint';
import { NoteField } from '../../ui/NoteField';
import { ClosedBar, DecisionBarFrame, KeyedChips, PendingLine, SendButton } from '../../ui/DecisionBarFrame';

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
  if (!item.decidable) {
    return <ClosedBar line={item.pending !== undefined ? <PendingLine pending={item.pending} onUndo={onUndo} /> : <RecordLine item={item} />} nextLabel="Next item" onNext={onNext} />;
  }

  const problem = draftProblem(draft);
  const rejecting = draft.outcome === 'reject';
  return (
    <DecisionBarFrame
      draft={
        rejecting && (
          <Box mb="sm">
            {/* xs: the six reasons fit one line beside the navigation at 1440 px. */}
            <KeyedChips label="Reason" choices={REJECT_REASON_CHOICES} value={draft.reasonCode} onPick={(code) => dispatch({ type: 'pick', code })} look={{ size: 'xs', variant: 'filled', color: 'red', styles: { label: { paddingLeft: 6, paddingRight: 10 } } }} />
            <NoteField noteRef={noteRef} label={draft.reasonCode === 'other' ? 'Note (needed for “Other”)' : 'Note (optional)'} placeholder={draft.reasonCode === 'other' ? 'Note — needed for “Other” (N)' : 'Note for the designer and the journal (N)'} value={draft.note} onChange={(text) => dispatch({ type: 'note', text })} onSubmit={onSubmit} />
          </Box>
        )
      }
      error={error}
      actions={
        <>
          <Button onClick={onApprove} loading={busy && draft.outcome === 'approve'} disabled={busy} rightSection={<KeyHint id="approve" />}>
            Approve
          </Button>
          <Button color="red" variant={rejecting ? 'filled' : 'light'} onClick={() => dispatch({ type: 'reject' })} disabled={busy} rightSection={<KeyHint id="reject" />} aria-pressed={rejecting}>
            Reject
          </Button>
        </>
      }
      onUndo={onUndo}
      hint={rejecting ? (problem ?? `Reject: ${rejectReasonTitle(draft.reasonCode ?? '').toLowerCase()}`) : 'Approve opens the next item; you can undo for a few seconds.'}
      send={rejecting && <SendButton label="Reject and next" color="red" disabled={problem !== null} busy={busy} onSubmit={onSubmit} />}
    />
  );
}
