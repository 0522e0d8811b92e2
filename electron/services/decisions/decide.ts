// Deciding on this machine (CONSOLE-API.md, decisions.decide): the rule core checks the decision
// before anything is written; then one transaction writes the decision, its outbox row, its
// journal entry (with what the moderator was shown) and its optimistic effect (the item leaves
// its queue). synchronous=FULL makes the commit durable before the renderer hears "queued".
// Undo removes it while it is still on this machine.
import { randomUUID } from 'node:crypto';
import {
  approvalOutcome,
  checkFlagDecision,
  checkSubmissionDecision,
  decisionRequestSchema,
  parseWith,
  SUBMISSION_STATUS_TITLES,
  toIso,
  type DecisionRequest,
  type Flag,
  type Project,
  type Rating,
  type Role,
  type Submission,
} from '../../../core';
import type { DecideInput } from '../../contract';
import type { CacheDb } from '../db/open-cache';
import type { QueryContext } from '../queries/context';
import { submissionExplanation } from '../queries/items';
import { designerEntity, designerRatings } from '../queries/designers';
import { ratingFigure } from '../queries/figures';
import { appendJournal } from './journal';

/** A refusal the transports turn into a problem: 400 input, 403 role, 404 missing, 409 state. */
export class DecisionRefused extends Error {
  override name = 'DecisionRefused';
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DecideContext extends QueryContext {
  /** Reads inside the decision's own transaction (the writer's view). */
  write: QueryContext['read'];
  /** The durable write transaction of the workspace file. */
  transaction: CacheDb['transaction'];
  roles: readonly Role[];
  undoMs: () => number;
  localNow: () => number;
  newId?: () => string;
}

export function mayDecide(roles: readonly Role[], subjectType: 'submission' | 'flag'): boolean {
  if (roles.includes('admin')) return true;
  return subjectType === 'submission' ? roles.includes('quality') : roles.includes('trust_safety');
}

interface Shown {
  explanation: string;
  policyVersion: string;
  rating?: { value: string | null; count: number; category: string };
  evidenceKeys?: string[];
}

interface Prepared {
  request: DecisionRequest;
  queue: 'held' | 'review' | 'flags';
  shown: Shown;
}

async function prepareSubmission(ctx: DecideContext, input: DecideInput, id: string, decidedAt: string): Promise<Prepared> {
  const row: { data: string; pending_decision_id: string | null } | undefined = await ctx.write('submissions').where({ id: input.subjectId }).first('data', 'pending_decision_id');
  if (row === undefined) throw new DecisionRefused(404, 'not-found', `No submission ${input.subjectId} in the cache.`);
  const submission = JSON.parse(row.data) as Submission;
  if (input.outcome !== 'approve' && input.outcome !== 'reject') throw new DecisionRefused(400, 'validation', `outcome: a submission takes approve or reject, not ${input.outcome}`);
  if (input.sanctions !== undefined || input.statementOfReasons !== undefined) throw new DecisionRefused(400, 'validation', 'sanctions and a statement of reasons belong to flags, not submissions');
  if (row.pending_decision_id !== null) throw new DecisionRefused(409, 'already-decided', `Submission ${submission.id} already has a decision waiting to be sent (${row.pending_decision_id}); undo it first.`);
  const check = checkSubmissionDecision(submission, {
    expectedRev: input.expectedRev ?? submission.rev,
    outcome: input.outcome,
    ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }),
    ...(input.note === undefined ? {} : { note: input.note }),
  });
  if (!check.ok) throw new DecisionRefused(check.kind === 'invalid' ? 400 : 409, check.reason, check.explanation);
  const projectRow: { data: string } | undefined = await ctx.write('projects').where({ id: submission.projectId }).first('data');
  const shown: Shown = { explanation: '', policyVersion: ctx.policy().version };
  if (projectRow !== undefined) {
    const project = JSON.parse(projectRow.data) as Project;
    const designer = await designerEntity(ctx, submission.designerId);
    const ratings = await designerRatings(ctx, designer.id, project.category);
    const explanation = submissionExplanation(ctx, submission, project, designer, ratings);
    const agg: { sum: number; count: number } | undefined = await ctx.write('designer_ratings').where({ designer_id: designer.id, category: project.category }).first('sum', 'count');
    const figure = ratingFigure(project.category, agg?.sum, agg?.count);
    shown.explanation = explanation.text;
    shown.rating = { value: figure.value, count: figure.count, category: project.category };
  }
  return {
    queue: submission.status === 'held' ? 'held' : 'review',
    shown,
    request: {
      id,
      subjectType: 'submission',
      subjectId: submission.id,
      expectedRev: submission.rev,
      outcome: input.outcome,
      ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }),
      ...(input.note === undefined || input.note === '' ? {} : { note: input.note }),
      decidedAt,
    },
  };
}

