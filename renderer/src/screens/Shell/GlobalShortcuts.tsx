// The keys that work on every screen: go-to sequences, undo, the sheet. The Electron app's
// menu asks for the same actions through `menu.command` events.
import { notifications } from '@mantine/notifications';
import { spotlight } from '@mantine/spotlight';
import { useEffect } from 'react';
import type { MenuCommand } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { useDecisions } from '../../features/decisions/DecisionsProvider';
import { navigate } from '../../routing/hashLocation';
import { useShortcuts, useSequenceTracker } from '../../shortcuts';

const MENU_ACTIONS: Record<MenuCommand, (onHelp: () => void) => void> = {
  'go.held': () => navigate('/queues/held'),
  'go.review': () => navigate('/queues/review'),
  'go.flags': () => navigate('/queues/flags'),
  'go.journal': () => navigate('/journal'),
  'go.dashboard': () => navigate('/dashboard'),
  'palette.open': () => spotlight.open(),
  'shortcuts.open': (onHelp) => onHelp(),
};

export function GlobalShortcuts({ onHelp }: { onHelp: () => void }) {
  const decisions = useDecisions();
  const api = useApi();
  useSequenceTracker();
  useEffect(
    () =>
      api.events.subscribe((event) => {
        if (event.type === 'menu.command') MENU_ACTIONS[event.command](onHelp);
      }),
    [api, onHelp],
  );
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
