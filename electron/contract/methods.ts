// The console API, declared once (CONSOLE-API.md): each method's name, zod input and output,
// whether it reads or writes, and whether it needs the platform. The IPC binding (main and
// preload), the browser host's routes and the renderer's typed client are all derived from this
// table, so the transports cannot drift (STYLE.md, "One contract, derived everywhere").
import { z } from 'zod';
import { CATEGORY_IDS, DETECTORS, OUTCOMES, ROLES, SUBJECT_TYPES, boundedSanctionSchema, type Role } from '../../core';
import {
  DECISION_STATES,
  QUEUES,
  THEMES,
  auditRunSchema,
  conflictSchema,
  dashboardSchema,
  decisionEntrySchema,
  designerBriefSchema,
  designerProfileSchema,
  id,
  isoTime,
  itemSchema,
  journalRecordSchema,
  queueCountsSchema,
  queueRowSchema,
  sessionSchema,
  settingsSchema,
  signedOutSchema,
  syncStatusSchema,
} from './views';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'read' | 'write';
  input: I;
  output: O;
  /** Answers only with the platform reachable (503 otherwise). */
  needsPlatform?: boolean;
  /** Roles that may call it at all (any of); finer checks (which subject) live in the services. */
  roles?: readonly Role[];
  /** Callable without a signed-in workspace. */
  signedOut?: boolean;
}

function read<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, extra: Omit<MethodSpec, 'kind' | 'input' | 'output'> = {}): MethodSpec<I, O> {
  return { kind: 'read', input, output, ...extra };
}
function write<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, extra: Omit<MethodSpec, 'kind' | 'input' | 'output'> = {}): MethodSpec<I, O> {
  return { kind: 'write', input, output, ...extra };
}

const empty = z.object({}).strict();
const DECIDERS: readonly Role[] = ['quality', 'trust_safety', 'admin'];
const AUDITORS: readonly Role[] = ['auditor', 'admin'];
const subject = { subjectType: z.enum(SUBJECT_TYPES), subjectId: id };
const limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

