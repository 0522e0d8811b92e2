// SYNC-API.md, "Entities": the wire shapes the platform serves and the console stores.
// One schema each, shared by the platform (what it emits) and the console (what it accepts).
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories';
import { id, isoTime, rev, stars, text } from './common';

const entity = { id, rev };

export const VERIFICATION = ['verified', 'unverified', 'revoked'] as const;
export const ACCOUNT_STATUS = ['active', 'warned', 'suspended', 'banned'] as const;
export const PROJECT_KINDS = ['contest', 'mini_contest'] as const;
export const PROJECT_STATUS = ['open', 'closed', 'cancelled'] as const;
export const SUBMISSION_KINDS = ['original', 'customer_revision'] as const;
export const SUBMISSION_STATUS = [
  'pending_review',
  'held',
  'scheduled',
  'visible',
  'rejected',
  'expired',
  'withdrawn',
] as const;
export const HOLD_REASONS = [
  'revision_exempt',
  'launch_period_over',
  'unrated',
  'rating_ok',
  'held_low_rating',
] as const;
export const ROLES = ['quality', 'trust_safety', 'auditor', 'admin'] as const;
export const REPORT_CATEGORIES = ['rating_pressure', 'incentive_offer', 'remove_rating_request', 'other'] as const;
export const REVIEW_CATEGORIES = [
  'skills',
  'quality',
  'availability',
  'deadlines',
  'communication',
  'cooperation',
] as const;
export const DETECTORS = [
  'pressure_message',
  'incentive_offer',
  'rating_raised_after_contact',
  'customer_report',
  'new_account_burst',
  'single_designer_rater',
  'feedback_change_pattern',
  'duplicate_review_text',
] as const;

export const categorySchema = z.enum(CATEGORY_IDS);

/** A designer's verification and account status from `at` on (one entry per change). */
export const designerStateSchema = z.object({
  at: isoTime,
  verification: z.enum(VERIFICATION),
  accountStatus: z.enum(ACCOUNT_STATUS),
  suspendedUntil: isoTime.optional(),
});

export const designerSchema = z.object({
  ...entity,
  handle: z.string().min(1).max(64),
  displayName: text(200),
  country: text(64),
  joinedAt: isoTime,
  verification: z.enum(VERIFICATION),
  accountStatus: z.enum(ACCOUNT_STATUS),
  suspendedUntil: isoTime.optional(),
  /**
   * Every state the designer has been in, oldest first, the first at `joinedAt`: an offline
   * audit replays R4 with the verification that held when each submission arrived.
   */
  history: z.array(designerStateSchema).min(1, 'a designer has at least its state on joining in its history'),
});

export const customerSchema = z.object({ ...entity, displayName: text(200), createdAt: isoTime });

export const projectSchema = z.object({
  ...entity,
  customerId: id,
  title: text(300),
  category: categorySchema,
  kind: z.enum(PROJECT_KINDS),
  launchedAt: isoTime,
  endsAt: isoTime,
  status: z.enum(PROJECT_STATUS),
});

export const submissionDecisionSchema = z.object({
  decisionId: id,
  outcome: z.enum(['approve', 'reject']),
  reasonCode: z.string().min(1).optional(),
  moderatorId: id,
  at: isoTime,
});

export const submissionSchema = z.object({
  ...entity,
  projectId: id,
  designerId: id,
  kind: z.enum(SUBMISSION_KINDS),
  submittedAt: isoTime,
  status: z.enum(SUBMISSION_STATUS),
  holdReason: z.enum(HOLD_REASONS).optional(),
  releaseAt: isoTime.optional(),
  reviewDueAt: isoTime.optional(),
  assetId: id,
  decision: submissionDecisionSchema.optional(),
});

export const ratingChangeSchema = z.object({ stars: stars.nullable(), at: isoTime });

export const ratingSchema = z.object({
  ...entity,
  submissionId: id,
  designerId: id,
  customerId: id,
  category: categorySchema,
  stars: stars.nullable(),
  history: z.array(ratingChangeSchema).min(1, 'a rating has at least one change in its history'),
  voidedAt: isoTime.optional(),
});

export const contractSchema = z.object({
  ...entity,
  customerId: id,
  designerId: id,
  title: text(300),
  startedAt: isoTime,
  closedAt: isoTime.optional(),
  feedbackChangeEnabledAt: isoTime.optional(),
});

export const reviewCategoriesSchema = z.partialRecord(z.enum(REVIEW_CATEGORIES), stars);

export const reviewVersionSchema = z.object({
  overall: z.number().min(1).max(5),
  categories: reviewCategoriesSchema.optional(),
  text: text(5000),
  at: isoTime,
});

export const reviewSchema = z.object({
  ...entity,
  contractId: id,
  authorRole: z.enum(['client', 'designer']),
  kind: z.enum(['final', 'interim']),
  overall: z.number().min(1).max(5),
  categories: reviewCategoriesSchema.optional(),
  text: text(5000),
  postedAt: isoTime,
  publishedAt: isoTime.optional(),
  /** Earlier versions, oldest first, when the client changed its feedback (RULES R9). */
  history: z.array(reviewVersionSchema).optional(),
  voidedAt: isoTime.optional(),
});

