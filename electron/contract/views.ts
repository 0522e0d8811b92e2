// What the console API answers: the shapes the screens show. Pure like core/ (core + zod only).
// Every time is the platform's (ISO 8601 with milliseconds); every list is bounded.
import { z } from 'zod';
import {
  ACCOUNT_STATUS,
  AUDIT_FINDINGS,
  DETECTORS,
  HOLD_REASONS,
  OUTCOMES,
  PROJECT_KINDS,
  PROJECT_STATUS,
  ROLES,
  SUBJECT_TYPES,
  SUBMISSION_KINDS,
  SUBMISSION_STATUS,
  VERIFICATION,
  categorySchema,
  evidenceItemSchema,
  policySchema,
  sanctionSchema,
  textSpanSchema,
} from '../../core';

export const id = z.string().min(1).max(200);
export const isoTime = z.string().min(1).max(40);
const count = z.number().int().min(0);

export const QUEUES = ['held', 'review', 'flags'] as const;
export type Queue = (typeof QUEUES)[number];

/** A rating as moderators read it: two decimals (half up) and the count behind it. */
export const ratingFigureSchema = z.object({
  category: z.union([categorySchema, z.literal('overall')]),
  /** "2.31", or null when unrated. */
  value: z.string().nullable(),
  count,
});
export type RatingFigure = z.infer<typeof ratingFigureSchema>;

/** Someone looking at an item (a claim), from the platform's claims. */
export const lookerSchema = z.object({
  moderatorId: id,
  displayName: z.string(),
  expiresAt: isoTime,
  mine: z.boolean(),
});
export type Looker = z.infer<typeof lookerSchema>;

export const designerBriefSchema = z.object({
  id,
  handle: z.string(),
  displayName: z.string(),
  verification: z.enum(VERIFICATION),
  accountStatus: z.enum(ACCOUNT_STATUS),
});
export type DesignerBrief = z.infer<typeof designerBriefSchema>;

export const projectBriefSchema = z.object({
  id,
  title: z.string(),
  category: categorySchema,
  kind: z.enum(PROJECT_KINDS),
  status: z.enum(PROJECT_STATUS),
  launchedAt: isoTime,
  endsAt: isoTime,
  /** launchedAt + W (RULES R2): held designs are released then. */
  launchWindowEndsAt: isoTime,
});
export type ProjectBrief = z.infer<typeof projectBriefSchema>;

/** A decision made on this machine that has not reached the platform yet (or just did). */
export const pendingDecisionSchema = z.object({
  decisionId: id,
  outcome: z.enum(OUTCOMES),
  state: z.enum(['queued', 'sending']),
  /** Local ms when it leaves the machine (end of the undo window). */
  sendsAt: isoTime,
});

// ---------------------------------------------------------------------------------------
// Queue rows

export const submissionRowSchema = z.object({
  subjectType: z.literal('submission'),
  id,
  rev: z.number().int(),
  status: z.enum(SUBMISSION_STATUS),
  kind: z.enum(SUBMISSION_KINDS),
  submittedAt: isoTime,
  releaseAt: isoTime.optional(),
  reviewDueAt: isoTime.optional(),
  assetId: id,
  designer: designerBriefSchema,
  /** The designer's rating in the project's category now. */
  rating: ratingFigureSchema,
  project: projectBriefSchema,
  lookers: z.array(lookerSchema).max(20),
});
export type SubmissionRow = z.infer<typeof submissionRowSchema>;

export const flagRowSchema = z.object({
  subjectType: z.literal('flag'),
  id,
  rev: z.number().int(),
  status: z.enum(['open', 'dismissed', 'confirmed']),
  score: z.number(),
  detectors: z.array(z.enum(DETECTORS)).max(DETECTORS.length),
  designer: designerBriefSchema,
  customer: z.object({ id, displayName: z.string() }).optional(),
  createdAt: isoTime,
  /** The first piece of evidence, in words. */
  firstHit: z.string(),
  lookers: z.array(lookerSchema).max(20),
});
export type FlagRow = z.infer<typeof flagRowSchema>;

