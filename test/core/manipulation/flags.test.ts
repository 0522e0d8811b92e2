import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type DetectorName, type Hit, type Policy } from '../../../core';
import { combineScores, joinHits } from '../../../core/manipulation/flags';
import { DAY, daysAfter, msAfter, T0 } from './helpers';

function hit(overrides: Partial<Hit> = {}): Hit {
  const at = overrides.at ?? T0;
  return {
    detector: 'pressure_message',
    designerId: 'd1',
    customerId: 'c1',
    score: 60,
    at,
    evidence: { summary: `hit at ${at}`, items: [{ kind: 'message', id: `m-${at}`, at, detail: 'please give 5 stars' }] },
    ...overrides,
  };
}

describe('combineScores', () => {
  it.each([
    [[], 0],
    [[0], 0],
    [[50], 50],
    [[50, 50], 75],
    [[60, 50], 80],
    [[80, 60, 50], 96],
    [[100, 20], 100],
    [[70, 0], 70],
  ])('%j → %d', (scores, expected) => {
    expect(combineScores(scores)).toBeCloseTo(expected, 10);
  });

  it.each([[[101]], [[-1]], [[Number.NaN]], [[50, Infinity]]])('refuses a score outside 0–100: %j', (scores) => {
    expect(() => combineScores(scores)).toThrow(RangeError);
  });

  const score = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

  it('stays within [highest single score, 100] (property)', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 30 }), (scores) => {
        const combined = combineScores(scores);
        expect(combined).toBeLessThanOrEqual(100);
        expect(combined).toBeGreaterThanOrEqual(Math.max(...scores));
      }),
    );
  });

  it('never falls when a hit is added, and rises for any score ≥ 0.01 until it is a hair from 100 (property)', () => {
    fc.assert(
      fc.property(fc.array(score, { maxLength: 30 }), score, (scores, added) => {
        const before = combineScores(scores);
        const after = combineScores([...scores, added]);
        expect(after).toBeGreaterThanOrEqual(before);
        if (added >= 0.01 && before < 100 - 1e-9) expect(after).toBeGreaterThan(before);
      }),
    );
  });

  it('gives the same figure, to the bit, for the scores in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(score, { maxLength: 20 }).chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }))), ([scores, shuffled]) => {
        expect(Object.is(combineScores(shuffled), combineScores(scores))).toBe(true);
      }),
    );
  });
});

