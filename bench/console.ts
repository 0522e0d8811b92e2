// `npm run bench -- console` (issue 11, "Speed"): the console's Node side measured side by side.
// - First sync of the medium dataset through the real engine (HTTP from a reference platform
//   in its own process, validation, page transactions) against the raw limit: the same rows
//   bulk-inserted straight into SQLite with multi-row statements in one transaction.
// - The longest event-loop pause during that sync (a window must stay responsive: < 16 ms).
// - Queue pages and counts with 2 million submissions in the cache (filled directly).
// - A platform change reaching the console's cache over SSE, and the outbox write.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { ENTITY_TYPES, type Change, type EntityType } from '../core';
import { ENTITY_TABLES, entityRow } from '../electron/services/cache/entity-tables';
import { createConsole, type ConsoleService } from '../electron/services/console/console';
import { memorySecrets } from '../electron/services/console/secrets';
import { startDemoPlatform, type DemoPlatform } from '../electron/services/demo/demo-platform';
import { openCache } from '../electron/services/db/open-cache';
import { DEFAULT_POLICY } from '../core';
import { queueCounts, queuePage } from '../electron/services/queries/queues';
import { createClock } from '../platform/engine/clock';
import { Engine } from '../platform/engine/engine';
import { readEventLog, writeEventLog } from '../platform/generator';
import { openStore } from '../platform/store/store';
import { formatCount, prng } from './lib';

const START = '2026-11-02T08:00:00.000Z';
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

async function mediumStore(dir: string): Promise<string> {
  const logPath = join(dir, 'medium.json');
  await writeEventLog(logPath, { size: 'medium', seed: 1, start: START });
  const storePath = join(dir, 'medium.store');
  const store = await openStore(storePath);
  const engine = await Engine.open({ store, clock: createClock({ startMs: 0, rate: 0 }) });
  await engine.replay(readEventLog(logPath), 5000);
  await engine.close();
  await store.close();
  return storePath;
}

async function fetchAll(platform: DemoPlatform): Promise<Change[]> {
  const changes: Change[] = [];
  let after = 0;
  for (;;) {
    const response = await fetch(`${platform.url}/v1/changes?after=${after}&limit=5000`, { headers: { Authorization: `Bearer ${platform.token}` } });
    const page = (await response.json()) as { changes: Change[]; last: number; hasMore: boolean };
    changes.push(...page.changes);
    if (!page.hasMore) return changes;
    after = page.last;
  }
}

