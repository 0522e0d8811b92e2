// RULES.md R12 (with R9): the detectors that read contracts and client reviews — feedback
// change enabled again and again after low feedback, and near-identical review texts.
import { toHundredths } from '../exact';
import type { Policy } from '../policy';
import { DAY_MS, toMs, type IsoTime } from '../time';
import type { Contract, EvidenceItem, Review } from '../wire/entities';
import { decimal2, excerpt, formatGap, timeline } from './evidence';
import { byTime, pushTo, windowEpisodes } from './grouping';
import { nearDuplicateGroups, wordShingles } from './near-duplicates';
import type { DetectionContext, Hit, ManipulationFacts } from './types';

interface FirstVersion {
  overall: number;
  text: string;
  at: IsoTime;
  ms: number;
}

/**
 * A review as the client first posted it. The wire keeps earlier versions in `history` but
 * does not say whether a version's `at` is when it was written or when it was replaced; the
 * first version and its posting time (the earlier of `postedAt` and `history[0].at`) come out
 * the same under either reading. That is also the feedback as it stood when the designer
 * enabled a change, since R9 lets the client change it only after the enabling.
 */
export function reviewAsFirstPosted(review: Pick<Review, 'overall' | 'text' | 'postedAt' | 'history'>): FirstVersion {
  const postedMs = toMs(review.postedAt);
  const original = review.history?.[0];
  if (original === undefined) return { overall: review.overall, text: review.text, at: review.postedAt, ms: postedMs };
  const originalMs = toMs(original.at);
  return originalMs < postedMs
    ? { overall: original.overall, text: original.text, at: original.at, ms: originalMs }
    : { overall: original.overall, text: original.text, at: review.postedAt, ms: postedMs };
}

interface Enabling {
  ms: number;
  id: string;
  contract: Contract;
  enabledAt: IsoTime;
  review: Review;
  feedback: FirstVersion;
}

/**
 * `feedback_change_pattern`: a designer enables a feedback change on `minContracts` contracts
 * within `withinDays`, each after the contract's final client review stood under five stars.
 * "Under 5 stars" is R6's positive bar, `feedback.positiveMinStars`, compared in hundredths
 * like every star threshold; the text does not matter here (R12 speaks of stars only). An
 * enabling with no client review posted yet does not count: there was nothing to change.
 * The pattern is the designer's, across clients, so the hit names no customer.
 */
export function feedbackChangePattern(facts: ManipulationFacts, context: DetectionContext, policy: Policy): Hit[] {
  const rule = policy.detectors.feedbackChangePattern;
  const asOfMs = toMs(context.asOf);
  const bar = toHundredths(policy.feedback.positiveMinStars);

  const enabled = new Map<string, { contract: Contract; enabledAt: IsoTime; ms: number }>();
  for (const contract of facts.contracts) {
    const enabledAt = contract.feedbackChangeEnabledAt;
    if (enabledAt === undefined) continue;
    const ms = toMs(enabledAt);
    if (ms <= asOfMs) enabled.set(contract.id, { contract, enabledAt, ms });
  }
  if (enabled.size === 0) return [];

  // The contract's final client review; should there be two, the first posted is the one R8 published.
  const reviewOf = new Map<string, { review: Review; feedback: FirstVersion }>();
  for (const review of facts.reviews) {
    if (review.authorRole !== 'client' || review.kind !== 'final' || !enabled.has(review.contractId)) continue;
    const feedback = reviewAsFirstPosted(review);
    const seen = reviewOf.get(review.contractId);
    if (seen === undefined || byTime({ ms: feedback.ms, id: review.id }, { ms: seen.feedback.ms, id: seen.review.id }) < 0) {
      reviewOf.set(review.contractId, { review, feedback });
    }
  }

  const byDesigner = new Map<string, Enabling[]>();
  for (const { contract, enabledAt, ms } of enabled.values()) {
    const found = reviewOf.get(contract.id);
    if (found === undefined || found.feedback.ms > ms) continue;
    if (toHundredths(found.feedback.overall) >= bar) continue;
    pushTo(byDesigner, contract.designerId, { ms, id: contract.id, contract, enabledAt, ...found });
  }

  const hits: Hit[] = [];
  for (const [designerId, list] of byDesigner) {
    if (list.length < rule.minContracts) continue;
    list.sort(byTime);
    for (const run of windowEpisodes(list, rule.minContracts, rule.withinDays * DAY_MS)) {
      hits.push(feedbackChangeHit(designerId, run, rule.score));
    }
  }
  return hits;
}

