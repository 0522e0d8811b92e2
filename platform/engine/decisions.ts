// POST /v1/decisions (SYNC-API): a moderator's decision on a submission (R3/R4/R5) or a flag
// (R12), checked and applied at the platform's clock. This module decides on the world it is
// given; the engine (Engine.decide) runs it in its queue, keeps the answer for idempotency,
// and the HTTP layer turns the outcome into an answer.
import { checkFlagDecision } from '../../core/flag-decisions';
import { applySanctions } from '../../core/sanctions';
import { approvalOutcome, checkSubmissionDecision, toIso, toMs, type DecisionRequest, type EntityType, type Rating, type SubjectType } from '../../core';
import { revised, revisedDesigner, type ApplyContext } from './context';

/** What a 409 says: why, and the subject as the platform has it now (SYNC-API `current`). */
export interface ConflictFacts {
  reason: string;
  detail: string;
  subjectType: SubjectType;
  current: unknown;
}

/** A refusal that changed nothing and is not kept: the same request may be sent again. */
export interface Refusal {
  kind: 'refused';
  status: 404 | 422;
  /** Problem slug: the core's reason (`reason_required`, …) or the platform's own. */
  code: string;
  detail: string;
}

export type DecisionAttempt = { kind: 'applied'; changed: Array<{ type: EntityType; id: string }> } | { kind: 'conflict'; conflict: ConflictFacts } | Refusal;

/**
 * The engine's answer to a decision. An applied decision carries its answer as sent, the
 * `{result: "applied", entities}` text kept with the decision id, so a repeat is byte-identical.
 */
export type DecisionOutcome = { kind: 'applied'; body: string } | { kind: 'conflict'; conflict: ConflictFacts } | Refusal;

const refused = (status: 404 | 422, code: string, detail: string): Refusal => ({ kind: 'refused', status, code, detail });

/**
 * When the moderator decided, as the platform records it. A decision made offline keeps its
 * earlier time; one "after" the platform's clock is the console's drifting estimate of platform
 * time, recorded as the platform's clock so the decision is not lost for it; one before the
 * subject existed cannot be true.
 */
function decidedAtOf(ctx: ApplyContext, request: DecisionRequest, subjectType: SubjectType, since: string): { kind: 'recorded'; at: string } | Refusal {
  const decidedMs = toMs(request.decidedAt);
  if (decidedMs < toMs(since)) {
    return refused(422, 'decided-before-subject', `decidedAt ${request.decidedAt} is before ${subjectType} ${request.subjectId} existed (${since}).`);
  }
  return { kind: 'recorded', at: toIso(Math.min(decidedMs, ctx.nowMs)) };
}

/** Checks and applies one decision at `ctx.nowMs`; changes nothing unless it is applied. */
export function decideAt(ctx: ApplyContext, moderatorId: string, request: DecisionRequest): DecisionAttempt {
  return request.subjectType === 'submission' ? decideSubmission(ctx, moderatorId, request) : decideFlag(ctx, moderatorId, request);
}

function decideSubmission(ctx: ApplyContext, moderatorId: string, request: DecisionRequest): DecisionAttempt {
  const { world } = ctx;
  const submission = world.tables.submission.get(request.subjectId);
  if (submission === undefined) return refused(404, 'not-found', `No submission ${request.subjectId}.`);
  const decidedAt = decidedAtOf(ctx, request, 'submission', submission.submittedAt);
  if (decidedAt.kind === 'refused') return decidedAt;
  const outcome: 'approve' | 'reject' = request.outcome === 'approve' ? 'approve' : 'reject';
  const check = checkSubmissionDecision(submission, {
    expectedRev: request.expectedRev,
    outcome,
    ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
    ...(request.note === undefined ? {} : { note: request.note }),
  });
  if (!check.ok) {
    if (check.kind === 'conflict') return { kind: 'conflict', conflict: { reason: check.reason, detail: check.explanation, subjectType: 'submission', current: submission } };
    return refused(422, check.reason, check.explanation);
  }
  const decision = {
    decisionId: request.id,
    outcome,
    // Only a rejection takes a reason (the request schema refuses one elsewhere).
    ...(outcome === 'reject' && request.reasonCode !== undefined ? { reasonCode: request.reasonCode } : {}),
    moderatorId,
    at: decidedAt.at,
  };
  if (outcome === 'reject') {
    world.put('submission', revised(submission, { status: 'rejected', decision }));
  } else if (submission.status === 'held') {
    // R3: approving a held design shows it now.
    world.put('submission', revised(submission, { status: 'visible', decision }));
  } else {
    const project = world.tables.project.get(submission.projectId);
    if (project === undefined) return refused(404, 'not-found', `No project ${submission.projectId}.`);
    const verdict = approvalOutcome({ project, approvedAt: ctx.nowIso }, ctx.policy);
    world.put('submission', revised(submission, { status: verdict.status, decision, ...(verdict.releaseAt === undefined ? {} : { releaseAt: verdict.releaseAt }) }));
  }
  return { kind: 'applied', changed: [{ type: 'submission', id: submission.id }] };
}