export const reviewExtensionSchema = z.object({
  ...entity,
  contractId: id,
  requestedBy: z.enum(['client', 'designer']),
  requestedAt: isoTime,
  status: z.enum(['pending', 'approved', 'declined']),
  decidedAt: isoTime.optional(),
  deadline: isoTime.optional(),
});

export const privateFeedbackSchema = z.object({
  ...entity,
  contractId: id,
  reasonEnded: text(1000),
  recommend: z.number().int().min(1, 'recommend runs from 1 to 10').max(10, 'recommend runs from 1 to 10'),
  postedAt: isoTime,
});

export const messageSchema = z.object({
  ...entity,
  designerId: id,
  customerId: id,
  projectId: id.optional(),
  contractId: id.optional(),
  fromRole: z.enum(['designer', 'customer']),
  body: text(20_000),
  sentAt: isoTime,
});

export const reportSchema = z.object({
  ...entity,
  customerId: id,
  designerId: id,
  category: z.enum(REPORT_CATEGORIES),
  body: text(20_000),
  createdAt: isoTime,
});

export const textSpanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});

/** One fact a detector relied on; items are listed in time order so they read as a timeline. */
export const evidenceItemSchema = z.object({
  kind: z.enum(['message', 'rating', 'rating_change', 'review', 'report', 'feedback_change', 'account']),
  /** The record's id (message, rating, review, report, contract or customer). */
  id,
  at: isoTime,
  /** What the item says, in a few words ("rating raised from 1 to 5"). */
  detail: z.string(),
  /** Matched spans of a message's body (UTF-16 offsets), for highlighting. */
  spans: z.array(textSpanSchema).optional(),
});

export const evidenceSchema = z.object({
  summary: z.string(),
  items: z.array(evidenceItemSchema),
});

export const detectorHitSchema = z.object({
  detector: z.enum(DETECTORS),
  score: z.number().min(0).max(100),
  evidence: evidenceSchema,
});

export const sanctionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('warn') }),
  z.object({ type: z.literal('void_ratings'), ratingIds: z.array(id).min(1, 'name at least one rating to void') }),
  z.object({ type: z.literal('suspend'), days: z.number().int().min(1).max(3650) }),
  z.object({ type: z.literal('ban') }),
]);

export const flagDecisionSchema = z.object({
  decisionId: id,
  outcome: z.enum(['dismiss', 'confirm']),
  reasonCode: z.string().min(1).optional(),
  sanctions: z.array(sanctionSchema).optional(),
  statementOfReasons: z.string().optional(),
  moderatorId: id,
  at: isoTime,
});

export const flagSchema = z.object({
  ...entity,
  designerId: id,
  customerId: id.optional(),
  score: z.number().min(0).max(100),
  hits: z.array(detectorHitSchema).min(1),
  status: z.enum(['open', 'dismissed', 'confirmed']),
  createdAt: isoTime,
  policyVersion: z.string().min(1),
  decision: flagDecisionSchema.optional(),
});

export const moderatorSchema = z.object({
  ...entity,
  displayName: text(200),
  roles: z.array(z.enum(ROLES)).min(1),
});

export const claimSchema = z.object({
  ...entity,
  subjectType: z.enum(['submission', 'flag']),
  subjectId: id,
  moderatorId: id,
  expiresAt: isoTime,
});

/** Every entity type of the /v1/changes feed, by its camelCase name. */
export const ENTITY_SCHEMAS = {
  designer: designerSchema,
  customer: customerSchema,
  project: projectSchema,
  submission: submissionSchema,
  rating: ratingSchema,
  contract: contractSchema,
  review: reviewSchema,
  reviewExtension: reviewExtensionSchema,
  privateFeedback: privateFeedbackSchema,
  message: messageSchema,
  report: reportSchema,
  flag: flagSchema,
  moderator: moderatorSchema,
  claim: claimSchema,
} as const;

export type EntityType = keyof typeof ENTITY_SCHEMAS;
export const ENTITY_TYPES = Object.keys(ENTITY_SCHEMAS) as [EntityType, ...EntityType[]];

export type Designer = z.infer<typeof designerSchema>;
export type DesignerState = z.infer<typeof designerStateSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionStatus = (typeof SUBMISSION_STATUS)[number];
export type HoldReason = (typeof HOLD_REASONS)[number];
export type Rating = z.infer<typeof ratingSchema>;
export type RatingChange = z.infer<typeof ratingChangeSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type ReviewExtension = z.infer<typeof reviewExtensionSchema>;
export type PrivateFeedback = z.infer<typeof privateFeedbackSchema>;
export type Message = z.infer<typeof messageSchema>;
export type Report = z.infer<typeof reportSchema>;
export type TextSpan = z.infer<typeof textSpanSchema>;
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type DetectorName = (typeof DETECTORS)[number];
export type DetectorHit = z.infer<typeof detectorHitSchema>;
export type Sanction = z.infer<typeof sanctionSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type Moderator = z.infer<typeof moderatorSchema>;
export type Role = (typeof ROLES)[number];
export type Claim = z.infer<typeof claimSchema>;
export type EntityOf<T extends EntityType> = z.infer<(typeof ENTITY_SCHEMAS)[T]>;
