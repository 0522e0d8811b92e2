// Contracts (R10, R11 and when reviews arrive): who hires whom, the contract's own messages,
// interim feedback, private feedback on closing, and each party's review on time, late with an
// extension, or late without one (refused).
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { CATEGORY_SHARES } from './market-profile';
import { pickCustomer, pickDesigner, skillOf } from './members';
import { messageText, sendMessage } from './messages';
import type { ContractRec, CustomerRec, DesignerRec, Party } from './model';
import { finalReviewData, postFinalReview, publish } from './reviews';
import { fill } from './text/fill';
import { CONTRACT_TITLES } from './text/names';
import { INTERIM_REVIEW, REASONS_ENDED } from './text/reviews';
import type { World } from './world';

const policy = DEFAULT_POLICY;
const REVIEW_WINDOW_MS = policy.reviews.windowDays * DAY_MS;
const INTERIM_AFTER_MS = policy.feedbackRequest.minContractDays * DAY_MS;

export function organicContract(world: World): void {
  const rng = world.rng;
  let customer: CustomerRec | null;
  let designer: DesignerRec | null;
  // Most contracts follow a contest: the customer hires someone whose work it saw.
  const recent = rng.chance(0.6) ? world.recentContext(14 * DAY_MS) : null;
  if (recent !== null && recent.projectId !== undefined) {
    customer = recent.customer;
    designer = recent.designer;
  } else {
    customer = pickCustomer(world);
    designer = pickDesigner(world, rng.weighted(CATEGORY_SHARES));
  }
  if (customer === null || designer === null || customer.scripted || !designer.active) return;
  const roll = rng.next();
  const days = roll < 0.55 ? rng.between(3, 14) : roll < 0.85 ? rng.between(14, 29) : rng.between(30, 75);
  const satisfaction = Math.min(1, Math.max(0, 0.72 + 0.18 * skillOf(world, designer) + 0.15 * rng.normal()));
  startContract(world, customer, designer, days * DAY_MS, satisfaction, false);
}

export function startContract(world: World, customer: CustomerRec, designer: DesignerRec, durationMs: number, satisfaction: number, scripted: boolean): ContractRec {
  const rng = world.rng;
  world.ids.contract += 1;
  const contract: ContractRec = {
    id: `k${world.ids.contract}`,
    customer,
    designer,
    lang: customer.lang,
    startedAt: world.now,
    closedAt: null,
    satisfaction,
    client: null,
    designerReview: null,
    enabledAt: null,
    scripted,
  };
  world.tally.contracts += 1;
  const title = fill(rng, rng.pick(CONTRACT_TITLES[contract.lang]), {}, { brand: customer.brand, kind: customer.kind });
  world.emit({ at: world.iso(), type: 'contract.started', data: { id: contract.id, customerId: customer.id, designerId: designer.id, title } });
  const threads = rng.poisson(1.9);
  for (let i = 0; i < threads; i++) world.at(world.now + rng.next() * durationMs, () => contractThread(world, contract));
  if (durationMs >= INTERIM_AFTER_MS && rng.chance(0.7)) {
    world.at(world.now + INTERIM_AFTER_MS + rng.between(HOUR_MS, 5 * DAY_MS), () => interimFeedback(world, contract));
  }
  world.at(world.now + durationMs, () => closeContract(world, contract));
  return contract;
}

function contractThread(world: World, contract: ContractRec): void {
  const { designer, customer, lang } = contract;
  const where = { contractId: contract.id };
  const rng = world.rng;
  const designerFirst = rng.chance(0.5);
  sendMessage(world, designer, customer, designerFirst ? 'designer' : 'customer', messageText(world, designerFirst ? 'designerContract' : 'customerContract', lang), where, lang);
  if (rng.chance(0.65)) {
    world.at(world.now + rng.between(10 * MINUTE_MS, 20 * HOUR_MS), () =>
      sendMessage(world, designer, customer, designerFirst ? 'customer' : 'designer', messageText(world, designerFirst ? 'customerContract' : 'designerContract', lang), where, lang),
    );
  }
}

