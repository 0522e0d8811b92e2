// Applies one marketplace event (SYNC-API.md, "event log") through the rule core. A refusal
// returns its reason code and changes nothing: every check runs before the first write.
import { accountActiveAt, miniContestEligibility } from '../../core/contests';
import { feedbackChangeCheck, feedbackChangeEnableCheck, interimFeedbackRequestCheck } from '../../core/feedback-change';
import { reviewOverall } from '../../core/feedback';
import { privateFeedbackCheck } from '../../core/private-feedback';
import { extensionEnd, extensionRequestCheck, reviewWindow } from '../../core/reviews';
import {
  canonicalTime,
  intakeSubmission,
  toMs,
  toStarRating,
  type Customer,
  type EventOf,
  type MarketplaceEvent,
  type Rating,
  type Review,
} from '../../core';
import { joiningHistory, OK, refuse, revised, revisedDesigner, type ApplyContext, type Outcome } from './context';
import { closeProject, publishReviews } from './transitions';

/** The image of a submission is addressed by an asset id of its own (GET /v1/assets/{id}). */
export const assetIdOf = (submissionId: string) => `asset-${submissionId}`;

/**
 * The event with its times in the one canonical format (SYNC-API.md): the log may leave out the
 * milliseconds, but every time the platform writes (`joinedAt`, `endsAt`, the applied-event log)
 * is `YYYY-MM-DDTHH:mm:ss.sssZ`.
 */
export function canonicalEvent(event: MarketplaceEvent): MarketplaceEvent {
  const at = canonicalTime(event.at);
  switch (event.type) {
    case 'project.launched':
      return { ...event, at, data: { ...event.data, endsAt: canonicalTime(event.data.endsAt) } };
    case 'designer.status_changed': {
      const { suspendedUntil } = event.data;
      return suspendedUntil === undefined ? { ...event, at } : { ...event, at, data: { ...event.data, suspendedUntil: canonicalTime(suspendedUntil) } };
    }
    default:
      return at === event.at ? event : { ...event, at };
  }
}

