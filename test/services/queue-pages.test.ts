// Queue pages against a cache filled with known rows: walking on with `after` visits every item
// once in the queue's order; a jump with `offset` lands on the same rows; filters, sort orders
// and counts agree with the same questions asked of the rows directly.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, toIso, type Submission } from '../../core';
import type { QueueFilter } from '../../electron/contract';
import { entityRow } from '../../electron/services/cache/entity-tables';
import { openCache, type CacheDb } from '../../electron/services/db/open-cache';
import type { QueryContext } from '../../electron/services/queries/context';
import { queueCounts, queuePage } from '../../electron/services/queries/queues';

const NOW = Date.parse('2026-11-10T12:00:00.000Z');
const CATEGORIES = ['logo', 'web', 'packaging'] as const;
let dir: string;
let db: CacheDb;
let ctx: QueryContext;
const submissions: Array<Submission & { category: string }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'console-pages-'));
  db = await openCache(join(dir, 'w.sqlite'));
  ctx = { read: db.read, platformNow: () => NOW, policy: () => DEFAULT_POLICY, moderatorId: 'm' };
  let seed = 17;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 400; i++) {
    const status = i % 5 === 0 ? 'visible' : i % 2 === 0 ? 'held' : 'pending_review';
    const submitted = NOW - Math.floor(random() * 72) * HOUR_MS - (i % 7) * 60_000;
    // Some share a release or due time, so the id decides their order.
    const release = NOW + Math.floor(random() * 12) * HOUR_MS;
    submissions.push({
      id: `s${String(i).padStart(3, '0')}`,
      rev: 1,
      projectId: `p${i % 9}`,
      designerId: `d${i % 13}`,
      kind: 'original',
      submittedAt: toIso(submitted),
      status,
      ...(status === 'held' ? { holdReason: 'held_low_rating' as const, releaseAt: toIso(release) } : {}),
      ...(status === 'pending_review' ? { reviewDueAt: toIso(submitted + 48 * HOUR_MS) } : {}),
      assetId: `a${i}`,
      category: CATEGORIES[i % 9 % 3] ?? 'logo',
      history: undefined,
    } as Submission & { category: string });
  }
  await db.transaction('cache', async (trx) => {
    for (const s of submissions) {
      const { category, ...entity } = s;
      await trx('submissions').insert({ ...entityRow('submission', entity), category });
    }
  });
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

function expected(queue: 'held' | 'review', filter: QueueFilter = {}, sort: 'due' | 'arrived' = 'due', order: 'asc' | 'desc' = 'asc'): string[] {
  const lead = DEFAULT_POLICY.verification.reviewSlaHours * (1 - DEFAULT_POLICY.verification.warnFraction) * HOUR_MS;
  return submissions
    .filter((s) => (queue === 'held' ? s.status === 'held' : s.status === 'pending_review'))
    .filter((s) => filter.category === undefined || s.category === filter.category)
    .filter((s) => filter.designerId === undefined || s.designerId === filter.designerId)
    .filter((s) => {
      if (queue !== 'review') return true;
      const due = Date.parse(s.reviewDueAt ?? '');
      if (filter.overdue === true && filter.dueSoon === true) return due < NOW + lead;
      if (filter.overdue === true) return due < NOW;
      if (filter.dueSoon === true) return due >= NOW && due < NOW + lead;
      return true;
    })
    .filter((s) => filter.minAgeHours === undefined || Date.parse(s.submittedAt) <= NOW - filter.minAgeHours * HOUR_MS)
    .map((s) => ({ id: s.id, key: sort === 'arrived' ? s.submittedAt : queue === 'held' ? (s.releaseAt ?? '') : (s.reviewDueAt ?? '') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1) * (order === 'desc' ? -1 : 1))
    .map((r) => r.id);
}

async function walk(queue: 'held' | 'review', limit: number, filter?: QueueFilter, sort: 'due' | 'arrived' = 'due', order: 'asc' | 'desc' = 'asc'): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await queuePage(ctx, { queue, limit, sort, order, ...(filter === undefined ? {} : { filter }), ...(after === undefined ? {} : { after }) });
    ids.push(...page.items.map((i) => i.id));
    if (page.next === null) return ids;
    after = page.next;
  }
  throw new Error('the walk did not end');
}