/** The raw limit: every row inserted with 200-row statements in a single transaction. */
async function rawInsert(dir: string, changes: readonly Change[]): Promise<number> {
  const db = await openCache(join(dir, 'raw.sqlite'));
  const byType = new Map<EntityType, Array<Record<string, string | number | null>>>();
  const categories = new Map<string, string>();
  for (const change of changes) if (change.op === 'upsert' && change.type === 'project') categories.set(change.id, change.data.category);
  for (const change of changes) {
    if (change.op !== 'upsert') continue;
    const row = entityRow(change.type, change.data);
    if (change.type === 'submission') row['category'] = categories.get(change.data.projectId) ?? '';
    const list = byType.get(change.type) ?? [];
    list.push(row);
    byType.set(change.type, list);
  }
  const started = performance.now();
  await db.write.transaction(async (trx) => {
    for (const type of ENTITY_TYPES) {
      const rows = byType.get(type) ?? [];
      const columns = Object.keys(rows[0] ?? {});
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await trx.raw(`INSERT INTO ${ENTITY_TABLES[type].table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`, chunk.flatMap((r) => columns.map((c) => r[c] ?? null)));
      }
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return seconds;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function sseLatency(platform: DemoPlatform, service: ConsoleService, samples: number): Promise<number[]> {
  const seen = new Map<string, number>();
  const unsubscribe = service.events.subscribe((event) => {
    if (event.type === 'queues.changed') for (const id of event.subjectIds) if (!seen.has(id)) seen.set(id, performance.now());
  });
  const times: number[] = [];
  let clock = Date.parse((await (await fetch(`${platform.url}/v1/dev/clock`, { headers: { Authorization: `Bearer ${platform.token}` } })).json() as { now: string }).now);
  for (let i = 0; i < samples; i++) {
    clock += 60_000;
    const id = `bench-sse-${randomUUID().slice(0, 8)}`;
    const at = new Date(clock).toISOString();
    const events = [
      { at, type: 'customer.joined', data: { id: `${id}-c` } },
      { at, type: 'designer.joined', data: { id: `${id}-d`, handle: `${id}-d`, verification: 'unverified' } },
      { at, type: 'project.launched', data: { id: `${id}-p`, customerId: `${id}-c`, category: 'logo', kind: 'contest', endsAt: new Date(clock + 3 * 86_400_000).toISOString() } },
      { at, type: 'submission.created', data: { id, projectId: `${id}-p`, designerId: `${id}-d`, kind: 'original' } },
    ];
    const response = await fetch(`${platform.url}/v1/dev/events`, { method: 'POST', headers: { Authorization: `Bearer ${platform.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });
    const posted = performance.now();
    if (!response.ok) throw new Error(`dev events: ${response.status} ${await response.text()}`);
    await waitFor(() => seen.has(id), 10_000);
    times.push((seen.get(id) ?? posted) - posted);
  }
  unsubscribe();
  return times;
}

async function outboxWrites(service: ConsoleService, samples: number): Promise<number[]> {
  const page = await service.call('queues.page', { queue: 'review', limit: samples });
  if (!page.ok) throw new Error(page.problem.detail);
  const times: number[] = [];
  const ids: string[] = [];
  for (const row of page.value.items) {
    const started = performance.now();
    const result = await service.call('decisions.decide', { subjectType: 'submission', subjectId: row.id, outcome: 'reject', reasonCode: 'off_brief' });
    times.push(performance.now() - started);
    if (result.ok) ids.push(result.value.decisionId);
  }
  for (const decisionId of ids) await service.call('decisions.undo', { decisionId });
  return times;
}

/** 2 million submissions (20,000 held, 100,000 in the 48-hour queue) straight into a cache. */
export async function largeQueues(dir: string): Promise<string[]> {
  const db = await openCache(join(dir, 'large.sqlite'));
  const random = prng(7);
  const TOTAL = 2_000_000;
  const DESIGNERS = 100_000;
  const PROJECTS = 50_000;
  const categories = ['logo', 'web', 'packaging', 'illustration', 'brand_identity', 'social_media'];
  const now = Date.parse('2026-11-20T12:00:00.000Z');
  const filled = performance.now();
  const insert = async (trx: Knex.Transaction, table: string, rows: Array<Record<string, string | number | null>>) => {
    const columns = Object.keys(rows[0] ?? {});
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await trx.raw(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`, chunk.flatMap((r) => columns.map((c) => r[c] ?? null)));
    }
  };
  await db.write.transaction(async (trx) => {
    const designers = Array.from({ length: DESIGNERS }, (_, i) => {
      const d = { id: `d${i}`, rev: 1, handle: `designer${i}`, displayName: `Designer ${i}`, country: 'PT', joinedAt: '2026-01-01T00:00:00.000Z', verification: i % 10 === 0 ? 'unverified' : 'verified', accountStatus: 'active', history: [{ at: '2026-01-01T00:00:00.000Z', verification: i % 10 === 0 ? 'unverified' : 'verified', accountStatus: 'active' }] };
      return { id: d.id, rev: 1, handle: d.handle, display_name: d.displayName, verification: d.verification, account_status: 'active', data: JSON.stringify(d) };
    });
    await insert(trx, 'designers', designers);
    const projects = Array.from({ length: PROJECTS }, (_, i) => {
      const p = { id: `p${i}`, rev: 1, customerId: `c${i % 20_000}`, title: `Project ${i}`, category: categories[i % categories.length], kind: 'contest', launchedAt: '2026-11-19T00:00:00.000Z', endsAt: '2026-11-26T00:00:00.000Z', status: 'open' };
      return { id: p.id, rev: 1, customer_id: p.customerId, category: p.category ?? 'logo', kind: 'contest', status: 'open', launched_at: p.launchedAt, ends_at: p.endsAt, data: JSON.stringify(p) };
    });
    await insert(trx, 'projects', projects);
    for (let start = 0; start < TOTAL; start += 50_000) {
      const rows = [];
      for (let i = start; i < start + 50_000; i++) {
        const projectIndex = Math.floor(random() * PROJECTS);
        const submitted = now - Math.floor(random() * 60 * 3600_000);
        const status = i < 20_000 ? 'held' : i < 120_000 ? 'pending_review' : 'visible';
        const s = {
          id: `s${String(i).padStart(7, '0')}`,
          rev: 1,
          projectId: `p${projectIndex}`,
          designerId: `d${Math.floor(random() * DESIGNERS)}`,
          kind: 'original',
          submittedAt: new Date(submitted).toISOString(),
          status,
          ...(status === 'held' ? { holdReason: 'held_low_rating', releaseAt: new Date(submitted + Math.floor(random() * 24 * 3600_000)).toISOString() } : {}),
          ...(status === 'pending_review' ? { reviewDueAt: new Date(submitted + 48 * 3600_000).toISOString() } : {}),
          assetId: `asset-${i}`,
        };
        const row = entityRow('submission', s as never);
        row['category'] = categories[projectIndex % categories.length] ?? 'logo';
        rows.push(row);
      }
      await insert(trx, 'submissions', rows);
    }
  });
  await db.write.raw('ANALYZE');
  const fillSeconds = (performance.now() - filled) / 1000;
  const ctx = { read: db.read, platformNow: () => now, policy: () => DEFAULT_POLICY, moderatorId: 'm' };
  const cases: Array<[string, Parameters<typeof queuePage>[1]]> = [
    ['held, first page', { queue: 'held', limit: 50, sort: 'due', order: 'asc' }],
    ['48-hour, first page', { queue: 'review', limit: 50, sort: 'due', order: 'asc' }],
    ['48-hour, jump to row 80,000', { queue: 'review', limit: 50, offset: 80_000, sort: 'due', order: 'asc' }],
    ['48-hour, overdue', { queue: 'review', limit: 50, sort: 'due', order: 'asc', filter: { overdue: true } }],
    ['48-hour, category logo', { queue: 'review', limit: 50, sort: 'due', order: 'asc', filter: { category: 'logo' } }],
    ['held, by arrival', { queue: 'held', limit: 50, sort: 'arrived', order: 'desc' }],
  ];
  const lines = [`2,000,000 submissions (20,000 held, 100,000 in the 48-hour queue), 100,000 designers, filled in ${fillSeconds.toFixed(1)} s`, '', '| query | p50 | p95 |', '|---|---:|---:|'];
  for (const [name, input] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const started = performance.now();
      await queuePage(ctx, input);
      times.push(performance.now() - started);
    }
    lines.push(`| queues.page: ${name} (page and its total) | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} |`);
  }
  const counts: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await queueCounts(ctx);
    counts.push(performance.now() - started);
  }
  lines.push(`| queues.counts (five counts) | ${ms(percentile(counts, 50))} | ${ms(percentile(counts, 95))} |`);
  await db.close();
  return lines;
}

export async function benchConsole(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-console-'));
  const out: string[] = [];
  let platform: DemoPlatform | null = null;
  let service: ConsoleService | null = null;
  try {
    const storePath = await mediumStore(dir);
    platform = await startDemoPlatform({ args: ['--port', '0', '--dev', '--store', storePath, '--no-live'] });
    const rssBefore = peakRssMb();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    service = createConsole({ dataDir: join(dir, 'console'), secrets: memorySecrets(), settingsOverrides: { undoSeconds: 60 } });
    delay.enable();
    const started = performance.now();
    await service.signIn(platform.url, platform.token);
    const synced = await service.call('sync.now', {});
    const engineSeconds = (performance.now() - started) / 1000;
    delay.disable();
    if (!synced.ok) throw new Error(synced.problem.detail);
    const rssEngine = peakRssMb();
    const changes = await fetchAll(platform);
    const rawSeconds = await rawInsert(dir, changes);
    const rows = changes.length;
    out.push(
      `First sync of the medium dataset: ${formatCount(rows)} changes`,
      '',
      '| measure | time | rate |',
      '|---|---:|---:|',
      `| the engine: sign-in, pages over HTTP, validation, one transaction per page | ${engineSeconds.toFixed(2)} s | ${formatCount(rows / engineSeconds)} rows/s |`,
      `| the raw limit: the same rows, 200-row INSERTs in one transaction | ${rawSeconds.toFixed(2)} s | ${formatCount(rows / rawSeconds)} rows/s |`,
      '',
      `- engine ÷ raw limit (rows/s): **${(rawSeconds / engineSeconds).toFixed(2)}** (aim ≥ 0.6)`,
      `- longest event-loop pause during the sync: **${(delay.max / 1e6).toFixed(1)} ms** (p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms; aim < 16 ms)`,
      `- the console process's peak RSS: ${rssEngine} MB (${rssBefore} MB before the sync; the platform runs in its own process)`,
    );
    const sse = await sseLatency(platform, service, 40);
    const writes = await outboxWrites(service, 200);
    out.push(
      '',
      '| measure | p50 | p95 | p99 |',
      '|---|---:|---:|---:|',
      `| platform change → console cache over SSE (${sse.length} changes) | ${ms(percentile(sse, 50))} | ${ms(percentile(sse, 95))} | ${ms(percentile(sse, 99))} |`,
      `| decisions.decide: outbox, journal and effect in one FULL-synchronous transaction (${writes.length}) | ${ms(percentile(writes, 50))} | ${ms(percentile(writes, 95))} | ${ms(percentile(writes, 99))} |`,
      '',
    );
    await service.close();
    service = null;
    out.push(...(await largeQueues(dir)));
  } finally {
    await service?.close();
    await platform?.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return out.join('\n');
}