export function applyEvent(ctx: ApplyContext, event: MarketplaceEvent): Outcome {
  switch (event.type) {
    case 'designer.joined':
      return designerJoined(ctx, event);
    case 'designer.verification_changed': {
      const d = ctx.world.tables.designer.get(event.data.id);
      if (d === undefined) return refuse('unknown_designer');
      const next = revisedDesigner(d, { verification: event.data.verification }, event.at);
      if (next !== d) ctx.world.put('designer', next);
      return OK;
    }
    case 'designer.status_changed': {
      const d = ctx.world.tables.designer.get(event.data.id);
      if (d === undefined) return refuse('unknown_designer');
      const suspendedUntil = event.data.accountStatus === 'suspended' ? event.data.suspendedUntil : undefined;
      const next = revisedDesigner(d, { accountStatus: event.data.accountStatus, suspendedUntil }, event.at);
      if (next !== d) ctx.world.put('designer', next);
      return OK;
    }
    case 'customer.joined': {
      if (ctx.world.tables.customer.has(event.data.id)) return refuse('duplicate_id');
      ctx.world.put('customer', { id: event.data.id, rev: 1, displayName: event.data.displayName ?? event.data.id, createdAt: event.at });
      return OK;
    }
    case 'project.launched':
      return projectLaunched(ctx, event);
    case 'project.closed':
    case 'project.cancelled': {
      const p = ctx.world.tables.project.get(event.data.id);
      if (p === undefined) return refuse('unknown_project');
      const status = event.type === 'project.closed' ? 'closed' : 'cancelled';
      // A project that already closed at its end time takes a late "closed" as the fact it is.
      if (p.status === status) return OK;
      if (p.status !== 'open') return refuse('project_not_open');
      closeProject(ctx, p.id, status);
      return OK;
    }
    case 'submission.created':
      return submissionCreated(ctx, event);
    case 'submission.withdrawn': {
      const s = ctx.world.tables.submission.get(event.data.id);
      if (s === undefined) return refuse('unknown_submission');
      if (s.status === 'rejected' || s.status === 'expired' || s.status === 'withdrawn') return refuse('not_withdrawable');
      ctx.world.put('submission', revised(s, { status: 'withdrawn' }));
      return OK;
    }
    case 'rating.set':
      return ratingSet(ctx, event);
    case 'contract.started': {
      const { data } = event;
      if (ctx.world.tables.contract.has(data.id)) return refuse('duplicate_id');
      if (!ctx.world.tables.designer.has(data.designerId)) return refuse('unknown_designer');
      ensureCustomer(ctx, data.customerId);
      ctx.world.put('contract', { id: data.id, rev: 1, customerId: data.customerId, designerId: data.designerId, title: data.title ?? '', startedAt: event.at });
      return OK;
    }
    case 'contract.closed': {
      const c = ctx.world.tables.contract.get(event.data.id);
      if (c === undefined) return refuse('unknown_contract');
      if (c.closedAt !== undefined) return refuse('contract_closed');
      ctx.world.put('contract', revised(c, { closedAt: event.at }));
      return OK;
    }
    case 'review.posted':
      return reviewPosted(ctx, event);
    case 'review.changed':
      return reviewChanged(ctx, event);
    case 'review.extension_requested': {
      const { data } = event;
      if (ctx.world.tables.reviewExtension.has(data.id)) return refuse('duplicate_id');
      const contract = ctx.world.tables.contract.get(data.contractId);
      if (contract === undefined) return refuse('unknown_contract');
      const verdict = extensionRequestCheck(
        { contract, requestedBy: data.requestedBy, extensions: extensionsOf(ctx, contract.id), reviews: reviewsOf(ctx, contract.id), at: event.at },
        ctx.policy,
      );
      if (!verdict.allowed) return refuse(verdict.reason);
      ctx.world.put('reviewExtension', { id: data.id, rev: 1, contractId: data.contractId, requestedBy: data.requestedBy, requestedAt: event.at, status: 'pending' });
      return OK;
    }
    case 'review.extension_decided': {
      const x = ctx.world.tables.reviewExtension.get(event.data.id);
      if (x === undefined) return refuse('unknown_extension');
      if (x.status !== 'pending') return refuse('already_decided');
      if (!event.data.approved) {
        ctx.world.put('reviewExtension', revised(x, { status: 'declined', decidedAt: event.at }));
        return OK;
      }
      const decided = revised(x, { status: 'approved', decidedAt: event.at });
      const deadline = extensionEnd(decided, ctx.policy);
      ctx.world.put('reviewExtension', deadline === null ? decided : { ...decided, deadline });
      return OK;
    }
    case 'feedback_change.enabled': {
      const contract = ctx.world.tables.contract.get(event.data.contractId);
      if (contract === undefined) return refuse('unknown_contract');
      const key = `feedbackChanges:${contract.id}`;
      const times = Number(ctx.world.auxValue(key) ?? (contract.feedbackChangeEnabledAt === undefined ? 0 : 1));
      const verdict = feedbackChangeEnableCheck({ contract, reviews: reviewsOf(ctx, contract.id), at: event.at, timesEnabled: times }, ctx.policy);
      if (!verdict.allowed) return refuse(verdict.reason);
      ctx.world.put('contract', revised(contract, { feedbackChangeEnabledAt: event.at }));
      ctx.world.setAux(key, String(times + 1));
      return OK;
    }
    case 'feedback.requested': {
      const contract = ctx.world.tables.contract.get(event.data.contractId);
      if (contract === undefined) return refuse('unknown_contract');
      const verdict = interimFeedbackRequestCheck({ contract, at: event.at }, ctx.policy);
      if (!verdict.allowed) return refuse(verdict.reason);
      ctx.world.setAux(`interimRequested:${contract.id}`, event.at);
      return OK;
    }
    case 'private_feedback.posted': {
      const { data } = event;
      if (ctx.world.tables.privateFeedback.has(data.id)) return refuse('duplicate_id');
      const contract = ctx.world.tables.contract.get(data.contractId);
      if (contract === undefined) return refuse('unknown_contract');
      const existingId = ctx.world.contractPrivateFeedback.get(contract.id);
      const existing = existingId === undefined ? [] : [ctx.world.tables.privateFeedback.get(existingId)].flatMap((f) => f ?? []);
      const verdict = privateFeedbackCheck({ contract, existing, recommend: data.recommend, at: event.at }, ctx.policy);
      if (!verdict.allowed) return refuse(verdict.reason);
      ctx.world.put('privateFeedback', { id: data.id, rev: 1, contractId: data.contractId, reasonEnded: data.reasonEnded, recommend: data.recommend, postedAt: event.at });
      return OK;
    }
    case 'message.sent': {
      const { data } = event;
      if (ctx.world.tables.message.has(data.id)) return refuse('duplicate_id');
      if (!ctx.world.tables.designer.has(data.designerId)) return refuse('unknown_designer');
      ensureCustomer(ctx, data.customerId);
      ctx.world.put('message', {
        id: data.id,
        rev: 1,
        designerId: data.designerId,
        customerId: data.customerId,
        ...(data.projectId === undefined ? {} : { projectId: data.projectId }),
        ...(data.contractId === undefined ? {} : { contractId: data.contractId }),
        fromRole: data.fromRole,
        body: data.body,
        sentAt: event.at,
      });
      return OK;
    }
    case 'report.filed': {
      const { data } = event;
      if (ctx.world.tables.report.has(data.id)) return refuse('duplicate_id');
      if (!ctx.world.tables.designer.has(data.designerId)) return refuse('unknown_designer');
      ensureCustomer(ctx, data.customerId);
      ctx.world.put('report', { id: data.id, rev: 1, customerId: data.customerId, designerId: data.designerId, category: data.category, body: data.body, createdAt: event.at });
      return OK;
    }
  }
}

