// RULES.md R12: every detector over the platform's facts as of one time, joined into flags
// that name the policy they were raised under.
import { DEFAULT_POLICY, type Policy } from '../policy';
import { DETECTORS, type DetectorName } from '../wire/entities';
import { joinHits, type ManipulationFlag } from './flags';
import { incentiveOffer, pressureMessage } from './message-detectors';
import {
  newAccountBurst,
  ratingRaisedAfterContact,
  singleDesignerRater,
  type DetectionFacts,
} from './rating-detectors';
import { customerReport } from './report-detector';
import { duplicateReviewText, feedbackChangePattern } from './review-detectors';
import type { DetectionContext, Detector, Hit } from './types';

/** Every detector of R12 by its wire name, with the title a moderator reads. */
export const DETECTORS_BY_NAME = {
  pressure_message: { title: 'Pressure for a rating or review', detect: pressureMessage },
  incentive_offer: { title: 'Something of value offered for a rating or review', detect: incentiveOffer },
  rating_raised_after_contact: { title: 'Low rating raised or removed after the designer’s message', detect: ratingRaisedAfterContact },
  customer_report: { title: 'Customer report', detect: customerReport },
  new_account_burst: { title: 'Five-star burst from new accounts', detect: newAccountBurst },
  single_designer_rater: { title: 'Customer gives five stars to one designer only', detect: singleDesignerRater },
  feedback_change_pattern: { title: 'Feedback change enabled repeatedly after low feedback', detect: feedbackChangePattern },
  duplicate_review_text: { title: 'Near-identical reviews from different customers', detect: duplicateReviewText },
} as const satisfies Record<DetectorName, { title: string; detect: Detector }>;

export function detectorTitle(name: DetectorName): string {
  return DETECTORS_BY_NAME[name].title;
}

/**
 * Runs every detector over the facts as they stood at `asOf` and joins the hits into flags
 * (flags.ts), highest score first; each flag names the policy version it was raised under. `facts` may carry `submissions` (rating-detectors.ts) for an exact project count;
 * nothing else beyond `ManipulationFacts` is needed. Pure: the same facts in any order give
 * the same flags.
 */
export function detectManipulation(
  facts: DetectionFacts,
  context: DetectionContext,
  policy: Policy = DEFAULT_POLICY,
): ManipulationFlag[] {
  return joinHits(detectHits(facts, context, policy), policy);
}

/** Every detector's hits, before joining: for a caller that keeps its own flags (the platform, as events arrive). */
export function detectHits(facts: DetectionFacts, context: DetectionContext, policy: Policy = DEFAULT_POLICY): Hit[] {
  // In the wire's order, so hits of one moment list the same way on every side.
  return DETECTORS.flatMap((name) => DETECTORS_BY_NAME[name].detect(facts, context, policy));
}
