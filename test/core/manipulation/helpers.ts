// Shared fixtures for the behaviour-detector and flag tests: empty facts, times counted from
// the fixtures' day, and ratings with a history.
import { addHours, type IsoTime, type Rating } from '../../../core';
import type { DetectionFacts } from '../../../core/manipulation';
import { makeRating, T0 } from '../builders';

export { T0 };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** T0 plus `hours` (fractions allowed, to the millisecond). */
export function hoursAfter(hours: number, from: IsoTime = T0): IsoTime {
  return addHours(from, hours);
}

export function daysAfter(days: number, from: IsoTime = T0): IsoTime {
  return addHours(from, days * 24);
}

/** T0 plus a number of milliseconds, for boundaries "just over" a window. */
export function msAfter(ms: number, from: IsoTime = T0): IsoTime {
  return new Date(Date.parse(from) + ms).toISOString();
}

export function facts(overrides: Partial<DetectionFacts> = {}): DetectionFacts {
  return { designers: [], customers: [], messages: [], ratings: [], reviews: [], reports: [], contracts: [], ...overrides };
}

/** A rating whose history is the given changes, oldest first; `stars` is the last change's. */
export function ratingWith(changes: readonly (readonly [number | null, IsoTime])[], overrides: Partial<Rating> = {}): Rating {
  const history = changes.map(([stars, at]) => ({ stars, at }));
  const last = history[history.length - 1];
  return makeRating(last?.stars ?? null, { history, ...overrides });
}

/** A far-future asOf, for tests where time is not the point. */
export const LATER = '2027-06-01T00:00:00.000Z';
