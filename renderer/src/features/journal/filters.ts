// The journal's filter as URL parameters and back (`#/journal?state=applied&outcome=reject…`),
// so a filtered view can be shared and restored from the hash. Unknown or malformed values are
// dropped one by one, never fatal. Dates are whole days in platform time (UTC): `from` is the
// first day, `to` the last day, both included.
import { OUTCOMES } from '../../../../core';
import { DECISION_STATES, QUEUES, type DecisionState, type Queue } from '../../../../electron/contract';

export type Outcome = (typeof OUTCOMES)[number];

export interface JournalFilter {
  state?: DecisionState;
  outcome?: Outcome;
  reasonCode?: string;
  queue?: Queue;
  moderatorId?: string;
  subjectId?: string;
  /** YYYY-MM-DD, platform time. */
  fromDay?: string;
  toDay?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00.000Z`)) && new Date(`${s}T00:00:00.000Z`).toISOString().startsWith(s);
const within = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);
const bounded = (value: string | null, max: number) => value !== null && value.length > 0 && value.length <= max;

export function parseJournalFilter(search: string): JournalFilter {
  const p = new URLSearchParams(search);
  const f: JournalFilter = {};
  const state = p.get('state');
  if (within(DECISION_STATES, state)) f.state = state;
  const outcome = p.get('outcome');
  if (within(OUTCOMES, outcome)) f.outcome = outcome;
  const reason = p.get('reason');
  if (bounded(reason, 100) && reason !== null && /^[a-z_]+$/.test(reason)) f.reasonCode = reason;
  const queue = p.get('queue');
  if (within(QUEUES, queue)) f.queue = queue;
  const moderator = p.get('moderator');
  if (bounded(moderator, 200) && moderator !== null) f.moderatorId = moderator;
  const subject = p.get('subject');
  if (bounded(subject, 200) && subject !== null) f.subjectId = subject;
  const from = p.get('from');
  if (from !== null && validDay(from)) f.fromDay = from;
  const to = p.get('to');
  if (to !== null && validDay(to)) f.toDay = to;
  return f;
}

export function journalFilterToSearch(f: JournalFilter): string {
  const p = new URLSearchParams();
  if (f.state !== undefined) p.set('state', f.state);
  if (f.outcome !== undefined) p.set('outcome', f.outcome);
  if (f.reasonCode !== undefined) p.set('reason', f.reasonCode);
  if (f.queue !== undefined) p.set('queue', f.queue);
  if (f.moderatorId !== undefined) p.set('moderator', f.moderatorId);
  if (f.subjectId !== undefined) p.set('subject', f.subjectId);
  if (f.fromDay !== undefined) p.set('from', f.fromDay);
  if (f.toDay !== undefined) p.set('to', f.toDay);
  return p.toString();
}

export function journalPath(f: JournalFilter, open?: string): string {
  const search = journalFilterToSearch(f);
  const withOpen = open === undefined ? search : [search, `open=${encodeURIComponent(open)}`].filter((s) => s !== '').join('&');
  return withOpen === '' ? '/journal' : `/journal?${withOpen}`;
}

/** The console API's filter: days become the instants that bound them (`to` is exclusive). */
export function toApiFilter(f: JournalFilter): {
  state?: DecisionState;
  outcome?: Outcome;
  reasonCode?: string;
  queue?: Queue;
  moderatorId?: string;
  subjectId?: string;
  from?: string;
  to?: string;
} {
  const { fromDay, toDay, ...rest } = f;
  return {
    ...rest,
    ...(fromDay === undefined ? {} : { from: `${fromDay}T00:00:00.000Z` }),
    ...(toDay === undefined ? {} : { to: new Date(Date.parse(`${toDay}T00:00:00.000Z`) + 86_400_000).toISOString() }),
  };
}

export function isJournalFiltered(f: JournalFilter): boolean {
  return Object.keys(f).length > 0;
}
