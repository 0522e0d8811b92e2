// A trust-and-safety shift of the demo marketplace: a few open flags a day are decided, as a
// moderator would on reading the evidence — a report nothing backs is dismissed, a revision the
// customer liked is a false positive, pressure and incentives are warned, fake ratings voided and
// their designer suspended — each confirmation with the statement of reasons the core composes
// (R12). No flag is decided that would leave one of its detectors with fewer than three open.
import { composeStatement, type DetectorName, type Flag, type Rating, type Sanction } from '../../core';
import type { ReplayStepApi } from '../engine/engine';
import { decideOrFail, seededUuid, type ShiftState } from './decide';

/** Flags decided per shift, at most; and how long a flag waits before anyone looks at it. */
const PER_SHIFT = { min: 1, max: 2 };
const WAITS_MS = 6 * 3_600_000;
/** Open flags every detector keeps (the demo test asks for two). */
const KEEP_OPEN = 3;

/** Which detector a flag is read as, the first that applies in this order. */
const READ_AS: readonly DetectorName[] = [
  'new_account_burst',
  'single_designer_rater',
  'incentive_offer',
  'pressure_message',
  'duplicate_review_text',
  'feedback_change_pattern',
  'rating_raised_after_contact',
  'customer_report',
];

/** The moderator's own words for each reading (R12: typed, never pre-filled by the console). */
const EXPLANATIONS: Record<DetectorName, { clauseId: string; text: string }> = {
  pressure_message: {
    clauseId: 'CoC-4.2',
    text: 'In the messages quoted above you ask the customer for five stars or to change the rating given. Asking a customer for a particular rating is pressure, whatever the wording.',
  },
  incentive_offer: {
    clauseId: 'CoC-4.3',
    text: 'You offered the customer something of value in return for a better rating. Offering anything for a rating is not allowed, whether or not the customer accepts.',
  },
  rating_raised_after_contact: {
    clauseId: 'CoC-4.2',
    text: 'A low rating was raised within hours of your message asking for it; together they show the new rating was not the customer’s free opinion.',
  },
  customer_report: {
    clauseId: 'CoC-4.2',
    text: 'The customer reported being asked for a better rating, and your messages confirm it.',
  },
  new_account_burst: {
    clauseId: 'CoC-4.4',
    text: 'Five-star ratings arrived within a day from accounts created days before, which did nothing else. They do not come from genuine customers.',
  },
  single_designer_rater: {
    clauseId: 'CoC-4.4',
    text: 'One customer account rated you five stars on every project and every other designer one or two stars: a coordinated pattern, not an honest opinion.',
  },
  feedback_change_pattern: {
    clauseId: 'CoC-4.2',
    text: 'You enabled feedback change on several contracts right after feedback under five stars, and the feedback was then raised: the feature was used to replace honest feedback.',
  },
  duplicate_review_text: {
    clauseId: 'CoC-4.4',
    text: 'Several reviews from different new customers repeat the same text nearly word for word; they were not written independently.',
  },
};

export async function decideFlags(api: ReplayStepApi, state: ShiftState, moderatorId: string): Promise<void> {
  const { rng } = state;
  // Flags as the moderator sees them: every fact so far joined.
  api.detect();
  const open = [...api.world.tables.flag.values()].filter((f) => f.status === 'open');
  const openBy = new Map<DetectorName, number>();
  for (const flag of open) for (const d of detectorsOf(flag)) openBy.set(d, (openBy.get(d) ?? 0) + 1);
  // In random order, but a flag with nothing beside a report or a raised rating first: those are
  // where a false alarm shows, so the record holds dismissals as well as confirmations.
  const waiting = open.filter((f) => Date.parse(f.createdAt) <= api.nowMs - WAITS_MS);
  const shuffled = waiting.map((flag) => ({ flag, key: rng.next() + (isLone(flag) ? 0 : 1) })).sort((a, b) => a.key - b.key);
  const candidates = shuffled.map((c) => c.flag);
  let budget = rng.intBetween(PER_SHIFT.min, PER_SHIFT.max);
  while (budget > 0 && candidates.length > 0) {
    const flag = candidates.shift();
    if (flag === undefined) break;
    const detectors = detectorsOf(flag);
    if (detectors.some((d) => (openBy.get(d) ?? 0) <= KEEP_OPEN)) continue;
    await decideFlag(api, state, moderatorId, flag, detectors);
    for (const d of detectors) openBy.set(d, (openBy.get(d) ?? 0) - 1);
    budget -= 1;
  }
}

