// POST /v1/decisions (SYNC-API): a moderator's decision on a submission (R3/R4/R5) or a flag
// (R12), applied at the platform's clock. Idempotent by decision id: the first answer is kept
// byte for byte, in the same transaction as the decision's effects.
import { checkFlagDecision } from '../../core/flag-decisions';
import { applySanctions } from '../../core/sanctions';
import {
  approvalOutcome,
  checkSubmissionDecision,
  decisionRequestSchema,
  parseWith,
  PROBLEM_MAX_ISSUES,
  REJECT_REASON_IDS,
  REJECT_REASONS,
  type DecisionRequest,
  type EntityType,
  type Moderator,
  type Rating,
} from '../../core';
import { revised } from './context';
import type { Engine } from './engine';
import { scheduleTimers } from './index-entities';

interface ChangedEntity {
  seq: number;
  type: EntityType;
  op: 'upsert';
  id: string;
  data: unknown;
}

/** The answer as sent: status and the exact body text, so a repeat is byte-identical. */
export interface DecisionAnswer {
  status: 200 | 403 | 404 | 409 | 422;
  /** Problem `type` slug for errors. */
  kind?: string;
  body: string;
  problem: boolean;
}

const PROBLEM_BASE = 'https://platform.example/problems/';

function problemAnswer(status: 403 | 404 | 409 | 422, kind: string, title: string, detail: string, extra: Record<string, unknown> = {}): DecisionAnswer {
  return { status, kind, problem: true, body: JSON.stringify({ type: `${PROBLEM_BASE}${kind}`, title, status, detail, ...extra }) };
}

export function parseDecision(input: unknown): { ok: true; value: DecisionRequest } | { ok: false; answer: DecisionAnswer } {
  const parsed = parseWith(decisionRequestSchema, input, 'decision');
  if (!parsed.ok) return { ok: false, answer: problemAnswer(422, 'validation', 'Unprocessable content', parsed.error, { issues: parsed.issues.slice(0, PROBLEM_MAX_ISSUES) }) };
  return { ok: true, value: parsed.value };
}

function mayDecide(moderator: Moderator, subjectType: DecisionRequest['subjectType']): boolean {
  if (moderator.roles.includes('admin')) return true;
  return subjectType === 'submission' ? moderator.roles.includes('quality') : moderator.roles.includes('trust_safety');
}

/**
 * Decides inside the engine's queue: role, idempotency, the core's checks, compare-and-set on
 * expectedRev, then the effects and the stored answer go to disk in one transaction.
 */
export function decide(engine: Engine, moderator: Moderator, request: DecisionRequest): Promise<DecisionAnswer> {
  return engine.serial(async () => {
    if (!mayDecide(moderator, request.subjectType)) {
      const needs = request.subjectType === 'submission' ? 'quality' : 'trust_safety';
      return problemAnswer(403, 'forbidden', 'Forbidden', `Deciding a ${request.subjectType} needs the ${needs} or admin role; ${moderator.id} has ${moderator.roles.join(', ')}.`);
    }
    // The moderator is part of what a decision id stands for: another moderator reusing the id
    // gets a 422, never the first moderator's answer.
    const canonical = JSON.stringify({ moderatorId: moderator.id, ...request });
    const earlier = await engine.store.decision(request.id);
    if (earlier !== undefined) {
      if (earlier.request !== canonical) {
        return problemAnswer(422, 'idempotency-key-reused', 'Unprocessable content', `Decision ${request.id} was already sent with a different body or by another moderator; a decision id is used once.`);
      }
      return { status: earlier.status === 200 ? 200 : 409, problem: earlier.status !== 200, body: earlier.response };
    }
    // Time-based transitions due by now happen first: a release at 17:12 beats a decision at 17:13.
    engine.advanceTo(engine.clock.nowMs());
    const nowMs = engine.nowMs();
    const answer = request.subjectType === 'submission' ? decideSubmission(engine, moderator, request, nowMs) : decideFlag(engine, moderator, request, nowMs);
    if (answer.kind === 'invalid' || answer.kind === 'missing') return answer.answer;
    if (answer.kind === 'conflict') {
      engine.queueDecision({ id: request.id, request: canonical, status: 409, response: answer.answer.body, at: new Date(nowMs).toISOString() });
      await engine.flush();
      return answer.answer;
    }
    // The effects are in the world; write them, then answer with their feed rows.
    const changed = answer.kind === 'applied' ? answer.changed : [];
    await engine.flushWith((seqOf) => {
      const entities: ChangedEntity[] = changed.map(({ type, id }) => ({ seq: seqOf(type, id), type, op: 'upsert', id, data: engine.world.get(type, id) }));
      const body = JSON.stringify({ result: 'applied', entities });
      return { id: request.id, request: canonical, status: 200, response: body, at: new Date(nowMs).toISOString() };
    });
    const stored = await engine.store.decision(request.id);
    return { status: 200, problem: false, body: stored?.response ?? '{"result":"applied","entities":[]}' };
  });
}

type Attempt =
  | { kind: 'applied'; changed: Array<{ type: EntityType; id: string }> }
  | { kind: 'invalid' | 'conflict' | 'missing'; answer: DecisionAnswer };