export const queueRowSchema = z.discriminatedUnion('subjectType', [submissionRowSchema, flagRowSchema]);
export type QueueRow = z.infer<typeof queueRowSchema>;

export const queueCountsSchema = z.object({
  held: count,
  review: count,
  reviewDueSoon: count,
  reviewOverdue: count,
  flags: count,
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

// ---------------------------------------------------------------------------------------
// The designer, as the item screen and the profile show them

export const designerCardSchema = designerBriefSchema.extend({
  country: z.string(),
  joinedAt: isoTime,
  suspendedUntil: isoTime.optional(),
  overall: ratingFigureSchema,
  ratings: z.array(ratingFigureSchema).max(50),
  /** Overall rating after each of the last rating changes, oldest first (a sparkline). */
  trend: z.array(z.object({ at: isoTime, value: z.number() })).max(200),
  decisions: z.object({ approved: count, rejected: count, pending: count }),
  flags: z.object({ open: count, confirmed: count, dismissed: count }),
});
export type DesignerCard = z.infer<typeof designerCardSchema>;

export const decisionOnRecordSchema = z.object({
  decisionId: id,
  outcome: z.enum(OUTCOMES),
  reasonCode: z.string().optional(),
  moderatorId: id,
  moderatorName: z.string(),
  at: isoTime,
});
export type DecisionOnRecord = z.infer<typeof decisionOnRecordSchema>;

// ---------------------------------------------------------------------------------------
// Items

export const submissionItemSchema = z.object({
  subjectType: z.literal('submission'),
  id,
  rev: z.number().int(),
  status: z.enum(SUBMISSION_STATUS),
  kind: z.enum(SUBMISSION_KINDS),
  /** The rule core's sentence: why this design is here (or where it went). */
  explanation: z.string(),
  policyVersion: z.string(),
  holdReason: z.enum(HOLD_REASONS).optional(),
  submittedAt: isoTime,
  releaseAt: isoTime.optional(),
  reviewDueAt: isoTime.optional(),
  assetId: id,
  designer: designerCardSchema,
  project: projectBriefSchema.extend({ customer: z.object({ id, displayName: z.string() }).optional() }),
  /** The decision on the platform's record, if any. */
  decision: decisionOnRecordSchema.optional(),
  /** A decision made here that is still on this machine. */
  pending: pendingDecisionSchema.optional(),
  decidable: z.boolean(),
  lookers: z.array(lookerSchema).max(20),
});
export type SubmissionItem = z.infer<typeof submissionItemSchema>;

/** One piece of a flag's evidence timeline. */
export const timelineEntrySchema = evidenceItemSchema.extend({
  /** Stable key for ticking the entry as a fact relied on (kind:id). */
  key: z.string(),
  /** The message body or report text, for highlighting `spans` in it. */
  body: z.string().max(20_000).optional(),
  fromRole: z.enum(['designer', 'customer']).optional(),
  /** A rating change: stars before and after, and hours since the designer's last message. */
  starsBefore: z.number().nullable().optional(),
  starsAfter: z.number().nullable().optional(),
  hoursSinceMessage: z.number().optional(),
  detectors: z.array(z.enum(DETECTORS)).max(DETECTORS.length),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const flagHitViewSchema = z.object({
  detector: z.enum(DETECTORS),
  title: z.string(),
  score: z.number(),
  summary: z.string(),
  evidenceKeys: z.array(z.string()).max(500),
});

export const flagItemSchema = z.object({
  subjectType: z.literal('flag'),
  id,
  rev: z.number().int(),
  status: z.enum(['open', 'dismissed', 'confirmed']),
  score: z.number(),
  explanation: z.string(),
  policyVersion: z.string(),
  createdAt: isoTime,
  designer: designerCardSchema,
  customer: z.object({ id, displayName: z.string(), createdAt: isoTime }).optional(),
  hits: z.array(flagHitViewSchema).max(100),
  timeline: z.array(timelineEntrySchema).max(1000),
  /** The designer's ratings named in the evidence: what a void can pick from. */
  ratings: z.array(z.object({ id, category: categorySchema, stars: z.number().nullable(), voided: z.boolean(), at: isoTime })).max(1000),
  decision: decisionOnRecordSchema.extend({ sanctions: z.array(sanctionSchema).optional(), statementOfReasons: z.string().optional() }).optional(),
  pending: pendingDecisionSchema.optional(),
  decidable: z.boolean(),
  lookers: z.array(lookerSchema).max(20),
});
export type FlagItem = z.infer<typeof flagItemSchema>;

export const itemSchema = z.discriminatedUnion('subjectType', [submissionItemSchema, flagItemSchema]);
export type Item = z.infer<typeof itemSchema>;

// ---------------------------------------------------------------------------------------
// Decisions made on this machine, the journal and conflicts

export const DECISION_STATES = ['queued', 'sending', 'applied', 'conflict', 'refused', 'undone'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

export const decisionEntrySchema = z.object({
  decisionId: id,
  subjectType: z.enum(SUBJECT_TYPES),
  subjectId: id,
  outcome: z.enum(OUTCOMES),
  reasonCode: z.string().optional(),
  note: z.string().optional(),
  sanctions: z.array(sanctionSchema).optional(),
  decidedAt: isoTime,
  moderatorId: id,
  queue: z.enum(QUEUES).optional(),
  state: z.enum(DECISION_STATES),
  /** The platform's answer, in words, once it came. */
  platformAnswer: z.string().optional(),
});
export type DecisionEntry = z.infer<typeof decisionEntrySchema>;

export const journalRecordSchema = z.object({
  n: z.number().int().min(1),
  kind: z.enum(['decided', 'undone', 'sent', 'answered']),
  decisionId: id,
  atPlatform: isoTime,
  atLocal: isoTime,
  moderatorId: id,
  /** The entry's content as hashed (canonical JSON). */
  payload: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type JournalRecord = z.infer<typeof journalRecordSchema>;

export const conflictSchema = z.object({
  decisionId: id,
  subjectType: z.enum(SUBJECT_TYPES),
  subjectId: id,
  kind: z.enum(['conflict', 'refused']),
  /** What happened, in words ("Someone decided this first: rejected (off brief) by Ana at 14:02"). */
  summary: z.string(),
  /** The platform's own detail. */
  detail: z.string(),
  yourOutcome: z.enum(OUTCOMES),
  /** Their decision, when someone decided first. */
  theirs: decisionOnRecordSchema.optional(),
  /** The item's state on the platform now. */
  currentStatus: z.string().optional(),
  at: isoTime,
  acknowledged: z.boolean(),
});
export type Conflict = z.infer<typeof conflictSchema>;

// ---------------------------------------------------------------------------------------
// Session, sync, settings

export const moderatorViewSchema = z.object({ id, displayName: z.string(), roles: z.array(z.enum(ROLES)).min(1) });

export const sessionSchema = z.object({
  signedIn: z.literal(true),
  moderator: moderatorViewSchema,
  platformUrl: z.string(),
  policyVersion: z.string(),
  policy: policySchema,
  /** The platform's clock now, from the offset measured at sync. */
  serverTime: isoTime,
  /** Platform ms − local ms, so the renderer can tick countdowns in platform time. */
  clockOffsetMs: z.number(),
  demo: z.boolean(),
  /** What the moderator may do, from the roles. */
  can: z.object({ decideSubmissions: z.boolean(), decideFlags: z.boolean(), audit: z.boolean() }),
});
export const signedOutSchema = z.object({ signedIn: z.literal(false), platformUrl: z.string().optional() });
export type Session = z.infer<typeof sessionSchema>;

export const SYNC_PHASES = ['idle', 'meta', 'pull', 'resync', 'push'] as const;
export const syncStatusSchema = z.object({
  state: z.enum(['online', 'offline', 'syncing']),
  cursor: count,
  lastSyncedAt: isoTime.nullable(),
  outbox: count,
  conflicts: count,
  progress: z.object({ phase: z.enum(SYNC_PHASES), done: count, total: count, ratePerSecond: z.number().optional() }).optional(),
  /** The live stream is up (nudges arrive); otherwise the engine polls. */
  live: z.boolean(),
  lastError: z.string().optional(),
  /** The outbox made no progress for a while although the platform answers. */
  outboxStalled: z.boolean(),
  /** A pull would delete most of the cache: it waits for `sync.confirmDeletions`. */
  failsafe: z.object({ deletes: count, cached: count }).optional(),
  serverTime: isoTime,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const THEMES = ['light', 'dark', 'auto'] as const;
export const settingsSchema = z.object({
  undoSeconds: z.number().int().min(0).max(60),
  theme: z.enum(THEMES),
  blurImages: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

// ---------------------------------------------------------------------------------------
// Designers, dashboard, audit

export const designerProfileSchema = designerCardSchema.extend({
  history: z.array(z.object({ at: isoTime, verification: z.enum(VERIFICATION), accountStatus: z.enum(ACCOUNT_STATUS), suspendedUntil: isoTime.optional() })).max(500),
  /** Per category, the rating after each change, for the trend chart. */
  ratingSeries: z.array(z.object({ category: categorySchema, points: z.array(z.object({ at: isoTime, value: z.number(), count })).max(500) })).max(50),
  positiveFeedback: z.object({ score: z.number().nullable(), positive: count, counted: count, explanation: z.string() }),
  /** Staff only: private feedback below the at-risk mark (R11). */
  privateFeedbackAtRisk: z.object({ atRisk: count, total: count, items: z.array(z.object({ contractId: id, recommend: z.number(), postedAt: isoTime, reasonEnded: z.string() })).max(50) }),
  submissions: z.object({
    byStatus: z.record(z.string(), count),
    recent: z.array(z.object({ id, status: z.enum(SUBMISSION_STATUS), submittedAt: isoTime, projectTitle: z.string(), category: categorySchema, decision: decisionOnRecordSchema.optional() })).max(100),
  }),
  flagList: z.array(z.object({ id, status: z.enum(['open', 'dismissed', 'confirmed']), score: z.number(), createdAt: isoTime, detectors: z.array(z.enum(DETECTORS)), decision: decisionOnRecordSchema.extend({ sanctions: z.array(sanctionSchema).optional() }).optional() })).max(100),
});
export type DesignerProfile = z.infer<typeof designerProfileSchema>;

export const dashboardSchema = z.object({
  from: isoTime,
  to: isoTime,
  queueSizes: z.array(z.object({ at: isoTime, held: count, review: count, flags: count })).max(500),
  sla: z.array(z.object({ day: z.string(), inTime: count, late: count, dueSoon: count, overdue: count })).max(400),
  decisionsPerHour: z.array(z.object({ hour: isoTime, approve: count, reject: count, dismiss: count, confirm: count })).max(24 * 31),
  flagsByDetector: z.array(z.object({ detector: z.enum(DETECTORS), open: count, dismissed: count, confirmed: count })).max(DETECTORS.length),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const auditFindingViewSchema = z.object({
  kind: z.enum(Object.keys(AUDIT_FINDINGS) as [keyof typeof AUDIT_FINDINGS, ...(keyof typeof AUDIT_FINDINGS)[]]),
  rule: z.string(),
  title: z.string(),
  recordType: z.enum(['submission', 'project', 'review', 'flag']),
  recordId: id,
  at: isoTime,
  explanation: z.string(),
  policyVersion: z.string(),
});
export type AuditFindingView = z.infer<typeof auditFindingViewSchema>;

export const auditRunSchema = z.object({
  runId: id,
  state: z.enum(['running', 'done', 'failed']),
  from: isoTime,
  to: isoTime,
  startedAt: isoTime,
  progress: z.object({ phase: z.string(), done: count, total: count }),
  /** Whether the cache holds everything the period needs, and what it lacks. */
  coverage: z.object({ complete: z.boolean(), missing: z.array(z.string()).max(50) }).optional(),
  examined: z.record(z.string(), count).optional(),
  policyVersion: z.string().optional(),
  /** At most `findingsLimit` findings; `findingsTotal` says how many there were. */
  findings: z.array(auditFindingViewSchema).max(5000),
  findingsTotal: count,
  error: z.string().optional(),
});
export type AuditRun = z.infer<typeof auditRunSchema>;

export const textSpanView = textSpanSchema;
