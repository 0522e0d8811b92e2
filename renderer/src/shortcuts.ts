// The one key map (UI.md, "Keys"): this table both binds the keys (through Mantine's
// useHotkeys) and draws the `?` sheet, so a key can never do something the sheet does not show.
// Keys never fire while typing in a field, nor behind an open dialog unless marked global.
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useEffect } from 'react';

export type ShortcutGroup = 'Move' | 'Decide' | 'Batch' | 'Design' | 'Go to' | 'General';

interface ShortcutSpec {
  /** Mantine hotkey strings; "g h" is the sequence g then h. */
  keys: readonly string[];
  label: string;
  group: ShortcutGroup;
  /** Where it works, for the sheet ("queue", "item"). */
  where?: string;
  /** Fires even with a dialog open (the palette, the sheet itself). */
  global?: boolean;
}

export const SHORTCUTS = {
  next: { keys: ['j', 'ArrowDown'], label: 'Next row', group: 'Move', where: 'queue' },
  previous: { keys: ['k', 'ArrowUp'], label: 'Previous row', group: 'Move', where: 'queue' },
  open: { keys: ['Enter', 'o'], label: 'Open the item', group: 'Move', where: 'queue' },
  back: { keys: ['Escape'], label: 'Back to the queue', group: 'Move', where: 'item' },
  approve: { keys: ['a'], label: 'Approve', group: 'Decide', where: 'item' },
  reject: { keys: ['r'], label: 'Reject (then 1–6 picks the reason)', group: 'Decide', where: 'item' },
  reason: { keys: ['1', '2', '3', '4', '5', '6'], label: 'Pick the reject reason', group: 'Decide', where: 'item, rejecting' },
  note: { keys: ['n'], label: 'Write a note', group: 'Decide', where: 'item' },
  dismiss: { keys: ['d'], label: 'Dismiss the flag (then 1–3 picks the reason)', group: 'Decide', where: 'flag' },
  dismissReason: { keys: ['1', '2', '3'], label: 'Pick the dismiss reason', group: 'Decide', where: 'flag, dismissing' },
  confirmFlag: { keys: ['c'], label: 'Confirm the flag: sanctions and the statement of reasons', group: 'Decide', where: 'flag' },
  decideNext: { keys: ['Enter'], label: 'Decide and open the next item', group: 'Decide', where: 'item' },
  undo: { keys: ['u', 'mod+z'], label: 'Undo the last decision while it is still on this machine', group: 'Decide' },
  select: { keys: ['x'], label: 'Select the row', group: 'Batch', where: 'queue' },
  selectRange: { keys: ['shift+x'], label: 'Select up to this row', group: 'Batch', where: 'queue' },
  batchApprove: { keys: ['shift+a'], label: 'Approve the selected rows', group: 'Batch', where: 'queue' },
  batchReject: { keys: ['shift+r'], label: 'Reject the selected rows', group: 'Batch', where: 'queue' },
  clearSelection: { keys: ['Escape'], label: 'Clear the selection', group: 'Batch', where: 'queue' },
  blur: { keys: ['b'], label: 'Blur or unblur the design', group: 'Design', where: 'item' },
  zoom: { keys: ['z'], label: 'Zoom the design', group: 'Design', where: 'item' },
  goHeld: { keys: ['g h'], label: 'Held submissions', group: 'Go to' },
  goReview: { keys: ['g r'], label: '48-hour reviews', group: 'Go to' },
  goFlags: { keys: ['g f'], label: 'Manipulation flags', group: 'Go to' },
  goJournal: { keys: ['g j'], label: 'Decision journal', group: 'Go to' },
  goDashboard: { keys: ['g d'], label: 'Dashboard', group: 'Go to' },
  goConflicts: { keys: ['g c'], label: 'Conflicts', group: 'Go to' },
  goSettings: { keys: ['g s'], label: 'Settings', group: 'Go to' },
  palette: { keys: ['mod+k'], label: 'Command palette: jump to a queue, an item, a designer, a setting', group: 'General', global: true },
  filter: { keys: ['/'], label: 'Focus the filters', group: 'General', where: 'queue' },
  help: { keys: ['shift+?'], label: 'Show these keys', group: 'General' },
} as const satisfies Record<string, ShortcutSpec>;

