// Contract reviews (R6, R8, R9): final reviews and their stars and texts, double-blind
// publication with the R6 tallies it moves, and feedback-change enablings and changes.
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, HOUR_MS } from '../../core/time';
import type { MarketplaceEvent } from '../../core/wire/events';
import type { REVIEW_CATEGORIES } from '../../core/wire/entities';
import type { ContractRec, Party, ReviewRec } from './model';
import { fill } from './text/fill';
import { CLIENT_REVIEW, DESIGNER_REVIEW, RAISED_REVIEW, REVIEW_SLOTS, WORDLESS_REVIEWS, type Tone } from './text/reviews';
import type { World } from './world';

const policy = DEFAULT_POLICY;
const REVIEW_WINDOW_MS = policy.reviews.windowDays * DAY_MS;
const FEEDBACK_CHANGE_MS = policy.feedbackChange.windowDays * DAY_MS;
const MIN_TEXT_LETTERS = policy.feedback.minTextLetters;

export type ReviewCategoriesInput = Partial<Record<(typeof REVIEW_CATEGORIES)[number], number>>;

export interface ReviewStars {
  overall?: number;
  categories?: ReviewCategoriesInput;
}

const REVIEW_CATEGORY_NAMES = ['skills', 'quality', 'availability', 'deadlines', 'communication', 'cooperation'] as const;

const LETTER = /\p{L}/gu;
function textCounts(text: string): boolean {
  return (text.match(LETTER)?.length ?? 0) >= MIN_TEXT_LETTERS;
}

/** The data of a final review by `party`, drawn from the contract's satisfaction. */
export function finalReviewData(
  world: World,
  contract: ContractRec,
  party: Party,
  id: string,
  override?: { stars: ReviewStars; text: string },
): { data: Extract<MarketplaceEvent, { type: 'review.posted' }>['data']; positive: boolean; underFive: boolean } {
  const rng = world.rng;
  let stars: ReviewStars;
  let text: string;
  if (override !== undefined) {
    stars = override.stars;
    text = override.text;
  } else if (party === 'client') {
    const s = contract.satisfaction;
    const tone: Tone = s > 0.6 ? 'positive' : s > 0.35 ? 'mixed' : 'negative';
    const allFive = tone === 'positive' && rng.chance(Math.min(0.95, 0.45 + 0.6 * (s - 0.6) + 0.35));
    stars = clientStars(world, allFive, tone);
    text = rng.chance(0.02) ? rng.pick(WORDLESS_REVIEWS) : clientReviewText(world, contract, tone);
  } else {
    const good = rng.chance(0.85);
    stars = { overall: good ? rng.intBetween(4, 5) : rng.intBetween(2, 3) };
    text = fill(rng, rng.pick(DESIGNER_REVIEW[contract.lang][good ? 'good' : 'poor']), {}, { brand: contract.customer.brand });
  }
  const underFive = stars.categories !== undefined ? Object.values(stars.categories).some((v) => v < 5) : (stars.overall ?? 0) < 5;
  const positive = !underFive && textCounts(text);
  return {
    data: { id, contractId: contract.id, authorRole: party, kind: 'final', ...stars, text },
    positive,
    underFive,
  };
}

export function clientStars(world: World, allFive: boolean, tone: Tone): ReviewStars {
  const rng = world.rng;
  const base = tone === 'positive' ? 4.6 : tone === 'mixed' ? 3.6 : 2.2;
  if (rng.chance(0.4)) {
    return { overall: allFive ? 5 : Math.min(4, Math.max(1, Math.round(base + 0.6 * rng.normal()))) };
  }
  const categories: ReviewCategoriesInput = {};
  for (const name of REVIEW_CATEGORY_NAMES) {
    categories[name] = allFive ? 5 : Math.min(5, Math.max(1, Math.round(base + 0.7 * rng.normal())));
  }
  if (!allFive && Object.values(categories).every((v) => v === 5)) categories.deadlines = 4;
  return { categories };
}

export function clientReviewText(world: World, contract: ContractRec, tone: Tone): string {
  const rng = world.rng;
  const parts = CLIENT_REVIEW[contract.lang][tone];
  const pools = REVIEW_SLOTS[contract.lang];
  const values = { first: contract.designer.first };
  const pieces = [rng.pick(parts.open), rng.pick(parts.detail)];
  if (rng.chance(0.5)) pieces.push(rng.pick(parts.detail));
  pieces.push(rng.pick(parts.close));
  return pieces
    .filter((p, i) => pieces.indexOf(p) === i)
    .map((p) => fill(rng, p, pools, values))
    .join(' ');
}

