// Words for verdicts: every explanation a moderator reads is built from these, so times,
// durations and averages read the same on every screen. Times are shown in UTC, which is the
// platform's clock (SYNC-API.md); the console may add the local time beside them.
import { DAY_MS, HOUR_MS, MINUTE_MS, toMs, type IsoTime } from './time';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "17 November 2026" */
export function formatDate(iso: IsoTime): string {
  const d = new Date(toMs(iso));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "15:12 UTC", or "3 November 15:12 UTC" when `reference` falls on another day. */
export function formatTime(iso: IsoTime, reference?: IsoTime): string {
  const d = new Date(toMs(iso));
  const hhmm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
  if (reference === undefined) return hhmm;
  const r = new Date(toMs(reference));
  const sameDay =
    r.getUTCFullYear() === d.getUTCFullYear() && r.getUTCMonth() === d.getUTCMonth() && r.getUTCDate() === d.getUTCDate();
  return sameDay ? hhmm : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hhmm}`;
}

/** "2 h 05 min", "45 min", "3 days 4 h"; whole minutes, rounded down (a countdown never overstates). */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${plural(days, 'day')} ${hours} h` : `${days} ${plural(days, 'day')}`;
  return `${hours} h ${pad2(mins)} min`;
}

/** "3-day", "36-hour", "90-minute": a project's length as an adjective. */
export function formatLength(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS}-day`;
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS}-hour`;
  if (ms >= DAY_MS) return `${(ms / DAY_MS).toFixed(1)}-day`;
  return `${Math.round(ms / MINUTE_MS)}-minute`;
}

/** "7.2 h", "24 h": hours with at most one decimal. */
export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : Number(hours.toFixed(1))} h`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}

/** "13 rated designs" */
export function countOf(n: number, word: string, many?: string): string {
  return `${n} ${plural(n, word, many)}`;
}
