// Times and numbers in the words of UI.md: relative in rows ("in 2 h 05 min", "overdue by 3 h"),
// absolute with the zone ("14:20 UTC, 2 Nov"), counts with separators, ratings with their count.
// Always platform time: callers pass the platform's now (local clock + measured offset).
import type { RatingFigure } from '../../../../electron/contract';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "45 min", "2 h 05 min", "3 h", "3 days 4 h"; whole minutes rounded down, never overstated. */
export function shortDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${days === 1 ? 'day' : 'days'} ${hours} h` : `${days} ${days === 1 ? 'day' : 'days'}`;
  return mins === 0 ? `${hours} h` : `${hours} h ${pad2(mins)} min`;
}

/** "in 2 h 05 min", "in under a minute"; past targets read "overdue by 3 h" (or `pastWord`). */
export function untilWords(targetMs: number, nowMs: number, pastWord = 'overdue by'): string {
  const left = targetMs - nowMs;
  if (left >= MINUTE) return `in ${shortDuration(left)}`;
  if (left > 0) return 'in under a minute';
  const over = -left;
  if (over < MINUTE) return pastWord === 'overdue by' ? 'due now' : 'now';
  return `${pastWord} ${shortDuration(over)}`;
}

/** "just now", "12 s ago", "3 min ago", "2 h 05 min ago". */
export function agoWords(thenMs: number, nowMs: number): string {
  const ago = Math.max(0, nowMs - thenMs);
  if (ago < 2000) return 'just now';
  if (ago < MINUTE) return `${Math.floor(ago / 1000)} s ago`;
  return `${shortDuration(ago)} ago`;
}

/** "14:20 UTC, 2 Nov" (with the year when it is not the reference's year). */
export function stamp(iso: string, referenceMs?: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  const base = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (referenceMs !== undefined && new Date(referenceMs).getUTCFullYear() !== d.getUTCFullYear()) return `${base} ${d.getUTCFullYear()}`;
  return base;
}

/** "2 Nov 2025" */
export function dateWords(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "14:20 UTC": the status bar's platform clock. */
export function clockWords(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
}

/** "120,000" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "2.31 (13)", or "unrated" when there is no rating yet. */
export function ratingWords(rating: Pick<RatingFigure, 'value' | 'count'>): string {
  return rating.value === null ? 'unrated' : `${rating.value} (${count(rating.count)})`;
}

/** "3 decisions", "1 decision" */
export function countOf(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}

export const TIME = { MINUTE, HOUR, DAY } as const;
