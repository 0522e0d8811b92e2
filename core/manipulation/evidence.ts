// RULES.md R12, "evidence": the words and the order every behaviour detector uses for its
// timeline, so a moderator reads a rating change, a report and a review the same way.
import { formatDuration, formatHours } from '../explain';
import { DAY_MS, HOUR_MS, toMs } from '../time';
import type { EvidenceItem } from '../wire/entities';

/** Items in time order; ties by kind and id so the same facts always read the same way. */
export function timeline(items: readonly EvidenceItem[]): EvidenceItem[] {
  return items
    .map((item) => ({ item, ms: toMs(item.at) }))
    .sort((a, b) => a.ms - b.ms || compareText(a.item.kind, b.item.kind) || compareText(a.item.id, b.item.id))
    .map(({ item }) => item);
}

/** Code-unit order, not locale order: the result must not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A quoted opening of a text for an evidence line. Counts code points, so an emoji is never
 * cut in half, and collapses whitespace so a multi-line message stays one line.
 */
export function excerpt(text: string, maxChars = 80): string {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim());
  const shown = chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('').trimEnd()}…` : chars.join('');
  return `“${shown}”`;
}

/** "45 min", "20 h", "7.5 h", "1 day", "3 days 4 h": how long after the contact something happened. */
export function formatGap(ms: number): string {
  if (ms < HOUR_MS || ms >= DAY_MS) return formatDuration(ms);
  return formatHours(ms / HOUR_MS);
}

export function stars(n: number): string {
  return `${n} ${n === 1 ? 'star' : 'stars'}`;
}

/** Two decimals for a similarity or a review's overall stars, without trailing noise. */
export function decimal2(value: number): string {
  return String(Number(value.toFixed(2)));
}
