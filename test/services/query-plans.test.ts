// The queue queries use the indexes of migration 0003, proven with EXPLAIN QUERY PLAN: every
// page and count the queues make reads its queue's index and never scans a whole table (a queue's
// whole size is one row of the totals migration 0007 keeps).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core';
import type { QueueFilter } from '../../electron/contract';
import { openCache, type CacheDb } from '../../electron/services/db/open-cache';
import type { QueryContext } from '../../electron/services/queries/context';
import { queueCounts, queuePage } from '../../electron/services/queries/queues';

let dir: string;
let db: CacheDb;
let ctx: QueryContext;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'console-plans-'));
  db = await openCache(join(dir, 'w.sqlite'));
  ctx = { read: db.read, platformNow: () => Date.parse('2026-11-02T12:00:00Z'), policy: () => DEFAULT_POLICY, moderatorId: 'm' };
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every statement `run` sends, with its plan. */
async function plansOf(run: () => Promise<unknown>): Promise<Array<{ sql: string; plan: string[] }>> {
  const queries: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => queries.push({ sql: q.sql, bindings: q.bindings ?? [] });
  db.read.on('query', listener);
  try {
    await run();
  } finally {
    db.read.off('query', listener);
  }
  const out = [];
  for (const q of queries) {
    const rows: Array<{ detail: string }> = await db.read.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never[]);
    out.push({ sql: q.sql, plan: rows.map((r) => r.detail) });
  }
  return out;
}

const SUBMISSION_FILTERS: Array<[string, QueueFilter, string]> = [
  ['no filter', {}, 'submissions_queue'],
  ['category', { category: 'logo' }, 'submissions_queue_category'],
  ['designer', { designerId: 'd1' }, 'submissions_queue_designer'],
  ['project', { projectId: 'p1' }, 'submissions_queue_project'],
];

describe('queue pages', () => {
  it.each(SUBMISSION_FILTERS)('held, %s: reads %s and scans no table', async (_name, filter, index) => {
    for (const paging of [{}, { offset: 100 }, { after: Buffer.from(JSON.stringify(['2026-11-02T00:00:00.000Z', 's1'])).toString('base64url') }]) {
      const plans = await plansOf(() => queuePage(ctx, { queue: 'held', limit: 50, sort: 'due', order: 'asc', filter, ...paging }));
      const submissionPlans = plans.filter((p) => /from `submissions`/i.test(p.sql));
      // The page's ids, and the total: a count of the filter's index range, or with no filter the
      // queue's size as migration 0007's triggers keep it.
      expect(submissionPlans.length).toBeGreaterThanOrEqual(filter === SUBMISSION_FILTERS[0]?.[1] ? 1 : 2);
      expect(plans.some((p) => /from `queue_totals`/i.test(p.sql))).toBe(Object.keys(filter).length === 0);
      for (const { plan } of submissionPlans) {
        expect(plan.join(' | ')).toContain(index);
        expect(plan.join(' | ')).not.toMatch(/SCAN (s|submissions)\b(?! USING)/);
      }
    }
  });

  it('48-hour reviews due soon and overdue read the queue index by due time', async () => {
    const plans = await plansOf(() => queuePage(ctx, { queue: 'review', limit: 50, sort: 'due', order: 'asc', filter: { overdue: true } }));
    const reads = plans.filter((p) => /from `submissions`/i.test(p.sql));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const { sql, plan } of reads) {
      expect(plan.join(' | '), sql).toMatch(/SEARCH s USING (COVERING )?INDEX submissions_queue \(queue=\? AND queue_at<\?\)/);
    }
  });

  it('sorted by arrival, reads the arrival index', async () => {
    const plans = await plansOf(() => queuePage(ctx, { queue: 'held', limit: 50, sort: 'arrived', order: 'desc' }));
    const page = plans.find((p) => /from submissions/i.test(p.sql) && /order by/i.test(p.sql));
    expect(page?.plan.join(' | ')).toContain('submissions_queue_arrived');
  });

  it('flags by score read the flags index', async () => {
    const plans = await plansOf(() => queuePage(ctx, { queue: 'flags', limit: 50, sort: 'due', order: 'asc' }));
    const reads = plans.filter((p) => /from `flags`/i.test(p.sql));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(plans.some((p) => /from `queue_totals`/i.test(p.sql))).toBe(true);
    for (const { plan } of reads) expect(plan.join(' | ')).toContain('flags_queue');
  });

  it('the counts read the kept totals and the due-time index only', async () => {
    const plans = await plansOf(() => queueCounts(ctx));
    expect(plans).toHaveLength(3);
    const [totals, ...ranges] = plans;
    expect(totals?.sql).toMatch(/from `queue_totals`/i);
    for (const { plan } of ranges) expect(plan.join(' | ')).toMatch(/USING (COVERING )?INDEX submissions_queue \(queue=\? AND queue_at/);
  });
});