/** SYNC-API's own example launches a project for a customer that never "joined": such a customer starts existing then. */
function ensureCustomer(ctx: ApplyContext, id: string): void {
  if (ctx.world.tables.customer.has(id)) return;
  const customer: Customer = { id, rev: 1, displayName: id, createdAt: ctx.nowIso };
  ctx.world.put('customer', customer);
}

function designerJoined(ctx: ApplyContext, event: EventOf<'designer.joined'>): Outcome {
  const { data } = event;
  if (ctx.world.tables.designer.has(data.id)) return refuse('duplicate_id');
  ctx.world.put('designer', {
    id: data.id,
    rev: 1,
    handle: data.handle,
    displayName: data.displayName ?? data.handle,
    country: data.country ?? '',
    joinedAt: event.at,
    verification: data.verification,
    accountStatus: 'active',
    history: joiningHistory(event.at, { verification: data.verification, accountStatus: 'active' }),
  });
  return OK;
}

function projectLaunched(ctx: ApplyContext, event: EventOf<'project.launched'>): Outcome {
  const { data } = event;
  if (ctx.world.tables.project.has(data.id)) return refuse('duplicate_id');
  // As instants: "…00Z" and "…00.500Z" do not sort as strings the way they do in time.
  if (toMs(data.endsAt) <= toMs(event.at)) return refuse('ends_before_launch');
  ensureCustomer(ctx, data.customerId);
  ctx.world.put('project', {
    id: data.id,
    rev: 1,
    customerId: data.customerId,
    title: data.title ?? '',
    category: data.category,
    kind: data.kind,
    launchedAt: event.at,
    endsAt: data.endsAt,
    status: 'open',
  });
  return OK;
}

function submissionCreated(ctx: ApplyContext, event: EventOf<'submission.created'>): Outcome {
  const { world } = ctx;
  const { data } = event;
  if (world.tables.submission.has(data.id)) return refuse('duplicate_id');
  const project = world.tables.project.get(data.projectId);
  if (project === undefined) return refuse('unknown_project');
  const designer = world.tables.designer.get(data.designerId);
  if (designer === undefined) return refuse('unknown_designer');
  if (!accountActiveAt(designer, event.at)) return refuse('account_inactive');

  if (project.kind === 'mini_contest' && project.status === 'open' && !world.entrants.get(project.id)?.has(designer.id)) {
    const facts = world.factsOf(designer.id);
    const ratings = facts.ratings.flatMap((id) => world.tables.rating.get(id) ?? []);
    const reviews = facts.contracts.flatMap((id) => reviewsOf(ctx, id));
    const verdict = miniContestEligibility(
      { designer, category: project.category, ratings, reviews, entrantCount: world.entrants.get(project.id)?.size ?? 0, asOf: event.at },
      ctx.policy,
    );
    if (!verdict.eligible) return refuse(verdict.reason);
  }

  const sum = world.ratingSum(designer.id, project.category);
  const verdict = intakeSubmission(
    { submission: { kind: data.kind, submittedAt: event.at }, project, designer, ratings: toStarRating(sum.sum, sum.count) },
    ctx.policy,
  );
  world.put('submission', {
    id: data.id,
    rev: 1,
    projectId: project.id,
    designerId: designer.id,
    kind: data.kind,
    submittedAt: event.at,
    status: verdict.status,
    ...(verdict.holdReason === undefined ? {} : { holdReason: verdict.holdReason }),
    ...(verdict.releaseAt === undefined ? {} : { releaseAt: verdict.releaseAt }),
    ...(verdict.reviewDueAt === undefined ? {} : { reviewDueAt: verdict.reviewDueAt }),
    assetId: assetIdOf(data.id),
  });
  return OK;
}

