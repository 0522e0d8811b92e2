// SYNC-API.md, "Endpoints": every request and response of the platform API, once. The platform
// validates what it accepts with these, the contract tests check what it answers with them, and
// the console's sync engine validates what it receives with them: one definition, three users.
import { z } from 'zod';
import type { AuditFinding, AuditFindingKind } from '../audit';
import { policySchema } from '../policy';
import { id, isoTime } from './common';
import { claimSchema, ENTITY_SCHEMAS, moderatorSchema, sanctionSchema, type EntityType } from './entities';
import { marketplaceEventSchema } from './events';

/** SYNC-API.md bounds: a page holds at most 5,000 changes, a problem lists at most 20 issues. */
export const FEED_MAX_LIMIT = 5000;
export const PROBLEM_MAX_ISSUES = 20;
export const RATING_IDS_MAX = 1000;
export const SANCTIONS_MAX = 10;
/** Events in one POST /v1/dev/events (a development tool; datasets are replayed from files). */
export const DEV_EVENTS_MAX = 100_000;

/**
 * An array whose length is checked before its items: a hostile list of millions is refused in
 * one step instead of producing one issue per item (which is what exhausted the stack).
 */
export function boundedArray<T extends z.ZodType>(item: T, max: number, what: string) {
  return z
    .array(z.unknown())
    .max(max, `at most ${max.toLocaleString('en-US')} ${what}`)
    .pipe(z.array(item));
}

// ---------------------------------------------------------------------------------------
// Errors: RFC 9457 problem documents.

export const problemIssueSchema = z.object({ path: z.string(), message: z.string() });

