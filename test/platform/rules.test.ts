// The engine applies the rules the log carries: R7 mini-contest refusals, R8 publication on the
// clock, R9 one feedback-change enabling; and startPlatform refuses dev mode off loopback.
import { describe, expect, it } from 'vitest';
import type { MarketplaceEvent } from '../../core';
import { startPlatform } from '../../platform/server';
import { ev, openEngine, useEngines } from './helpers';

const { fresh, storePath, track } = useEngines();

const at = (h: number) => new Date(Date.parse('2026-11-02T08:00:00.000Z') + h * 3_600_000).toISOString();

describe('R8 double-blind reviews on the clock', () => {
  const contract: MarketplaceEvent[] = [
    ev.designer(at(0), 'd1'),
    { at: at(0), type: 'contract.started', data: { id: 'k1', customerId: 'c1', designerId: 'd1' } },
    { at: at(1), type: 'contract.closed', data: { id: 'k1' } },
    { at: at(2), type: 'review.posted', data: { id: 'rv1', contractId: 'k1', authorRole: 'client', overall: 5, text: 'Lovely work' } },
  ];

  it('publishes a lone review at closedAt + 14 days and refuses one after the window', async () => {
    const { engine } = await fresh();
    await engine.applyEvents(contract);
    expect(engine.world.tables.review.get('rv1')?.publishedAt).toBeUndefined();
    await engine.moveClock(Date.parse(at(1 + 14 * 24)) - 1);
    expect(engine.world.tables.review.get('rv1')?.publishedAt).toBeUndefined();
    await engine.moveClock(Date.parse(at(1 + 14 * 24)));
    expect(engine.world.tables.review.get('rv1')).toMatchObject({ publishedAt: at(1 + 14 * 24), rev: 2 });
    const late = await engine.applyEvents([{ at: at(1 + 15 * 24), type: 'review.posted', data: { id: 'rv2', contractId: 'k1', authorRole: 'designer', overall: 5, text: 'Great client' } }]);
    expect(late.refused).toEqual([{ index: 0, reasonCode: 'window_closed' }]);
    expect(engine.world.tables.review.has('rv2')).toBe(false);
  });

  it('publishes both reviews when the second is posted', async () => {
    const { engine } = await fresh();
    await engine.applyEvents([...contract, { at: at(3), type: 'review.posted', data: { id: 'rv2', contractId: 'k1', authorRole: 'designer', overall: 4, text: 'Clear brief' } }]);
    expect(engine.world.tables.review.get('rv1')?.publishedAt).toBe(at(3));
    expect(engine.world.tables.review.get('rv2')?.publishedAt).toBe(at(3));
  });

  it('refuses a second feedback-change enabling (R9)', async () => {
    const { engine } = await fresh();
    const result = await engine.applyEvents([
      ...contract,
      { at: at(4), type: 'feedback_change.enabled', data: { contractId: 'k1' } },
      { at: at(5), type: 'feedback_change.enabled', data: { contractId: 'k1' } },
      { at: at(6), type: 'review.changed', data: { id: 'rv1', overall: 4 } },
    ]);
    expect(result.refused).toEqual([{ index: 5, reasonCode: 'already_enabled' }]);
    const review = engine.world.tables.review.get('rv1');
    expect(review).toMatchObject({ overall: 4 });
    expect(review?.history).toEqual([{ overall: 5, text: 'Lovely work', at: at(2) }]);
  });
});

