import { describe, expect, it } from 'vitest';
import { ev, openEngine, useEngines } from './helpers';

const { storePath, track } = useEngines();

/** d1 rated 2 in logo, then a held submission s1 in p1 (launch window ends 17:12). */
const heldHistory = [
  ev.designer('2026-11-02T08:00:00.000Z', 'd1'),
  ev.project('2026-11-02T08:00:00.000Z', 'p0', '2026-11-12T08:00:00.000Z'),
  ev.submission('2026-11-02T09:00:00.000Z', 's0', 'p0', 'd1'),
  ev.rating('2026-11-02T09:30:00.000Z', 's0', 2),
  ev.project('2026-11-02T10:00:00.000Z', 'p1', '2026-11-05T10:00:00.000Z'),
  ev.submission('2026-11-02T11:00:00.000Z', 's1', 'p1', 'd1'),
];

describe('review: timers after a restart', () => {
  it('fires timers that fell due while the platform was down, on the start-up catch-up (stopped clock)', async () => {
    const path = storePath();
    const first = await openEngine(path);
    await first.engine.applyEvents(heldHistory);
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
