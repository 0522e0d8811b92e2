// Star ratings (R1): what customers give, the occasional change or removal, and the running
// per-category tallies; organic changes that look like an R12 pattern are noted as decoys.
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { NCAT } from './market-profile';
import { muOf } from './members';
import type { CustomerRec, DesignerRec, SubmissionRec } from './model';
import type { RecordRef } from './truth';
import type { World } from './world';

const policy = DEFAULT_POLICY;
const RAISE_WITHIN_MS = policy.detectors.ratingRaisedAfterContact.withinHours * HOUR_MS;
const BURST = policy.detectors.newAccountBurst;

export function drawStars(world: World, designer: DesignerRec, cat: number, customer: CustomerRec): number {
  const stars = Math.round(muOf(world, designer, cat) + customer.bias + 0.85 * world.rng.normal());
  return Math.min(5, Math.max(1, stars));
}

export function organicRating(world: World, sub: SubmissionRec): void {
  if (sub.rated || sub.withdrawn || sub.scripted) return;
  setRating(world, sub, drawStars(world, sub.designer, sub.project.cat, sub.project.customer), false);
  // Customers revisit about one rating in fourteen: a point up or down, now and then removed.
  if (world.rng.chance(0.07)) world.at(world.now + world.rng.between(6 * HOUR_MS, 10 * DAY_MS), () => organicRatingChange(world, sub));
}

function organicRatingChange(world: World, sub: SubmissionRec): void {
  const old = sub.stars;
  if (sub.withdrawn || sub.scripted || old === null) return;
  let next: number | null;
  if (world.rng.chance(0.1)) next = null;
  else next = Math.min(5, Math.max(1, old + (world.rng.chance(0.65) ? 1 : -1)));
  if (next === old) return;
  setRating(world, sub, next, false);
}

/** Emits rating.set and keeps R1's tallies; organic changes that look like R12 patterns are noted as decoys. */
export function setRating(world: World, sub: SubmissionRec, stars: number | null, planted: boolean): void {
  const k = sub.designer.idx * NCAT + sub.project.cat;
  const old = sub.stars;
  if (old !== null) {
    world.ratingSum[k] = (world.ratingSum[k] ?? 0) - old;
    world.ratingCount[k] = (world.ratingCount[k] ?? 0) - 1;
  }
  if (stars !== null) {
    world.ratingSum[k] = (world.ratingSum[k] ?? 0) + stars;
    world.ratingCount[k] = (world.ratingCount[k] ?? 0) + 1;
  }
  if (!sub.rated) world.tally.ratings += 1;
  if (stars === null) world.tally.ratingRemovals += 1;
  sub.rated = true;
  sub.stars = stars;
  world.emit({ at: world.iso(), type: 'rating.set', data: { submissionId: sub.id, stars } });
  if (planted) return;

  const designer = sub.designer;
  const customer = sub.project.customer;
  const { maxLowStars, minRaise } = policy.detectors.ratingRaisedAfterContact;
  if (old !== null && old <= maxLowStars && (stars === null || stars >= old + minRaise)) {
    const contact = world.lastDesignerMessage.get(world.pairKey(designer, customer));
    if (contact !== undefined && world.now - contact <= RAISE_WITHIN_MS) {
      world.addDecoy('rating_raised_after_contact', designer, customer, [{ type: 'rating', id: sub.id }], 'organic rating change shortly after an ordinary designer message');
    }
  }
  if (stars === 5 && world.now - customer.createdAt < BURST.maxAccountAgeDays * DAY_MS) {
    const recent = designer.youngFiveStars;
    recent.push({ at: world.now, customer, submissionId: sub.id });
    while (recent.length > 0 && world.now - (recent[0]?.at ?? 0) > BURST.withinHours * HOUR_MS) recent.shift();
    if (recent.length >= BURST.minRatings) {
      const customers = new Set(recent.map((r) => r.customer)).size;
      world.addDecoy(
        'new_account_burst',
        designer,
        null,
        recent.map((r): RecordRef => ({ type: 'rating', id: r.submissionId })),
        `organic: ${recent.length} five-star ratings within a day from ${customers} new ${customers === 1 ? 'customer' : 'customers'} (genuine newcomers rating a popular designer)`,
      );
      recent.length = 0;
    }
  }
}
