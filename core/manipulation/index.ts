// RULES.md R12: the public face of core/manipulation — the eight detectors, the flags they
// join into, and `detectManipulation`. Helpers (grouping, evidence wording) stay inside.
export type * from './types';
export * from './message-detectors';
export {
  newAccountBurst,
  ratingRaisedAfterContact,
  singleDesignerRater,
  type DetectionFacts,
  type ManipulationLookups,
} from './rating-detectors';
export { customerReport, MANIPULATION_REPORT_CATEGORIES } from './report-detector';
export { duplicateReviewText, feedbackChangePattern, reviewAsFirstPosted } from './review-detectors';
export { jaccard, nearDuplicateGroups, wordShingles, type NearDuplicateGroup, type SimilarPair } from './near-duplicates';
export { combineScores, explainFlag, joinHits, type ManipulationFlag } from './flags';
export { DETECTOR_TITLES } from './titles';
export { detectHits, detectManipulation, detectorTitle, DETECTORS_BY_NAME } from './detect';