function isLone(flag: Flag): boolean {
  const detectors = detectorsOf(flag);
  return detectors.length === 1 && (detectors[0] === 'customer_report' || detectors[0] === 'rating_raised_after_contact');
}

function detectorsOf(flag: Flag): DetectorName[] {
  return [...new Set(flag.hits.map((h) => h.detector))];
}

async function decideFlag(api: ReplayStepApi, state: ShiftState, moderatorId: string, flag: Flag, detectors: readonly DetectorName[]): Promise<void> {
  const { rng, market } = state;
  const decidedAt = new Date(api.nowMs).toISOString();
  const base = { id: seededUuid(rng), subjectType: 'flag' as const, subjectId: flag.id, expectedRev: flag.rev, decidedAt };
  const readAs = READ_AS.find((d) => detectors.includes(d)) ?? 'pressure_message';
  if (readAs === 'customer_report') {
    await decideOrFail(api, moderatorId, { ...base, outcome: 'dismiss', reasonCode: 'insufficient_evidence', note: 'No message or rating change backs the report.' });
    return;
  }
  if (readAs === 'rating_raised_after_contact' && rng.chance(0.5)) {
    await decideOrFail(api, moderatorId, { ...base, outcome: 'dismiss', reasonCode: 'false_positive', note: 'The designer delivered the revision asked for; the customer rated the new version.' });
    return;
  }
  const designer = api.world.tables.designer.get(flag.designerId);
  if (designer === undefined) return;
  const facts = api.world.designerFacts.get(designer.id);
  const ratings: Rating[] = (facts?.ratings ?? []).flatMap((id) => api.world.tables.rating.get(id) ?? []);
  const items = flag.hits.flatMap((h) => h.evidence.items);
  const counting = new Set(ratings.filter((r) => r.stars !== null && r.voidedAt === undefined).map((r) => r.id));
  const toVoid = [...new Set(items.filter((i) => (i.kind === 'rating' || i.kind === 'rating_change') && counting.has(i.id)).map((i) => i.id))];
  const fake = readAs === 'new_account_burst' || readAs === 'single_designer_rater';
  const sanctions: Sanction[] = fake ? [{ type: 'suspend', days: 14 }] : [{ type: 'warn' }];
  if (toVoid.length > 0) sanctions.push({ type: 'void_ratings', ratingIds: toVoid });
  const explanation = EXPLANATIONS[readAs];
  const customer = flag.customerId === undefined ? undefined : api.world.tables.customer.get(flag.customerId);
  const statement = composeStatement(
    {
      designer,
      flag,
      tickedEvidence: items.map((i) => ({ kind: i.kind, id: i.id })),
      sanctions,
      ratings,
      clauseId: explanation.clauseId,
      explanation: explanation.text,
      decidedAt,
      moderatorId,
      ...(customer === undefined ? {} : { customers: [customer] }),
    },
    api.policy,
  );
  if (statement.status !== 'complete') throw new Error(`demo shift: the statement for flag ${flag.id} is incomplete: ${statement.missing.join(' ')}`);
  const voided = toVoid.flatMap((id) => {
    const r = ratings.find((x) => x.id === id);
    return r === undefined || r.stars === null ? [] : [{ designerId: r.designerId, category: r.category, stars: r.stars }];
  });
  await decideOrFail(api, moderatorId, { ...base, outcome: 'confirm', sanctions, statementOfReasons: statement.text });
  if (voided.length > 0) market.voided(voided);
  const after = api.world.tables.designer.get(designer.id);
  if (after?.accountStatus === 'suspended' && after.suspendedUntil !== undefined) market.suspended(after.id, Date.parse(after.suspendedUntil));
}
