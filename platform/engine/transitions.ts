// Time-based transitions (RULES R3 release, R4 scheduled → visible, R4/R5 expiry when a project
// closes, R8 publication at the end of the window) and the lease and suspension ends. Each is
// re-checked against the entity, so a stale timer does nothing.
import { reviewPublication } from '../../core/reviews';
import { toIso, toMs, type Claim } from '../../core';
import { revised, revisedDesigner, type ApplyContext } from './context';
import type { Timer } from './timers';

export function fireTimer(ctx: ApplyContext, timer: Timer): void {
  switch (timer.kind) {
    case 'release':
      return releaseSubmission(ctx, timer.id, timer.atMs);
    case 'project_end': {
      const project = ctx.world.tables.project.get(timer.id);
      if (project?.status === 'open' && toMs(project.endsAt) === timer.atMs) closeProject(ctx, timer.id, 'closed');
      return;
    }
    case 'publish':
      return publishReviews(ctx, timer.id);
    case 'claim_expiry': {
      const claim = ctx.world.tables.claim.get(timer.id);
      if (claim !== undefined && toMs(claim.expiresAt) <= ctx.nowMs) endClaim(ctx, claim);
      return;
    }
    case 'suspension_end': {
      const designer = ctx.world.tables.designer.get(timer.id);
      if (designer?.accountStatus === 'suspended' && designer.suspendedUntil !== undefined && toMs(designer.suspendedUntil) <= ctx.nowMs) {
        ctx.world.put('designer', revisedDesigner(designer, { accountStatus: 'active', suspendedUntil: undefined }, ctx.nowIso));
      }
      return;
    }
  }
}

/** R3 automatic release of an undecided held submission, and R4's scheduled approval taking effect. */
function releaseSubmission(ctx: ApplyContext, id: string, atMs: number): void {
  const s = ctx.world.tables.submission.get(id);
  if (s === undefined || (s.status !== 'held' && s.status !== 'scheduled')) return;
  if (s.releaseAt === undefined || toMs(s.releaseAt) !== atMs) return;
  ctx.world.put('submission', revised(s, { status: 'visible' }));
}

/** A project closing or cancelled: whatever still waits will never be shown (R4, R5). */
export function closeProject(ctx: ApplyContext, projectId: string, status: 'closed' | 'cancelled'): void {
  const { world } = ctx;
  const project = world.tables.project.get(projectId);
  if (project === undefined) return;
  world.put('project', revised(project, { status }));
  // A copy: each expiry takes the submission off the waiting list being read.
  for (const submissionId of [...(world.waitingByProject.get(projectId) ?? [])]) {
    const s = world.tables.submission.get(submissionId);
    if (s !== undefined) world.put('submission', revised(s, { status: 'expired' }));
  }
}

/** R8: publish every final review of the contract whose publication time has come. */
export function publishReviews(ctx: ApplyContext, contractId: string): void {
  const { world } = ctx;
  const contract = world.tables.contract.get(contractId);
  if (contract === undefined) return;
  const reviews = (world.contractReviews.get(contractId) ?? []).flatMap((id) => world.tables.review.get(id) ?? []);
  if (reviews.length === 0) return;
  const extensions = (world.contractExtensions.get(contractId) ?? []).flatMap((id) => world.tables.reviewExtension.get(id) ?? []);
  const times = reviewPublication({ contract, reviews, extensions }, ctx.policy);
  for (const review of reviews) {
    const at = times[review.id];
    if (at === undefined || at === null || review.publishedAt !== undefined) continue;
    if (toMs(at) > ctx.nowMs) continue;
    world.put('review', revised(review, { publishedAt: toIso(toMs(at)) }));
  }
}

/**
 * Deletes a lease (expired or released), remembering its rev: a later lease on the same subject
 * continues from it, so a client never sees a newer claim with a lower rev than one it holds.
 */
export function endClaim(ctx: ApplyContext, current: Claim): void {
  ctx.world.setAux(`claimRev:${current.id}`, String(current.rev));
  ctx.world.remove('claim', current.id);
}
