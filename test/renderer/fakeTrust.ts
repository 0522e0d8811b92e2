// The in-memory console (fakeConsole.ts) taught the trust-and-safety screens: one open flag with
// a message, a raised rating and a report; its preview and statement come from the rule core
// itself (applySanctions, starRating, composeStatement), as the console's service computes them.
import {
  CATEGORY_IDS,
  DEFAULT_POLICY,
  applySanctions,
  composeStatement,
  formatFraction2,
  starRating,
  type Designer,
  type DetectorHit,
  type Rating,
} from '../../core';
import type { FlagItem, FlagRow } from '../../electron/contract';
import { FakeConsole, T0, type FakeOptions } from './fakeConsole';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

export const MESSAGE = '🙏 Please change your rating to 5 stars and the next logo is free.';
const spanOf = (text: string) => {
  const start = MESSAGE.indexOf(text);
  return { start, end: start + text.length, text };
};

export const DESIGNER: Designer = {
  id: 'd-7',
  rev: 1,
  handle: 'ana_designs',
  displayName: 'Ana Designs',
  country: 'PT',
  joinedAt: iso(T0 - 300 * 24 * HOUR),
  verification: 'verified',
  accountStatus: 'active',
  history: [{ at: iso(T0 - 300 * 24 * HOUR), verification: 'verified', accountStatus: 'active' }],
};

const rating = (id: string, customerId: string, stars: number[], startMs: number): Rating => ({
  id,
  rev: stars.length,
  submissionId: id,
  designerId: DESIGNER.id,
  customerId,
  category: 'logo',
  stars: stars[stars.length - 1] ?? null,
  history: stars.map((s, i) => ({ stars: s, at: iso(startMs + i * 10 * HOUR) })),
});

/** Logo: the raised one (1 → 5) and another customer's 3: 4.00 (2); voiding the raised one leaves 3.00 (1). */
export const RATINGS: Rating[] = [rating('s-raised', 'c-9', [1, 5], T0 - 50 * HOUR), rating('s-other', 'c-2', [3], T0 - 70 * HOUR)];

const MESSAGE_AT = iso(T0 - 45 * HOUR);
const RAISED_AT = RATINGS[0]?.history[1]?.at ?? '';

const HITS: DetectorHit[] = [
  {
    detector: 'pressure_message',
    score: 60,
    evidence: { summary: 'Designer asked the customer to change a rating ("change your rating to 5 stars")', items: [{ kind: 'message', id: 'm-1', at: MESSAGE_AT, detail: MESSAGE, spans: [spanOf('change your rating to 5 stars')] }] },
  },
  {
    detector: 'incentive_offer',
    score: 80,
    evidence: { summary: 'Designer offered "free" work for a rating', items: [{ kind: 'message', id: 'm-1', at: MESSAGE_AT, detail: MESSAGE, spans: [spanOf('rating to 5 stars'), spanOf('free')] }] },
  },
  {
    detector: 'rating_raised_after_contact',
    score: 50,
    evidence: {
      summary: 'The rating went from 1 to 5 stars 5 h after the message',
      items: [{ kind: 'rating_change', id: 's-raised', at: RAISED_AT, detail: 'raised from 1 to 5 stars' }],
    },
  },
];

const key = (item: { kind: string; id: string; at: string }) => `${item.kind}:${item.id}:${item.at}`;

export const FLAG_ID = 'flag-d-7-c-9';

export function flagItem(overrides: Partial<FlagItem> = {}): FlagItem {
  return {
    subjectType: 'flag',
    id: FLAG_ID,
    rev: 1,
    status: 'open',
    score: 96,
    explanation: 'Score 96 from 3 hits: something of value offered for a rating or review (80), pressure for a rating or review (60), low rating raised (50).',
    policyVersion: DEFAULT_POLICY.version,
    createdAt: RAISED_AT,
    designer: {
      id: DESIGNER.id,
      handle: DESIGNER.handle,
      displayName: DESIGNER.displayName,
      verification: 'verified',
      accountStatus: 'active',
      country: 'PT',
      joinedAt: DESIGNER.joinedAt,
      overall: { category: 'overall', value: '4.00', count: 2 },
      ratings: [{ category: 'logo', value: '4.00', count: 2 }],
      trend: [
        { at: iso(T0 - 70 * HOUR), value: 3 },
        { at: RAISED_AT, value: 4 },
      ],
      decisions: { approved: 1, rejected: 0, pending: 0 },
      flags: { open: 1, confirmed: 0, dismissed: 0 },
    },
    customer: { id: 'c-9', displayName: 'Bean & Co', createdAt: iso(T0 - 90 * 24 * HOUR) },
    hits: HITS.map((h) => ({ detector: h.detector, title: h.detector, score: h.score, summary: h.evidence.summary, evidenceKeys: h.evidence.items.map(key) })),
    timeline: [
      { kind: 'message', id: 'm-1', at: MESSAGE_AT, detail: MESSAGE, spans: [spanOf('change your rating to 5 stars'), spanOf('rating to 5 stars'), spanOf('free')], key: key({ kind: 'message', id: 'm-1', at: MESSAGE_AT }), body: MESSAGE, fromRole: 'designer', detectors: ['pressure_message', 'incentive_offer'] },
      { kind: 'rating_change', id: 's-raised', at: RAISED_AT, detail: 'raised from 1 to 5 stars', key: key({ kind: 'rating_change', id: 's-raised', at: RAISED_AT }), starsBefore: 1, starsAfter: 5, hoursSinceMessage: 5, detectors: ['rating_raised_after_contact'] },
    ],
    ratings: RATINGS.map((r) => ({ id: r.id, category: r.category, stars: r.stars, voided: false, at: r.history[r.history.length - 1]?.at ?? '' })),
    decidable: true,
    lookers: [],
    ...overrides,
  };
}

