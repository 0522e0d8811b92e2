// RULES.md R6: overall rating, text that counts, positive reviews and the positive feedback score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  feedbackTally,
  feedbackTextCounts,
  isPositiveReview,
  positiveFeedbackScore,
  reviewOverall,
  tallyBelowPct,
} from '../../core/feedback';
import { DEFAULT_POLICY, type Policy } from '../../core/policy';
import type { Review } from '../../core/wire/entities';
import { makeReview } from './builders';

const positive = (overrides: Partial<Review> = {}) => makeReview({ overall: 5, text: 'Great work, on time.', ...overrides });
const negative = (overrides: Partial<Review> = {}) => makeReview({ overall: 4, text: 'Good but late.', ...overrides });
const withPolicy = (patch: Partial<Policy['feedback']>): Policy => ({
  ...DEFAULT_POLICY,
  version: 'test-feedback',
  feedback: { ...DEFAULT_POLICY.feedback, ...patch },
});

describe('reviewOverall (R6: the mean of the categories given, two decimals half up)', () => {
  it.each([
    ['all six at 5', { skills: 5, quality: 5, availability: 5, deadlines: 5, communication: 5, cooperation: 5 }, 5],
    ['five 5s and a 4: 29/6', { skills: 5, quality: 5, availability: 5, deadlines: 5, communication: 5, cooperation: 4 }, 4.83],
    ['one 5 and five 4s: 25/6', { skills: 5, quality: 4, availability: 4, deadlines: 4, communication: 4, cooperation: 4 }, 4.17],
    ['two given: 4 and 5', { skills: 4, quality: 5 }, 4.5],
    ['three given: 11/3', { skills: 3, quality: 4, communication: 4 }, 3.67],
    ['one given', { deadlines: 2 }, 2],
  ] as const)('%s → %s', (_, categories, expected) => {
    expect(reviewOverall({ overall: 1, categories })).toBe(expected);
  });

  it('falls back to overall when no category is given', () => {
    expect(reviewOverall({ overall: 4 })).toBe(4);
    expect(reviewOverall({ overall: 3, categories: {} })).toBe(3);
  });
});

describe('feedbackTextCounts (R6: at least 4 Unicode letters)', () => {
  it.each([
    ['OK', false],
    ['ok!', false],
    ['Goo', false],
    ['Good', true],
    ['', false],
    ['    ', false],
    ['👍👍👍👍', false],
    ['👍 OK 👍', false],
    ['1234567890', false],
    ['10/10 !!!', false],
    ['A+ 10/10', false],
    ['!!!???...', false],
    ['5 ★★★★★', false],
    ['Très', true],
    ['Tre\u0301s', true], // decomposed accent: the mark is not a letter, the four base letters are
    ['好的好的', true],
    ['Спасибо', true],
    ['ok ok', true],
    ['Great work, very responsive.', true],
  ] as const)('%j → %s', (text, counts) => {
    expect(feedbackTextCounts(text)).toBe(counts);
  });

  it('follows policy.feedback.minTextLetters', () => {
    expect(feedbackTextCounts('OK', withPolicy({ minTextLetters: 2 }))).toBe(true);
    expect(feedbackTextCounts('Good', withPolicy({ minTextLetters: 5 }))).toBe(false);
    expect(feedbackTextCounts('', withPolicy({ minTextLetters: 0 }))).toBe(true);
  });
});

describe('isPositiveReview (R6: stars ≥ 5 and the text counts)', () => {
  it.each([
    ['5 stars with text', { overall: 5, text: 'Lovely logo' }, true],
    ['5 stars, no text', { overall: 5, text: '' }, false],
    ['5 stars, "OK"', { overall: 5, text: 'OK' }, false],
    ['5 stars, emoji only', { overall: 5, text: '😀😀😀😀😀' }, false],
    ['5 stars, digits only', { overall: 5, text: '5/5 10/10' }, false],
    ['4 stars with text', { overall: 4, text: 'Lovely logo' }, false],
    ['4.99 overall with text', { overall: 4.99, text: 'Lovely logo' }, false],
    ['six categories at 5 with text', { overall: 1, categories: { skills: 5, quality: 5, availability: 5, deadlines: 5, communication: 5, cooperation: 5 }, text: 'Superb' }, true],
    ['one category at 4 (29/6) with text', { overall: 5, categories: { skills: 5, quality: 5, availability: 5, deadlines: 5, communication: 5, cooperation: 4 }, text: 'Superb' }, false],
    ['categories at 5 but no text', { overall: 5, categories: { skills: 5, quality: 5 }, text: '' }, false],
  ] as const)('%s → %s', (_, fields, expected) => {
    expect(isPositiveReview(fields)).toBe(expected);
  });

  it('compares a fractional threshold exactly (positiveMinStars 4.5: 9/2 is positive, 13/3 is not)', () => {
    const policy = withPolicy({ positiveMinStars: 4.5 });
    expect(isPositiveReview({ overall: 1, categories: { skills: 4, quality: 5 }, text: 'Good job' }, policy)).toBe(true);
    expect(isPositiveReview({ overall: 5, categories: { skills: 4, quality: 5, cooperation: 4 }, text: 'Good job' }, policy)).toBe(false);
    expect(isPositiveReview({ overall: 4.5, text: 'Good job' }, policy)).toBe(true);
    expect(isPositiveReview({ overall: 4.49, text: 'Good job' }, policy)).toBe(false);
  });
});

