// A failed store write rolls the engine back to what the store holds: the world equals a
// restart's, the feed does not move, a decision whose write failed was not applied (a retry
// decides it afresh), and HTTP answers the failing request with a 503 problem.
//
// SQLite cannot be made to fail on demand here (no full disk, no I/O error to inject), so the
// failure is simulated by wrapping the real `write` of one store instance to throw once; every
// other call, before and after, is the real SQLite store.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { MarketplaceEvent } from '../../core';
import { StoreUnavailableError, type Engine } from '../../platform/engine/engine';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import { openStore, type Store } from '../../platform/store/store';
import { decisionRequest, ev, MODERATORS, openEngine, tempDir, useEngines } from './helpers';

const { fresh, storePath, track } = useEngines();

/** The next `write` on this store throws, as SQLite would on a full disk; later ones are real. */
function failNextWrite(store: Store): void {
  const real = store.write.bind(store);
  store.write = async () => {
    store.write = real;
    throw new Error('SQLITE_FULL: database or disk is full (simulated)');
  };
}

const sorted = <V>(map: ReadonlyMap<string, V>): Array<[string, V]> => [...map].sort(([a], [b]) => a.localeCompare(b));

/** Everything the engine holds in memory that a restart rebuilds, copied (the world keeps changing) in a comparable form. */
function snapshot(engine: Engine) {
  const { world } = engine;
  return structuredClone({
    tables: Object.fromEntries(Object.entries(world.tables).map(([type, table]: [string, ReadonlyMap<string, unknown>]) => [type, sorted(table)])),
    ratingSums: sorted(world.ratingSums),
    designerFacts: sorted(world.designerFacts),
    customerRatings: sorted(world.customerRatings),
    waitingByProject: sorted(world.waitingByProject).map(([id, set]) => [id, [...set].sort()]),
    entrants: sorted(world.entrants).map(([id, set]) => [id, [...set].sort()]),
    flagsByDesigner: sorted(world.flagsByDesigner),
    aux: sorted(world.aux),
    timers: { size: world.timers.size, next: world.timers.peek() },
    nowMs: engine.nowMs(),
    eventsRecorded: engine.eventsRecorded,
    lastSeq: engine.lastSeq,
  });
}

const history: MarketplaceEvent[] = [
  ev.designer('2026-11-02T08:00:00.000Z', 'd1'),
  ev.designer('2026-11-02T08:00:00.000Z', 'd2', 'unverified'),
  ev.project('2026-11-02T08:00:00.000Z', 'p0', '2026-11-12T08:00:00.000Z'),
  ev.submission('2026-11-02T09:00:00.000Z', 's0', 'p0', 'd1'),
  ev.rating('2026-11-02T09:30:00.000Z', 's0', 2),
];

/** Later than the history: moves the clock, creates entities, holds a submission (a timer). */
const later: MarketplaceEvent[] = [
  ev.project('2026-11-02T10:00:00.000Z', 'p1', '2026-11-05T10:00:00.000Z'),
  ev.submission('2026-11-02T11:00:00.000Z', 's1', 'p1', 'd1'),
  ev.submission('2026-11-02T11:00:00.000Z', 's2', 'p1', 'd2'),
  ev.message('2026-11-02T11:30:00.000Z', 'm1', 'd1', 'c1', 'hello'),
];

describe('a failed write of dev events', () => {
  it('leaves the world a restart would load, and the feed where it was', async () => {
    const path = storePath();
    const first = track(await openEngine(path));
    await first.engine.applyEvents(history);
    const before = snapshot(first.engine);
    const feedBefore = await first.store.feedRows(0, 5000);

    failNextWrite(first.store);
    await expect(first.engine.applyEvents(later)).rejects.toBeInstanceOf(StoreUnavailableError);

    expect(first.store.lastSeq).toBe(before.lastSeq);
    expect(await first.store.feedRows(0, 5000)).toEqual(feedBefore);
    expect(await first.store.events(0, 100)).toHaveLength(history.length);
    const afterFailure = snapshot(first.engine);
    expect(afterFailure).toEqual(before);
    expect(first.engine.world.tables.submission.has('s1')).toBe(false);

    const restarted = track(await openEngine(path));
    expect(snapshot(restarted.engine)).toEqual(afterFailure);
  });

  it('takes the clock back, so the same batch succeeds once the store works again', async () => {
    const { engine, store } = await fresh();
    await engine.applyEvents(history);
    failNextWrite(store);
    await expect(engine.applyEvents(later)).rejects.toBeInstanceOf(StoreUnavailableError);
    // 11:30 was never stored: an event at 10:00 is not "earlier than the clock".
    expect(new Date(engine.nowMs()).toISOString()).toBe('2026-11-02T09:30:00.000Z');

    expect(await engine.applyEvents(later)).toEqual({ applied: later.length, refused: [] });
    const continuous = await fresh();
    await continuous.engine.applyEvents(history);
    await continuous.engine.applyEvents(later);
    expect(snapshot(engine)).toEqual(snapshot(continuous.engine));
    // Each event is in the log once: the failed attempt left no record.
    expect((await store.events(0, 100)).map((e) => e.n)).toEqual(Array.from({ length: history.length + later.length }, (_, i) => i + 1));
  });

  it('retries a roll-back the store could not serve before the next operation', async () => {
    const { engine, store } = await fresh();
    await engine.applyEvents(history);
    failNextWrite(store);
    // The read-back fails too (same wrapping, on the method a restart reads with).
    const realEach = store.eachEntity.bind(store);
    store.eachEntity = async () => {
      store.eachEntity = realEach;
      throw new Error('SQLITE_IOERR: disk I/O error (simulated)');
    };
    await expect(engine.applyEvents(later)).rejects.toBeInstanceOf(StoreUnavailableError);
    // The next operation rebuilds first, then runs on the stored state.
    expect(await engine.applyEvents(later)).toEqual({ applied: later.length, refused: [] });
    expect(engine.world.tables.submission.get('s1')).toMatchObject({ status: 'held', rev: 1 });
  });
});