function decideFlag(ctx: ApplyContext, moderatorId: string, request: DecisionRequest): DecisionAttempt {
  const { world } = ctx;
  const flag = world.tables.flag.get(request.subjectId);
  if (flag === undefined) return refused(404, 'not-found', `No flag ${request.subjectId}.`);
  const decidedAt = decidedAtOf(ctx, request, 'flag', flag.createdAt);
  if (decidedAt.kind === 'refused') return decidedAt;
  const outcome: 'confirm' | 'dismiss' = request.outcome === 'confirm' ? 'confirm' : 'dismiss';
  const named = new Set((request.sanctions ?? []).flatMap((s) => (s.type === 'void_ratings' ? s.ratingIds : [])));
  const ratings: Rating[] = [...named].flatMap((id) => world.tables.rating.get(id) ?? []);
  const check = checkFlagDecision(
    flag,
    {
      expectedRev: request.expectedRev,
      outcome,
      ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
      ...(request.sanctions === undefined ? {} : { sanctions: request.sanctions }),
      ...(request.statementOfReasons === undefined ? {} : { statementOfReasons: request.statementOfReasons }),
    },
    ratings,
  );
  if (!check.ok) {
    if (check.kind === 'conflict') return { kind: 'conflict', conflict: { reason: check.reason, detail: check.explanation, subjectType: 'flag', current: flag } };
    return refused(422, check.reason, check.explanation);
  }
  const decision = {
    decisionId: request.id,
    outcome,
    ...(outcome === 'dismiss' && request.reasonCode !== undefined ? { reasonCode: request.reasonCode } : {}),
    ...(outcome === 'confirm' && request.sanctions !== undefined ? { sanctions: request.sanctions } : {}),
    ...(outcome === 'confirm' && request.statementOfReasons !== undefined ? { statementOfReasons: request.statementOfReasons } : {}),
    moderatorId,
    at: decidedAt.at,
  };
  const changed: Array<{ type: EntityType; id: string }> = [{ type: 'flag', id: flag.id }];
  world.put('flag', revised(flag, { status: outcome === 'confirm' ? 'confirmed' : 'dismissed', decision }));
  const designer = world.tables.designer.get(flag.designerId);
  if (outcome === 'confirm' && designer !== undefined) {
    // Suspension days count from decidedAt, as the statement of reasons says; voids at the clock.
    const result = applySanctions({ designer, ratings, sanctions: request.sanctions ?? [], at: ctx.nowIso, suspendFrom: decidedAt.at });
    const account = result.changed.designer;
    if (account !== null) {
      // The core gives the account's new state; its history records when the platform applied it.
      world.put('designer', revisedDesigner(designer, { accountStatus: account.accountStatus, suspendedUntil: account.suspendedUntil }, ctx.nowIso));
      changed.push({ type: 'designer', id: designer.id });
    }
    for (const rating of result.changed.ratings) {
      world.put('rating', rating);
      changed.push({ type: 'rating', id: rating.id });
    }
  }
  return { kind: 'applied', changed };
}

/** A kept answer (200 or 409) read back for a repeated decision id. */
export function keptOutcome(status: number, response: string): DecisionOutcome {
  if (status === 200) return { kind: 'applied', body: response };
  const kept: unknown = JSON.parse(response);
  // Written by this engine (a 409's facts; before these were kept apart, the whole problem
  // document, which carries the same members).
  if (typeof kept === 'object' && kept !== null && 'reason' in kept && 'detail' in kept && 'subjectType' in kept && 'current' in kept) {
    const { reason, detail, subjectType, current } = kept;
    if (typeof reason === 'string' && typeof detail === 'string' && (subjectType === 'submission' || subjectType === 'flag')) {
      return { kind: 'conflict', conflict: { reason, detail, subjectType, current } };
    }
  }
  throw new Error(`a kept decision answer that is not a conflict: ${response.slice(0, 200)}`);
}