function feedbackChangeHit(designerId: string, run: readonly Enabling[], score: number): Hit {
  const first = run[0];
  const last = run[run.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('a run has at least one enabling');
  const items: EvidenceItem[] = [];
  for (const e of run) {
    const overall = decimal2(e.feedback.overall);
    items.push({
      kind: 'review',
      id: e.review.id,
      at: e.feedback.at,
      detail: `${overall} stars from the client on contract ${e.contract.id}`,
    });
    items.push({
      kind: 'feedback_change',
      id: e.contract.id,
      at: e.enabledAt,
      detail: `on contract ${e.contract.id}, ${formatGap(e.ms - e.feedback.ms)} after ${overall}-star feedback`,
    });
  }
  const overalls = run.map((e) => decimal2(e.feedback.overall));
  const listed = overalls.length > 1 ? `${overalls.slice(0, -1).join(', ')} and ${overalls[overalls.length - 1]}` : overalls.join('');
  return {
    detector: 'feedback_change_pattern',
    designerId,
    score,
    at: last.enabledAt,
    evidence: {
      summary: `Designer ${designerId} enabled a feedback change on ${run.length} contracts within ${formatGap(last.ms - first.ms)}, each after client feedback under 5 stars (${listed} stars).`,
      items: timeline(items),
    },
  };
}

interface ReviewText {
  ms: number;
  id: string;
  review: Review;
  customerId: string;
  at: IsoTime;
  text: string;
}

/**
 * `duplicate_review_text`: `minReviews` client reviews of one designer (final or interim: both
 * show on the profile) by as many different customers, whose texts are near-identical —
 * `shingleWords`-word shingle Jaccard ≥ `minJaccard`, joined transitively. Reviews are compared
 * only within one designer, and only for designers with enough distinct reviewers; within a
 * designer, near-duplicates.ts avoids comparing every pair. Each review is compared as first
 * posted (see `reviewAsFirstPosted`): the wire does not date a changed review's current text
 * unambiguously, and only the first version is sure to exist at `asOf`.
 */
export function duplicateReviewText(facts: ManipulationFacts, context: DetectionContext, policy: Policy): Hit[] {
  const rule = policy.detectors.duplicateReviewText;
  const asOfMs = toMs(context.asOf);
  const contracts = new Map<string, Contract>();
  for (const contract of facts.contracts) contracts.set(contract.id, contract);

  const byDesigner = new Map<string, ReviewText[]>();
  for (const review of facts.reviews) {
    if (review.authorRole !== 'client') continue;
    const contract = contracts.get(review.contractId);
    if (contract === undefined) continue;
    const first = reviewAsFirstPosted(review);
    if (first.ms > asOfMs) continue;
    pushTo(byDesigner, contract.designerId, { ms: first.ms, id: review.id, review, customerId: contract.customerId, at: first.at, text: first.text });
  }

  const hits: Hit[] = [];
  for (const [designerId, list] of byDesigner) {
    if (list.length < rule.minReviews || new Set(list.map((r) => r.customerId)).size < rule.minReviews) continue;
    list.sort(byTime);
    const shingles = list.map((r) => wordShingles(r.text, rule.shingleWords));
    for (const group of nearDuplicateGroups(shingles, rule.minJaccard)) {
      const members = group.members.flatMap((i) => list[i] ?? []);
      const customers = new Set(members.map((r) => r.customerId));
      if (customers.size < rule.minReviews) continue;
      hits.push(duplicateHit(designerId, list, group.members, group.pairs, customers.size, rule.shingleWords, rule.minJaccard, rule.score));
    }
  }
  return hits;
}

/** Rounded down, so 0.999 never reads as the 1 that means "the same text". */
function similarity2(value: number): string {
  return String(Math.floor(value * 100 + 1e-9) / 100);
}

function duplicateHit(
  designerId: string,
  list: readonly ReviewText[],
  members: readonly number[],
  pairs: readonly { a: number; b: number; similarity: number }[],
  customers: number,
  shingleWords: number,
  minJaccard: number,
  score: number,
): Hit {
  // Each review is shown with its closest verified match in the group.
  const closest = new Map<number, { other: number; similarity: number }>();
  const offer = (i: number, other: number, similarity: number) => {
    const seen = closest.get(i);
    if (seen === undefined || similarity > seen.similarity || (similarity === seen.similarity && other < seen.other)) {
      closest.set(i, { other, similarity });
    }
  };
  let low = 1;
  let high = 0;
  for (const { a, b, similarity } of pairs) {
    offer(a, b, similarity);
    offer(b, a, similarity);
    low = Math.min(low, similarity);
    high = Math.max(high, similarity);
  }
  const items: EvidenceItem[] = members.flatMap((i) => {
    const r = list[i];
    if (r === undefined) return [];
    const match = closest.get(i);
    const partner = match === undefined ? undefined : list[match.other];
    const likeness =
      match === undefined || partner === undefined
        ? ''
        : match.similarity === 1
          ? ` (same text as review ${partner.id})`
          : ` (Jaccard ${similarity2(match.similarity)} with review ${partner.id})`;
    return [{ kind: 'review' as const, id: r.id, at: r.at, detail: `on contract ${r.review.contractId}: ${excerpt(r.text)}${likeness}` }];
  });
  const last = members.reduce((latest, i) => Math.max(latest, i), -1);
  const lastReview = list[last];
  if (lastReview === undefined) throw new RangeError('a group has members');
  const range = low === high ? similarity2(low) : `${similarity2(low)}–${similarity2(high)}`;
  return {
    detector: 'duplicate_review_text',
    designerId,
    score,
    at: lastReview.at,
    evidence: {
      summary: `${members.length} reviews of designer ${designerId} by ${customers} different customers have near-identical text (${shingleWords}-word shingle Jaccard ${range}; the rule's threshold is ${minJaccard}).`,
      items: timeline(items),
    },
  };
}
