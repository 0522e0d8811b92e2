// What one entity's change means for the rest of the world: the indexes that list it, the
// designers whose R12 facts it is (re-examined before the batch is written), and the
// time-based transitions it now waits for. World.put runs this for every change, and a
// rebuild from the store runs it for every stored entity as if new, so a restart ends with
// exactly the indexes and timers a continuous run has.
import { reviewWindowEnd } from '../../core/reviews';
import { toMs, type EntityOf, type EntityType } from '../../core';
import type { World } from './world';

type OnChange<T extends EntityType> = (world: World, before: EntityOf<T> | undefined, after: EntityOf<T>) => void;
type OnChanges = { [T in EntityType]: OnChange<T> };

export function indexChange<T extends EntityType>(world: World, type: T, before: EntityOf<T> | undefined, after: EntityOf<T>): void {
  const onChange: OnChange<T> = ON_CHANGE[type];
  onChange(world, before, after);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

const WAITING = new Set(['pending_review', 'held', 'scheduled']);

const nothing = (): void => undefined;

const ON_CHANGE: OnChanges = {
  designer(world, before, d) {
    const suspensionMoved = before?.accountStatus !== 'suspended' || before.suspendedUntil !== d.suspendedUntil;
    if (d.accountStatus === 'suspended' && d.suspendedUntil !== undefined && suspensionMoved) {
      world.timers.add(toMs(d.suspendedUntil), 'suspension_end', d.id);
    }
  },
  customer: nothing,
  project(world, before, p) {
    if (p.status === 'open' && (before?.status !== 'open' || before.endsAt !== p.endsAt)) world.timers.add(toMs(p.endsAt), 'project_end', p.id);
  },
  submission(world, before, s) {
    if (WAITING.has(s.status)) addTo(world.waitingByProject, s.projectId, s.id);
    else {
      const waiting = world.waitingByProject.get(s.projectId);
      waiting?.delete(s.id);
      // An empty entry is dropped, as a rebuild would never make one.
      if (waiting?.size === 0) world.waitingByProject.delete(s.projectId);
    }
    if (before === undefined) {
      // A withdrawn entry still entered (the R13 audit counts every first submission), so the
      // list only ever grows.
      const project = world.tables.project.get(s.projectId);
      if (project?.kind === 'mini_contest') addTo(world.entrants, s.projectId, s.designerId);
    }
    const releaseMoved = before?.status !== s.status || before.releaseAt !== s.releaseAt;
    if ((s.status === 'held' || s.status === 'scheduled') && s.releaseAt !== undefined && releaseMoved) {
      world.timers.add(toMs(s.releaseAt), 'release', s.id);
    }
  },
  rating(world, before, r) {
    world.adjustRatingSum(before, r);
    if (before === undefined) {
      world.factsOf(r.designerId).ratings.push(r.id);
      pushTo(world.customerRatings, r.customerId, r.id);
    }
    world.touched.add(r.designerId);
  },
  contract(world, before, c) {
    if (before === undefined) world.factsOf(c.designerId).contracts.push(c.id);
    if (c.closedAt !== undefined && before?.closedAt !== c.closedAt) {
      world.timers.add(toMs(reviewWindowEnd(c.closedAt, world.policy)), 'publish', c.id);
    }
    world.touched.add(c.designerId);
  },
  review(world, before, r) {
    if (before === undefined) pushTo(world.contractReviews, r.contractId, r.id);
    const contract = world.tables.contract.get(r.contractId);
    if (contract !== undefined) world.touched.add(contract.designerId);
  },
  reviewExtension(world, before, x) {
    if (before === undefined) pushTo(world.contractExtensions, x.contractId, x.id);
  },
  privateFeedback(world, before, f) {
    if (before === undefined) world.contractPrivateFeedback.set(f.contractId, f.id);
  },
  message(world, before, m) {
    if (before === undefined) world.factsOf(m.designerId).messages.push(m.id);
    world.touched.add(m.designerId);
  },
  report(world, before, r) {
    if (before === undefined) world.factsOf(r.designerId).reports.push(r.id);
    world.touched.add(r.designerId);
  },
  flag(world, before, f) {
    if (before === undefined) pushTo(world.flagsByDesigner, f.designerId, f.id);
  },
  moderator: nothing,
  claim(world, before, c) {
    if (before?.expiresAt !== c.expiresAt) world.timers.add(toMs(c.expiresAt), 'claim_expiry', c.id);
  },
};
