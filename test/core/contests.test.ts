// RULES.md R7: mini contest eligibility — refusals in order, exact thresholds, facts as of a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountActiveAt, miniContestEligibility, type ContestEligibilityInput } from '../../core/contests';
import { DEFAULT_POLICY } from '../../core/policy';
import type { Review } from '../../core/wire/entities';
import { makeContract, makeDesigner, makeRating, makeRatings, makeReview } from './builders';

const ASOF = '2026-12-01T12:00:00.000Z';
const PUBLISHED = '2026-11-16T10:00:00.000Z';

let reviewSeq = 0;
function review(isPositive: boolean, overrides: Partial<Review> = {}): Review {
  reviewSeq += 1;
  return makeReview({
    id: `v${reviewSeq}`,
    overall: isPositive ? 5 : 3,
    text: isPositive ? 'Wonderful to work with' : 'Fine in the end',
    publishedAt: PUBLISHED,
    ...overrides,
  });
}
const reviews = (positives: number, negatives: number, overrides: Partial<Review> = {}) => [
  ...Array.from({ length: positives }, () => review(true, overrides)),
  ...Array.from({ length: negatives }, () => review(false, overrides)),
];

function input(overrides: Partial<ContestEligibilityInput> = {}): ContestEligibilityInput {
  return {
    designer: makeDesigner(),
    category: 'logo',
    ratings: makeRatings([3, 3, 3, 3]),
    reviews: reviews(4, 0),
    entrantCount: 0,
    asOf: ASOF,
    ...overrides,
  };
}

