// The world's indexes and the timers an entity implies. Used when an entity is created and when
// the world is rebuilt from the store, so a restart ends with exactly the indexes and timers a
// continuous run would have.
import { reviewWindowEnd } from '../../core/reviews';
import { toMs, type EntityOf, type EntityType, type Policy } from '../../core';
import type { TimerQueue } from './timers';
import { pushTo, type World } from './world';

export function indexEntity<T extends EntityType>(world: World, type: T, entity: EntityOf<T>): void {
  // One switch over the entity type; each branch narrows by re-reading the typed table.
  switch (type) {
    case 'submission': {
      const s = world.tables.submission.get(entity.id);
      if (s === undefined) return;
      if (s.status === 'pending_review' || s.status === 'held' || s.status === 'scheduled') {
        let set = world.waitingByProject.get(s.projectId);
        if (set === undefined) world.waitingByProject.set(s.projectId, (set = new Set()));
        set.add(s.id);
      }
      const project = world.tables.project.get(s.projectId);
      // A withdrawn entry still entered (a running engine never takes a designer off the list,
      // and the R13 audit counts every first submission), so a restart must count it too.
      if (project?.kind === 'mini_contest') {
        let set = world.entrants.get(s.projectId);
        if (set === undefined) world.entrants.set(s.projectId, (set = new Set()));
        set.add(s.designerId);
      }
      return;
    }
    case 'rating': {
      const r = world.tables.rating.get(entity.id);
      if (r === undefined) return;
      world.adjustRatingSum(undefined, r);
      world.factsOf(r.designerId).ratings.push(r.id);
      pushTo(world.customerRatings, r.customerId, r.id);
      return;
    }
    case 'contract': {
      const c = world.tables.contract.get(entity.id);
      if (c !== undefined) world.factsOf(c.designerId).contracts.push(c.id);
      return;
    }
    case 'review': {
      const r = world.tables.review.get(entity.id);
      if (r !== undefined) pushTo(world.contractReviews, r.contractId, r.id);
      return;
    }
    case 'reviewExtension': {
      const x = world.tables.reviewExtension.get(entity.id);
      if (x !== undefined) pushTo(world.contractExtensions, x.contractId, x.id);
      return;
    }
    case 'privateFeedback': {
      const f = world.tables.privateFeedback.get(entity.id);
      if (f !== undefined) world.contractPrivateFeedback.set(f.contractId, f.id);
      return;
    }
    case 'message': {
      const m = world.tables.message.get(entity.id);
      if (m !== undefined) world.factsOf(m.designerId).messages.push(m.id);
      return;
    }
    case 'report': {
      const r = world.tables.report.get(entity.id);
      if (r !== undefined) world.factsOf(r.designerId).reports.push(r.id);
      return;
    }
    case 'flag': {
      const f = world.tables.flag.get(entity.id);
      if (f !== undefined) pushTo(world.flagsByDesigner, f.designerId, f.id);
      return;
    }
    default:
      return;
  }
}

/** The time-based transitions this entity is waiting for, as it stands. */
export function scheduleTimers<T extends EntityType>(world: World, timers: TimerQueue, policy: Policy, type: T, id: string): void {
  switch (type) {
    case 'submission': {
      const s = world.tables.submission.get(id);
      if (s !== undefined && (s.status === 'held' || s.status === 'scheduled') && s.releaseAt !== undefined) {
        timers.add(toMs(s.releaseAt), 'release', s.id);
      }
      return;
    }
    case 'project': {
      const p = world.tables.project.get(id);
      if (p?.status === 'open') timers.add(toMs(p.endsAt), 'project_end', p.id);
      return;
    }
    case 'contract': {
      const c = world.tables.contract.get(id);
      if (c?.closedAt !== undefined) timers.add(toMs(reviewWindowEnd(c.closedAt, policy)), 'publish', c.id);
      return;
    }
    case 'claim': {
      const c = world.tables.claim.get(id);
      if (c !== undefined) timers.add(toMs(c.expiresAt), 'claim_expiry', c.id);
      return;
    }
    case 'designer': {
      const d = world.tables.designer.get(id);
      if (d?.accountStatus === 'suspended' && d.suspendedUntil !== undefined) timers.add(toMs(d.suspendedUntil), 'suspension_end', d.id);
      return;
    }
    default:
      return;
  }
}