export type ShortcutId = keyof typeof SHORTCUTS;
export type ShortcutHandler = (event: KeyboardEvent) => void;

export function isShortcutId(key: string): key is ShortcutId {
  return Object.hasOwn(SHORTCUTS, key);
}

const KEY_LABELS: Record<string, string> = {
  arrowdown: '↓',
  arrowup: '↑',
  enter: '⏎',
  escape: 'Esc',
  mod: 'Ctrl',
  shift: 'Shift',
  '?': '?',
  '/': '/',
};

/** "shift+x" → ["Shift", "X"]; "g h" → ["G", "H"]; "shift+?" → ["?"]. */
export function keyLabel(hotkey: string): string[] {
  if (hotkey === 'shift+?') return ['?'];
  return hotkey.split(/[+ ]/).map((part) => KEY_LABELS[part.toLowerCase()] ?? (part.length === 1 ? part.toUpperCase() : part));
}

/** The first key of a shortcut, as a button shows it beside its label. */
export function primaryKey(id: ShortcutId): string {
  return keyLabel(SHORTCUTS[id].keys[0] ?? '').join(' ');
}

// ---------------------------------------------------------------------------------------
// Sequences ("g h"): a capture listener notes the prefix key and marks the key that follows,
// so the second key runs the sequence and never its single-key meaning (g r is not "reject").

const SEQUENCE_PREFIXES = new Set(['g']);
const SEQUENCE_MS = 1500;
const sequenceOf = new WeakMap<KeyboardEvent, string>();

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isActivatable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (['BUTTON', 'A', 'SUMMARY'].includes(target.tagName)) return true;
  const role = target.getAttribute('role');
  return role !== null && ['button', 'link', 'checkbox', 'switch', 'tab', 'option', 'menuitem', 'radio'].includes(role);
}

const dialogOpen = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

export function installSequenceTracker(target: Window = window, now: () => number = () => performance.now()): () => void {
  let pending: { prefix: string; at: number } | null = null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
      pending = null;
      return;
    }
    if (pending !== null && now() - pending.at <= SEQUENCE_MS && event.key.length === 1) {
      sequenceOf.set(event, pending.prefix);
      pending = null;
      return;
    }
    pending = SEQUENCE_PREFIXES.has(event.key) ? { prefix: event.key, at: now() } : null;
    if (pending !== null) sequenceOf.set(event, `${event.key}-start`);
  };
  target.addEventListener('keydown', onKeyDown, true);
  return () => target.removeEventListener('keydown', onKeyDown, true);
}

export function useSequenceTracker(): void {
  useEffect(() => installSequenceTracker(), []);
}

/** Binds the given shortcuts while the calling component is mounted (and `enabled`). */
export function useShortcuts(handlers: Partial<Record<ShortcutId, ShortcutHandler>>, enabled = true): void {
  const items: HotkeyItem[] = [];
  if (enabled) {
    for (const id of Object.keys(handlers)) {
      if (!isShortcutId(id)) continue;
      const handler = handlers[id];
      if (handler === undefined) continue;
      const spec: ShortcutSpec = SHORTCUTS[id];
      for (const hotkey of spec.keys) {
        const [prefix, key] = hotkey.includes(' ') ? hotkey.split(' ') : [undefined, hotkey];
        if (key === undefined) continue;
        items.push([
          key,
          (event: KeyboardEvent) => {
            const mark = sequenceOf.get(event);
            if (prefix === undefined ? mark !== undefined : mark !== prefix) return;
            if (spec.global !== true && dialogOpen()) return;
            if (key === 'Enter' && isActivatable(event.target)) return;
            if (event.repeat && id !== 'next' && id !== 'previous') return;
            event.preventDefault();
            handler(event);
          },
          { preventDefault: false },
        ]);
      }
    }
  }
  useHotkeys(items);
}
