// Time arithmetic for the rule core. Every time is an ISO 8601 UTC string on the wire
// and epoch milliseconds inside a rule; nothing here reads a clock (RULES.md: time is an input).

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export type IsoTime = string;

/** Milliseconds since the epoch of an ISO time; throws on text that is not a time. */
export function toMs(iso: IsoTime): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 time: ${JSON.stringify(iso)}`);
  return ms;
}

export function toIso(ms: number): IsoTime {
  return new Date(ms).toISOString();
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The one way a time is written (SYNC-API.md): `YYYY-MM-DDTHH:mm:ss.sssZ`, so two times compare
 * as strings too. Inputs may leave out the milliseconds or carry more digits.
 */
export function canonicalTime(iso: IsoTime): IsoTime {
  return CANONICAL.test(iso) ? iso : toIso(toMs(iso));
}

export function addHours(iso: IsoTime, hours: number): IsoTime {
  return toIso(toMs(iso) + Math.round(hours * HOUR_MS));
}

export function addDays(iso: IsoTime, days: number): IsoTime {
  return toIso(toMs(iso) + Math.round(days * DAY_MS));
}