const decision = () =>
  decisionRequest({
    id: '0b6c7d4e-2f3a-4b5c-9d8e-7f6a5b4c3d2e',
    subjectType: 'submission',
    subjectId: 's2',
    expectedRev: 1,
    outcome: 'approve',
    decidedAt: '2026-11-02T11:45:00.000Z',
  });

describe('a decision whose write failed', () => {
  it('was not applied; the same decision after the store recovers is applied once', async () => {
    const path = storePath();
    const { engine, store } = track(await openEngine(path));
    await engine.applyEvents([...history, ...later]);
    const seq = store.lastSeq;

    failNextWrite(store);
    await expect(engine.decide(MODERATORS.quality.id, decision())).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(engine.world.tables.submission.get('s2')).toMatchObject({ status: 'pending_review', rev: 1 });
    expect(await store.decision(decision().id)).toBeUndefined();
    expect(store.lastSeq).toBe(seq);
    const onDisk = (await store.feedRows(0, 5000)).find((row) => row.type === 'submission' && row.id === 's2');
    expect(JSON.parse(onDisk?.data ?? 'null')).toMatchObject({ status: 'pending_review', rev: 1 });

    const retried = await engine.decide(MODERATORS.quality.id, decision());
    expect(retried.kind).toBe('applied');
    // Approved during the launch window, so R4 schedules it.
    expect(engine.world.tables.submission.get('s2')).toMatchObject({ status: 'scheduled', rev: 2, decision: { decisionId: decision().id } });
    expect(await engine.decide(MODERATORS.quality.id, decision())).toEqual(retried);
    expect(engine.world.tables.submission.get('s2')?.rev).toBe(2);

    const restarted = track(await openEngine(path));
    expect(restarted.engine.world.tables.submission.get('s2')).toMatchObject({ status: 'scheduled', rev: 2 });
    expect(snapshot(restarted.engine).tables).toEqual(snapshot(engine).tables);
  });
});

describe('over HTTP', () => {
  const running: RunningPlatform[] = [];
  const dirs: Array<{ remove(): void }> = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await p.close();
    for (const d of dirs.splice(0)) d.remove();
  });

  it('answers the request whose write failed with a 503 store-unavailable problem', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir.dir, 'p.sqlite');
    const store = await openStore(path);
    const platform = await startPlatform({ store, dev: true, dataset: 'none', clock: '2026-11-02T08:00:00Z', log: () => undefined });
    running.push(platform);
    const auth = { authorization: 'Bearer dev-admin', 'content-type': 'application/json' };
    const post = (events: MarketplaceEvent[]) => fetch(`${platform.url}/v1/dev/events`, { method: 'POST', headers: auth, body: JSON.stringify({ events }) });
    const last = async () => ((await (await fetch(`${platform.url}/v1/changes?after=0`, { headers: auth })).json()) as { last: number }).last;

    expect((await post(history)).status).toBe(200);
    const before = await last();

    failNextWrite(store);
    const failed = await post(later);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await failed.json()) as { type: string; status: number; detail: string };
    expect(problem).toMatchObject({ type: expect.stringMatching(/\/store-unavailable$/) as unknown, status: 503 });
    expect(problem.detail).toMatch(/none of them were applied/);
    expect(await last()).toBe(before);

    const retried = await post(later);
    expect(retried.status).toBe(200);
    expect(await last()).toBeGreaterThan(before);
  });
});
