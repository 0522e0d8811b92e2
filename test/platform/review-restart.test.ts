import { describe, expect, it } from 'vitest';
import type { MarketplaceEvent } from '../../core';
import { ev, openEngine, useEngines } from './helpers';

const { storePath, track } = useEngines();

const at = (h: number) => new Date(Date.parse('2026-11-02T08:00:00.000Z') + h * 3_600_000).toISOString();

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

describe('review: a restart rebuilds the mini-contest entrants a continuous run has', () => {
  it('counts a withdrawn entrant the same before and after a restart', async () => {
    const continuous = track(await openEngine(storePath()));
    await continuous.engine.applyEvents(history());
    const live = await continuous.engine.applyEvents([sixth]);

    const path = storePath();
    const first = await openEngine(path);
    await first.engine.applyEvents(history());
    await first.close();
    const restarted = track(await openEngine(path));
    const afterRestart = await restarted.engine.applyEvents([sixth]);

    expect(afterRestart).toEqual(live);
    expect(restarted.engine.world.entrants.get('mini')).toEqual(continuous.engine.world.entrants.get('mini'));
  });
});
