import { describe, expect, it } from 'vitest';
import { ev, openEngine, useEngines } from './helpers';

const { fresh, storePath, track } = useEngines();

/** Designer d1 with a logo rating of 2 (below 2.5) from an earlier project. */
const lowRatedHistory = [
  ev.designer('2026-11-02T08:00:00.000Z', 'd1'),
  ev.designer('2026-11-02T08:00:00.000Z', 'd2', 'unverified'),
  ev.project('2026-11-02T08:00:00.000Z', 'p0', '2026-11-12T08:00:00.000Z'),
  ev.submission('2026-11-02T09:00:00.000Z', 's0', 'p0', 'd1'),
  ev.rating('2026-11-02T09:30:00.000Z', 's0', 2),
];

describe('platform engine: intake and transitions', () => {
  it('holds a low-rated designer’s submission and releases it at releaseAt on the clock', async () => {
    const { engine } = await fresh();
    const result = await engine.applyEvents([
      ...lowRatedHistory,
      // 3-day contest launched 10:00: launch window 7.2 h, ends 17:12.
      ev.project('2026-11-02T10:00:00.000Z', 'p1', '2026-11-05T10:00:00.000Z'),
      ev.submission('2026-11-02T11:00:00.000Z', 's1', 'p1', 'd1'),
      ev.submission('2026-11-02T11:00:00.000Z', 's2', 'p1', 'd2'),
    ]);
    expect(result).toEqual({ applied: 8, refused: [] });
    const s1 = engine.world.tables.submission.get('s1');
    expect(s1).toMatchObject({ status: 'held', holdReason: 'held_low_rating', releaseAt: '2026-11-02T17:12:00.000Z', rev: 1 });
    expect(engine.world.tables.submission.get('s2')).toMatchObject({ status: 'pending_review', reviewDueAt: '2026-11-04T11:00:00.000Z' });

    await engine.moveClock(Date.parse('2026-11-02T17:11:59.999Z'));
    expect(engine.world.tables.submission.get('s1')?.status).toBe('held');
    await engine.moveClock(Date.parse('2026-11-02T17:12:00.000Z'));
    expect(engine.world.tables.submission.get('s1')).toMatchObject({ status: 'visible', rev: 2 });

    // The project ends: the unverified designer's waiting submission expires.
    await engine.moveClock(Date.parse('2026-11-05T10:00:00.000Z'));
    expect(engine.world.tables.project.get('p1')?.status).toBe('closed');
    expect(engine.world.tables.submission.get('s2')?.status).toBe('expired');
  });

  it('records refusals with their reason code and changes nothing else', async () => {
    const { engine, store } = await fresh();
    const before = store.lastSeq;
    const result = await engine.applyEvents([
      ev.submission('2026-11-02T09:00:00.000Z', 's9', 'nope', 'd1'),
      ev.designer('2026-11-02T09:00:00.000Z', 'd1'),
      ev.designer('2026-11-02T09:00:00.000Z', 'd1'),
    ]);
    expect(result.refused).toEqual([
      { index: 0, reasonCode: 'unknown_project' },
      { index: 2, reasonCode: 'duplicate_id' },
    ]);
    expect(store.lastSeq).toBe(before + 1);
    const events = await store.events(0, 10);
    expect(events.map((e) => [e.status, e.reasonCode])).toEqual([
      ['refused', 'unknown_project'],
      ['applied', null],
      ['refused', 'duplicate_id'],
    ]);
  });

  it('refuses a whole batch holding an event earlier than the clock', async () => {
    const { engine } = await fresh('2026-11-02T12:00:00.000Z');
    await expect(engine.applyEvents([ev.designer('2026-11-02T11:00:00.000Z', 'd1')])).rejects.toThrow(/earlier than the platform's clock/);
    expect(engine.world.tables.designer.size).toBe(0);
  });

  it('keeps every change across a restart and the feed’s seq never goes back', async () => {
    const path = storePath();
    const first = await openEngine(path);
    await first.engine.applyEvents([...lowRatedHistory, ev.project('2026-11-02T10:00:00.000Z', 'p1', '2026-11-05T10:00:00.000Z'), ev.submission('2026-11-02T11:00:00.000Z', 's1', 'p1', 'd1')]);
    const seq = first.store.lastSeq;
    await first.close();

    const second = await openEngine(path);
    track(second);
    expect(second.store.lastSeq).toBe(seq);
    expect(second.engine.world.tables.submission.get('s1')).toMatchObject({ status: 'held' });
    expect(second.engine.world.ratingSum('d1', 'logo')).toEqual({ sum: 2, count: 1 });
    // The timer came back with the entity: the release still fires after the restart.
    await second.engine.moveClock(Date.parse('2026-11-02T18:00:00.000Z'));
    expect(second.engine.world.tables.submission.get('s1')?.status).toBe('visible');
    expect(second.store.lastSeq).toBeGreaterThan(seq);
    const rows = await second.store.feedRows(0, 5000);
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('refuses a project that ends at or before its launch, comparing instants whatever their precision', async () => {
    const { engine } = await fresh();
    const result = await engine.applyEvents([
      // Launched half a second after it ends; as strings "…00Z" sorts after "…00.500Z".
      { at: '2026-11-02T10:00:00.500Z', type: 'project.launched', data: { id: 'p1', customerId: 'c1', category: 'logo', kind: 'contest', endsAt: '2026-11-02T10:00:00Z' } },
      // Ends at the very instant it launches.
      { at: '2026-11-02T11:00:00.000Z', type: 'project.launched', data: { id: 'p2', customerId: 'c1', category: 'logo', kind: 'contest', endsAt: '2026-11-02T11:00:00Z' } },
    ]);
    expect(result).toEqual({
      applied: 0,
      refused: [
        { index: 0, reasonCode: 'ends_before_launch' },
        { index: 1, reasonCode: 'ends_before_launch' },
      ],
    });
    expect(engine.world.tables.project.size).toBe(0);
  });

  it('fires timers that fell due while the platform was down, on the start-up catch-up (stopped clock)', async () => {
    const path = storePath();
    const first = await openEngine(path);
    await first.engine.applyEvents([...lowRatedHistory, ev.project('2026-11-02T10:00:00.000Z', 'p1', '2026-11-05T10:00:00.000Z'), ev.submission('2026-11-02T11:00:00.000Z', 's1', 'p1', 'd1')]);
    expect(first.engine.world.tables.submission.get('s1')?.status).toBe('held');
    await first.close();

    // Restarted with a stopped clock set past the release (17:12) and past the project's end.
    const second = track(await openEngine(path, '2026-11-06T00:00:00.000Z'));
    // What startPlatform does after opening the engine.
    await second.engine.catchUp();
    expect(second.engine.world.tables.submission.get('s1')).toMatchObject({ status: 'visible' });
    expect(second.engine.world.tables.project.get('p1')?.status).toBe('closed');
    // …and it is on the feed, not only in memory.
    const rows = await second.store.feedRows(0, 1000);
    const s1 = rows.find((r) => r.type === 'submission' && r.id === 's1');
    expect(JSON.parse(s1?.data ?? '{}')).toMatchObject({ status: 'visible' });
  });
});