async function prepareFlag(ctx: DecideContext, input: DecideInput, id: string, decidedAt: string): Promise<Prepared> {
  const row: { data: string; pending_decision_id: string | null } | undefined = await ctx.write('flags').where({ id: input.subjectId }).first('data', 'pending_decision_id');
  if (row === undefined) throw new DecisionRefused(404, 'not-found', `No flag ${input.subjectId} in the cache.`);
  const flag = JSON.parse(row.data) as Flag;
  if (input.outcome !== 'dismiss' && input.outcome !== 'confirm') throw new DecisionRefused(400, 'validation', `outcome: a flag takes dismiss or confirm, not ${input.outcome}`);
  if (row.pending_decision_id !== null) throw new DecisionRefused(409, 'already-decided', `Flag ${flag.id} already has a decision waiting to be sent (${row.pending_decision_id}); undo it first.`);
  if (input.outcome === 'confirm' && input.reasonCode !== undefined) throw new DecisionRefused(400, 'validation', 'reasonCode: a confirmation carries sanctions and a statement, not a reason code');
  const named = (input.sanctions ?? []).flatMap((s) => (s.type === 'void_ratings' ? s.ratingIds : []));
  const ratings: Rating[] = [];
  for (let i = 0; i < named.length; i += 500) {
    const rows: Array<{ data: string }> = await ctx.write('ratings').whereIn('id', named.slice(i, i + 500)).select('data');
    ratings.push(...rows.map((r) => JSON.parse(r.data) as Rating));
  }
  const check = checkFlagDecision(
    flag,
    {
      expectedRev: input.expectedRev ?? flag.rev,
      outcome: input.outcome,
      ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }),
      ...(input.sanctions === undefined ? {} : { sanctions: input.sanctions }),
      ...(input.statementOfReasons === undefined ? {} : { statementOfReasons: input.statementOfReasons }),
    },
    ratings,
  );
  if (!check.ok) throw new DecisionRefused(check.kind === 'invalid' ? 400 : 409, check.reason, check.explanation);
  return {
    queue: 'flags',
    shown: { explanation: `Flag score ${Math.round(flag.score)}`, policyVersion: flag.policyVersion, evidenceKeys: input.evidenceKeys ?? [] },
    request: {
      id,
      subjectType: 'flag',
      subjectId: flag.id,
      expectedRev: flag.rev,
      outcome: input.outcome,
      ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }),
      ...(input.note === undefined || input.note === '' ? {} : { note: input.note }),
      ...(input.sanctions === undefined ? {} : { sanctions: input.sanctions }),
      ...(input.statementOfReasons === undefined ? {} : { statementOfReasons: input.statementOfReasons }),
      decidedAt,
    },
  };
}

export interface Queued {
  decisionId: string;
  sendsAt: string;
  queue: 'held' | 'review' | 'flags';
}

export async function decide(ctx: DecideContext, input: DecideInput): Promise<Queued> {
  if (!mayDecide(ctx.roles, input.subjectType)) {
    const needs = input.subjectType === 'submission' ? 'quality' : 'trust_safety';
    throw new DecisionRefused(403, 'forbidden', `Deciding a ${input.subjectType} needs the ${needs} or admin role; you have ${ctx.roles.join(', ')}.`);
  }
  const id = (ctx.newId ?? randomUUID)();
  const localMs = ctx.localNow();
  // decidedAt is the platform's clock at the moment of the decision (local clock + offset).
  const decidedAt = toIso(ctx.platformNow());
  const sendAfterMs = localMs + ctx.undoMs();
  return ctx.transaction('durable', async (trx) => {
    const scoped: DecideContext = { ...ctx, write: trx, read: trx };
    const prepared = input.subjectType === 'submission' ? await prepareSubmission(scoped, input, id, decidedAt) : await prepareFlag(scoped, input, id, decidedAt);
    // The wire schema is the last word on what the platform will accept.
    const wire = parseWith(decisionRequestSchema, prepared.request, 'decision');
    if (!wire.ok) throw new DecisionRefused(400, 'validation', wire.error);
    const request = wire.value;
    await trx('decisions').insert({
      decision_id: id,
      subject_type: request.subjectType,
      subject_id: request.subjectId,
      outcome: request.outcome,
      reason_code: request.reasonCode ?? null,
      note: request.note ?? null,
      sanctions: request.sanctions === undefined ? null : JSON.stringify(request.sanctions),
      statement: request.statementOfReasons ?? null,
      decided_at: decidedAt,
      decided_local: toIso(localMs),
      moderator_id: ctx.moderatorId,
      queue: prepared.queue,
      state: 'queued',
    });
    await trx('outbox').insert({ decision_id: id, subject_type: request.subjectType, subject_id: request.subjectId, request: JSON.stringify(request), send_after_ms: sendAfterMs });
    await appendJournal(trx, {
      kind: 'decided',
      decisionId: id,
      atPlatform: decidedAt,
      atLocal: toIso(localMs),
      moderatorId: ctx.moderatorId,
      payload: { request, shown: prepared.shown },
    });
    const table = request.subjectType === 'submission' ? 'submissions' : 'flags';
    await trx(table).where({ id: request.subjectId }).update({ pending_decision_id: id });
    return { decisionId: id, sendsAt: toIso(sendAfterMs), queue: prepared.queue };
  });
}

