// The keys that work on every screen: go-to sequences, undo, the sheet.
import { notifications } from '@mantine/notifications';
import { useDecisions } from '../../features/decisions/DecisionsProvider';
import { navigate } from '../../routing/hashLocation';
import { useShortcuts, useSequenceTracker } from '../../shortcuts';

export function GlobalShortcuts({ onHelp }: { onHelp: () => void }) {
  const decisions = useDecisions();
  useSequenceTracker();
  useShortcuts({
    goHeld: () => navigate('/queues/held'),
    goReview: () => navigate('/queues/review'),
    goFlags: () => navigate('/queues/flags'),
    goJournal: () => navigate('/journal'),
    goDashboard: () => navigate('/dashboard'),
    goConflicts: () => navigate('/conflicts'),
    goSettings: () => navigate('/settings'),
    help: onHelp,
    undo: () => {
      void decisions.undoLast().then((undone) => {
        if (undone.length === 0) {
          notifications.show({ message: 'Nothing to undo: the last decision has already left the machine.', color: 'gray', autoClose: 3000 });
          return;
        }
        const only = undone.length === 1 ? undone[0] : undefined;
        if (only?.path !== undefined) navigate(only.path);
      });
    },
  });
  return null;
}
