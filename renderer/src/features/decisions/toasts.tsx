// What a decision says while it is on its way (UI.md, "Words and numbers"): loudly while it can
// be undone ("Approved — sending in 5 s · Undo"), then quietly ("Sent"). A conflict or a refusal
// stays on screen until the moderator opens it.
import { Button, Group, Kbd, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNow } from '../clock/clock';
import { DISMISS_REASONS } from '../../../../core';
import { isDismissReason } from '../flags/words';
import { rejectReasonTitle } from './reasons';
import { outcomeDone, type TrackedDecision } from './tracker';

const toastId = (decisionId: string) => `decision-${decisionId}`;
const conflictToastId = (decisionId: string) => `conflict-${decisionId}`;

function reasonWords(reasonCode: string | undefined): string {
  if (reasonCode === undefined) return '';
  return ` (${(isDismissReason(reasonCode) ? DISMISS_REASONS[reasonCode] : rejectReasonTitle(reasonCode)).toLowerCase()})`;
}

function Countdown({ sendsAtMs }: { sendsAtMs: number }) {
  const now = useNow();
  const left = Math.max(0, Math.ceil((sendsAtMs - now) / 1000));
  return <>{left > 0 ? `sending in ${left} s` : 'sending…'}</>;
}

function QueuedMessage({ what, sendsAtMs, onUndo }: { what: string; sendsAtMs: number; onUndo: () => void }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" className="tabular">
        {what} — <Countdown sendsAtMs={sendsAtMs} />
      </Text>
      <Button size="compact-sm" variant="light" onClick={onUndo} rightSection={<Kbd>U</Kbd>}>
        Undo
      </Button>
    </Group>
  );
}

export function showQueued(decisions: readonly TrackedDecision[], onUndo: () => void): void {
  const first = decisions[0];
  if (first === undefined) return;
  const what =
    decisions.length === 1
      ? `${outcomeDone(first.outcome)}${reasonWords(first.reasonCode)}`
      : `${outcomeDone(first.outcome)} ${decisions.length} designs${reasonWords(first.reasonCode)}`;
  notifications.show({
    id: toastId(first.batchId ?? first.decisionId),
    message: <QueuedMessage what={what} sendsAtMs={first.sendsAtMs} onUndo={onUndo} />,
    autoClose: false,
    withCloseButton: true,
    color: 'blue',
  });
}

export function showSettled(decision: TrackedDecision, words: string, color: string = 'green'): void {
  const id = toastId(decision.batchId ?? decision.decisionId);
  const shown = { id, message: <Text size="sm">{words}</Text>, autoClose: 2500, withCloseButton: true, color };
  if (notifications.update(shown) === undefined) notifications.show(shown);
}

export function showWaiting(decision: TrackedDecision): void {
  notifications.update({
    id: toastId(decision.batchId ?? decision.decisionId),
    message: <Text size="sm">{outcomeDone(decision.outcome)} — saved here; it waits in the outbox and goes out when the platform answers.</Text>,
    autoClose: 6000,
    color: 'gray',
  });
}

export function hideDecisionToast(decision: TrackedDecision): void {
  notifications.hide(toastId(decision.batchId ?? decision.decisionId));
}

export function showConflict(decisionId: string, words: string, onOpen: () => void): void {
  notifications.show({
    id: conflictToastId(decisionId),
    title: 'Decided elsewhere first',
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{words}</Text>
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          onClick={() => {
            notifications.hide(conflictToastId(decisionId));
            onOpen();
          }}
        >
          Open
        </Button>
      </Group>
    ),
    color: 'red',
    autoClose: false,
    withCloseButton: false,
  });
}

export function showProblem(title: string, words: string): void {
  notifications.show({ title, message: words, color: 'red', autoClose: false, withCloseButton: true });
}