export function flagRow(i: number): FlagRow {
  return {
    subjectType: 'flag',
    id: i === 0 ? FLAG_ID : `flag-${i}`,
    rev: 1,
    status: 'open',
    score: 96 - i,
    detectors: i === 0 ? ['pressure_message', 'incentive_offer', 'rating_raised_after_contact'] : ['pressure_message'],
    designer: { id: i === 0 ? DESIGNER.id : `d-${i}`, handle: i === 0 ? DESIGNER.handle : `designer${i}`, displayName: `Designer ${i}`, verification: 'verified', accountStatus: 'active' },
    customer: { id: `c-${i}`, displayName: `Customer ${i}` },
    createdAt: iso(T0 - (i + 1) * HOUR),
    firstHit: 'Designer asked the customer to change a rating',
    lookers: [],
  };
}

const figure = (r: { sum: number; count: number }) => ({ value: r.count === 0 ? null : formatFraction2(r.sum, r.count), count: r.count });

/** A fake console with the trust-and-safety role and one open flag (and `flags` rows in the queue). */
export function trustConsole(options: FakeOptions & { flags?: number; item?: FlagItem } = {}): FakeConsole {
  const fake = new FakeConsole({ held: 0, review: 0, roles: ['trust_safety'], ...options });
  const rows = Array.from({ length: options.flags ?? 3 }, (_, i) => flagRow(i));
  const item = options.item ?? flagItem();
  fake.overrides['queues.page'] = (input) => {
    if (input.queue !== 'flags') return { items: [], total: 0, next: null, offset: 0 };
    let list = rows.filter((r) => !fake.decided.has(r.id));
    if (input.filter?.minScore !== undefined) list = list.filter((r) => r.score >= (input.filter?.minScore ?? 0));
    if (input.filter?.detector !== undefined) list = list.filter((r) => r.detectors.some((d) => d === input.filter?.detector));
    const offset = input.offset ?? 0;
    return { items: list.slice(offset, offset + input.limit), total: list.length, next: null, offset };
  };
  fake.overrides['items.get'] = (input) => {
    if (input.subjectType !== 'flag') return fake.item(input.subjectId);
    const decided = fake.decided.get(input.subjectId);
    const base = input.subjectId === item.id ? item : { ...item, id: input.subjectId };
    return decided === undefined ? base : { ...base, decidable: false, pending: { decisionId: decided.decisionId, outcome: decided.outcome === 'confirm' ? 'confirm' : 'dismiss', state: 'queued', sendsAt: iso(fake.now + 5000) } };
  };
  fake.overrides['flags.previewSanctions'] = (input) => {
    const now = iso(fake.now);
    const applied = applySanctions({ designer: DESIGNER, ratings: RATINGS, sanctions: input.sanctions, at: now, suspendFrom: now });
    const after = iso(fake.now + 1);
    return {
      ratings: CATEGORY_IDS.flatMap((category) => {
        const before = starRating(RATINGS, { designerId: DESIGNER.id, category, asOf: now });
        const afterR = starRating(applied.ratings, { designerId: DESIGNER.id, category, asOf: after });
        return before.count === 0 && afterR.count === 0 ? [] : [{ category, before: figure(before), after: figure(afterR) }];
      }),
      overall: { before: figure(starRating(RATINGS, { designerId: DESIGNER.id, asOf: now })), after: figure(starRating(applied.ratings, { designerId: DESIGNER.id, asOf: after })) },
      accountStatus: { before: DESIGNER.accountStatus, after: applied.designer.accountStatus, ...(applied.designer.suspendedUntil === undefined ? {} : { suspendedUntil: applied.designer.suspendedUntil }) },
      voided: applied.changed.ratings.map((r) => r.id),
    };
  };
  fake.overrides['flags.composeStatement'] = (input) => {
    const ticked = new Set(input.evidenceKeys);
    const tickedEvidence = HITS.flatMap((h) => h.evidence.items.filter((i) => ticked.has(key(i))).map((i) => ({ kind: i.kind, id: i.id })));
    const s = composeStatement({
      designer: DESIGNER,
      flag: { hits: HITS, customerId: 'c-9' },
      tickedEvidence,
      sanctions: input.sanctions,
      ratings: RATINGS,
      clauseId: input.clauseId,
      explanation: input.explanation,
      decidedAt: iso(fake.now),
      customers: [{ id: 'c-9', displayName: 'Bean & Co' }],
    });
    return { status: s.status, parts: s.parts, text: s.text, missing: s.missing, appealUntil: s.appeal.until, policyVersion: s.policyVersion };
  };
  return fake;
}
