// R12 detection, run incrementally: a designer whose facts changed (a message, a rating, a
// review, a report, a contract) is re-examined with that designer's facts alone, and the flags
// on that designer are upserted. A flag keeps its id while it grows (its rev bumps); hits
// already in a decided flag never raise a new one.
import { DETECTORS_BY_NAME, joinHits, type ManipulationFlag } from '../../core/manipulation';
import type { DetectionContext, DetectionFacts, Hit } from '../../core/manipulation';
import { DETECTORS, toMs, type Customer, type DetectorHit, type Flag, type Policy, type Rating, type Review } from '../../core';
import { revised, type ApplyContext } from './context';
import type { World } from './world';

/**
 * One identity per hit that survives the hit growing (more ratings in a burst): detector and
 * first fact, with the fact's time, since one rating raised twice after two messages opens both
 * hits with the same rating (at its standing before each raise).
 */
function hitKey(hit: Pick<DetectorHit, 'detector' | 'evidence'>): string {
  const first = hit.evidence.items[0];
  return `${hit.detector}|${first?.kind ?? ''}|${first?.id ?? hit.evidence.summary}|${first?.at ?? ''}`;
}

function factsOfDesigner(world: World, designerId: string) {
  const own = world.factsOf(designerId);
  const designer = world.tables.designer.get(designerId);
  const messages = own.messages.flatMap((id) => world.tables.message.get(id) ?? []);
  const reports = own.reports.flatMap((id) => world.tables.report.get(id) ?? []);
  const contracts = own.contracts.flatMap((id) => world.tables.contract.get(id) ?? []);
  const reviews: Review[] = contracts.flatMap((c) => (world.contractReviews.get(c.id) ?? []).flatMap((id) => world.tables.review.get(id) ?? []));
  const ownRatings = own.ratings.flatMap((id) => world.tables.rating.get(id) ?? []);
  // single_designer_rater looks at how a customer who gave this designer five stars rated
  // everyone else; other raters cannot make it fire for this designer, so their other ratings
  // are left out.
  const raters = new Set(ownRatings.map((r) => r.customerId));
  const fiveStarRaters = new Set(ownRatings.filter((r) => r.history.some((h) => h.stars === 5)).map((r) => r.customerId));
  const ratings: Rating[] = [...ownRatings];
  for (const customerId of fiveStarRaters) {
    for (const id of world.customerRatings.get(customerId) ?? []) {
      const rating = world.tables.rating.get(id);
      if (rating !== undefined && rating.designerId !== designerId) ratings.push(rating);
    }
  }
  const customerIds = new Set<string>([...raters, ...messages.map((m) => m.customerId), ...reports.map((r) => r.customerId), ...contracts.map((c) => c.customerId)]);
  const customers: Customer[] = [...customerIds].flatMap((id) => world.tables.customer.get(id) ?? []);
  const submissions = ratings.flatMap((r) => {
    const s = world.tables.submission.get(r.submissionId);
    return s === undefined ? [] : [{ id: s.id, projectId: s.projectId }];
  });
  return { designers: designer === undefined ? [] : [designer], customers, messages, ratings, reviews, reports, contracts, submissions };
}

const MESSAGE_DETECTORS = new Set<string>(['pressure_message', 'incentive_offer']);
const OTHER_DETECTORS = DETECTORS.filter((name) => !MESSAGE_DETECTORS.has(name));
const NO_FACTS = { designers: [], customers: [], ratings: [], reviews: [], reports: [], contracts: [] };

/**
 * The message detectors read one message at a time, so each message is analysed once, when it
 * first reaches detection, and its hits are kept with the designer's facts; the detectors that
 * read patterns across facts run over the designer's facts each time.
 */
function messageHits(world: World, designerId: string, context: DetectionContext, policy: Policy): Hit[] {
  const own = world.factsOf(designerId);
  const cache = world.messageHitsOf(designerId);
  while (cache.scanned < own.messages.length) {
    const message = world.tables.message.get(own.messages[cache.scanned] ?? '');
    cache.scanned += 1;
    if (message === undefined || message.fromRole !== 'designer') continue;
    const facts = { ...NO_FACTS, messages: [message] };
    cache.hits.push(...DETECTORS_BY_NAME.pressure_message.detect(facts, context, policy), ...DETECTORS_BY_NAME.incentive_offer.detect(facts, context, policy));
  }
  return cache.hits;
}

function detectHits(world: World, designerId: string, facts: DetectionFacts, context: DetectionContext, policy: Policy): Hit[] {
  // In the wire's order of detectors, as the core's detectHits lists them.
  const hits = [...messageHits(world, designerId, context, policy)];
  for (const name of OTHER_DETECTORS) hits.push(...DETECTORS_BY_NAME[name].detect(facts, context, policy));
  return hits;
}

export function runDetection(ctx: ApplyContext): void {
  const designers = [...ctx.world.touched].sort();
  ctx.world.touched.clear();
  for (const designerId of designers) detectFor(ctx, designerId);
}

function detectFor(ctx: ApplyContext, designerId: string): void {
  const { world } = ctx;
  const existing = (world.flagsByDesigner.get(designerId) ?? []).flatMap((id) => world.tables.flag.get(id) ?? []);
  const decidedKeys = new Set(existing.filter((f) => f.status !== 'open').flatMap((f) => f.hits.map(hitKey)));
  const hits: Hit[] = detectHits(world, designerId, factsOfDesigner(world, designerId), { asOf: ctx.nowIso }, ctx.policy).filter(
    (hit) => hit.designerId === designerId && !decidedKeys.has(hitKey(hit)),
  );
  if (hits.length === 0) return;
  const open = existing.filter((f) => f.status === 'open');
  for (const raised of joinHits(hits, ctx.policy)) upsertFlag(ctx, raised, open);
}

function sameHits(a: readonly DetectorHit[], b: readonly DetectorHit[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function upsertFlag(ctx: ApplyContext, raised: ManipulationFlag, open: Flag[]): void {
  const keys = new Set(raised.hits.map(hitKey));
  const match = open.find((f) => (f.customerId ?? '') === (raised.customerId ?? '') && f.hits.some((h) => keys.has(hitKey(h))));
  if (match !== undefined) {
    if (sameHits(match.hits, raised.hits) && match.score === raised.score) return;
    ctx.world.put('flag', revised(match, { hits: raised.hits, score: raised.score, policyVersion: raised.policyVersion }));
    return;
  }
  const base = `flag-${raised.designerId}${raised.customerId === undefined ? '' : `-${raised.customerId}`}-${toMs(raised.firstAt)}`;
  let id = base;
  for (let n = 2; ctx.world.tables.flag.has(id); n++) id = `${base}-${n}`;
  const flag: Flag = {
    id,
    rev: 1,
    designerId: raised.designerId,
    ...(raised.customerId === undefined ? {} : { customerId: raised.customerId }),
    score: raised.score,
    hits: raised.hits,
    status: 'open',
    // Its first hit: when detecting after every event would have raised it, so a replay gives
    // the same flags whatever its batches (replay detects every DETECT_EVERY events).
    createdAt: raised.firstAt,
    policyVersion: raised.policyVersion,
  };
  ctx.world.put('flag', flag);
  open.push(flag);
}
