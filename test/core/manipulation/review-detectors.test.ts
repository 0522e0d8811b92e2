import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Contract, type Review } from '../../../core';
import { jaccard, wordShingles } from '../../../core/manipulation/near-duplicates';
import { duplicateReviewText, feedbackChangePattern, reviewAsFirstPosted } from '../../../core/manipulation/review-detectors';
import { makeContract, makeReview } from '../builders';
import { DAY, daysAfter, facts, hoursAfter, LATER, msAfter, T0 } from './helpers';

describe('reviewAsFirstPosted', () => {
  it('is the review itself when it never changed', () => {
    expect(reviewAsFirstPosted(makeReview({ overall: 3, text: 'ok then', postedAt: T0 }))).toMatchObject({ overall: 3, text: 'ok then', at: T0 });
  });

  it.each([
    ['history dated when each version was written', T0],
    ['history dated when each version was replaced', daysAfter(3)],
  ])('is the first version of a changed review, with %s', (_, firstAt) => {
    const review = makeReview({
      overall: 5,
      text: 'Perfect!',
      postedAt: T0,
      history: [{ overall: 2, text: 'Slow and sloppy.', at: firstAt }],
    });
    expect(reviewAsFirstPosted(review)).toMatchObject({ overall: 2, text: 'Slow and sloppy.', at: T0 });
  });
});

describe('feedback_change_pattern', () => {
  /** Contract k{i} of d1 with client c{i}: feedback `overall` posted a day before the enabling at `enabledAt`. */
  function enabling(i: number, overall: number, enabledAt: string, reviewOverrides: Partial<Review> = {}) {
    const contract = makeContract({ id: `k${i}`, customerId: `c${i}`, feedbackChangeEnabledAt: enabledAt, closedAt: daysAfter(-2, enabledAt) });
    const review = makeReview({ id: `v${i}`, contractId: `k${i}`, overall, postedAt: daysAfter(-1, enabledAt), ...reviewOverrides });
    return { contract, review };
  }
  function run(rows: readonly { contract: Contract; review: Review }[], asOf = LATER) {
    return feedbackChangePattern(
      facts({ contracts: rows.map((r) => r.contract), reviews: rows.map((r) => r.review) }),
      { asOf },
      DEFAULT_POLICY,
    );
  }

  it('fires on three enablings within 30 days, each after feedback under 5 stars, naming contracts and reviews', () => {
    const rows = [enabling(1, 4, T0), enabling(2, 3.5, daysAfter(10)), enabling(3, 2.83, daysAfter(20))];
    const [hit, ...rest] = run(rows);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ detector: 'feedback_change_pattern', designerId: 'd1', at: daysAfter(20), score: 50 });
    expect(hit).not.toHaveProperty('customerId');
    expect(hit?.evidence.items.map((i) => [i.kind, i.id])).toEqual([
      ['review', 'v1'],
      ['feedback_change', 'k1'],
      ['review', 'v2'],
      ['feedback_change', 'k2'],
      ['review', 'v3'],
      ['feedback_change', 'k3'],
    ]);
    expect(hit?.evidence.items[1]?.detail).toBe('on contract k1, 1 day after 4-star feedback');
    expect(hit?.evidence.summary).toBe(
      'Designer d1 enabled a feedback change on 3 contracts within 20 days, each after client feedback under 5 stars (4, 3.5 and 2.83 stars).',
    );
  });

  it.each([
    ['30 days minus 1 ms', 30 * DAY - 1, true],
    ['exactly 30 days (half-open window)', 30 * DAY, false],
  ])('the third enabling %s after the first: fires %s', (_, offset, fires) => {
    const rows = [enabling(1, 4, T0), enabling(2, 4, daysAfter(15)), enabling(3, 4, msAfter(offset))];
    expect(run(rows)).toHaveLength(fires ? 1 : 0);
  });

  it.each([
    ['5 stars on one contract', 5, 0],
    ['4.99 stars on one contract', 4.99, 1],
  ])('%s: %i hit(s)', (_, overall, n) => {
    const rows = [enabling(1, 4, T0), enabling(2, overall, daysAfter(1)), enabling(3, 4, daysAfter(2))];
    expect(run(rows)).toHaveLength(n);
  });

  it('reads the feedback as it stood when enabled, not the changed version', () => {
    const changed = enabling(2, 5, daysAfter(1), { history: [{ overall: 2, text: 'Poor.', at: daysAfter(0) }] });
    expect(run([enabling(1, 4, T0), changed, enabling(3, 4, daysAfter(2))])).toHaveLength(1);
  });

  it('does not count an enabling before the client posted, a designer-authored review, or one after asOf', () => {
    const base = [enabling(1, 4, T0), enabling(2, 4, daysAfter(1))];
    const postedAfter = enabling(3, 4, daysAfter(2), { postedAt: daysAfter(3) });
    expect(run([...base, postedAfter])).toEqual([]);
    const designerReview = enabling(3, 4, daysAfter(2), { authorRole: 'designer' });
    expect(run([...base, designerReview])).toEqual([]);
    const third = enabling(3, 4, daysAfter(2));
    expect(run([...base, third], daysAfter(2))).toHaveLength(1);
    expect(run([...base, third], msAfter(-1, daysAfter(2)))).toEqual([]);
  });

  it('needs one designer', () => {
    const other = enabling(3, 4, daysAfter(2));
    const rows = [enabling(1, 4, T0), enabling(2, 4, daysAfter(1)), { ...other, contract: { ...other.contract, designerId: 'd2' } }];
    expect(run(rows)).toEqual([]);
  });
});

