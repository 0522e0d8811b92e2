// The decisions made on this machine as the journal screen lists them, one decision's detail
// with its journal entries, the conflicts to look at, and the CSV export.
import type { Knex } from 'knex';
import { z } from 'zod';
import { sanctionSchema, type Sanction } from '../../../core';
import type { Conflict, DecisionEntry, DecisionState, JournalRecord, Queue } from '../../contract';
import { NotFound } from '../queries/context';
import { journalOf } from './journal';

export interface DecisionFilter {
  state?: DecisionState | undefined;
  subjectType?: 'submission' | 'flag' | undefined;
  subjectId?: string | undefined;
  outcome?: 'approve' | 'reject' | 'dismiss' | 'confirm' | undefined;
  reasonCode?: string | undefined;
  moderatorId?: string | undefined;
  queue?: Queue | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface DecisionRowDb {
  decision_id: string;
  subject_type: 'submission' | 'flag';
  subject_id: string;
  outcome: 'approve' | 'reject' | 'dismiss' | 'confirm';
  reason_code: string | null;
  note: string | null;
  sanctions: string | null;
  decided_at: string;
  moderator_id: string;
  queue: Queue | null;
  state: DecisionState;
  platform_answer: string | null;
}

const sanctionsSchema = z.array(sanctionSchema);

function entryOf(row: DecisionRowDb): DecisionEntry {
  const sanctions: Sanction[] | undefined = row.sanctions === null ? undefined : sanctionsSchema.parse(JSON.parse(row.sanctions));
  return {
    decisionId: row.decision_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    outcome: row.outcome,
    ...(row.reason_code === null ? {} : { reasonCode: row.reason_code }),
    ...(row.note === null ? {} : { note: row.note }),
    ...(sanctions === undefined ? {} : { sanctions }),
    decidedAt: row.decided_at,
    moderatorId: row.moderator_id,
    ...(row.queue === null ? {} : { queue: row.queue }),
    state: row.state,
    ...(row.platform_answer === null ? {} : { platformAnswer: row.platform_answer }),
  };
}

function filtered(db: Knex, filter: DecisionFilter): Knex.QueryBuilder {
  const query = db('decisions');
  if (filter.state !== undefined) query.where('state', filter.state);
  if (filter.subjectType !== undefined) query.where('subject_type', filter.subjectType);
  if (filter.subjectId !== undefined) query.where('subject_id', filter.subjectId);
  if (filter.outcome !== undefined) query.where('outcome', filter.outcome);
  if (filter.reasonCode !== undefined) query.where('reason_code', filter.reasonCode);
  if (filter.moderatorId !== undefined) query.where('moderator_id', filter.moderatorId);
  if (filter.queue !== undefined) query.where('queue', filter.queue);
  if (filter.from !== undefined) query.where('decided_at', '>=', filter.from);
  if (filter.to !== undefined) query.where('decided_at', '<', filter.to);
  return query;
}

const cursorOf = (row: DecisionRowDb) => Buffer.from(JSON.stringify([row.decided_at, row.decision_id])).toString('base64url');
const cursorSchema = z.tuple([z.string().max(40), z.string().max(200)]);

/** Newest first. */
export async function listDecisions(db: Knex, filter: DecisionFilter, limit: number, after?: string): Promise<{ items: DecisionEntry[]; next: string | null; total: number }> {
  const query = filtered(db, filter).orderBy('decided_at', 'desc').orderBy('decision_id', 'desc').limit(limit + 1);
  if (after !== undefined) {
    const parsed = cursorSchema.safeParse((() => {
      try {
        return JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
    })());
    if (!parsed.success) throw new RangeError('after: not a cursor this console gave out');
    const [at, id] = parsed.data;
    query.whereRaw('(decided_at, decision_id) < (?, ?)', [at, id]);
  }
  const [rows, total]: [DecisionRowDb[], { n: number } | undefined] = await Promise.all([query, filtered(db, filter).count<{ n: number }[]>({ n: '*' }).first()]);
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1) : undefined;
  return { items: page.map(entryOf), next: last === undefined ? null : cursorOf(last), total: Number(total?.n ?? 0) };
}

export async function getDecision(db: Knex, decisionId: string): Promise<DecisionEntry & { journal: JournalRecord[] }> {
  const row: DecisionRowDb | undefined = await db('decisions').where({ decision_id: decisionId }).first();
  if (row === undefined) throw new NotFound(`No decision ${decisionId} was made here.`);
  const journal = (await journalOf(db, decisionId)).map((j) => ({
    n: j.n,
    kind: z.enum(['decided', 'undone', 'sent', 'answered']).parse(j.kind),
    decisionId: j.decision_id,
    atPlatform: j.at_platform,
    atLocal: j.at_local,
    moderatorId: j.moderator_id,
    payload: z.record(z.string(), z.unknown()).parse(JSON.parse(j.payload)),
    hash: j.hash,
  }));
  return { ...entryOf(row), journal };
}

/** RFC 4180: quote every field that needs it; a leading = + - @ is defused against spreadsheet formulas. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(','))].join('\r\n') + '\r\n';
}

export const EXPORT_MAX_ROWS = 100_000;

export async function exportDecisions(db: Knex, filter: DecisionFilter): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows: DecisionRowDb[] = await filtered(db, filter).orderBy('decided_at').orderBy('decision_id').limit(EXPORT_MAX_ROWS + 1);
  const truncated = rows.length > EXPORT_MAX_ROWS;
  const list = rows.slice(0, EXPORT_MAX_ROWS).map(entryOf);
  const header = ['decisionId', 'subjectType', 'subjectId', 'outcome', 'reasonCode', 'note', 'sanctions', 'decidedAt', 'moderatorId', 'queue', 'state', 'platformAnswer'];
  const csv = toCsv(
    header,
    list.map((d) => [d.decisionId, d.subjectType, d.subjectId, d.outcome, d.reasonCode ?? '', d.note ?? '', d.sanctions === undefined ? '' : JSON.stringify(d.sanctions), d.decidedAt, d.moderatorId, d.queue ?? '', d.state, d.platformAnswer ?? '']),
  );
  return { csv, rows: list.length, truncated };
}

interface ConflictRowDb {
  decision_id: string;
  subject_type: 'submission' | 'flag';
  subject_id: string;
  kind: 'conflict' | 'refused';
  summary: string;
  detail: string;
  theirs: string | null;
  current_status: string | null;
  at: string;
  acknowledged: number;
  outcome: 'approve' | 'reject' | 'dismiss' | 'confirm';
}

const theirsSchema = z.object({ decisionId: z.string(), outcome: z.enum(['approve', 'reject', 'dismiss', 'confirm']), reasonCode: z.string().optional(), moderatorId: z.string(), moderatorName: z.string(), at: z.string() });

export async function listConflicts(db: Knex, includeAcknowledged: boolean, limit: number): Promise<{ items: Conflict[]; total: number }> {
  const base = () => {
    const q = db('conflicts as c').join('decisions as d', 'd.decision_id', 'c.decision_id');
    if (!includeAcknowledged) q.where('c.acknowledged', 0);
    return q;
  };
  const [rows, total]: [ConflictRowDb[], { n: number } | undefined] = await Promise.all([
    base().orderBy('c.at', 'desc').limit(limit).select('c.*', 'd.outcome'),
    base().count<{ n: number }[]>({ n: '*' }).first(),
  ]);
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((row) => {
      const theirs = row.theirs === null ? undefined : theirsSchema.safeParse(JSON.parse(row.theirs));
      return {
        decisionId: row.decision_id,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        kind: row.kind,
        summary: row.summary,
        detail: row.detail,
        yourOutcome: row.outcome,
        ...(theirs?.success === true ? { theirs: theirs.data } : {}),
        ...(row.current_status === null ? {} : { currentStatus: row.current_status }),
        at: row.at,
        acknowledged: row.acknowledged === 1,
      };
    }),
  };
}

export async function acknowledgeConflict(db: Knex, decisionId: string): Promise<boolean> {
  const n = await db('conflicts').where({ decision_id: decisionId }).update({ acknowledged: 1 });
  if (n === 0) throw new NotFound(`No conflict for decision ${decisionId}.`);
  return true;
}