export async function undo(ctx: DecideContext, decisionId: string): Promise<{ subjectType: 'submission' | 'flag'; subjectId: string }> {
  return ctx.transaction('durable', async (trx) => {
    const decision: { subject_type: 'submission' | 'flag'; subject_id: string; moderator_id: string; state: string } | undefined = await trx('decisions')
      .where({ decision_id: decisionId })
      .first('subject_type', 'subject_id', 'moderator_id', 'state');
    if (decision === undefined) throw new DecisionRefused(404, 'not-found', `No decision ${decisionId} was made here.`);
    if (decision.moderator_id !== ctx.moderatorId) throw new DecisionRefused(403, 'forbidden', 'Only the moderator who made a decision can undo it.');
    const removed = await trx('outbox').where({ decision_id: decisionId, state: 'queued' }).delete();
    if (removed !== 1) {
      const words = decision.state === 'undone' ? 'was already undone' : 'has already left this machine';
      throw new DecisionRefused(409, 'too-late', `This decision ${words}; it can no longer be undone here.`);
    }
    const localMs = ctx.localNow();
    await trx('decisions').where({ decision_id: decisionId }).update({ state: 'undone' });
    await trx(decision.subject_type === 'submission' ? 'submissions' : 'flags')
      .where({ pending_decision_id: decisionId })
      .update({ pending_decision_id: null });
    await appendJournal(trx, { kind: 'undone', decisionId, atPlatform: toIso(ctx.platformNow()), atLocal: toIso(localMs), moderatorId: ctx.moderatorId, payload: {} });
    return { subjectType: decision.subject_type, subjectId: decision.subject_id };
  });
}

/** What approving or rejecting each submission would do now (batch mode's preview). */
export async function previewBatch(ctx: QueryContext, subjectIds: readonly string[], outcome: 'approve' | 'reject'): Promise<Array<{ subjectId: string; from: string; to: string | null; detail: string }>> {
  const rows: Array<{ id: string; data: string; pending_decision_id: string | null; pdata: string | null }> = await ctx
    .read('submissions as s')
    .leftJoin('projects as p', 'p.id', 's.project_id')
    .whereIn('s.id', subjectIds.slice(0, 500))
    .select('s.id', 's.data', 's.pending_decision_id', 'p.data as pdata');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nowIso = toIso(ctx.platformNow());
  return subjectIds.map((subjectId) => {
    const row = byId.get(subjectId);
    if (row === undefined) return { subjectId, from: 'unknown', to: null, detail: 'Not in the cache: it will be skipped.' };
    const s = JSON.parse(row.data) as Submission;
    const from = SUBMISSION_STATUS_TITLES[s.status];
    if (row.pending_decision_id !== null) return { subjectId, from, to: null, detail: 'Already decided here, waiting to be sent: skipped.' };
    if (s.status !== 'held' && s.status !== 'pending_review') return { subjectId, from, to: null, detail: `${from}: no longer takes a decision, skipped.` };
    if (outcome === 'reject') return { subjectId, from, to: SUBMISSION_STATUS_TITLES.rejected, detail: 'Never shown to the customer.' };
    if (s.status === 'held') return { subjectId, from, to: SUBMISSION_STATUS_TITLES.visible, detail: 'Shown to the customer now.' };
    if (row.pdata === null) return { subjectId, from, to: null, detail: 'The project is not in the cache yet: skipped.' };
    const verdict = approvalOutcome({ project: JSON.parse(row.pdata) as Project, approvedAt: nowIso }, ctx.policy());
    return { subjectId, from, to: SUBMISSION_STATUS_TITLES[verdict.status], detail: verdict.explanation };
  });
}
