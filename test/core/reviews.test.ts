// RULES.md R8: double-blind reviews — the window [closedAt, closedAt + 14 d), extensions, publication.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extensionRequestCheck, reviewPublication, reviewWindow, type Party } from '../../core/reviews';
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, toIso, toMs } from '../../core/time';
import type { Review, ReviewExtension } from '../../core/wire/entities';
import { T0, makeContract, makeExtension, makeReview } from './builders';

/** T0 (the contract's close) + n days + ms. */
const day = (n: number, ms = 0) => toIso(toMs(T0) + n * DAY_MS + ms);
const WINDOW_END = day(14);

const closed = makeContract({ closedAt: T0 });
const open = makeContract({ closedAt: undefined });
const clientReview = (postedAt: string, overrides: Partial<Review> = {}) =>
  makeReview({ id: 'vc', authorRole: 'client', postedAt, ...overrides });
const designerReview = (postedAt: string, overrides: Partial<Review> = {}) =>
  makeReview({ id: 'vd', authorRole: 'designer', postedAt, ...overrides });
/** The designer asked on day 15; the client approved on day 16 (extension until day 30). */
const designerExtension = (overrides: Partial<ReviewExtension> = {}) =>
  makeExtension({ requestedBy: 'designer', requestedAt: day(15), status: 'approved', decidedAt: day(16), ...overrides });

describe('reviewWindow (R8)', () => {
  it.each([
    ['contract open', { contract: open, at: day(1) }, 'contract_open'],
    ['closing recorded after `at`', { contract: makeContract({ closedAt: day(2) }), at: day(1) }, 'contract_open'],
    ['exactly 14 days after closing', { at: WINDOW_END }, 'window_closed'],
    ['long after the window', { at: day(40) }, 'window_closed'],
    ['already posted', { reviews: [clientReview(day(2))], at: day(3) }, 'already_posted'],
    ['an extension the other party got does not help', { extensions: [designerExtension()], at: day(17) }, 'window_closed'],
    ['a pending extension does not help', { extensions: [makeExtension({ status: 'pending', decidedAt: undefined })], at: day(22) }, 'window_closed'],
    ['a declined extension does not help', { extensions: [makeExtension({ status: 'declined' })], at: day(22) }, 'window_closed'],
    ['an approval later than `at` does not help yet', { extensions: [makeExtension({ decidedAt: day(21) })], at: day(20) }, 'window_closed'],
    ['approved extension, exactly 14 days after approval', { extensions: [makeExtension({ decidedAt: day(19) })], at: day(33) }, 'window_closed'],
  ] as const)('%s → refused %s', (_, overrides, reason) => {
    const verdict = reviewWindow({ contract: closed, authorRole: 'client', reviews: [], extensions: [], ...overrides });
    expect(verdict).toMatchObject({ allowed: false, reason, policyVersion: DEFAULT_POLICY.version });
  });

  it.each([
    ['at the closing instant', { at: T0 }, WINDOW_END, false],
    ['1 ms before the 14 days', { at: day(14, -1) }, WINDOW_END, false],
    ['the other party already posted', { reviews: [designerReview(day(2))], at: day(3) }, WINDOW_END, false],
    ['an interim review does not use up the final one', { reviews: [clientReview(day(-3), { kind: 'interim' })], at: day(3) }, WINDOW_END, false],
    ['a review of another contract', { reviews: [clientReview(day(2), { contractId: 'k9' })], at: day(3) }, WINDOW_END, false],
    ['under its approved extension, at approval', { extensions: [makeExtension({ decidedAt: day(19) })], at: day(19) }, day(33), true],
    ['under its approved extension, 1 ms before it ends', { extensions: [makeExtension({ decidedAt: day(19) })], at: day(33, -1) }, day(33), true],
  ] as const)('%s → allowed until %s', (_, overrides, deadline, late) => {
    const verdict = reviewWindow({ contract: closed, authorRole: 'client', reviews: [], extensions: [], ...overrides });
    expect(verdict).toMatchObject({ allowed: true, deadline, late });
    expect(verdict.reason).toBeUndefined();
  });

  it('explains with the dates a moderator needs', () => {
    expect(reviewWindow({ contract: closed, authorRole: 'client', reviews: [], extensions: [], at: day(3) }).explanation).toBe(
      'The client may post a review until 16 November 2026, 10:00 UTC, 14 days after the contract closed; it stays hidden until both parties have posted or the window ends.',
    );
    const closedVerdict = reviewWindow({ contract: closed, authorRole: 'designer', reviews: [], extensions: [], at: day(15) });
    expect(closedVerdict).toMatchObject({ deadline: WINDOW_END });
    expect(closedVerdict.explanation).toBe(
      'The review window closed on 16 November 2026, 10:00 UTC, 14 days after the contract closed; the designer may ask the other party to extend it.',
    );
    const lapsed = reviewWindow({ contract: closed, authorRole: 'designer', reviews: [], extensions: [designerExtension()], at: day(31) });
    expect(lapsed).toMatchObject({ reason: 'window_closed', deadline: day(30) });
    expect(lapsed.explanation).toContain('extended review window ended on 2 December 2026');
  });
});

