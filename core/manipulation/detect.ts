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
import { DETECTOR_TITLES } from './titles';
import type { DetectionContext, Detector, Hit } from './types';

/** Every detector of R12 by its wire name, with the title a moderator reads. */
export const DETECTORS_BY_NAME = {
  pressure_message: { title: DETECTOR_TITLES.pressure_message, detect: pressureMessage },
  incentive_offer: { title: DETECTOR_TITLES.incentive_offer, detect: incentiveOffer },
  rating_raised_after_contact: { title: DETECTOR_TITLES.rating_raised_after_contact, detect: ratingRaisedAfterContact },
  customer_report: { title: DETECTOR_TITLES.customer_report, detect: customerReport },
  new_account_burst: { title: DETECTOR_TITLES.new_account_burst, detect: newAccountBurst },
  single_designer_rater: { title: DETECTOR_TITLES.single_designer_rater, detect: singleDesignerRater },
  feedback_change_pattern: { title: DETECTOR_TITLES.feedback_change_pattern, detect: feedbackChangePattern },
  duplicate_review_text: { title: DETECTOR_TITLES.duplicate_review_text, detect: duplicateReviewText },
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
