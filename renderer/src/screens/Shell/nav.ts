// The destinations of the navigation and the palette, by role (UI.md: what the role may not use
// is absent, not disabled).
import { IconAlertOctagon, IconBook2, IconChartBar, IconClockHour4, IconFlag3, IconHourglassLow, IconSettings, IconShieldCheck, IconUsers, type Icon } from '@tabler/icons-react';
import type { Queue } from '../../../../electron/contract';
import type { Abilities } from '../../features/session/session';
import type { ShortcutId } from '../../shortcuts';

export interface Destination {
  id: string;
  label: string;
  path: string;
  icon: Icon;
  shortcut?: ShortcutId;
  queue?: Queue;
  /** Arrives with part 2 of the screens. */
  coming?: boolean;
}

export const QUEUE_DESTINATIONS: Record<Queue, Destination> = {
  held: { id: 'held', label: 'Held submissions', path: '/queues/held', icon: IconHourglassLow, shortcut: 'goHeld', queue: 'held' },
  review: { id: 'review', label: '48-hour reviews', path: '/queues/review', icon: IconClockHour4, shortcut: 'goReview', queue: 'review' },
  flags: { id: 'flags', label: 'Manipulation flags', path: '/queues/flags', icon: IconFlag3, shortcut: 'goFlags', queue: 'flags' },
};

export function workDestinations(abilities: Abilities): Destination[] {
  return [
    { id: 'journal', label: 'Decision journal', path: '/journal', icon: IconBook2, shortcut: 'goJournal' },
    { id: 'designers', label: 'Designers', path: '/designers', icon: IconUsers },
    { id: 'dashboard', label: 'Dashboard', path: '/dashboard', icon: IconChartBar, shortcut: 'goDashboard' },
    ...(abilities.audit ? [{ id: 'audit', label: 'Audit', path: '/audit', icon: IconShieldCheck }] : []),
  ];
}

export const CONFLICTS_DESTINATION: Destination = { id: 'conflicts', label: 'Conflicts', path: '/conflicts', icon: IconAlertOctagon, shortcut: 'goConflicts' };
export const SETTINGS_DESTINATION: Destination = { id: 'settings', label: 'Settings', path: '/settings', icon: IconSettings, shortcut: 'goSettings' };

/** The landing screen for a role: its first queue, or the journal. */
export function homePath(abilities: Abilities): string {
  const first = abilities.queues[0];
  return first === undefined ? '/journal' : QUEUE_DESTINATIONS[first].path;
}
