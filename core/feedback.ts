// RULES.md R6: a client's feedback on a designer, when it is positive, and the positive
// feedback score (interim and voided reviews never count; R10 and R12 rely on that).
import { roundHalfUp2, toHundredths } from './exact';
import { DEFAULT_POLICY, type Policy } from './policy';
import { toMs, type IsoTime } from './time';
import type { Review } from './wire/entities';

export type ReviewRatingFields = Pick<Review, 'overall' | 'categories'>;

const LETTER = /\p{L}/gu;

/** The category ratings a review gives, as the exact fraction sum / count; null when it gives none. */
function categoryFraction(review: ReviewRatingFields): { sum: number; count: number } | null {
  let sum = 0;
  let count = 0;
  for (const stars of Object.values(review.categories ?? {})) {
    if (stars === undefined) continue;
    sum += stars;
    count += 1;
  }
  return count === 0 ? null : { sum, count };
}

/** R6: the mean of the categories given, two decimals half up (4.83 for 29/6), else `overall`. */
export function reviewOverall(review: ReviewRatingFields): number {
  const fraction = categoryFraction(review);
  return fraction === null ? review.overall : roundHalfUp2(fraction.sum, fraction.count);
}

/** Unicode letters in the text; stops counting at `enough` since only the threshold matters. */
function countLetters(text: string, enough: number): number {
  let letters = 0;
  for (const _ of text.matchAll(LETTER)) {
    letters += 1;
    if (letters >= enough) break;
  }
  return letters;
}

/**
 * R6: the text counts with at least `minTextLetters` Unicode letters. Emoji, digits, spaces
 * and punctuation are not letters, so "OK", "👍👍👍👍" and "10/10!!" do not count. Combining
 * accents are marks, not letters, so "é" counts once whether composed or decomposed.
 */
export function feedbackTextCounts(text: string, policy: Policy = DEFAULT_POLICY): boolean {
  const min = policy.feedback.minTextLetters;
  return countLetters(text, min) >= min;
}

/**
 * The review's stars reach `positiveMinStars`, decided in integers: with categories the exact
 * mean (sum ≥ 5 × count, not the rounded figure); without, `overall`, which the wire carries as
 * a two-decimal figure and is therefore compared in hundredths.
 */
function starsReach(review: ReviewRatingFields, policy: Policy): boolean {
  const min = toHundredths(policy.feedback.positiveMinStars);
  const fraction = categoryFraction(review);
  if (fraction === null) return toHundredths(review.overall) >= min;
  return fraction.sum * 100 >= min * fraction.count;
}

/** R6: positive when the stars reach `positiveMinStars` and the text counts; five stars without text is negative. */
export function isPositiveReview(review: ReviewRatingFields & Pick<Review, 'text'>, policy: Policy = DEFAULT_POLICY): boolean {
  return starsReach(review, policy) && feedbackTextCounts(review.text, policy);
}

export interface FeedbackTally {
  positive: number;
  /** Reviews that count toward the score: final, client-authored, not voided (and published, as of a time). */
  counted: number;
}

export interface FeedbackAsOf {
  /**
   * Count as the profile stood at this time: only reviews published at or before it, and a
   * review voided at or before it no longer counts. Without it every review given counts
   * unless voided at all — pass published reviews only, or a blind review leaks into the score.
   */
  asOf?: IsoTime;
}

type CountableReview = Pick<Review, 'authorRole' | 'kind' | 'voidedAt' | 'publishedAt'>;

/**
 * Whether a review counts toward its designer's score: a designer's review of a client is about
 * the client, and interim reviews (R10) only show on the profile.
 */
export function countsTowardScore(review: CountableReview, options: FeedbackAsOf = {}): boolean {
  if (review.authorRole !== 'client' || review.kind !== 'final') return false;
  if (options.asOf === undefined) return review.voidedAt === undefined;
  const asOfMs = toMs(options.asOf);
  if (review.voidedAt !== undefined && toMs(review.voidedAt) <= asOfMs) return false;
  return review.publishedAt !== undefined && toMs(review.publishedAt) <= asOfMs;
}

/** R6 in integers, so a threshold is compared exactly: 3 of 4 is exactly 75%. */
export function feedbackTally(
  reviews: Iterable<CountableReview & ReviewRatingFields & Pick<Review, 'text'>>,
  policy: Policy = DEFAULT_POLICY,
  options: FeedbackAsOf = {},
): FeedbackTally {
  let positive = 0;
  let counted = 0;
  for (const review of reviews) {
    if (!countsTowardScore(review, options)) continue;
    counted += 1;
    if (isPositiveReview(review, policy)) positive += 1;
  }
  return { positive, counted };
}

/** 100 × positive ÷ counted, two decimals half up (66.67 for 2 of 3); null when nothing counts. */
export function scoreOf(tally: FeedbackTally): number | null {
  return tally.counted === 0 ? null : roundHalfUp2(100 * tally.positive, tally.counted);
}

/** R6: the positive feedback score 0–100, or null with no counted review. Rules compare `feedbackTally`, not this figure. */
export function positiveFeedbackScore(
  reviews: Iterable<CountableReview & ReviewRatingFields & Pick<Review, 'text'>>,
  policy: Policy = DEFAULT_POLICY,
  options: FeedbackAsOf = {},
): number | null {
  return scoreOf(feedbackTally(reviews, policy, options));
}

/** positive ÷ counted < pct %, decided as positive × 100 × 100 < pct in hundredths × counted. */
export function tallyBelowPct(tally: FeedbackTally, pct: number): boolean {
  return tally.positive * 100 * 100 < toHundredths(pct) * tally.counted;
}

/** "75.00% (3 of 4 counted reviews positive)"; "no counted reviews yet". */
export function describeFeedback(tally: FeedbackTally): string {
  if (tally.counted === 0) return 'no counted reviews yet';
  return `${(scoreOf(tally) ?? 0).toFixed(2)}% (${describeTally(tally)})`;
}

/** "3 of 4 counted reviews positive" */
export function describeTally(tally: FeedbackTally): string {
  return `${tally.positive} of ${tally.counted} counted ${tally.counted === 1 ? 'review' : 'reviews'} positive`;
}
