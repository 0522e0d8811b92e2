// RULES.md R7: who may enter a mini contest — an active account, a rating of at least 2.75 in
// the contest's category and a positive feedback score of at least 75%, while places remain.
import type { Category } from './categories';
import { formatDate } from './explain';
import { fractionBelow } from './exact';
import { describeFeedback, describeTally, feedbackTally, scoreOf, tallyBelowPct, type FeedbackTally } from './feedback';
import { DEFAULT_POLICY, type Policy } from './policy';
import { describeRating, starRating, type StarRating } from './ratings';
import { toMs, type IsoTime } from './time';
import type { Contract, Designer, Rating, Review } from './wire/entities';

export const CONTEST_REFUSALS = {
  account_inactive: 'Account suspended or banned',
  unrated: 'No rating in this category yet',
  rating_below_minimum: 'Rating in this category below the minimum',
  no_feedback: 'No counted client feedback yet',
  feedback_below_minimum: 'Positive feedback score below the minimum',
  contest_full: 'Mini contest already full',
} as const;
export type ContestRefusal = keyof typeof CONTEST_REFUSALS;

interface EligibilityFacts {
  policyVersion: string;
  explanation: string;
  /** The designer's rating in the contest's category as of `asOf` (R1). */
  rating: StarRating;
  /** R6 as of `asOf`, two decimals; null with no counted review. */
  feedbackScore: number | null;
  /** The integers `feedbackScore` comes from, which the rule compares. */
  feedback: FeedbackTally;
}

export type ContestEligibility =
  | (EligibilityFacts & { eligible: true; reason?: undefined })
  | (EligibilityFacts & { eligible: false; reason: ContestRefusal });

export interface ContestEligibilityInput {
  designer: Pick<Designer, 'id' | 'accountStatus' | 'suspendedUntil'>;
  category: Category;
  /** Ratings of this designer (others are skipped). */
  ratings: readonly Rating[];
  /**
   * Reviews on this designer's contracts: a review names only its contract, so pass
   * `contracts` too when the list may hold other designers' reviews, and those are skipped.
   */
  reviews: readonly Review[];
  contracts?: readonly Pick<Contract, 'id' | 'designerId'>[];
  /** Designers already entered, not counting this one. */
  entrantCount: number;
  asOf: IsoTime;
}

/**
 * "Account active" (R7). A warning is not a restriction (R12, "Statement of reasons"), so a
 * warned designer stays eligible. A suspension ends at `suspendedUntil` (the designer is
 * active again at that instant); a suspension without an end date lasts until lifted.
 */
export function accountActiveAt(
  designer: Pick<Designer, 'accountStatus' | 'suspendedUntil'>,
  asOf: IsoTime,
): boolean {
  switch (designer.accountStatus) {
    case 'active':
    case 'warned':
      return true;
    case 'banned':
      return false;
    case 'suspended':
      return designer.suspendedUntil !== undefined && toMs(designer.suspendedUntil) <= toMs(asOf);
  }
}

function inactiveWords(designer: ContestEligibilityInput['designer']): string {
  if (designer.accountStatus === 'banned') return 'the account is banned';
  if (designer.suspendedUntil === undefined) return 'the account is suspended until further notice';
  return `the account is suspended until ${formatDate(designer.suspendedUntil)}`;
}

/** The score as words for a refusal: a half-up 75.00 that is really 74.996 must not read as reaching 75. */
function feedbackShortfall(tally: FeedbackTally, minPct: number): string {
  const shown = scoreOf(tally) ?? 0;
  if (shown >= minPct) return `positive feedback score (${describeTally(tally)}) is just under ${minPct}%`;
  return `positive feedback score ${describeFeedback(tally)} is below ${minPct}%`;
}

/** R7, checked in the order of its refusals; the first that applies is the reason. */
export function miniContestEligibility(
  input: ContestEligibilityInput,
  policy: Policy = DEFAULT_POLICY,
): ContestEligibility {
  const { designer, category, asOf } = input;
  const { maxDesigners, minRating, minPositiveFeedbackPct } = policy.miniContest;

  const rating = starRating(input.ratings, { designerId: designer.id, category, asOf });
  const ownContracts =
    input.contracts === undefined
      ? null
      : new Set(input.contracts.filter((c) => c.designerId === designer.id).map((c) => c.id));
  const reviews = ownContracts === null ? input.reviews : input.reviews.filter((r) => ownContracts.has(r.contractId));
  // As the profile stood at asOf: a review still blind (R8) or voided by then is not part of it.
  const feedback = feedbackTally(reviews, policy, { asOf });
  const facts = { policyVersion: policy.version, rating, feedbackScore: scoreOf(feedback), feedback };
  const refuse = (reason: ContestRefusal, explanation: string): ContestEligibility => ({
    ...facts,
    eligible: false,
    reason,
    explanation: `Not eligible for this ${category} mini contest: ${explanation}.`,
  });

  if (!accountActiveAt(designer, asOf)) return refuse('account_inactive', inactiveWords(designer));
  if (rating.count === 0) {
    return refuse('unrated', `the designer has ${describeRating(category, rating)}, and a rating of at least ${minRating} is required`);
  }
  if (fractionBelow(rating.sum, rating.count, minRating)) {
    // A half-up 2.75 can be 1098/400 = 2.745: say so rather than print "2.75 is below 2.75".
    const below = (rating.average ?? 0) >= minRating ? 'is just under' : 'is below';
    return refuse('rating_below_minimum', `${describeRating(category, rating)} ${below} ${minRating}`);
  }
  if (feedback.counted === 0) {
    return refuse('no_feedback', `the designer has no counted client feedback yet, and a positive feedback score of at least ${minPositiveFeedbackPct}% is required`);
  }
  if (tallyBelowPct(feedback, minPositiveFeedbackPct)) {
    return refuse('feedback_below_minimum', feedbackShortfall(feedback, minPositiveFeedbackPct));
  }
  if (input.entrantCount >= maxDesigners) {
    return refuse('contest_full', `${input.entrantCount} of ${maxDesigners} places are already taken`);
  }
  return {
    ...facts,
    eligible: true,
    explanation:
      `Eligible for this ${category} mini contest: ${describeRating(category, rating)} is at least ${minRating}, ` +
      `positive feedback score ${describeFeedback(feedback)} is at least ${minPositiveFeedbackPct}%, and ${input.entrantCount} of ${maxDesigners} places are taken.`,
  };
}