function ratingSet(ctx: ApplyContext, event: EventOf<'rating.set'>): Outcome {
  const { world } = ctx;
  const { submissionId, stars } = event.data;
  const submission = world.tables.submission.get(submissionId);
  if (submission === undefined) return refuse('unknown_submission');
  const project = world.tables.project.get(submission.projectId);
  if (project === undefined) return refuse('unknown_project');
  const existing = world.tables.rating.get(submissionId);
  if (existing === undefined) {
    if (stars === null) return refuse('not_rated');
    const rating: Rating = {
      id: submissionId,
      rev: 1,
      submissionId,
      designerId: submission.designerId,
      customerId: project.customerId,
      category: project.category,
      stars,
      history: [{ stars, at: event.at }],
    };
    world.put('rating', rating);
  } else {
    if (existing.stars === stars) return refuse('unchanged');
    world.put('rating', revised(existing, { stars, history: [...existing.history, { stars, at: event.at }] }));
  }
  return OK;
}

function reviewsOf(ctx: ApplyContext, contractId: string): Review[] {
  return (ctx.world.contractReviews.get(contractId) ?? []).flatMap((id) => ctx.world.tables.review.get(id) ?? []);
}

function extensionsOf(ctx: ApplyContext, contractId: string) {
  return (ctx.world.contractExtensions.get(contractId) ?? []).flatMap((id) => ctx.world.tables.reviewExtension.get(id) ?? []);
}

function reviewPosted(ctx: ApplyContext, event: EventOf<'review.posted'>): Outcome {
  const { data } = event;
  if (ctx.world.tables.review.has(data.id)) return refuse('duplicate_id');
  const contract = ctx.world.tables.contract.get(data.contractId);
  if (contract === undefined) return refuse('unknown_contract');
  const kind = data.kind ?? 'final';
  if (data.overall === undefined && data.categories === undefined) return refuse('no_rating');
  const overall = reviewOverall({ overall: data.overall ?? 0, categories: data.categories });
  if (overall < 1) return refuse('no_rating');

  if (kind === 'interim') {
    // R10: interim feedback is on a running contract only, and is not double-blind.
    if (contract.closedAt !== undefined) return refuse('contract_closed');
    if (data.authorRole !== 'client') return refuse('interim_by_client_only');
  } else {
    const verdict = reviewWindow(
      { contract, authorRole: data.authorRole, reviews: reviewsOf(ctx, contract.id), extensions: extensionsOf(ctx, contract.id), at: event.at },
      ctx.policy,
    );
    if (!verdict.allowed) return refuse(verdict.reason);
  }
  ctx.world.put('review', {
    id: data.id,
    rev: 1,
    contractId: contract.id,
    authorRole: data.authorRole,
    kind,
    overall,
    ...(data.categories === undefined ? {} : { categories: data.categories }),
    text: data.text,
    postedAt: event.at,
    ...(kind === 'interim' ? { publishedAt: event.at } : {}),
  });
  ctx.world.reviewVersionAt.set(data.id, event.at);
  if (kind === 'final') publishReviews(ctx, contract.id);
  return OK;
}

function reviewChanged(ctx: ApplyContext, event: EventOf<'review.changed'>): Outcome {
  const { data } = event;
  const review = ctx.world.tables.review.get(data.id);
  if (review === undefined) return refuse('unknown_review');
  if (review.authorRole !== 'client' || review.kind !== 'final') return refuse('not_client_feedback');
  if (review.voidedAt !== undefined) return refuse('review_voided');
  const contract = ctx.world.tables.contract.get(review.contractId);
  if (contract === undefined) return refuse('unknown_contract');
  const verdict = feedbackChangeCheck({ contract, at: event.at }, ctx.policy);
  if (!verdict.allowed) return refuse(verdict.reason);

  const categories = data.categories ?? (data.overall === undefined ? review.categories : undefined);
  const overall = categories === undefined ? (data.overall ?? review.overall) : reviewOverall({ overall: review.overall, categories });
  const versionAt = ctx.world.reviewVersionAt.get(review.id) ?? review.postedAt;
  const previous = {
    overall: review.overall,
    ...(review.categories === undefined ? {} : { categories: review.categories }),
    text: review.text,
    at: versionAt,
  };
  ctx.world.put('review', revised(review, { overall, categories, text: data.text ?? review.text, history: [...(review.history ?? []), previous] }));
  ctx.world.reviewVersionAt.set(review.id, event.at);
  ctx.world.setAux(`reviewVersionAt:${review.id}`, event.at);
  return OK;
}