describe('joinHits', () => {
  it('joins two hits on the same designer and customer 13 days apart into one flag', () => {
    const flags = joinHits([hit({ at: T0, score: 60 }), hit({ at: daysAfter(13), score: 50, detector: 'rating_raised_after_contact' })]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ designerId: 'd1', customerId: 'c1', firstAt: T0, lastAt: daysAfter(13), policyVersion: DEFAULT_POLICY.version });
    expect(flags[0]?.score).toBeCloseTo(80, 10);
    expect(flags[0]?.hits.map((h) => h.detector)).toEqual(['pressure_message', 'rating_raised_after_contact']);
    expect(Object.keys(flags[0]?.hits[0] ?? {}).sort()).toEqual(['detector', 'evidence', 'score']);
  });

  it.each([
    ['14 days minus 1 ms', 14 * DAY - 1, 1],
    ['exactly 14 days (half-open: a new flag)', 14 * DAY, 2],
    ['14 days and 1 ms', 14 * DAY + 1, 2],
  ])('a second hit %s later makes %i flag(s)', (_, gap, n) => {
    expect(joinHits([hit({ at: T0 }), hit({ at: msAfter(gap) })])).toHaveLength(n);
  });

  it('chains: hits 10 days apart stay one flag though the first and last are 20 days apart', () => {
    const flags = joinHits([hit({ at: daysAfter(20) }), hit({ at: T0 }), hit({ at: daysAfter(10) })]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.hits.map((h) => h.evidence.items[0]?.at)).toEqual([T0, daysAfter(10), daysAfter(20)]);
  });

  it('keeps designers, customers, and customer-less hits apart', () => {
    const flags = joinHits([
      hit({ customerId: 'c1' }),
      hit({ customerId: 'c2' }),
      hit({ designerId: 'd2' }),
      hit({ customerId: undefined, detector: 'new_account_burst', score: 75 }),
      hit({ customerId: undefined, detector: 'duplicate_review_text', score: 65, at: daysAfter(1) }),
    ]);
    expect(flags.map((f) => [f.designerId, f.customerId ?? null, f.hits.length])).toEqual([
      ['d1', null, 2],
      ['d1', 'c1', 1],
      ['d1', 'c2', 1],
      ['d2', 'c1', 1],
    ]);
    expect(flags[0]).not.toHaveProperty('customerId');
  });

  it('sorts by score, highest first, then the oldest first', () => {
    const flags = joinHits([
      hit({ customerId: 'late', at: daysAfter(2), score: 60 }),
      hit({ customerId: 'strong', at: daysAfter(3), score: 90 }),
      hit({ customerId: 'early', at: daysAfter(1), score: 60 }),
    ]);
    expect(flags.map((f) => f.customerId)).toEqual(['strong', 'early', 'late']);
  });

  it('follows the policy: join days and version', () => {
    const policy: Policy = { ...DEFAULT_POLICY, version: 'test-1', detectors: { ...DEFAULT_POLICY.detectors, flagJoinDays: 3 } };
    const flags = joinHits([hit({ at: T0 }), hit({ at: daysAfter(4) })], policy);
    expect(flags.map((f) => f.policyVersion)).toEqual(['test-1', 'test-1']);
  });

  const detectors: DetectorName[] = ['pressure_message', 'customer_report', 'new_account_burst', 'rating_raised_after_contact'];
  const arbitraryHit = fc
    .record({
      detector: fc.constantFrom(...detectors),
      designerId: fc.constantFrom('d1', 'd2'),
      customerId: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
      score: fc.integer({ min: 0, max: 100 }),
      day: fc.integer({ min: 0, max: 60 }),
    })
    .map(({ day, ...rest }) => hit({ ...rest, at: daysAfter(day) }));

  it('gives the same flags for the hits in any order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryHit, { maxLength: 25 }).chain((hits) => fc.tuple(fc.constant(hits), fc.shuffledSubarray(hits, { minLength: hits.length, maxLength: hits.length }))),
        ([hits, shuffled]) => {
          expect(joinHits(shuffled)).toEqual(joinHits(hits));
        },
      ),
    );
  });

  it('keeps every hit exactly once, each flag one party, gaps inside a flag under the join window (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryHit, { maxLength: 25 }), (hits) => {
        const flags = joinHits(hits);
        expect(flags.reduce((n, f) => n + f.hits.length, 0)).toBe(hits.length);
        for (const flag of flags) {
          const times = flag.hits.map((h) => Date.parse(h.evidence.items[0]?.at ?? ''));
          times.forEach((t, i) => i > 0 && expect(t - (times[i - 1] ?? t)).toBeLessThan(14 * DAY));
          expect(flag.score).toBe(combineScores(flag.hits.map((h) => h.score)));
        }
        for (let i = 1; i < flags.length; i++) expect(flags[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(flags[i]?.score ?? 0);
      }),
    );
  });

  it('adding a hit to a flag never lowers its score (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 100 }), (scores, added) => {
        const base = scores.map((score, i) => hit({ score, at: daysAfter(i) }));
        const [before] = joinHits(base);
        const [after] = joinHits([...base, hit({ score: added, at: daysAfter(scores.length) })]);
        expect(after?.score ?? 0).toBeGreaterThanOrEqual(before?.score ?? 0);
        if ((before?.score ?? 100) < 100 - 1e-9) expect(after?.score ?? 0).toBeGreaterThan(before?.score ?? 0);
      }),
    );
  });
});