describe('miniContestEligibility (R7)', () => {
  it('admits a designer who meets every condition, with the numbers behind it', () => {
    const verdict = miniContestEligibility(input({ ratings: makeRatings([3, 3, 3, 2]), reviews: reviews(3, 1), entrantCount: 4 }));
    expect(verdict).toMatchObject({ eligible: true, feedbackScore: 75, feedback: { positive: 3, counted: 4 }, policyVersion: DEFAULT_POLICY.version });
    expect(verdict.reason).toBeUndefined();
    expect(verdict.rating).toMatchObject({ average: 2.75, sum: 11, count: 4 });
    expect(verdict.explanation).toBe(
      'Eligible for this logo mini contest: logo rating 2.75 over 4 rated designs is at least 2.75, ' +
        'positive feedback score 75.00% (3 of 4 counted reviews positive) is at least 75%, and 4 of 5 places are taken.',
    );
  });

  it.each([
    ['banned', { designer: makeDesigner({ accountStatus: 'banned' }) }, 'account_inactive', 'the account is banned'],
    [
      'suspended until after asOf',
      { designer: makeDesigner({ accountStatus: 'suspended', suspendedUntil: '2026-12-10T00:00:00.000Z' }) },
      'account_inactive',
      'suspended until 10 December 2026',
    ],
    ['suspended with no end', { designer: makeDesigner({ accountStatus: 'suspended' }) }, 'account_inactive', 'until further notice'],
    ['no ratings at all', { ratings: [] }, 'unrated', 'no rated logo designs yet'],
    ['rated only in another category', { ratings: makeRatings([5, 5], { category: 'web' }) }, 'unrated', 'no rated logo designs yet'],
    ['rating 2.50', { ratings: makeRatings([3, 2]) }, 'rating_below_minimum', 'logo rating 2.50 over 2 rated designs is below 2.75'],
    ['rating 2.67 (8/3)', { ratings: makeRatings([3, 3, 2]) }, 'rating_below_minimum', 'logo rating 2.67'],
    ['no reviews', { reviews: [] }, 'no_feedback', 'no counted client feedback'],
    ['only interim reviews', { reviews: reviews(3, 0, { kind: 'interim' }) }, 'no_feedback', 'no counted client feedback'],
    ['only voided reviews', { reviews: reviews(3, 0, { voidedAt: '2026-11-20T00:00:00.000Z' }) }, 'no_feedback', 'no counted'],
    ['2 of 3 positive', { reviews: reviews(2, 1) }, 'feedback_below_minimum', '66.67% (2 of 3 counted reviews positive) is below 75%'],
    ['five stars without text', { reviews: [review(true), review(true, { text: '' })] }, 'feedback_below_minimum', '50.00%'],
    ['five already entered', { entrantCount: 5 }, 'contest_full', '5 of 5 places are already taken'],
    ['more than five entered', { entrantCount: 7 }, 'contest_full', '7 of 5 places'],
  ] as const)('%s → %s', (_, overrides, reason, words) => {
    const verdict = miniContestEligibility(input(overrides));
    expect(verdict.eligible).toBe(false);
    expect(verdict.reason).toBe(reason);
    expect(verdict.explanation).toContain(words);
    expect(verdict.policyVersion).toBe(DEFAULT_POLICY.version);
  });

  it.each([
    ['banned and unrated and full', { designer: makeDesigner({ accountStatus: 'banned' }), ratings: [], entrantCount: 5 }, 'account_inactive'],
    ['unrated and no feedback', { ratings: [], reviews: [] }, 'unrated'],
    ['low rating and low feedback', { ratings: makeRatings([1]), reviews: reviews(0, 2) }, 'rating_below_minimum'],
    ['no feedback and full', { reviews: [], entrantCount: 5 }, 'no_feedback'],
    ['low feedback and full', { reviews: reviews(1, 1), entrantCount: 5 }, 'feedback_below_minimum'],
  ] as const)('refusals come in RULES.md order: %s → %s', (_, overrides, reason) => {
    expect(miniContestEligibility(input(overrides)).reason).toBe(reason);
  });

  describe('boundaries', () => {
    it('rating exactly 2.75 is enough; 2.745 (1098/400) is not, though it shows as 2.75', () => {
      expect(miniContestEligibility(input({ ratings: makeRatings([3, 3, 3, 2]) })).eligible).toBe(true);
      const stars = [...Array<number>(298).fill(3), ...Array<number>(102).fill(2)];
      expect(stars.reduce((a, b) => a + b, 0)).toBe(1098);
      const verdict = miniContestEligibility(input({ ratings: makeRatings(stars) }));
      expect(verdict.reason).toBe('rating_below_minimum');
      expect(verdict.rating.average).toBe(2.75);
      expect(verdict.explanation).toContain('logo rating 2.75 over 400 rated designs is just under 2.75');
    });

    it('feedback exactly 75.00% is enough; 14999 of 19999 is not, though it shows as 75.00', () => {
      expect(miniContestEligibility(input({ reviews: reviews(3, 1) })).eligible).toBe(true);
      const verdict = miniContestEligibility(input({ reviews: reviews(14999, 5000) }));
      expect(verdict.reason).toBe('feedback_below_minimum');
      expect(verdict.feedbackScore).toBe(75);
      expect(verdict.explanation).toContain('(14999 of 19999 counted reviews positive) is just under 75%');
    });

    it('four entrants leave the fifth place; five fill it', () => {
      expect(miniContestEligibility(input({ entrantCount: 4 })).eligible).toBe(true);
      expect(miniContestEligibility(input({ entrantCount: 5 })).reason).toBe('contest_full');
    });

    it('a suspension ends at suspendedUntil: active at that instant, inactive 1 ms before', () => {
      const designer = makeDesigner({ accountStatus: 'suspended', suspendedUntil: ASOF });
      expect(miniContestEligibility(input({ designer })).eligible).toBe(true);
      expect(miniContestEligibility(input({ designer, asOf: '2026-12-01T11:59:59.999Z' })).reason).toBe('account_inactive');
    });
  });

  describe('account status', () => {
    it.each([
      ['active', {}, true],
      ['warned: a warning is not a restriction', { accountStatus: 'warned' }, true],
      ['suspended, ended', { accountStatus: 'suspended', suspendedUntil: '2026-11-01T00:00:00.000Z' }, true],
      ['suspended, running', { accountStatus: 'suspended', suspendedUntil: '2027-01-01T00:00:00.000Z' }, false],
      ['suspended indefinitely', { accountStatus: 'suspended' }, false],
      ['banned', { accountStatus: 'banned' }, false],
    ] as const)('%s → active %s', (_, overrides, active) => {
      expect(accountActiveAt(makeDesigner(overrides), ASOF)).toBe(active);
    });
  });

  describe('facts as of asOf', () => {
    it('ignores ratings given after asOf and ratings voided by then', () => {
      const ratings = [
        ...makeRatings([3, 3]),
        makeRating(1, { at: '2026-12-02T00:00:00.000Z' }),
        makeRating(1, { voidedAt: '2026-11-30T00:00:00.000Z' }),
      ];
      const verdict = miniContestEligibility(input({ ratings }));
      expect(verdict.rating).toMatchObject({ sum: 6, count: 2 });
      expect(verdict.eligible).toBe(true);
    });

    it('ignores reviews still blind or published after asOf, and those voided by then', () => {
      const verdict = miniContestEligibility(
        input({
          reviews: [
            ...reviews(3, 0),
            review(false, { publishedAt: undefined }),
            review(false, { publishedAt: '2026-12-05T00:00:00.000Z' }),
            review(false, { voidedAt: '2026-11-30T00:00:00.000Z' }),
          ],
        }),
      );
      expect(verdict.feedback).toEqual({ positive: 3, counted: 3 });
      expect(verdict.eligible).toBe(true);
    });

    it('counts a review voided after asOf, as it stood then', () => {
      const verdict = miniContestEligibility(
        input({ reviews: [...reviews(1, 0), review(false, { voidedAt: '2026-12-05T00:00:00.000Z' })] }),
      );
      expect(verdict.feedback).toEqual({ positive: 1, counted: 2 });
      expect(verdict.reason).toBe('feedback_below_minimum');
    });

    it('skips other designers’ ratings, and their reviews when contracts are given', () => {
      const ratings = [...makeRatings([3, 3]), ...makeRatings([1, 1, 1], { designerId: 'd2' })];
      const contracts = [makeContract({ id: 'k1', designerId: 'd1' }), makeContract({ id: 'k2', designerId: 'd2' })];
      const all = [...reviews(3, 0, { contractId: 'k1' }), ...reviews(0, 5, { contractId: 'k2' })];
      const verdict = miniContestEligibility(input({ ratings, reviews: all, contracts }));
      expect(verdict.rating).toMatchObject({ sum: 6, count: 2 });
      expect(verdict.feedback).toEqual({ positive: 3, counted: 3 });
      expect(verdict.eligible).toBe(true);
    });
  });

  it('names the policy it used, and follows its numbers', () => {
    const policy = {
      ...DEFAULT_POLICY,
      version: 'strict-1',
      miniContest: { maxDesigners: 3, minRating: 3, minPositiveFeedbackPct: 80 },
    };
    expect(miniContestEligibility(input({ ratings: makeRatings([3, 3, 3, 2]) }), policy)).toMatchObject({
      reason: 'rating_below_minimum',
      policyVersion: 'strict-1',
    });
    expect(miniContestEligibility(input({ reviews: reviews(3, 1) }), policy).reason).toBe('feedback_below_minimum');
    expect(miniContestEligibility(input({ entrantCount: 3 }), policy).reason).toBe('contest_full');
  });
});

describe('miniContestEligibility: properties', () => {
  it('admits exactly when 4 × positive ≥ 3 × counted (given a good rating, an active account and room)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), (counted, k) => {
        const positives = k % (counted + 1);
        const verdict = miniContestEligibility(input({ reviews: reviews(positives, counted - positives) }));
        expect(verdict.eligible).toBe(4 * positives >= 3 * counted);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic, and more entrants never turn a refusal into admission', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }),
        fc.nat({ max: 6 }),
        fc.nat({ max: 6 }),
        fc.integer({ min: 0, max: 8 }),
        (stars, positives, negatives, entrants) => {
          const base = input({ ratings: makeRatings(stars), reviews: reviews(positives, negatives), entrantCount: entrants });
          const first = miniContestEligibility(base);
          expect(miniContestEligibility(base)).toEqual(first);
          const crowded = miniContestEligibility({ ...base, entrantCount: entrants + 1 });
          if (!first.eligible) expect(crowded.eligible).toBe(false);
        },
      ),
    );
  });
});