function conflict(type: EntityType, detail: string, reason: string, current: unknown): Attempt {
  return { kind: 'conflict', answer: problemAnswer(409, 'conflict', 'Conflict', detail, { result: 'conflict', reason, subjectType: type, current }) };
}

function decideSubmission(engine: Engine, moderator: Moderator, request: DecisionRequest, nowMs: number): Attempt {
  const { world } = engine;
  const submission = world.tables.submission.get(request.subjectId);
  if (submission === undefined) return { kind: 'missing', answer: problemAnswer(404, 'not-found', 'Not found', `No submission ${request.subjectId}.`) };
  const outcome: 'approve' | 'reject' = request.outcome === 'approve' ? 'approve' : 'reject';
  // The core tests the code with `in`, which Object's own names ("constructor", "toString")
  // also pass; only the listed codes may reach the entity and the audit.
  if (outcome === 'reject' && request.reasonCode !== undefined && !Object.hasOwn(REJECT_REASONS, request.reasonCode)) {
    const detail = `Unknown reject reason "${request.reasonCode}"; use one of ${REJECT_REASON_IDS.join(', ')}.`;
    return { kind: 'invalid', answer: problemAnswer(422, 'unknown_reason', 'Unprocessable content', detail) };
  }
  const check = checkSubmissionDecision(submission, {
    expectedRev: request.expectedRev,
    outcome,
    ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
    ...(request.note === undefined ? {} : { note: request.note }),
  });
  if (!check.ok) {
    if (check.kind === 'conflict') return conflict('submission', check.explanation, check.reason, submission);
    return { kind: 'invalid', answer: problemAnswer(422, check.reason, 'Unprocessable content', check.explanation) };
  }
  const decision = {
    decisionId: request.id,
    outcome,
    ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
    moderatorId: moderator.id,
    at: request.decidedAt,
  };
  const nowIso = new Date(nowMs).toISOString();
  let next;
  if (outcome === 'reject') {
    next = revised(submission, { status: 'rejected', decision });
  } else if (submission.status === 'held') {
    // R3: approving a held design shows it now.
    next = revised(submission, { status: 'visible', decision });
  } else {
    const project = world.tables.project.get(submission.projectId);
    if (project === undefined) return { kind: 'missing', answer: problemAnswer(404, 'not-found', 'Not found', `No project ${submission.projectId}.`) };
    const verdict = approvalOutcome({ project, approvedAt: nowIso }, engine.policy);
    next = revised(submission, { status: verdict.status, decision, ...(verdict.releaseAt === undefined ? {} : { releaseAt: verdict.releaseAt }) });
  }
  world.put('submission', next);
  if (next.status !== 'scheduled') world.waitingByProject.get(next.projectId)?.delete(next.id);
  scheduleTimers(world, engine.timers, engine.policy, 'submission', next.id);
  return { kind: 'applied', changed: [{ type: 'submission', id: next.id }] };
}

function decideFlag(engine: Engine, moderator: Moderator, request: DecisionRequest, nowMs: number): Attempt {
  const { world } = engine;
  const flag = world.tables.flag.get(request.subjectId);
  if (flag === undefined) return { kind: 'missing', answer: problemAnswer(404, 'not-found', 'Not found', `No flag ${request.subjectId}.`) };
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
    if (check.kind === 'conflict') return conflict('flag', check.explanation, check.reason, flag);
    return { kind: 'invalid', answer: problemAnswer(422, check.reason, 'Unprocessable content', check.explanation) };
  }
  const nowIso = new Date(nowMs).toISOString();
  const decision = {
    decisionId: request.id,
    outcome,
    ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
    ...(outcome === 'confirm' && request.sanctions !== undefined ? { sanctions: request.sanctions } : {}),
    ...(outcome === 'confirm' && request.statementOfReasons !== undefined ? { statementOfReasons: request.statementOfReasons } : {}),
    moderatorId: moderator.id,
    at: request.decidedAt,
  };
  const changed: Array<{ type: EntityType; id: string }> = [{ type: 'flag', id: flag.id }];
  world.put('flag', revised(flag, { status: outcome === 'confirm' ? 'confirmed' : 'dismissed', decision }));
  if (outcome === 'confirm') {
    const designer = world.tables.designer.get(flag.designerId);
    if (designer !== undefined) {
      // Suspension days count from decidedAt, as the statement of reasons says; voids at the clock.
      const result = applySanctions({ designer, ratings, sanctions: request.sanctions ?? [], at: nowIso, suspendFrom: request.decidedAt });
      if (result.changed.designer !== null) {
        world.put('designer', result.changed.designer);
        scheduleTimers(world, engine.timers, engine.policy, 'designer', designer.id);
        changed.push({ type: 'designer', id: designer.id });
      }
      for (const rating of result.changed.ratings) {
        world.adjustRatingSum(world.tables.rating.get(rating.id), rating);
        world.put('rating', rating);
        changed.push({ type: 'rating', id: rating.id });
      }
    }
  }
  return { kind: 'applied', changed };
}