describe('duplicate_review_text', () => {
  const words = (n: number, last = 'end') => [...Array.from({ length: n - 1 }, (_, i) => `word${i}`), last].join(' ');

  /** Client review i of designer `designerId` by customer `customerId`, posted i hours after T0. */
  function review(i: number, text: string, customerId = `c${i}`, designerId = 'd1') {
    return {
      contract: makeContract({ id: `k${i}`, customerId, designerId }),
      review: makeReview({ id: `v${i}`, contractId: `k${i}`, text, postedAt: hoursAfter(i) }),
    };
  }
  function run(rows: readonly { contract: Contract; review: Review }[], asOf = LATER) {
    return duplicateReviewText(
      facts({ contracts: rows.map((r) => r.contract), reviews: rows.map((r) => r.review) }),
      { asOf },
      DEFAULT_POLICY,
    );
  }

  it('fires on three customers posting the same template, naming every review', () => {
    const text = 'Amazing designer, delivered the logo fast and listened to every request we had.';
    const [hit, ...rest] = run([review(1, text), review(2, text.toUpperCase()), review(3, `${text}!!`)]);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ detector: 'duplicate_review_text', designerId: 'd1', at: hoursAfter(3), score: 65 });
    expect(hit).not.toHaveProperty('customerId');
    expect(hit?.evidence.items.map((i) => i.id)).toEqual(['v1', 'v2', 'v3']);
    expect(hit?.evidence.items[1]?.detail).toMatch(/\(same text as review v1\)$/);
    expect(hit?.evidence.summary).toBe(
      '3 reviews of designer d1 by 3 different customers have near-identical text (3-word shingle Jaccard 1; the rule\'s threshold is 0.8).',
    );
  });

  // One changed last word among k shingles: Jaccard (k − 1)/(k + 1) between any two of the three.
  it.each([
    ['11 words, Jaccard 8/10 = 0.8 exactly', 11, true],
    ['12 words, Jaccard 9/11 ≈ 0.818', 12, true],
    ['10 words, Jaccard 7/9 ≈ 0.778', 10, false],
  ])('%s: fires %s', (_, n, fires) => {
    const hits = run([review(1, words(n, 'alpha')), review(2, words(n, 'beta')), review(3, words(n, 'gamma'))]);
    expect(hits).toHaveLength(fires ? 1 : 0);
  });

  it('needs different customers: the same customer three times, or two customers, is not enough', () => {
    const text = words(12);
    expect(run([review(1, text, 'c1'), review(2, text, 'c1'), review(3, text, 'c1')])).toEqual([]);
    expect(run([review(1, text, 'c1'), review(2, text, 'c2'), review(3, text, 'c1')])).toEqual([]);
    expect(run([review(1, text, 'c1'), review(2, text, 'c2'), review(3, text, 'c3'), review(4, text, 'c1')])).toHaveLength(1);
  });

  it('compares within one designer only', () => {
    const text = words(12);
    expect(run([review(1, text), review(2, text), review(3, text, 'c3', 'd2')])).toEqual([]);
  });

  it('ignores reviews posted after asOf and designer-authored reviews', () => {
    const text = words(12);
    const rows = [review(1, text), review(2, text), review(3, text)];
    expect(run(rows, hoursAfter(3))).toHaveLength(1);
    expect(run(rows, msAfter(-1, hoursAfter(3)))).toEqual([]);
    const [first, second, third] = [review(1, text), review(2, text), review(3, text)];
    const byDesigner = { ...third, review: { ...third.review, authorRole: 'designer' as const } };
    expect(run([first, second, byDesigner])).toEqual([]);
  });

  it('never calls short texts duplicates: "Great job!" from many customers is ordinary', () => {
    expect(run([review(1, 'Great job!'), review(2, 'great job'), review(3, 'Great job.')])).toEqual([]);
  });

  it('joins a chain of small edits into one group, though the ends are further apart than 0.8', () => {
    const base = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const a = base.join(' ');
    const b = base.map((w, i) => (i === 10 ? 'changed' : w)).join(' ');
    const c = base.map((w, i) => (i === 10 || i === 30 ? 'changed' : w)).join(' ');
    expect(jaccard(wordShingles(a, 3), wordShingles(c, 3))).toBeLessThan(0.8);
    expect(jaccard(wordShingles(a, 3), wordShingles(b, 3))).toBeGreaterThanOrEqual(0.8);
    expect(jaccard(wordShingles(b, 3), wordShingles(c, 3))).toBeGreaterThanOrEqual(0.8);
    const hits = run([review(1, a), review(2, b), review(3, c)]);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.evidence.summary).toMatch(/^3 reviews .* Jaccard 0\.85;/);
  });

  it('keeps unrelated reviews of the same designer out of the group', () => {
    const text = words(12);
    const hits = run([review(1, text), review(2, text), review(3, text), review(4, 'A completely different experience with this studio, slow replies.')]);
    expect(hits[0]?.evidence.items.map((i) => i.id)).toEqual(['v1', 'v2', 'v3']);
  });
});