describe('R7 mini contests', () => {
  it('refuses an unrated designer and a sixth entrant', async () => {
    const { engine } = await fresh();
    const events: MarketplaceEvent[] = [ev.project(at(0), 'p0', at(24 * 10)), ev.project(at(0), 'mini', at(24 * 5), 'mini_contest')];
    // Six designers with a 5-star logo rating and a positive review; one more without any.
    for (let i = 1; i <= 6; i++) {
      events.push(
        ev.designer(at(0), `d${i}`),
        ev.submission(at(1), `s${i}`, 'p0', `d${i}`),
        ev.rating(at(1), `s${i}`, 5),
        { at: at(1), type: 'contract.started', data: { id: `k${i}`, customerId: 'c1', designerId: `d${i}` } },
        { at: at(2), type: 'contract.closed', data: { id: `k${i}` } },
        { at: at(2), type: 'review.posted', data: { id: `rv${i}`, contractId: `k${i}`, authorRole: 'client', overall: 5, text: 'Excellent designer' } },
      );
    }
    events.push(ev.designer(at(2), 'd7'));
    await engine.applyEvents([...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)));
    // The reviews count once published (14 days after the contracts closed).
    await engine.moveClock(Date.parse(at(2 + 14 * 24)));
    const t = at(2 + 14 * 24);
    const entries: MarketplaceEvent[] = [1, 2, 3, 4, 5, 6, 7].map((i) => ev.submission(t, `m${i}`, 'mini', `d${i}`));
    const p2 = [ev.project(t, 'mini2', at(24 * 30), 'mini_contest'), ...entries.map((e) => (e.type === 'submission.created' ? { ...e, data: { ...e.data, projectId: 'mini2' } } : e))];
    const result = await engine.applyEvents(p2);
    expect(result.refused).toEqual([
      { index: 6, reasonCode: 'contest_full' },
      { index: 7, reasonCode: 'unrated' },
    ]);
  });
});

describe('R7 mini contests across a restart', () => {
  /** Six eligible designers (5-star logo rating, a published positive review); d1–d5 enter "mini", d1 withdraws. */
  function history(): MarketplaceEvent[] {
    const events: MarketplaceEvent[] = [ev.project(at(0), 'p0', at(24 * 10))];
    for (let i = 1; i <= 6; i++) {
      events.push(
        ev.designer(at(0), `d${i}`),
        ev.submission(at(1), `s${i}`, 'p0', `d${i}`),
        ev.rating(at(1), `s${i}`, 5),
        { at: at(1), type: 'contract.started', data: { id: `k${i}`, customerId: 'c1', designerId: `d${i}` } },
        { at: at(2), type: 'contract.closed', data: { id: `k${i}` } },
        { at: at(2), type: 'review.posted', data: { id: `rv${i}`, contractId: `k${i}`, authorRole: 'client', overall: 5, text: 'Excellent designer' } },
      );
    }
    const t = at(2 + 14 * 24);
    events.push(ev.project(t, 'mini', at(24 * 30), 'mini_contest'));
    for (let i = 1; i <= 5; i++) events.push(ev.submission(t, `m${i}`, 'mini', `d${i}`));
    events.push({ at: at(3 + 14 * 24), type: 'submission.withdrawn', data: { id: 'm1' } });
    return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  const sixth: MarketplaceEvent = ev.submission(at(4 + 14 * 24), 'm6', 'mini', 'd6');

  it('counts a withdrawn entrant the same before and after a restart', async () => {
    const continuous = await fresh();
    await continuous.engine.applyEvents(history());
    const live = await continuous.engine.applyEvents([sixth]);

    const path = storePath();
    const first = await openEngine(path);
    await first.engine.applyEvents(history());
    await first.close();
    const restarted = track(await openEngine(path));
    const afterRestart = await restarted.engine.applyEvents([sixth]);

    expect(afterRestart).toEqual(live);
    expect(live.refused).toEqual([{ index: 0, reasonCode: 'contest_full' }]);
    expect(restarted.engine.world.entrants.get('mini')).toEqual(continuous.engine.world.entrants.get('mini'));
  });
});

describe('startPlatform', () => {
  it('refuses development mode on a non-loopback address', async () => {
    await expect(startPlatform({ dev: true, host: '0.0.0.0', dataset: 'none', log: () => undefined })).rejects.toThrow(/loopback/);
  });
});
