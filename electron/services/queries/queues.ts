// The queues (PRODUCT.md, "What a moderator sees"): held submissions by releaseAt, 48-hour
// reviews by reviewDueAt, open flags by score, then by id. Pages walk on with a keyset cursor
// (`after`) or jump to a row (`offset`); both use the indexes of migration 0003, which
// test/services/query-plans.test.ts proves. A decision waiting in the outbox takes its item out
// of the queue at once (the derived `queue` column).
import type { Knex } from 'knex';
import { z } from 'zod';
import { DETECTORS, HOUR_MS, toIso, type Designer, type Flag, type Project, type Submission, launchWindow } from '../../../core';
import type { FlagRow, QueueCounts, QueueFilter, QueuePageInput, QueueRow, SubmissionRow } from '../../contract';
import type { QueryContext } from './context';
import { ratingFigure } from './figures';
import { lookersOf } from './lookers';

export class BadCursor extends Error {
  override name = 'BadCursor';
}

const cursorSchema = z.tuple([z.union([z.string().max(100), z.number()]), z.string().max(200)]);

function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadCursor('after: not a cursor this console gave out');
  }
}

/** The 48-hour queue's "due soon" starts this long before reviewDueAt (12 h of 48 by default). */
function dueSoonLeadMs(ctx: QueryContext): number {
  const { reviewSlaHours, warnFraction } = ctx.policy().verification;
  return Math.round(reviewSlaHours * (1 - warnFraction) * HOUR_MS);
}

type Builder = Knex.QueryBuilder;

function submissionFilters(ctx: QueryContext, query: Builder, queue: 'held' | 'review', filter: QueueFilter = {}): Builder {
  const nowMs = ctx.platformNow();
  query.where('s.queue', queue);
  if (filter.category !== undefined) query.where('s.category', filter.category);
  if (filter.designerId !== undefined) query.where('s.designer_id', filter.designerId);
  if (filter.projectId !== undefined) query.where('s.project_id', filter.projectId);
  if (filter.minAgeHours !== undefined) query.where('s.submitted_at', '<=', toIso(nowMs - filter.minAgeHours * HOUR_MS));
  if (filter.maxAgeHours !== undefined) query.where('s.submitted_at', '>=', toIso(nowMs - filter.maxAgeHours * HOUR_MS));
  if (queue === 'review') {
    const now = toIso(nowMs);
    // Due soon and overdue are two slices of the same order; asking for both gives both.
    if (filter.overdue === true && filter.dueSoon === true) query.where('s.queue_at', '<', toIso(nowMs + dueSoonLeadMs(ctx)));
    else if (filter.overdue === true) query.where('s.queue_at', '<', now);
    else if (filter.dueSoon === true) query.where('s.queue_at', '>=', now).where('s.queue_at', '<', toIso(nowMs + dueSoonLeadMs(ctx)));
  }
  return query;
}

function flagFilters(query: Builder, filter: QueueFilter = {}): Builder {
  query.where('f.queue', 'flags');
  if (filter.designerId !== undefined) query.where('f.designer_id', filter.designerId);
  if (filter.minScore !== undefined) query.where('f.score', '>=', filter.minScore);
  if (filter.detector !== undefined) {
    query.whereRaw("EXISTS (SELECT 1 FROM json_each(f.data, '$.hits') h WHERE json_extract(h.value, '$.detector') = ?)", [filter.detector]);
  }
  return query;
}