/** Posts a final review (in the window or under an approved extension) and keeps R6/R8 tallies. */
export function postFinalReview(world: World, contract: ContractRec, party: Party, override?: { stars: ReviewStars; text: string }): ReviewRec | null {
  if ((party === 'client' ? contract.client : contract.designerReview) !== null) return null;
  world.ids.review += 1;
  const id = `rv${world.ids.review}`;
  const { data, positive, underFive } = finalReviewData(world, contract, party, id, override);
  const review: ReviewRec = { id, author: party, postedAt: world.now, publishedAt: null, positive, underFive };
  if (party === 'client') contract.client = review;
  else contract.designerReview = review;
  world.tally.reviews += 1;
  world.emit({ at: world.iso(), type: 'review.posted', data });
  const closedAt = contract.closedAt ?? world.now;
  const other = party === 'client' ? contract.designerReview : contract.client;
  if (world.now >= closedAt + REVIEW_WINDOW_MS) {
    publish(world, contract, review);
  } else if (other !== null && other.publishedAt === null) {
    publish(world, contract, review);
    publish(world, contract, other);
  }
  return review;
}

export function publish(world: World, contract: ContractRec, review: ReviewRec): void {
  review.publishedAt = world.now;
  if (review.author !== 'client') return;
  const designer = contract.designer;
  if (designer.publishedCounted === 0) for (const cat of designer.cats) world.withFeedback[cat]?.push(designer);
  designer.publishedCounted += 1;
  if (review.positive) designer.publishedPositive += 1;
  if (!contract.scripted && review.underFive) maybeEnableChange(world, contract);
}

/** R9, organically: now and then a designer lets an unhappy client revise its feedback. */
function maybeEnableChange(world: World, contract: ContractRec): void {
  const rng = world.rng;
  if (!rng.chance(0.12)) return;
  world.at(world.now + rng.between(6 * HOUR_MS, 5 * DAY_MS), () => {
    const designer = contract.designer;
    const window = policy.detectors.feedbackChangePattern.withinDays * DAY_MS;
    const recent = designer.enablings.filter((t) => world.now - t < window);
    // Never reach R12's pattern by chance: that is planted, and listed.
    if (designer.planted || recent.length >= policy.detectors.feedbackChangePattern.minContracts - 1) return;
    designer.enablings = [...recent, world.now];
    const review = contract.client;
    if (review === null) return;
    enableChange(world, contract);
    if (world.refusalQuota.secondEnablings > 0 && rng.chance(0.3)) {
      world.refusalQuota.secondEnablings -= 1;
      world.at(world.now + rng.between(DAY_MS, 6 * DAY_MS), () => secondEnabling(world, contract));
    }
    if (world.refusalQuota.lateChanges > 0 && rng.chance(0.2)) {
      world.refusalQuota.lateChanges -= 1;
      world.at(world.now + FEEDBACK_CHANGE_MS + rng.between(2 * HOUR_MS, 3 * DAY_MS), () => {
        const data = raisedReview(world, contract, review);
        world.emitRefused({ at: world.iso(), type: 'review.changed', data }, review.id, 'window_closed', `client changed review ${review.id} after the ${policy.feedbackChange.windowDays}-day feedback-change window`);
      });
    } else if (rng.chance(0.7)) {
      world.at(world.now + rng.between(2 * HOUR_MS, 10 * DAY_MS), () => changeReview(world, contract, review));
    }
  });
}

export function enableChange(world: World, contract: ContractRec): void {
  contract.enabledAt = world.now;
  world.emit({ at: world.iso(), type: 'feedback_change.enabled', data: { contractId: contract.id } });
}

export function secondEnabling(world: World, contract: ContractRec): void {
  world.emitRefused(
    { at: world.iso(), type: 'feedback_change.enabled', data: { contractId: contract.id } },
    contract.id,
    'already_enabled',
    `second feedback-change enabling on contract ${contract.id}`,
  );
}

export function raisedReview(world: World, contract: ContractRec, review: ReviewRec): Extract<MarketplaceEvent, { type: 'review.changed' }>['data'] {
  const rng = world.rng;
  const text = rng.pick(RAISED_REVIEW[contract.lang]);
  if (rng.chance(0.5)) return { id: review.id, overall: 5, text };
  const categories: ReviewCategoriesInput = {};
  for (const name of REVIEW_CATEGORY_NAMES) categories[name] = 5;
  return { id: review.id, categories, text };
}

/** The client revises its feedback upward within the R9 window. */
export function changeReview(world: World, contract: ContractRec, review: ReviewRec): void {
  const data = raisedReview(world, contract, review);
  const positive = textCounts(data.text ?? '');
  if (review.publishedAt !== null && review.positive !== positive) {
    contract.designer.publishedPositive += positive ? 1 : -1;
  }
  review.positive = positive;
  review.underFive = false;
  world.emit({ at: world.iso(), type: 'review.changed', data });
}
