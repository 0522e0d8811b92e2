// Planted breaches (POST /v1/dev/breaches, development mode only): the platform breaks one named
// rule at one record on purpose, so the console's offline audit (RULES R13, core/audit.ts) can be
// shown to find exactly what was planted. Each breach changes the record the way a faulty
// platform would, in the form an audit of the feed can see; nothing else changes. Like a
// decision, it decides on the world it is given; the engine runs it in its queue and logs it.
import { randomUUID } from 'node:crypto';
import { accountActiveAt } from '../../core/contests';
import { DEV_BREACHES, intakeSubmission, toMs, toStarRating, type DevBreach, type DevBreachKind, type DevBreachRequest, type EntityType } from '../../core';
import { assetIdOf } from './apply-event';
import { revised, type ApplyContext } from './context';

export type BreachAttempt =
  | { kind: 'planted'; breach: DevBreach }
  /** 404: no such record; 409: the record is not in a state the breach applies to (or no record is). */
  | { kind: 'refused'; status: 404 | 409; code: string; detail: string };

interface BreachPlan {
  /** Why the record cannot take the breach, or null when it can. */
  obstacle(ctx: ApplyContext, recordId: string): string | null;
  /** Records in the world's order, for a request that names none. */
  candidates(ctx: ApplyContext): Iterable<string>;
  exists(ctx: ApplyContext, recordId: string): boolean;
  /** Breaks the rule at the record (whose obstacle is null); returns what it changed. */
  plant(ctx: ApplyContext, recordId: string, by: { moderatorId: string; n: number }): Array<{ type: EntityType; id: string }>;
}

/** How long before its release a held design must be for `release_held_early` to show it. */
const RELEASED_EARLY_BY_MS = 10 * 60_000;

/** How many candidates a request without a record looks at before giving up (a dev tool, bounded). */
const SEARCH_LIMIT = 200_000;

const PLANS: Record<DevBreachKind, BreachPlan> = {
  show_held_early: {
    exists: (ctx, id) => ctx.world.tables.submission.has(id),
    candidates: (ctx) => ctx.world.tables.submission.keys(),
    obstacle: (ctx, id) => {
      const s = ctx.world.tables.submission.get(id);
      return s?.status === 'held' ? null : `submission ${id} is ${s?.status ?? 'missing'}, not held`;
    },
    plant: (ctx, id) => {
      const s = ctx.world.tables.submission.get(id);
      if (s === undefined) return [];
      // Shown now with no trace of the hold: what R13 calls "a submission shown that R3 would
      // have held" (release_held_early shows one that keeps its hold reason).
      ctx.world.put('submission', revised(s, { status: 'visible', holdReason: undefined, releaseAt: undefined }));
      return [{ type: 'submission', id }];
    },
  },
  release_held_early: {
    exists: (ctx, id) => ctx.world.tables.submission.has(id),
    candidates: (ctx) => ctx.world.tables.submission.keys(),
    obstacle: (ctx, id) => {
      const s = ctx.world.tables.submission.get(id);
      if (s?.status !== 'held') return `submission ${id} is ${s?.status ?? 'missing'}, not held`;
      // Early enough that no estimate of the platform's clock could take it for the release.
      if (s.releaseAt === undefined || toMs(s.releaseAt) - ctx.nowMs < RELEASED_EARLY_BY_MS) return `submission ${id} is released within ten minutes`;
      return null;
    },
    plant: (ctx, id) => {
      const s = ctx.world.tables.submission.get(id);
      if (s === undefined) return [];
      // Shown now, its record still held with its release time: only a console that watched the
      // feed can tell it from a release on time once that time has passed (core/audit.ts).
      ctx.world.put('submission', revised(s, { status: 'visible' }));
      return [{ type: 'submission', id }];
    },
  },
  publish_review_early: {
    exists: (ctx, id) => ctx.world.tables.review.has(id),
    candidates: (ctx) => ctx.world.tables.review.keys(),
    obstacle: (ctx, id) => {
      const r = ctx.world.tables.review.get(id);
      if (r === undefined) return `review ${id} is missing`;
      if (r.kind !== 'final') return `review ${id} is an interim review, published when posted`;
      if (r.publishedAt !== undefined) return `review ${id} is already published`;
      if (r.voidedAt !== undefined) return `review ${id} is voided`;
      return null;
    },
    plant: (ctx, id) => {
      const r = ctx.world.tables.review.get(id);
      if (r === undefined) return [];
      // Unpublished at the clock means R8 allows it later or not yet at all (a publication due
      // by now has fired before the breach): publishing now is early either way.
      ctx.world.put('review', revised(r, { publishedAt: ctx.nowIso }));
      return [{ type: 'review', id }];
    },
  },
  sixth_mini_contest_entrant: {
    exists: (ctx, id) => ctx.world.tables.project.has(id),
    candidates: (ctx) => ctx.world.tables.project.keys(),
    obstacle: (ctx, id) => {
      const p = ctx.world.tables.project.get(id);
      if (p === undefined) return `project ${id} is missing`;
      if (p.kind !== 'mini_contest') return `project ${id} is a contest, not a mini contest`;
      if (p.status !== 'open') return `mini contest ${id} is ${p.status}`;
      const entrants = ctx.world.entrants.get(id)?.size ?? 0;
      const max = ctx.policy.miniContest.maxDesigners;
      if (entrants !== max) return `mini contest ${id} has ${entrants} entrants; the breach lets in entrant ${max + 1} of a full one`;
      return outsider(ctx, id) === undefined ? `no active designer is left outside mini contest ${id}` : null;
    },
    plant: (ctx, id, { n }) => {
      const project = ctx.world.tables.project.get(id);
      const designer = outsider(ctx, id);
      if (project === undefined || designer === undefined) return [];
      // Everything but the capacity as intake would have it (R3/R4), so the only finding is R7's.
      const sum = ctx.world.ratingSum(designer.id, project.category);
      const verdict = intakeSubmission({ submission: { kind: 'original', submittedAt: ctx.nowIso }, project, designer, ratings: toStarRating(sum.sum, sum.count) }, ctx.policy);
      // Named after its place in the event log; a dev event may have taken the name already.
      let submissionId = `breach-${n}`;
      while (ctx.world.tables.submission.has(submissionId)) submissionId += '-b';
      ctx.world.put('submission', {
        id: submissionId,
        rev: 1,
        projectId: id,
        designerId: designer.id,
        kind: 'original',
        submittedAt: ctx.nowIso,
        status: verdict.status,
        ...(verdict.holdReason === undefined ? {} : { holdReason: verdict.holdReason }),
        ...(verdict.releaseAt === undefined ? {} : { releaseAt: verdict.releaseAt }),
        ...(verdict.reviewDueAt === undefined ? {} : { reviewDueAt: verdict.reviewDueAt }),
        assetId: assetIdOf(submissionId),
      });
      return [{ type: 'submission', id: submissionId }];
    },
  },
  reject_without_reason: {
    exists: (ctx, id) => ctx.world.tables.submission.has(id),
    candidates: (ctx) => ctx.world.tables.submission.keys(),
    obstacle: (ctx, id) => {
      const s = ctx.world.tables.submission.get(id);
      if (s === undefined) return `submission ${id} is missing`;
      if (s.status === 'held') return null;
      // A review decided after its deadline would also be a late review (R4): one breach at a time.
      if (s.status === 'pending_review') return s.reviewDueAt !== undefined && toMs(s.reviewDueAt) >= ctx.nowMs ? null : `submission ${id}'s 48-hour review is overdue`;
      return `submission ${id} is ${s.status}, not waiting for a decision`;
    },
    plant: (ctx, id, { moderatorId }) => {
      const s = ctx.world.tables.submission.get(id);
      if (s === undefined) return [];
      ctx.world.put('submission', revised(s, { status: 'rejected', decision: { decisionId: randomUUID(), outcome: 'reject', moderatorId, at: ctx.nowIso } }));
      return [{ type: 'submission', id }];
    },
  },
};