async function countOf(query: Builder): Promise<number> {
  const row: { n: number } | undefined = await query.clearSelect().clearOrder().count<{ n: number }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

type QueueName = 'held' | 'review' | 'flags';

/** Whether a filter narrows this queue (filters of another queue's kind are ignored by it). */
function narrows(queue: QueueName, filter: QueueFilter = {}): boolean {
  if (filter.designerId !== undefined) return true;
  if (queue === 'flags') return filter.minScore !== undefined || filter.detector !== undefined;
  const common = filter.category !== undefined || filter.projectId !== undefined || filter.minAgeHours !== undefined || filter.maxAgeHours !== undefined;
  return common || (queue === 'review' && (filter.dueSoon === true || filter.overdue === true));
}

/** The queues' sizes as the triggers of migration 0007 keep them: one row each, not a count. */
async function queueTotals(ctx: QueryContext): Promise<Record<QueueName, number>> {
  const rows: Array<{ queue: string; n: number }> = await ctx.read('queue_totals').select('queue', 'n');
  const totals = { held: 0, review: 0, flags: 0 };
  for (const row of rows) if (row.queue === 'held' || row.queue === 'review' || row.queue === 'flags') totals[row.queue] = Number(row.n);
  return totals;
}

async function totalOf(ctx: QueryContext, queue: QueueName, filter: QueueFilter | undefined, count: () => Builder): Promise<number> {
  return narrows(queue, filter) ? countOf(count()) : (await queueTotals(ctx))[queue];
}

export async function queueCounts(ctx: QueryContext): Promise<QueueCounts> {
  const base = (filter: QueueFilter) => countOf(submissionFilters(ctx, ctx.read('submissions as s'), 'review', filter));
  const [totals, reviewDueSoon, reviewOverdue] = await Promise.all([queueTotals(ctx), base({ dueSoon: true }), base({ overdue: true })]);
  return { held: totals.held, review: totals.review, reviewDueSoon, reviewOverdue, flags: totals.flags };
}

interface SubmissionJoined {
  id: string;
  sdata: string;
  ddata: string | null;
  pdata: string | null;
  rsum: number | null;
  rcount: number | null;
  queue_at: string;
  submitted_at: string;
}

function submissionRow(ctx: QueryContext, row: SubmissionJoined): SubmissionRow {
  const s = JSON.parse(row.sdata) as Submission;
  const d = row.ddata === null ? null : (JSON.parse(row.ddata) as Designer);
  const p = row.pdata === null ? null : (JSON.parse(row.pdata) as Project);
  const category = p?.category ?? 'logo';
  return {
    subjectType: 'submission',
    id: s.id,
    rev: s.rev,
    status: s.status,
    kind: s.kind,
    submittedAt: s.submittedAt,
    ...(s.releaseAt === undefined ? {} : { releaseAt: s.releaseAt }),
    ...(s.reviewDueAt === undefined ? {} : { reviewDueAt: s.reviewDueAt }),
    assetId: s.assetId,
    designer: {
      id: s.designerId,
      handle: d?.handle ?? s.designerId,
      displayName: d?.displayName ?? '',
      verification: d?.verification ?? 'unverified',
      accountStatus: d?.accountStatus ?? 'active',
    },
    rating: ratingFigure(category, row.rsum, row.rcount),
    project: {
      id: s.projectId,
      title: p?.title ?? s.projectId,
      category,
      kind: p?.kind ?? 'contest',
      status: p?.status ?? 'open',
      launchedAt: p?.launchedAt ?? s.submittedAt,
      endsAt: p?.endsAt ?? s.submittedAt,
      launchWindowEndsAt: p === null ? s.submittedAt : launchWindow(p, ctx.policy()).endsAt,
    },
    lookers: [],
  };
}

interface FlagJoined {
  id: string;
  fdata: string;
  ddata: string | null;
  cdata: string | null;
  score: number;
  created_at: string;
}

function flagRow(row: FlagJoined): FlagRow {
  const f = JSON.parse(row.fdata) as Flag;
  const d = row.ddata === null ? null : (JSON.parse(row.ddata) as Designer);
  const c = row.cdata === null ? null : (JSON.parse(row.cdata) as { id: string; displayName: string });
  const detectors = DETECTORS.filter((name) => f.hits.some((h) => h.detector === name));
  const first = [...f.hits].sort((a, b) => b.score - a.score)[0];
  return {
    subjectType: 'flag',
    id: f.id,
    rev: f.rev,
    status: f.status,
    score: f.score,
    detectors,
    designer: {
      id: f.designerId,
      handle: d?.handle ?? f.designerId,
      displayName: d?.displayName ?? '',
      verification: d?.verification ?? 'unverified',
      accountStatus: d?.accountStatus ?? 'active',
    },
    ...(f.customerId === undefined ? {} : { customer: { id: f.customerId, displayName: c?.displayName ?? f.customerId } }),
    createdAt: f.createdAt,
    firstHit: first?.evidence.summary ?? '',
    lookers: [],
  };
}

export interface QueuePage {
  items: QueueRow[];
  total: number;
  next: string | null;
  /** The row number of the first item, or null when walking on with `after`. */
  offset: number | null;
}

type ParsedPageInput = Omit<QueuePageInput, 'limit' | 'sort' | 'order'> & { limit: number; sort: 'due' | 'arrived'; order: 'asc' | 'desc' };

/**
 * The rows of a page in the order of `ids`, with what they show joined in. Paging picks the ids
 * from the queue's index alone first, so a jump to row 80,000 walks 80,000 index entries, not
 * 80,000 joined rows.
 */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function queuePage(ctx: QueryContext, input: ParsedPageInput): Promise<QueuePage> {
  const desc = input.order === 'desc';
  const after = input.after === undefined ? null : decodeCursor(input.after);
  const offset = input.offset ?? 0;
  if (input.queue === 'flags') {
    // Flags: highest score first (the queue's order); "desc" turns it round.
    const keyColumn = input.sort === 'arrived' ? 'f.created_at' : 'f.score';
    const keyDesc = input.sort === 'arrived' ? desc : !desc;
    const base = () => flagFilters(ctx.read('flags as f'), input.filter);
    const idQuery = base()
      .select('f.id', `${keyColumn} as key`)
      .orderBy(keyColumn, keyDesc ? 'desc' : 'asc')
      .orderBy('f.id', 'asc')
      .limit(input.limit + 1);
    if (after !== null) {
      const [key, id] = after;
      idQuery.where((w) => w.where(keyColumn, keyDesc ? '<' : '>', key).orWhere((e) => e.where(keyColumn, key).where('f.id', '>', id)));
    } else if (offset > 0) idQuery.offset(offset);
    const [picked, total]: [Array<{ id: string; key: string | number }>, number] = await Promise.all([idQuery, totalOf(ctx, 'flags', input.filter, base)]);
    const ids = picked.slice(0, input.limit).map((r) => r.id);
    const rows: FlagJoined[] =
      ids.length === 0
        ? []
        : await ctx
            .read('flags as f')
            .leftJoin('designers as d', 'd.id', 'f.designer_id')
            .leftJoin('customers as c', 'c.id', 'f.customer_id')
            .whereIn('f.id', ids)
            .select('f.id', 'f.data as fdata', 'd.data as ddata', 'c.data as cdata', 'f.score', 'f.created_at');
    const page = inOrder(ids, rows).map(flagRow);
    const last = picked.length > input.limit ? picked[input.limit - 1] : undefined;
    const lookers = await lookersOf(ctx, 'flag', page.map((r) => r.id));
    return {
      items: page.map((row) => ({ ...row, lookers: lookers.get(row.id) ?? [] })),
      total,
      next: last === undefined ? null : encodeCursor(last.key, last.id),
      offset: after === null ? offset : null,
    };
  }
  const keyColumn = input.sort === 'arrived' ? 's.submitted_at' : 's.queue_at';
  const queue = input.queue === 'held' ? 'held' : 'review';
  const base = () => submissionFilters(ctx, ctx.read('submissions as s'), queue, input.filter);
  // By arrival with no narrower filter, the arrival index gives the order without a sort; the
  // planner without statistics may not see that, so it is named.
  const narrowed = input.filter?.category !== undefined || input.filter?.designerId !== undefined || input.filter?.projectId !== undefined;
  const from = input.sort === 'arrived' && !narrowed ? ctx.read.raw('submissions AS s INDEXED BY submissions_queue_arrived') : 'submissions as s';
  const idQuery = submissionFilters(ctx, ctx.read.from(from), queue, input.filter)
    .select('s.id', `${keyColumn} as key`)
    .orderBy(keyColumn, desc ? 'desc' : 'asc')
    .orderBy('s.id', desc ? 'desc' : 'asc')
    .limit(input.limit + 1);
  if (after !== null) {
    const [key, id] = after;
    idQuery.whereRaw(`(${keyColumn}, s.id) ${desc ? '<' : '>'} (?, ?)`, [key, id]);
  } else if (offset > 0) idQuery.offset(offset);
  const [picked, total]: [Array<{ id: string; key: string }>, number] = await Promise.all([idQuery, totalOf(ctx, queue, input.filter, base)]);
  const ids = picked.slice(0, input.limit).map((r) => r.id);
  const rows: SubmissionJoined[] =
    ids.length === 0
      ? []
      : await ctx
          .read('submissions as s')
          .leftJoin('designers as d', 'd.id', 's.designer_id')
          .leftJoin('projects as p', 'p.id', 's.project_id')
          .leftJoin('designer_ratings as r', (j) => j.on('r.designer_id', 's.designer_id').andOn('r.category', 's.category'))
          .whereIn('s.id', ids)
          .select('s.id', 's.data as sdata', 'd.data as ddata', 'p.data as pdata', 'r.sum as rsum', 'r.count as rcount', 's.queue_at', 's.submitted_at');
  const page = inOrder(ids, rows).map((row) => submissionRow(ctx, row));
  const last = picked.length > input.limit ? picked[input.limit - 1] : undefined;
  const lookers = await lookersOf(ctx, 'submission', page.map((r) => r.id));
  return {
    items: page.map((row) => ({ ...row, lookers: lookers.get(row.id) ?? [] })),
    total,
    next: last === undefined ? null : encodeCursor(last.key, last.id),
    offset: after === null ? offset : null,
  };
}