export const problemSchema = z.looseObject({
  type: z.string().min(1),
  title: z.string().min(1),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  /** Validation problems name the failing fields, the first few only. */
  issues: z.array(problemIssueSchema).max(PROBLEM_MAX_ISSUES).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

// ---------------------------------------------------------------------------------------
// GET /v1/meta

export const metaSchema = z.object({
  apiVersion: z.literal(1),
  /** The identity of the change feed: it changes only when the feed starts over. */
  feedId: z.string().min(1).max(200),
  serverTime: isoTime,
  policy: policySchema,
  moderator: moderatorSchema,
});
export type Meta = z.infer<typeof metaSchema>;

// ---------------------------------------------------------------------------------------
// GET /v1/changes

export const changesQuerySchema = z.object({
  after: z.number().int().min(0),
  limit: z.number().int().min(1).max(FEED_MAX_LIMIT).optional(),
  feedId: z.string().min(1).max(200).optional(),
});
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

const seq = z.number().int().positive();

/** The changes of one entity type: an upsert carries the whole entity, a delete only its id. */
function changeOf<T extends EntityType>(type: T) {
  return z.discriminatedUnion('op', [
    z.object({ seq, type: z.literal(type), op: z.literal('upsert'), id, data: ENTITY_SCHEMAS[type] }),
    z.object({ seq, type: z.literal(type), op: z.literal('delete'), id }),
  ]);
}

/** One change, its entity validated by its type's schema; the entity's id must be the change's. */
export const changeSchema = z
  .discriminatedUnion('type', [
    changeOf('designer'),
    changeOf('customer'),
    changeOf('project'),
    changeOf('submission'),
    changeOf('rating'),
    changeOf('contract'),
    changeOf('review'),
    changeOf('reviewExtension'),
    changeOf('privateFeedback'),
    changeOf('message'),
    changeOf('report'),
    changeOf('flag'),
    changeOf('moderator'),
    changeOf('claim'),
  ])
  .refine((change) => change.op === 'delete' || change.data.id === change.id, {
    message: "the entity's id differs from the change's id",
    path: ['data', 'id'],
  });
export type Change = z.infer<typeof changeSchema>;

/** A page's frame, its changes not yet looked at: a reader may then check them a slice at a time. */
export const changesPageFrameSchema = z.object({
  feedId: z.string().min(1).max(200),
  changes: z.array(z.unknown()).max(FEED_MAX_LIMIT, `at most ${FEED_MAX_LIMIT.toLocaleString('en-US')} changes on a page`),
  last: z.number().int().min(0),
  hasMore: z.boolean(),
});

/** The order a page must keep: seq strictly increasing, and `last` the seq it ends at. */
export function pageOrderIssues(page: { changes: ReadonlyArray<{ seq: number }>; last: number }): Array<{ path: Array<string | number>; message: string }> {
  let previous = 0;
  for (const [index, change] of page.changes.entries()) {
    if (change.seq <= previous) return [{ path: ['changes', index, 'seq'], message: `seq ${change.seq} does not follow ${previous}` }];
    previous = change.seq;
  }
  if (page.changes.length > 0 && page.last !== previous) return [{ path: ['last'], message: `last is ${page.last} but the page ends at seq ${previous}` }];
  return [];
}

export const changesPageSchema = changesPageFrameSchema
  .extend({ changes: boundedArray(changeSchema, FEED_MAX_LIMIT, 'changes on a page') })
  .superRefine((page, ctx) => {
    for (const issue of pageOrderIssues(page)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type ChangesPage = z.infer<typeof changesPageSchema>;

/** 410 on a cursor the feed cannot continue from: drop the cache, keep the outbox, pull from 0. */
export const RESYNC_REQUIRED = 'resync-required';

// ---------------------------------------------------------------------------------------
// GET /v1/events (Server-Sent Events): a nudge to pull, never the data itself.

export const changesNudgeSchema = z.object({ last: z.number().int().min(0) });
export type ChangesNudge = z.infer<typeof changesNudgeSchema>;

// ---------------------------------------------------------------------------------------
// POST /v1/decisions

export const SUBJECT_TYPES = ['submission', 'flag'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const SUBJECT_OUTCOMES = { submission: ['approve', 'reject'], flag: ['dismiss', 'confirm'] } as const;
export const OUTCOMES = ['approve', 'reject', 'dismiss', 'confirm'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * A decision id is a UUID made by the console (RFC 9562 text form, any version), read in its
 * lowercase form: UUIDs compare without regard to case, so "0B6F…" and "0b6f…" are one key.
 */
export const decisionIdSchema = z
  .uuid({ message: 'expected a UUID such as 0b6f3f7e-8f7a-4f3e-9d7c-2a1b3c4d5e6f' })
  .transform((uuid) => uuid.toLowerCase());

/** What each outcome takes besides a note: a stray field would be stored, or silently dropped. */
const OUTCOME_FIELDS = {
  approve: [],
  reject: ['reasonCode'],
  dismiss: ['reasonCode'],
  confirm: ['sanctions', 'statementOfReasons'],
} as const satisfies Record<Outcome, ReadonlyArray<'reasonCode' | 'sanctions' | 'statementOfReasons'>>;

/** The wire sanctions with their lists bounded (SYNC-API.md: `ratingIds` ≤ 1,000). */
export const boundedSanctionSchema = z.discriminatedUnion('type', [
  sanctionSchema.options[0],
  z.object({ type: z.literal('void_ratings'), ratingIds: boundedArray(id, RATING_IDS_MAX, 'rating ids').pipe(z.array(id).min(1, 'name at least one rating to void')) }),
  sanctionSchema.options[2],
  sanctionSchema.options[3],
]);

export const decisionRequestSchema = z
  .object({
    id: decisionIdSchema,
    subjectType: z.enum(SUBJECT_TYPES),
    subjectId: id,
    expectedRev: z.number().int().min(1),
    outcome: z.enum(OUTCOMES),
    reasonCode: z.string().min(1).max(100).optional(),
    note: z.string().max(5000).optional(),
    sanctions: boundedArray(boundedSanctionSchema, SANCTIONS_MAX, 'sanctions').optional(),
    statementOfReasons: z.string().max(50_000).optional(),
    decidedAt: isoTime,
  })
  .superRefine((request, ctx) => {
    const allowed: readonly string[] = SUBJECT_OUTCOMES[request.subjectType];
    if (!allowed.includes(request.outcome)) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: `a ${request.subjectType} takes ${allowed.join(' or ')}, not ${request.outcome}` });
      return;
    }
    const takes: readonly string[] = OUTCOME_FIELDS[request.outcome];
    for (const field of ['reasonCode', 'sanctions', 'statementOfReasons'] as const) {
      if (request[field] !== undefined && !takes.includes(field)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${request.outcome} takes no ${field}` });
      }
    }
  });
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

/**
 * `entities` (and nothing else) in an applied decision: the changed entities as feed changes,
 * `{seq, type, op: "upsert", id, data}`, each at the seq the feed carries it under. One shape,
 * so a console applies a decision's answer exactly as it applies a page of the feed.
 */
export const decisionAppliedSchema = z.object({
  result: z.literal('applied'),
  entities: boundedArray(changeSchema, FEED_MAX_LIMIT, 'changed entities'),
});
export type DecisionApplied = z.infer<typeof decisionAppliedSchema>;

/** 409: a problem document carrying the subject as the platform has it now. */
export const decisionConflictSchema = problemSchema.extend({
  status: z.literal(409),
  result: z.literal('conflict'),
  reason: z.string().optional(),
  subjectType: z.enum(SUBJECT_TYPES).optional(),
  current: z.union([ENTITY_SCHEMAS.submission, ENTITY_SCHEMAS.flag]),
});
export type DecisionConflict = z.infer<typeof decisionConflictSchema>;

// ---------------------------------------------------------------------------------------
// POST /v1/claims, DELETE /v1/claims/{subjectType}/{subjectId}

export const claimRequestSchema = z.object({ subjectType: z.enum(SUBJECT_TYPES), subjectId: id });
export type ClaimRequest = z.infer<typeof claimRequestSchema>;
/** 200 answers the claim; 409 is a problem carrying the holder's claim. */
export const claimAnswerSchema = claimSchema;
export const claimHeldSchema = problemSchema.extend({ status: z.literal(409), claim: claimSchema });

// ---------------------------------------------------------------------------------------
// Development mode: /v1/dev/events, /v1/dev/clock, /v1/dev/breaches, /v1/dev/faults

/** The body of POST /v1/dev/events: an event log (SYNC-API.md), its length bounded. */
export const devEventsRequestSchema = z.object({ events: boundedArray(marketplaceEventSchema, DEV_EVENTS_MAX, 'events in one request') });

export const devEventsResultSchema = z.object({
  applied: z.number().int().min(0),
  refused: z.array(z.object({ index: z.number().int().min(0), reasonCode: z.string().min(1) })),
});
export type DevEventsResult = z.infer<typeof devEventsResultSchema>;

export const devClockRequestSchema = z.object({ now: isoTime });
export const devClockAnswerSchema = z.object({ now: isoTime, last: z.number().int().min(0).optional(), rate: z.number().optional() });

/**
 * Planted breaches (POST /v1/dev/breaches, development mode only): the platform breaks one rule
 * at one record on purpose, so an offline audit (RULES R13, core/audit.ts) can be shown to find
 * exactly it. Each names the rule it breaks and the finding an audit gives for it.
 */
export const DEV_BREACH_KINDS = ['show_held_early', 'release_held_early', 'publish_review_early', 'sixth_mini_contest_entrant', 'reject_without_reason'] as const;
export type DevBreachKind = (typeof DEV_BREACH_KINDS)[number];
export const DEV_BREACHES: Readonly<Record<DevBreachKind, { rule: string; recordType: AuditFinding['recordType']; finding: AuditFindingKind; what: string }>> = {
  show_held_early: { rule: 'R3', recordType: 'submission', finding: 'shown_should_hold', what: 'a held design shown before its release, its record reading as never held' },
  release_held_early: { rule: 'R3', recordType: 'submission', finding: 'shown_before_release', what: 'a held design shown before its release, its record still reading as held' },
  publish_review_early: { rule: 'R8', recordType: 'review', finding: 'review_published_early', what: 'a final review published before the double-blind rule allows' },
  sixth_mini_contest_entrant: { rule: 'R7', recordType: 'project', finding: 'contest_over_capacity', what: 'a sixth designer let into a full mini contest (the record is the contest)' },
  reject_without_reason: { rule: 'R5', recordType: 'submission', finding: 'decision_without_reason', what: 'a design rejected with no reason code' },
};

/** The body of POST /v1/dev/breaches; without `recordId` the platform picks the first record the breach applies to. */
export const devBreachRequestSchema = z.strictObject({ rule: z.enum(DEV_BREACH_KINDS), recordId: id.optional() });
export type DevBreachRequest = z.infer<typeof devBreachRequestSchema>;

/** A planted breach as the applied-event log and the answer carry it. */
export const devBreachSchema = z.object({
  rule: z.enum(DEV_BREACH_KINDS),
  recordType: z.enum(['submission', 'project', 'review', 'flag']),
  recordId: id,
  /** The audit finding it makes (core/audit.ts `AUDIT_FINDINGS`). */
  finding: z.string().min(1),
  /** The entities it changed (for the sixth entrant, the new submission). */
  changed: z.array(z.object({ type: z.string().min(1), id })).max(10),
});
export type DevBreach = z.infer<typeof devBreachSchema>;

/** A planted breach's entry in the applied-event log (its stored event). */
export const DEV_BREACH_EVENT_TYPE = 'dev.breach';
export const devBreachEventSchema = z.object({ at: isoTime, type: z.literal(DEV_BREACH_EVENT_TYPE), data: devBreachSchema });

/** 200 answer of POST /v1/dev/breaches: the breach and its place in the applied-event log. */
export const devBreachAnswerSchema = z.object({ n: z.number().int().min(1), at: isoTime, breach: devBreachSchema });
export type DevBreachAnswer = z.infer<typeof devBreachAnswerSchema>;

/** GET /v1/dev/events: the applied-event log, refusals and planted breaches included. */
export const devEventLogSchema = z.object({
  events: z.array(
    z.object({
      n: z.number().int().min(1),
      at: isoTime,
      type: z.string().min(1),
      status: z.enum(['applied', 'refused']),
      reasonCode: z.string().min(1).optional(),
      breach: devBreachSchema.optional(),
    }),
  ),
  last: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type DevEventLog = z.infer<typeof devEventLogSchema>;

export const faultSettingsSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  dropRate: z.number().min(0).max(1).optional(),
  truncateRate: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;