describe('positive feedback score (R6)', () => {
  it.each([
    ['3 of 4 positive: exactly 75', [positive(), positive(), positive(), negative()], 75],
    ['2 of 3 positive', [positive(), positive(), negative()], 66.67],
    ['1 of 3 positive', [positive(), negative(), negative()], 33.33],
    ['all positive', [positive(), positive()], 100],
    ['all negative', [negative()], 0],
    ['five stars without text is negative', [positive(), positive({ text: '' })], 50],
    ['interim reviews are not counted', [positive(), negative({ kind: 'interim' }), negative({ kind: 'interim' })], 100],
    ['voided reviews are not counted', [positive(), negative({ voidedAt: '2026-11-10T00:00:00.000Z' })], 100],
    ['the designer’s review of the client is not counted', [negative(), positive({ authorRole: 'designer' })], 0],
    ['nothing counted → null', [], null],
    ['only interim → null', [positive({ kind: 'interim' })], null],
    ['only voided → null', [positive({ voidedAt: '2026-11-10T00:00:00.000Z' })], null],
  ] as const)('%s → %s', (_, reviews, expected) => {
    expect(positiveFeedbackScore(reviews)).toBe(expected);
  });

  it('tallies in integers, so exactly 75% is not below 75 and 74.99% is', () => {
    const threeOfFour = feedbackTally([positive(), positive(), positive(), negative()]);
    expect(threeOfFour).toEqual({ positive: 3, counted: 4 });
    expect(tallyBelowPct(threeOfFour, 75)).toBe(false);
    expect(tallyBelowPct({ positive: 2999, counted: 3999 }, 75)).toBe(true);
    // 14999/19999 shows as 75.00 half up, yet is below 75: the rule uses the integers.
    expect(tallyBelowPct({ positive: 14999, counted: 19999 }, 75)).toBe(true);
    expect(tallyBelowPct({ positive: 15000, counted: 20000 }, 75)).toBe(false);
  });

  describe('as of a time: only what the profile showed then', () => {
    const asOf = '2026-11-20T00:00:00.000Z';
    it.each([
      ['published before', { publishedAt: '2026-11-16T10:00:00.000Z' }, 1],
      ['published exactly at asOf', { publishedAt: asOf }, 1],
      ['published 1 ms after asOf', { publishedAt: '2026-11-20T00:00:00.001Z' }, 0],
      ['not published (still blind)', {}, 0],
      ['voided after asOf still counts then', { publishedAt: '2026-11-16T10:00:00.000Z', voidedAt: '2026-11-25T00:00:00.000Z' }, 1],
      ['voided exactly at asOf', { publishedAt: '2026-11-16T10:00:00.000Z', voidedAt: asOf }, 0],
    ] as const)('%s → counted %s', (_, overrides, counted) => {
      expect(feedbackTally([positive(overrides)], DEFAULT_POLICY, { asOf }).counted).toBe(counted);
    });
  });
});

const starsArb = fc.integer({ min: 1, max: 5 });
const reviewArb = fc
  .record({
    overall: starsArb,
    text: fc.constantFrom('', 'OK', 'Great work', '👍👍👍👍', 'Très bien'),
    kind: fc.constantFrom('final' as const, 'interim' as const),
    authorRole: fc.constantFrom('client' as const, 'designer' as const),
    voided: fc.boolean(),
  })
  .map(({ voided, ...fields }) =>
    makeReview({ ...fields, ...(voided ? { voidedAt: '2026-11-10T00:00:00.000Z' } : {}) }),
  );

describe('positive feedback score: properties', () => {
  it('is null exactly when nothing counts, else within 0–100', () => {
    fc.assert(
      fc.property(fc.array(reviewArb, { maxLength: 40 }), (reviews) => {
        const score = positiveFeedbackScore(reviews);
        const tally = feedbackTally(reviews);
        if (tally.counted === 0) return score === null;
        return score !== null && score >= 0 && score <= 100 && tally.positive <= tally.counted;
      }),
    );
  });

  it('never falls when a positive review is added, never rises when a negative one is', () => {
    fc.assert(
      fc.property(fc.array(reviewArb, { maxLength: 40 }), (reviews) => {
        const before = positiveFeedbackScore(reviews) ?? 0;
        const withPositive = positiveFeedbackScore([...reviews, positive()]);
        const withNegative = positiveFeedbackScore([...reviews, negative()]);
        const hadScore = positiveFeedbackScore(reviews) !== null;
        expect(withPositive).not.toBeNull();
        expect(withPositive ?? -1).toBeGreaterThanOrEqual(before);
        if (hadScore) expect(withNegative ?? 101).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('does not depend on the order of the reviews', () => {
    fc.assert(
      fc.property(fc.array(reviewArb, { maxLength: 30 }), fc.nat(), (reviews, seed) => {
        const rotated = reviews.map((_, i) => reviews[(i + seed) % reviews.length]).filter((r) => r !== undefined);
        expect(feedbackTally(rotated)).toEqual(feedbackTally(reviews));
        expect(positiveFeedbackScore([...reviews].reverse())).toBe(positiveFeedbackScore(reviews));
      }),
    );
  });

  it('agrees with the integer rule at every 75% boundary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), (counted, k) => {
        const tally = { positive: k % (counted + 1), counted };
        expect(tallyBelowPct(tally, 75)).toBe(4 * tally.positive < 3 * counted);
      }),
    );
  });
});
