import { describe, expect, it } from 'vitest';
import { fractionBelow, formatFraction2, starRating, starRatingsByDesigner, starsAsOf } from '../../core';
import { makeRating, makeRatings } from './builders';

const asOf = '2026-11-02T10:00:00.000Z';

describe('R1 star rating', () => {
  it('is the mean of current ratings in the category, as sum and count', () => {
    const ratings = [...makeRatings([1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]), ...makeRatings([5, 5], { category: 'web' })];
    expect(starRating(ratings, { designerId: 'd1', category: 'logo', asOf })).toEqual({ average: 2.31, sum: 30, count: 13 });
    expect(starRating(ratings, { designerId: 'd1', category: 'web', asOf })).toEqual({ average: 5, sum: 10, count: 2 });
  });

  it('over all categories gives the overall (profile) rating', () => {
    const ratings = [...makeRatings([2, 3]), ...makeRatings([5], { category: 'web' })];
    expect(starRating(ratings, { designerId: 'd1', asOf })).toEqual({ average: 3.33, sum: 10, count: 3 });
  });

  it('leaves out other designers, unrated, removed, voided and future ratings', () => {
    const ratings = [
      makeRating(4),
      makeRating(1, { designerId: 'd2' }),
      makeRating(null),
      makeRating(1, { history: [{ stars: 1, at: '2026-10-01T00:00:00.000Z' }, { stars: null, at: '2026-10-02T00:00:00.000Z' }] }),
      makeRating(1, { voidedAt: '2026-10-20T00:00:00.000Z' }),
      makeRating(1, { at: '2026-11-03T00:00:00.000Z' }),
    ];
    expect(starRating(ratings, { designerId: 'd1', category: 'logo', asOf })).toEqual({ average: 4, sum: 4, count: 1 });
  });

  it('is null (unrated) when nothing counts', () => {
    expect(starRating([], { designerId: 'd1', category: 'logo', asOf })).toEqual({ average: null, sum: 0, count: 0 });
  });

  it('follows a rating through its history: the change in force at the time counts', () => {
    const rating = makeRating(5, {
      history: [
        { stars: 1, at: '2026-10-01T00:00:00.000Z' },
        { stars: 5, at: '2026-10-05T00:00:00.000Z' },
      ],
    });
    expect(starsAsOf(rating, Date.parse('2026-09-30T23:59:59.999Z'))).toBeNull();
    expect(starsAsOf(rating, Date.parse('2026-10-01T00:00:00.000Z'))).toBe(1);
    expect(starsAsOf(rating, Date.parse('2026-10-04T23:59:59.999Z'))).toBe(1);
    expect(starsAsOf(rating, Date.parse('2026-10-05T00:00:00.000Z'))).toBe(5);
  });

  it('stops counting a voided rating from the moment it is voided', () => {
    const rating = makeRating(5, { voidedAt: '2026-10-10T00:00:00.000Z' });
    expect(starsAsOf(rating, Date.parse('2026-10-09T23:59:59.999Z'))).toBe(5);
    expect(starsAsOf(rating, Date.parse('2026-10-10T00:00:00.000Z'))).toBeNull();
  });

  it('computes every designer and category in one pass, agreeing with the single query', () => {
    const ratings = [
      ...makeRatings([2, 3, 4]),
      ...makeRatings([1, 5], { designerId: 'd2' }),
      ...makeRatings([3], { designerId: 'd2', category: 'web' }),
    ];
    const all = starRatingsByDesigner(ratings, asOf);
    expect(all.get('d1')?.get('logo')).toEqual(starRating(ratings, { designerId: 'd1', category: 'logo', asOf }));
    expect(all.get('d2')?.get('logo')).toEqual({ average: 3, sum: 6, count: 2 });
    expect(all.get('d2')?.get('web')).toEqual({ average: 3, sum: 3, count: 1 });
  });
});

describe('exact comparison and display of averages', () => {
  it.each([
    // sum, count, below 2.5?
    [5, 2, false], // exactly 2.50 is not below
    [249, 100, true],
    [251, 100, false],
    [30, 13, true], // 2.3077
    [0, 1, true],
  ])('%i / %i below 2.5 → %s', (sum, count, below) => {
    expect(fractionBelow(sum, count, 2.5)).toBe(below);
  });

  it.each([
    [30, 13, '2.31'],
    [5, 2, '2.50'],
    [10, 3, '3.33'],
    [20, 3, '6.67'],
    // 2.305 exactly (461/200) rounds half up, which a float toFixed gets wrong
    [461, 200, '2.31'],
    [4609, 2000, '2.30'],
  ])('%i / %i shows as %s (half up)', (sum, count, shown) => {
    expect(formatFraction2(sum, count)).toBe(shown);
  });
});