/** R10: the designer asks for interim feedback on a contract open 30 days or more. */
function interimFeedback(world: World, contract: ContractRec): void {
  if (contract.closedAt !== null) return;
  world.emit({ at: world.iso(), type: 'feedback.requested', data: { contractId: contract.id } });
  if (!world.rng.chance(0.85)) return;
  world.at(world.now + world.rng.between(DAY_MS, 6 * DAY_MS), () => {
    if (contract.closedAt !== null) return;
    world.ids.review += 1;
    world.tally.reviews += 1;
    const text = world.rng.pick(INTERIM_REVIEW[contract.lang]);
    const overall = Math.min(5, Math.max(3, Math.round(3 + 2 * contract.satisfaction + 0.5 * world.rng.normal())));
    world.emit({
      at: world.iso(),
      type: 'review.posted',
      data: { id: `rv${world.ids.review}`, contractId: contract.id, authorRole: 'client', kind: 'interim', overall, text },
    });
  });
}

export function closeContract(world: World, contract: ContractRec): void {
  if (contract.closedAt !== null) return;
  contract.closedAt = world.now;
  const rng = world.rng;
  world.emit({ at: world.iso(), type: 'contract.closed', data: { id: contract.id } });
  if (!contract.customer.scripted && contract.designer.verification === 'verified') {
    world.remember({ designer: contract.designer, customer: contract.customer, contractId: contract.id, at: world.now });
  }
  // R11: the client's private answer on closing.
  if (rng.chance(0.9)) {
    world.at(world.now + rng.between(10 * MINUTE_MS, 2 * DAY_MS), () => {
      world.ids.privateFeedback += 1;
      const s = contract.satisfaction;
      const recommend = Math.min(10, Math.max(1, Math.round(4 + 6 * s + 1.2 * rng.normal())));
      const reason = s > 0.55 ? rng.pick(REASONS_ENDED.slice(0, 5)) : rng.pick(REASONS_ENDED);
      world.emit({
        at: world.iso(),
        type: 'private_feedback.posted',
        data: { id: `pf${world.ids.privateFeedback}`, contractId: contract.id, reasonEnded: reason, recommend },
      });
    });
  }
  // R8: the blind window's end publishes whatever was posted alone.
  world.at(world.now + REVIEW_WINDOW_MS, () => {
    for (const review of [contract.client, contract.designerReview]) {
      if (review !== null && review.publishedAt === null) publish(world, contract, review);
    }
  });
  if (contract.scripted) return;
  planParty(world, contract, 'client', 0.82, 0.05);
  planParty(world, contract, 'designer', 0.72, 0.04);
}

/** When (and whether) a party posts its final review: in the window, late with an extension, or late without one (refused). */
function planParty(world: World, contract: ContractRec, party: Party, onTime: number, lateWithExtension: number): void {
  const rng = world.rng;
  const closedAt = contract.closedAt ?? world.now;
  const windowEnd = closedAt + REVIEW_WINDOW_MS;
  const roll = rng.next();
  if (roll < onTime) {
    const t = closedAt + Math.min(REVIEW_WINDOW_MS - HOUR_MS, 5 * MINUTE_MS + rng.exponential(2.5 * DAY_MS));
    world.at(t, () => postFinalReview(world, contract, party));
  } else if (roll < onTime + lateWithExtension) {
    world.at(windowEnd + rng.between(HOUR_MS, 6 * DAY_MS), () => requestExtension(world, contract, party));
  } else if (world.refusalQuota.lateReviews > 0 && windowEnd + 9 * DAY_MS < world.endMs && rng.chance(0.25)) {
    world.refusalQuota.lateReviews -= 1;
    world.at(windowEnd + rng.between(2 * HOUR_MS, 8 * DAY_MS), () => {
      world.ids.review += 1;
      const id = `rv${world.ids.review}`;
      const { data } = finalReviewData(world, contract, party, id);
      world.emitRefused({ at: world.iso(), type: 'review.posted', data }, id, 'window_closed', `${party} review ${id} posted after the ${policy.reviews.windowDays}-day window without an extension`);
    });
  }
}

function requestExtension(world: World, contract: ContractRec, party: Party): void {
  const posted = party === 'client' ? contract.client : contract.designerReview;
  if (posted !== null) return;
  const rng = world.rng;
  world.ids.extension += 1;
  const id = `ex${world.ids.extension}`;
  world.emit({ at: world.iso(), type: 'review.extension_requested', data: { id, contractId: contract.id, requestedBy: party } });
  world.at(world.now + rng.between(2 * HOUR_MS, 3 * DAY_MS), () => {
    const approved = rng.chance(0.85);
    world.emit({ at: world.iso(), type: 'review.extension_decided', data: { id, approved } });
    if (approved) world.at(world.now + rng.between(HOUR_MS, 10 * DAY_MS), () => postFinalReview(world, contract, party));
  });
}
