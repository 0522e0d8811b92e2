// Times and numbers in the words of UI.md.
import { describe, expect, it } from 'vitest';
import { agoWords, count, dateWords, ratingWords, shortDuration, stamp, untilWords } from '../../renderer/src/features/time/words';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.parse('2026-11-02T14:20:00.000Z');

describe('words for time', () => {
  it.each([
    [0, '0 min'],
    [59_999, '0 min'],
    [45 * MIN, '45 min'],
    [2 * HOUR + 5 * MIN, '2 h 05 min'],
    [3 * HOUR, '3 h'],
    [3 * HOUR + 59_999, '3 h'],
    [24 * HOUR, '1 day'],
    [76 * HOUR, '3 days 4 h'],
  ])('shortDuration(%i) is "%s" (rounded down, never overstated)', (ms, words) => {
    expect(shortDuration(ms)).toBe(words);
  });

  it.each([
    [NOW + 2 * HOUR + 5 * MIN, 'in 2 h 05 min'],
    [NOW + 30_000, 'in under a minute'],
    [NOW, 'due now'],
    [NOW - 3 * HOUR, 'overdue by 3 h'],
    [NOW - 3 * HOUR - 20 * MIN, 'overdue by 3 h 20 min'],
  ])('untilWords(%i) is "%s"', (target, words) => {
    expect(untilWords(target, NOW)).toBe(words);
  });

  it('names a passed release with its own word', () => {
    expect(untilWords(NOW - 2 * HOUR, NOW, 'released')).toBe('released 2 h');
  });

  it.each([
    [NOW, 'just now'],
    [NOW - 12_000, '12 s ago'],
    [NOW - 3 * MIN, '3 min ago'],
    [NOW - 2 * HOUR - 5 * MIN, '2 h 05 min ago'],
  ])('agoWords(%i) is "%s"', (then, words) => {
    expect(agoWords(then, NOW)).toBe(words);
  });

  it('writes absolute times in UTC with the day, and the year only when it differs', () => {
    expect(stamp('2026-11-02T14:20:00.000Z', NOW)).toBe('14:20 UTC, 2 Nov');
    expect(stamp('2025-12-31T23:59:00.000Z', NOW)).toBe('23:59 UTC, 31 Dec 2025');
    expect(dateWords('2025-03-09T10:00:00.000Z')).toBe('9 Mar 2025');
  });
});

describe('words for numbers', () => {
  it('separates thousands and writes ratings with their count', () => {
    expect(count(431_817)).toBe('431,817');
    expect(ratingWords({ value: '2.31', count: 13 })).toBe('2.31 (13)');
    expect(ratingWords({ value: null, count: 0 })).toBe('unrated');
  });
});