describe('extensionRequestCheck (R8)', () => {
  it.each([
    ['contract open', { contract: open, at: day(1) }, 'contract_open'],
    ['window still open', { at: day(5) }, 'window_open'],
    ['window open 1 ms before its end', { at: day(14, -1) }, 'window_open'],
    ['already posted', { reviews: [designerReview(day(2))], at: day(15) }, 'already_posted'],
    ['asked before, declined', { extensions: [designerExtension({ status: 'declined' })], at: day(20) }, 'already_requested'],
    ['asked before, still pending', { extensions: [designerExtension({ status: 'pending', decidedAt: undefined })], at: day(15, 1) }, 'already_requested'],
  ] as const)('%s → refused %s', (_, overrides, reason) => {
    const verdict = extensionRequestCheck({ contract: closed, requestedBy: 'designer', reviews: [], extensions: [], ...overrides });
    expect(verdict).toMatchObject({ allowed: false, reason });
  });

  it.each([
    ['exactly when the window closes', { at: WINDOW_END }],
    ['long after', { at: day(60) }],
    ['the other party asked before', { extensions: [makeExtension({ requestedBy: 'client' })], at: day(25) }],
    ['only the other party posted', { reviews: [clientReview(day(2))], at: day(15) }],
  ] as const)('%s → allowed', (_, overrides) => {
    const verdict = extensionRequestCheck({ contract: closed, requestedBy: 'designer', reviews: [], extensions: [], ...overrides });
    expect(verdict.allowed).toBe(true);
    expect(verdict.policyVersion).toBe(DEFAULT_POLICY.version);
  });
});

describe('reviewPublication (R8)', () => {
  const publish = (reviews: Review[], extensions: ReviewExtension[] = [], contract = closed) =>
    reviewPublication({ contract, reviews, extensions });

  it('both posted in the window → both published when the second is posted', () => {
    expect(publish([designerReview(day(5)), clientReview(day(3))])).toEqual({ vc: day(5), vd: day(5) });
  });

  it('the second posted 1 ms before the window ends still publishes both then', () => {
    expect(publish([clientReview(day(2)), designerReview(day(14, -1))])).toEqual({ vc: day(14, -1), vd: day(14, -1) });
  });

  it('only one posted → published when the 14 days end', () => {
    expect(publish([clientReview(day(3))])).toEqual({ vc: WINDOW_END });
  });

  it('a review posted exactly at 14 days without an extension is never published; the other goes out at 14 days', () => {
    expect(publish([clientReview(day(3)), designerReview(WINDOW_END)])).toEqual({ vc: WINDOW_END, vd: null });
  });

  it('a late review under an approved extension is published when posted', () => {
    expect(publish([clientReview(day(3)), designerReview(day(18))], [designerExtension()])).toEqual({ vc: WINDOW_END, vd: day(18) });
  });

  it('a late review after the extension ran out is never published', () => {
    expect(publish([designerReview(day(30))], [designerExtension()])).toEqual({ vd: null });
    expect(publish([designerReview(day(30, -1))], [designerExtension()])).toEqual({ vd: day(30, -1) });
  });

  it('a late review posted before the approval is not covered by it', () => {
    expect(publish([designerReview(day(15, 1))], [designerExtension()])).toEqual({ vd: null });
  });

  it('contract still open → nothing published yet', () => {
    expect(publish([clientReview(day(3)), designerReview(day(4))], [], open)).toEqual({ vc: null, vd: null });
  });

  it('leaves out interim reviews and other contracts’ reviews', () => {
    const result = publish([
      clientReview(day(3)),
      makeReview({ id: 'interim', kind: 'interim', postedAt: day(-10) }),
      makeReview({ id: 'other', contractId: 'k2', postedAt: day(3) }),
    ]);
    expect(result).toEqual({ vc: WINDOW_END });
  });

  it('a second review by the same party would have been refused: never published, nor does it count as the other party', () => {
    const result = publish([clientReview(day(3)), clientReview(day(4), { id: 'vc2' })]);
    expect(result).toEqual({ vc: WINDOW_END, vc2: null });
  });
});

describe('reviewPublication: properties', () => {
  const party = fc.constantFrom<Party>('client', 'designer');
  const offsetMs = fc.integer({ min: -2 * DAY_MS, max: 40 * DAY_MS });
  /** Reviews and an approved extension, placed in ms after the contract's close. */
  interface Scenario {
    reviews: { party: Party; offset: number }[];
    extension: { party: Party; decidedOffset: number } | undefined;
  }
  const scenario: fc.Arbitrary<Scenario> = fc.record({
    reviews: fc.array(fc.record({ party, offset: offsetMs }), { maxLength: 4 }),
    extension: fc.option(fc.record({ party, decidedOffset: fc.integer({ min: 14 * DAY_MS, max: 30 * DAY_MS }) }), { nil: undefined }),
  });
  const build = (s: Scenario) => ({
    reviews: s.reviews.map((r, i) => makeReview({ id: `v${i}`, authorRole: r.party, postedAt: toIso(toMs(T0) + r.offset) })),
    extensions:
      s.extension === undefined
        ? []
        : [makeExtension({ requestedBy: s.extension.party, requestedAt: WINDOW_END, decidedAt: toIso(toMs(T0) + s.extension.decidedOffset) })],
  });

  it('never publishes before posting, nor later than the window end unless posted late', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { reviews, extensions } = build(s);
        const published = reviewPublication({ contract: closed, reviews, extensions });
        for (const review of reviews) {
          const at = published[review.id];
          expect(at).not.toBeUndefined();
          if (at === null || at === undefined) continue;
          expect(toMs(at)).toBeGreaterThanOrEqual(toMs(review.postedAt));
          if (toMs(review.postedAt) < toMs(WINDOW_END)) expect(toMs(at)).toBeLessThanOrEqual(toMs(WINDOW_END));
          else expect(at).toBe(review.postedAt);
        }
      }),
    );
  });

  it('publishes at most one review per party, and does not depend on input order', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { reviews, extensions } = build(s);
        const published = reviewPublication({ contract: closed, reviews, extensions });
        expect(reviewPublication({ contract: closed, reviews: [...reviews].reverse(), extensions })).toEqual(published);
        for (const role of ['client', 'designer'] as const) {
          const count = reviews.filter((r) => r.authorRole === role && published[r.id] !== null).length;
          expect(count).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