describe('walking a queue', () => {
  it.each([
    ['held by release', 'held', undefined, 'due', 'asc'],
    ['held newest first', 'held', undefined, 'arrived', 'desc'],
    ['48-hour by due time', 'review', undefined, 'due', 'asc'],
    ['48-hour overdue', 'review', { overdue: true }, 'due', 'asc'],
    ['48-hour due soon', 'review', { dueSoon: true }, 'due', 'asc'],
    ['48-hour logo, latest due first', 'review', { category: 'logo' }, 'due', 'desc'],
    ['held of one designer', 'held', { designerId: 'd4' }, 'due', 'asc'],
    ['held at least a day old', 'held', { minAgeHours: 24 }, 'arrived', 'asc'],
  ] as const)('%s: every item once, in order, whatever the page size', async (_name, queue, filter, sort, order) => {
    const want = expected(queue, filter, sort, order);
    expect(want.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), async (limit) => {
        expect(await walk(queue, limit, filter, sort, order)).toEqual(want);
      }),
      { numRuns: 8 },
    );
  });

  it('a jump to a row lands where the walk would be, with the total', async () => {
    const want = expected('review');
    for (const offset of [0, 1, 37, want.length - 3, want.length]) {
      const page = await queuePage(ctx, { queue: 'review', limit: 5, offset, sort: 'due', order: 'asc' });
      expect(page.items.map((i) => i.id)).toEqual(want.slice(offset, offset + 5));
      expect(page).toMatchObject({ total: want.length, offset });
    }
  });

  it('counts what the pages show', async () => {
    const counts = await queueCounts(ctx);
    expect(counts).toEqual({
      held: expected('held').length,
      review: expected('review').length,
      reviewDueSoon: expected('review', { dueSoon: true }).length,
      reviewOverdue: expected('review', { overdue: true }).length,
      flags: 0,
    });
  });

  it('leaves out an item with a decision waiting in the outbox', async () => {
    const first = expected('held')[0] ?? '';
    await db.write('submissions').where({ id: first }).update({ pending_decision_id: 'dec-x' });
    try {
      expect(await walk('held', 50)).toEqual(expected('held').slice(1));
      expect((await queueCounts(ctx)).held).toBe(expected('held').length - 1);
    } finally {
      await db.write('submissions').where({ id: first }).update({ pending_decision_id: null });
    }
  });

  it('refuses a cursor it did not give out', async () => {
    await expect(queuePage(ctx, { queue: 'held', limit: 5, after: 'bm90LWEtY3Vyc29y', sort: 'due', order: 'asc' })).rejects.toThrow(/not a cursor/);
  });
});

describe('the queue totals the triggers keep (migration 0007)', () => {
  const STATUSES = ['held', 'pending_review', 'visible', 'rejected'] as const;
  const op = fc.oneof(
    fc.record({ kind: fc.constant('upsert' as const), id: fc.integer({ min: 0, max: 30 }), status: fc.constantFrom(...STATUSES), rev: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('pending' as const), id: fc.integer({ min: 0, max: 30 }), pending: fc.boolean() }),
    fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 30 }) }),
    fc.record({ kind: fc.constant('flag' as const), id: fc.integer({ min: 0, max: 10 }), open: fc.boolean() }),
  );

  it('equal a count of the rows after any inserts, updates, pending marks and deletes (property)', async () => {
    const cache = await openCache(join(dir, 'totals.sqlite'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
          await cache.transaction('cache', async (trx) => {
            for (const o of ops) {
              const id = `t${o.id}`;
              if (o.kind === 'upsert') {
                const s = { id, rev: o.rev, projectId: 'p', designerId: 'd', kind: 'original', submittedAt: toIso(NOW), status: o.status, assetId: 'a',
                  ...(o.status === 'held' ? { holdReason: 'held_low_rating', releaseAt: toIso(NOW + HOUR_MS) } : {}),
                  ...(o.status === 'pending_review' ? { reviewDueAt: toIso(NOW + HOUR_MS) } : {}) } as Submission;
                await trx('submissions').insert({ ...entityRow('submission', s), category: 'logo' }).onConflict('id').merge();
              } else if (o.kind === 'pending') await trx('submissions').where({ id }).update({ pending_decision_id: o.pending ? `dec-${id}` : null });
              else if (o.kind === 'delete') await trx('submissions').where({ id }).delete();
              else {
                const flag = { id: `f${o.id}`, rev: 1, designerId: 'd', status: o.open ? 'open' : 'dismissed', score: 50, createdAt: toIso(NOW), hits: [] };
                await trx('flags').insert({ id: flag.id, rev: 1, designer_id: 'd', status: flag.status, score: 50, created_at: flag.createdAt, data: JSON.stringify(flag) }).onConflict('id').merge();
              }
            }
          });
          const kept = await cache.read('queue_totals').select('queue', 'n');
          const counted = await cache.read.raw(`SELECT queue, COUNT(*) AS n FROM (SELECT queue FROM submissions UNION ALL SELECT queue FROM flags) WHERE queue IS NOT NULL GROUP BY queue`);
          const asMap = (rows: Array<{ queue: string; n: number }>) => Object.fromEntries(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.queue, Number(r.n)]));
          expect(asMap(kept as Array<{ queue: string; n: number }>)).toEqual(asMap(counted as Array<{ queue: string; n: number }>));
        }),
        { numRuns: 60 },
      );
    } finally {
      await cache.close();
    }
  });
});