export const queueFilterSchema = z
  .object({
    category: z.enum(CATEGORY_IDS).optional(),
    designerId: id.optional(),
    projectId: id.optional(),
    /** 48-hour queue: due within the warn fraction (36 h of 48) and not overdue. */
    dueSoon: z.boolean().optional(),
    overdue: z.boolean().optional(),
    /** Arrived at least / at most this many hours ago (platform time). */
    minAgeHours: z.number().min(0).max(24 * 365).optional(),
    maxAgeHours: z.number().min(0).max(24 * 365).optional(),
    minScore: z.number().min(0).max(100).optional(),
    detector: z.enum(DETECTORS).optional(),
  })
  .strict();
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const queuePageInputSchema = z
  .object({
    queue: z.enum(QUEUES),
    limit: limit(500, 50),
    /** An opaque cursor from `next`: walk on. */
    after: z.string().max(500).optional(),
    /** A row number: a virtualised table jumping to a row. */
    offset: z.number().int().min(0).max(10_000_000).optional(),
    filter: queueFilterSchema.optional(),
    /** `due` is the queue's own order (releaseAt, reviewDueAt, score); `arrived` by arrival. */
    sort: z.enum(['due', 'arrived']).default('due'),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict()
  .refine((input) => input.after === undefined || input.offset === undefined, { message: 'give after or offset, not both', path: ['offset'] });
export type QueuePageInput = z.input<typeof queuePageInputSchema>;

export const decideInputSchema = z
  .object({
    ...subject,
    outcome: z.enum(OUTCOMES),
    reasonCode: z.string().min(1).max(100).optional(),
    note: z.string().max(5000).optional(),
    sanctions: z.array(boundedSanctionSchema).max(10).optional(),
    statementOfReasons: z.string().max(50_000).optional(),
    /** The rev the moderator saw; a newer one in the cache is a 409 (the item changed). */
    expectedRev: z.number().int().min(1).optional(),
    /** Evidence the moderator relied on (flag timeline keys), recorded in the journal. */
    evidenceKeys: z.array(z.string().max(300)).max(500).optional(),
  })
  .strict();
export type DecideInput = z.infer<typeof decideInputSchema>;

const decisionFilter = {
  state: z.enum(DECISION_STATES).optional(),
  subjectType: z.enum(SUBJECT_TYPES).optional(),
  subjectId: id.optional(),
  outcome: z.enum(OUTCOMES).optional(),
  reasonCode: z.string().max(100).optional(),
  moderatorId: id.optional(),
  queue: z.enum(QUEUES).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
};

const sanctionPreviewSchema = z.object({
  ratings: z.array(z.object({ category: z.enum(CATEGORY_IDS), before: z.object({ value: z.string().nullable(), count: z.number() }), after: z.object({ value: z.string().nullable(), count: z.number() }) })),
  overall: z.object({ before: z.object({ value: z.string().nullable(), count: z.number() }), after: z.object({ value: z.string().nullable(), count: z.number() }) }),
  accountStatus: z.object({ before: z.string(), after: z.string(), suspendedUntil: isoTime.optional() }),
  voided: z.array(id),
});

const statementInputSchema = z
  .object({
    flagId: id,
    sanctions: z.array(boundedSanctionSchema).max(10),
    evidenceKeys: z.array(z.string().max(300)).max(500),
    clauseId: z.string().max(100),
    explanation: z.string().max(20_000),
  })
  .strict();

const statementSchema = z.object({
  status: z.enum(['complete', 'incomplete']),
  parts: z.object({ measure: z.string(), facts: z.string(), detection: z.string(), ground: z.string(), redress: z.string() }),
  text: z.string(),
  missing: z.array(z.string()),
  appealUntil: isoTime,
  policyVersion: z.string(),
});

export const METHODS = {
  // Session (CONSOLE-API.md conformance: session.get)
  'session.get': read(empty, z.union([sessionSchema, signedOutSchema]), { signedOut: true }),
  'session.signIn': write(z.object({ platformUrl: z.url().max(500), token: z.string().min(1).max(2000) }).strict(), sessionSchema, { needsPlatform: true, signedOut: true }),
  'session.signOut': write(empty, signedOutSchema),

  // Sync
  'sync.status': read(empty, syncStatusSchema),
  'sync.now': write(empty, z.object({ cursor: z.number().int().min(0) }), { needsPlatform: true }),
  'sync.confirmDeletions': write(empty, syncStatusSchema),

  // Queues and items
  'queues.counts': read(empty, queueCountsSchema),
  'queues.page': read(queuePageInputSchema, z.object({ items: z.array(queueRowSchema).max(500), total: z.number().int().min(0), next: z.string().nullable(), offset: z.number().int().min(0).nullable() })),
  'items.get': read(z.object(subject).strict(), itemSchema),
  'assets.get': read(z.object({ assetId: id }).strict(), z.object({ assetId: id, contentType: z.string(), dataUrl: z.string().max(4_000_000) })),

  // Claims
  'claims.claim': write(z.object(subject).strict(), z.object({ claimed: z.boolean(), heldBy: z.string().optional(), expiresAt: isoTime.optional() }), { roles: DECIDERS }),
  'claims.release': write(z.object(subject).strict(), z.object({ released: z.boolean() }), { roles: DECIDERS }),

  // Deciding
  'decisions.decide': write(decideInputSchema, z.object({ decisionId: id, state: z.literal('queued'), sendsAt: isoTime }), { roles: DECIDERS }),
  'decisions.undo': write(z.object({ decisionId: id }).strict(), z.object({ decisionId: id, state: z.literal('undone') }), { roles: DECIDERS }),
  'decisions.preview': read(
    z.object({ subjectType: z.literal('submission'), subjectIds: z.array(id).min(1).max(500), outcome: z.enum(['approve', 'reject']) }).strict(),
    z.object({ items: z.array(z.object({ subjectId: id, from: z.string(), to: z.string().nullable(), detail: z.string() })).max(500) }),
    { roles: DECIDERS },
  ),
  'decisions.batch': write(
    z
      .object({
        subjectType: z.literal('submission'),
        subjectIds: z.array(id).min(1).max(500),
        outcome: z.enum(['approve', 'reject']),
        reasonCode: z.string().min(1).max(100).optional(),
        note: z.string().max(5000).optional(),
      })
      .strict(),
    z.object({ decided: z.array(z.object({ subjectId: id, decisionId: id })), skipped: z.array(z.object({ subjectId: id, reason: z.string() })) }),
    { roles: DECIDERS },
  ),
  'decisions.list': read(
    z.object({ ...decisionFilter, limit: limit(500, 50), after: z.string().max(200).optional() }).strict(),
    z.object({ items: z.array(decisionEntrySchema).max(500), next: z.string().nullable(), total: z.number().int().min(0) }),
  ),
  'decisions.get': read(z.object({ decisionId: id }).strict(), decisionEntrySchema.extend({ journal: z.array(journalRecordSchema).max(50) })),
  'flags.previewSanctions': read(z.object({ flagId: id, sanctions: z.array(boundedSanctionSchema).max(10) }).strict(), sanctionPreviewSchema, { roles: ['trust_safety', 'admin'] }),
  'flags.composeStatement': read(statementInputSchema, statementSchema, { roles: ['trust_safety', 'admin'] }),

  // Conflicts
  'conflicts.list': read(z.object({ includeAcknowledged: z.boolean().default(false), limit: limit(500, 100) }).strict(), z.object({ items: z.array(conflictSchema).max(500), total: z.number().int().min(0) })),
  'conflicts.acknowledge': write(z.object({ decisionId: id }).strict(), z.object({ acknowledged: z.boolean() })),

  // Journal (CONSOLE-API.md conformance: journal.verify)
  'journal.verify': read(empty, z.object({ ok: z.boolean(), entries: z.number().int().min(0), firstBadEntry: z.number().int().optional(), reason: z.string().optional(), head: z.string().optional() })),
  'journal.export': read(z.object(decisionFilter).strict(), z.object({ filename: z.string(), csv: z.string(), rows: z.number().int().min(0), truncated: z.boolean() })),

  // Designers
  'designers.get': read(z.object({ designerId: id }).strict(), designerProfileSchema),
  'designers.search': read(z.object({ query: z.string().min(1).max(100), limit: limit(50, 10) }).strict(), z.object({ items: z.array(designerBriefSchema).max(50) })),

  // Dashboard and audit
  'dashboard.get': read(z.object({ days: z.number().int().min(1).max(90).default(14) }).strict(), dashboardSchema),
  'audit.run': write(z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).strict(), auditRunSchema, { roles: AUDITORS }),
  'audit.get': read(z.object({ runId: id }).strict(), auditRunSchema, { roles: AUDITORS }),
  'audit.export': read(z.object({ runId: id }).strict(), z.object({ filename: z.string(), csv: z.string(), rows: z.number().int().min(0) }), { roles: AUDITORS }),

  // Settings
  'settings.get': read(empty, settingsSchema, { signedOut: true }),
  'settings.set': write(settingsSchema.partial().strict(), settingsSchema, { signedOut: true }),
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
export type InputOf<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Methods[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

export { ROLES, THEMES };
