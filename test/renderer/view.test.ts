// A queue view survives the trip through the URL, and junk in the URL never breaks a queue.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../core';
import { DEFAULT_VIEW, itemPath, parseView, queuePath, viewToSearch } from '../../renderer/src/features/queues/view';
import type { QueueView } from '../../renderer/src/features/queryKeys';

describe('queue views in the URL', () => {
  it('writes nothing for the default view', () => {
    expect(queuePath('held')).toBe('/queues/held');
    expect(viewToSearch(DEFAULT_VIEW)).toBe('');
  });

  it('round-trips every filter and order', () => {
    const views = fc.record({
      filter: fc.record(
        {
          category: fc.constantFrom(...CATEGORY_IDS),
          designerId: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
          projectId: fc.stringMatching(/^[a-z0-9 &?=-]{1,20}$/),
          minAgeHours: fc.integer({ min: 1, max: 200 }),
          dueSoon: fc.constant(true),
        },
        { requiredKeys: [] },
      ),
      sort: fc.constantFrom('due' as const, 'arrived' as const),
      order: fc.constantFrom('asc' as const, 'desc' as const),
    });
    fc.assert(
      fc.property(views, (view: QueueView) => {
        expect(parseView('review', viewToSearch(view))).toEqual(view);
      }),
    );
  });

  it('drops what it does not understand, one parameter at a time', () => {
    expect(parseView('held', 'category=nonsense&minAge=-3&sort=sideways&order=up&designer=d-1&dueSoon=1')).toEqual({ filter: { designerId: 'd-1' }, sort: 'due', order: 'asc' });
  });

  it('keeps the view on an item’s route, so Esc and next follow the same list', () => {
    expect(itemPath('held', 'sub 1', { filter: { category: 'logo' }, sort: 'due', order: 'asc' })).toBe('/queues/held/sub%201?category=logo');
  });
});
