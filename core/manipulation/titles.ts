// RULES.md R12: the title a moderator reads for each detector, kept apart from the registry in
// detect.ts so flags.ts can explain a flag without importing every detector.
import type { DetectorName } from '../wire/entities';

export const DETECTOR_TITLES = {
  pressure_message: 'Pressure for a rating or review',
  incentive_offer: 'Something of value offered for a rating or review',
  rating_raised_after_contact: 'Low rating raised or removed after the designer’s message',
  customer_report: 'Customer report',
  new_account_burst: 'Five-star burst from new accounts',
  single_designer_rater: 'Customer gives five stars to one designer only',
  feedback_change_pattern: 'Feedback change enabled repeatedly after low feedback',
  duplicate_review_text: 'Near-identical reviews from different customers',
} as const satisfies Record<DetectorName, string>;