/** The first active designer, in the world's order, not yet in the mini contest. */
function outsider(ctx: ApplyContext, projectId: string) {
  const entrants = ctx.world.entrants.get(projectId);
  let looked = 0;
  for (const designer of ctx.world.tables.designer.values()) {
    if (++looked > SEARCH_LIMIT) return undefined;
    if (entrants?.has(designer.id) !== true && accountActiveAt(designer, ctx.nowIso)) return designer;
  }
  return undefined;
}

/** Plants the breach at the record named, or at the first record it applies to; changes nothing unless planted. */
export function plantBreach(ctx: ApplyContext, request: DevBreachRequest, by: { moderatorId: string; n: number }): BreachAttempt {
  const plan = PLANS[request.rule];
  const { recordType, finding } = DEV_BREACHES[request.rule];
  let recordId = request.recordId;
  if (recordId === undefined) {
    let looked = 0;
    for (const candidate of plan.candidates(ctx)) {
      if (++looked > SEARCH_LIMIT) break;
      if (plan.obstacle(ctx, candidate) === null) {
        recordId = candidate;
        break;
      }
    }
    if (recordId === undefined) return { kind: 'refused', status: 409, code: 'breach-not-applicable', detail: `No ${recordType} the breach ${request.rule} applies to.` };
  } else {
    if (!plan.exists(ctx, recordId)) return { kind: 'refused', status: 404, code: 'not-found', detail: `No ${recordType} ${recordId.slice(0, 200)}.` };
    const obstacle = plan.obstacle(ctx, recordId);
    if (obstacle !== null) return { kind: 'refused', status: 409, code: 'breach-not-applicable', detail: `The breach ${request.rule} does not apply: ${obstacle}.` };
  }
  const changed = plan.plant(ctx, recordId, by);
  return { kind: 'planted', breach: { rule: request.rule, recordType, recordId, finding, changed } };
}
