import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy, type Rating } from '../../../core';
import {
  newAccountBurst,
  ratingRaisedAfterContact,
  singleDesignerRater,
} from '../../../core/manipulation/rating-detectors';
import { makeCustomer, makeMessage, makeRating } from '../builders';
import { DAY, daysAfter, facts, HOUR, hoursAfter, LATER, msAfter, ratingWith, T0 } from './helpers';

const BEFORE = daysAfter(-30);

describe('rating_raised_after_contact', () => {
  const contact = makeMessage('Hi, did you have a chance to look at the new version?', { id: 'm-contact', sentAt: T0 });

  function run(ratings: Rating[], messages = [contact], asOf = LATER) {
    return ratingRaisedAfterContact(facts({ ratings, messages }), { asOf }, DEFAULT_POLICY);
  }

  it('fires when a 1-star rating goes to 5 stars 20 h after the designer wrote, naming the records', () => {
    const rating = ratingWith([[1, BEFORE], [5, hoursAfter(20)]], { id: 'r-low', submissionId: 's-low' });
    const [hit, ...rest] = run([rating]);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      detector: 'rating_raised_after_contact',
      designerId: 'd1',
      customerId: 'c1',
      score: DEFAULT_POLICY.detectors.ratingRaisedAfterContact.score,
      at: hoursAfter(20),
    });
    expect(hit?.evidence.items).toEqual([
      { kind: 'rating', id: 'r-low', at: BEFORE, detail: '1 star for submission s-low' },
      { kind: 'message', id: 'm-contact', at: T0, detail: '“Hi, did you have a chance to look at the new version?”' },
      { kind: 'rating_change', id: 'r-low', at: hoursAfter(20), detail: "raised from 1 to 5 stars, 20 h after the designer's message" },
    ]);
    expect(hit?.evidence.summary).toContain('from 1 to 5 stars 20 h after');
    expect(hit?.evidence.summary).toContain('m-contact');
  });

  it.each([
    ['1 → 3 (raise of exactly 2)', 1, 3, true],
    ['2 → 4 (low bar is 2 inclusive)', 2, 4, true],
    ['2 → 3 (raise of 1)', 2, 3, false],
    ['3 → 5 (was not low)', 3, 5, false],
    ['1 → removed', 1, null, true],
    ['3 → removed (was not low)', 3, null, false],
    ['1 → 1 (set again, no raise)', 1, 1, false],
  ] as const)('%s: fires %s', (_, from, to, fires) => {
    const rating = ratingWith([[from, BEFORE], [to, hoursAfter(5)]]);
    expect(run([rating])).toHaveLength(fires ? 1 : 0);
  });

  it.each([
    ['1 ms after the message', 1, true],
    ['71 h 59 min 59.999 s after', 72 * HOUR - 1, true],
    ['exactly 72 h after (the window is half-open)', 72 * HOUR, false],
    ['72 h and 1 ms after', 72 * HOUR + 1, false],
    ['in the same millisecond as the message (not after it)', 0, false],
    ['before the message', -HOUR, false],
  ])('a raise %s: fires %s', (_, offset, fires) => {
    const rating = ratingWith([[1, BEFORE], [5, msAfter(offset)]]);
    expect(run([rating])).toHaveLength(fires ? 1 : 0);
  });

  it.each([
    ['a message from the customer', makeMessage('hello', { fromRole: 'customer', sentAt: T0 })],
    ['a message from another designer', makeMessage('hello', { designerId: 'd2', sentAt: T0 })],
    ['a message to another customer', makeMessage('hello', { customerId: 'c2', sentAt: T0 })],
  ])('does not fire after %s', (_, message) => {
    const rating = ratingWith([[1, BEFORE], [5, hoursAfter(2)]]);
    expect(run([rating], [message])).toEqual([]);
  });

  it('reads the level at the message: 1 → (message) → 2 → 3 is a raise of 2, reported at the 3', () => {
    const rating = ratingWith([[1, BEFORE], [2, hoursAfter(1)], [3, hoursAfter(2)]]);
    const hits = run([rating]);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.at).toBe(hoursAfter(2));
    expect(hits[0]?.evidence.items.at(-1)?.detail).toMatch(/^raised from 1 to 3 stars/);
  });

  it('does not fire when the rating was already 2 at the message and then rose by 1', () => {
    const rating = ratingWith([[1, BEFORE], [2, hoursAfter(-1)], [3, hoursAfter(2)]]);
    expect(run([rating])).toEqual([]);
  });

  it('counts one message once per rating: a raise and a later removal after it are one hit', () => {
    const rating = ratingWith([[1, BEFORE], [4, hoursAfter(2)], [null, hoursAfter(3)]]);
    expect(run([rating])).toHaveLength(1);
  });

  it('names the latest qualifying message when several precede the raise', () => {
    const early = makeMessage('first', { id: 'm-early', sentAt: hoursAfter(-10) });
    const late = makeMessage('second', { id: 'm-late', sentAt: hoursAfter(-1) });
    const rating = ratingWith([[1, BEFORE], [5, T0]]);
    const hits = run([rating], [late, early]);
    expect(hits.map((h) => h.evidence.items.find((i) => i.kind === 'message')?.id)).toEqual(['m-late']);
  });

  it('reports two episodes (lowered again, then raised after a new message) as two hits', () => {
    const second = makeMessage('again', { id: 'm-2', sentAt: daysAfter(10) });
    const rating = ratingWith([[1, BEFORE], [5, hoursAfter(5)], [1, daysAfter(9)], [5, daysAfter(10.5)]]);
    expect(run([rating], [contact, second]).map((h) => h.at)).toEqual([hoursAfter(5), daysAfter(10.5)]);
  });

  it('ignores changes and messages after asOf', () => {
    const rating = ratingWith([[1, BEFORE], [5, hoursAfter(20)]]);
    expect(run([rating], [contact], hoursAfter(20) )).toHaveLength(1);
    expect(run([rating], [contact], msAfter(20 * HOUR - 1))).toEqual([]);
    const lateMessage = makeMessage('hi', { sentAt: hoursAfter(1) });
    expect(run([ratingWith([[1, BEFORE], [5, hoursAfter(2)]])], [lateMessage], msAfter(HOUR - 1))).toEqual([]);
  });

  it('does not fire for a rating that never changed', () => {
    expect(run([makeRating(5, { at: hoursAfter(2) })])).toEqual([]);
  });

  it('still reads a voided rating: voiding stops it counting in R1, not what happened', () => {
    const rating = ratingWith([[1, BEFORE], [5, hoursAfter(20)]], { voidedAt: daysAfter(5) });
    expect(run([rating])).toHaveLength(1);
  });
});

describe('new_account_burst', () => {
  const youngAt = (ratingAt: string, ageMs: number) => msAfter(-ageMs, ratingAt);

  /** n five-star ratings for d1 from n customers, the i-th at `times[i]`, each account `ageMs` old then. */
  function burst(times: readonly string[], ageMs = 2 * DAY, designerId = 'd1') {
    const customers = times.map((t, i) => makeCustomer({ id: `new${i}`, createdAt: youngAt(t, ageMs) }));
    const ratings = times.map((t, i) => makeRating(5, { id: `rb${i}`, customerId: `new${i}`, designerId, at: t }));
    return { customers, ratings };
  }
  const hourly = (n: number) => Array.from({ length: n }, (_, i) => hoursAfter(i));

  it('fires on five five-star ratings within a day from week-old accounts, with no customer on the hit', () => {
    const input = burst(hourly(5));
    const [hit, ...rest] = newAccountBurst(facts(input), { asOf: LATER }, DEFAULT_POLICY);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ detector: 'new_account_burst', designerId: 'd1', at: hoursAfter(4), score: 75 });
    expect(hit).not.toHaveProperty('customerId');
    const items = hit?.evidence.items ?? [];
    expect(items.filter((i) => i.kind === 'rating').map((i) => i.id)).toEqual(['rb0', 'rb1', 'rb2', 'rb3', 'rb4']);
    expect(items.filter((i) => i.kind === 'account').map((i) => i.id)).toEqual(['new0', 'new1', 'new2', 'new3', 'new4']);
    expect(items.map((i) => Date.parse(i.at))).toEqual([...items.map((i) => Date.parse(i.at))].sort((a, b) => a - b));
    expect(hit?.evidence.summary).toBe('Designer d1 received 5 five-star ratings within 4 h from 5 customer accounts younger than 7 days.');
  });

  it.each([
    [4, false],
    [5, true],
    [6, true],
  ])('%i ratings: fires %s', (n, fires) => {
    expect(newAccountBurst(facts(burst(hourly(n))), { asOf: LATER }, DEFAULT_POLICY)).toHaveLength(fires ? 1 : 0);
  });

  it.each([
    ['the fifth 24 h minus 1 ms after the first', 24 * HOUR - 1, true],
    ['the fifth exactly 24 h after the first (half-open window)', 24 * HOUR, false],
  ])('%s: fires %s', (_, lastOffset, fires) => {
    const times = [T0, hoursAfter(1), hoursAfter(2), hoursAfter(3), msAfter(lastOffset)];
    expect(newAccountBurst(facts(burst(times)), { asOf: LATER }, DEFAULT_POLICY)).toHaveLength(fires ? 1 : 0);
  });

  it.each([
    ['7 days minus 1 ms old', 7 * DAY - 1, true],
    ['exactly 7 days old (no longer younger than 7 days)', 7 * DAY, false],
    ['a month old', 30 * DAY, false],
  ])('accounts %s: fires %s', (_, ageMs, fires) => {
    expect(newAccountBurst(facts(burst(hourly(5), ageMs)), { asOf: LATER }, DEFAULT_POLICY)).toHaveLength(fires ? 1 : 0);
  });

  it('needs one designer: five ratings spread over two designers do not fire', () => {
    const a = burst(hourly(3), 2 * DAY, 'd1');
    const b = burst(hourly(2), 2 * DAY, 'd2');
    const input = {
      customers: [...a.customers, ...b.customers.map((c) => ({ ...c, id: `${c.id}b` }))],
      ratings: [...a.ratings, ...b.ratings.map((r) => ({ ...r, id: `${r.id}b`, customerId: `${r.customerId}b` }))],
    };
    expect(newAccountBurst(facts(input), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
  });

  it('counts only five stars, and a rating raised to five when it was raised', () => {
    const input = burst(hourly(5));
    const fourStars = { ...input, ratings: input.ratings.map((r, i) => (i === 0 ? { ...r, stars: 4, history: [{ stars: 4, at: r.history[0]?.at ?? T0 }] } : r)) };
    expect(newAccountBurst(facts(fourStars), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
    const raised = {
      ...input,
      ratings: input.ratings.map((r, i) => (i === 0 ? { ...r, history: [{ stars: 3, at: daysAfter(-1) }, { stars: 5, at: T0 }] } : r)),
    };
    expect(newAccountBurst(facts(raised), { asOf: LATER }, DEFAULT_POLICY)).toHaveLength(1);
  });

  it('leaves out ratings after asOf and customers it does not know', () => {
    const input = burst(hourly(5));
    expect(newAccountBurst(facts(input), { asOf: hoursAfter(4) }, DEFAULT_POLICY)).toHaveLength(1);
    expect(newAccountBurst(facts(input), { asOf: msAfter(4 * HOUR - 1) }, DEFAULT_POLICY)).toEqual([]);
    expect(newAccountBurst(facts({ ...input, customers: input.customers.slice(1) }), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
  });

  it('merges overlapping windows into one hit and keeps separate bursts apart', () => {
    const steady = burst(Array.from({ length: 8 }, (_, i) => hoursAfter(i * 4)));
    const hits = newAccountBurst(facts(steady), { asOf: LATER }, DEFAULT_POLICY);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.evidence.items.filter((i) => i.kind === 'rating')).toHaveLength(8);

    const twice = burst([...hourly(5), ...hourly(5).map((t) => daysAfter(3, t))]);
    expect(newAccountBurst(facts(twice), { asOf: LATER }, DEFAULT_POLICY).map((h) => h.at)).toEqual([
      hoursAfter(4),
      daysAfter(3, hoursAfter(4)),
    ]);
  });

  it('counts ratings, not customers: one new account rating five designs in a day fires', () => {
    const customer = makeCustomer({ id: 'solo', createdAt: daysAfter(-1) });
    const ratings = hourly(5).map((t) => makeRating(5, { customerId: 'solo', at: t }));
    const hits = newAccountBurst(facts({ customers: [customer], ratings }), { asOf: LATER }, DEFAULT_POLICY);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.evidence.summary).toContain('from one customer account');
  });

  it('follows the policy', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      detectors: { ...DEFAULT_POLICY.detectors, newAccountBurst: { minRatings: 3, withinHours: 3, maxAccountAgeDays: 1, score: 40 } },
    };
    const input = burst(hourly(3), 12 * HOUR);
    expect(newAccountBurst(facts(input), { asOf: LATER }, policy).map((h) => h.score)).toEqual([40]);
    expect(newAccountBurst(facts(input), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
  });
});

describe('single_designer_rater', () => {
  /** Ratings by customer c9: [designer, stars, project, category?]. */
  function ratingsOf(rows: readonly (readonly [string, number, string, string?])[]) {
    const ratings = rows.map(([designerId, stars, project, category = 'logo'], i) =>
      makeRating(stars, {
        id: `rs${i}`,
        submissionId: `s-${project}-${i}`,
        customerId: 'c9',
        designerId,
        category: category === 'web' ? 'web' : category === 'print' ? 'print' : 'logo',
        at: daysAfter(i),
      }),
    );
    const submissions = ratings.map((r) => ({ id: r.submissionId, projectId: r.submissionId.split('-')[1] ?? '' }));
    return { ratings, submissions };
  }
  const pattern = [
    ['d1', 5, 'p1'],
    ['d2', 1, 'p1'],
    ['d1', 5, 'p2'],
    ['d3', 2, 'p2'],
    ['d4', 1, 'p3'],
  ] as const;

  it('fires for five ratings over three projects, five stars to d1 only and at most 2 to the rest', () => {
    const [hit, ...rest] = singleDesignerRater(facts(ratingsOf(pattern)), { asOf: LATER }, DEFAULT_POLICY);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ detector: 'single_designer_rater', designerId: 'd1', customerId: 'c9', at: daysAfter(4), score: 55 });
    expect(hit?.evidence.items.map((i) => i.id)).toEqual(['rs0', 'rs1', 'rs2', 'rs3', 'rs4']);
    expect(hit?.evidence.items[1]?.detail).toBe('1 star to another designer (project p1)');
    expect(hit?.evidence.summary).toBe(
      "Customer c9's 5 ratings over 3 projects give 5 stars only to designer d1 (rated 2 times) and at most 2 stars to each of the 3 other designers rated.",
    );
  });

  it.each([
    ['four ratings', pattern.slice(0, 4)],
    ['two projects', pattern.map(([d, s, p]) => [d, s, p === 'p3' ? 'p2' : p] as const)],
    ['five stars to two designers', pattern.map(([d, s, p]) => (d === 'd4' ? (['d4', 5, p] as const) : ([d, s, p] as const)))],
    ['3 stars to another designer', pattern.map(([d, s, p]) => (d === 'd3' ? (['d3', 3, p] as const) : ([d, s, p] as const)))],
    ['no five stars at all', pattern.map(([d, s, p]) => (d === 'd1' ? ([d, 4, p] as const) : ([d, s, p] as const)))],
    ['no other designer rated', pattern.map(([, , p]) => ['d1', 5, p] as const)],
  ])('does not fire with %s', (_, rows) => {
    expect(singleDesignerRater(facts(ratingsOf(rows)), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
  });

  it('fires when the designer also gets a 4 from the customer (five stars still go to d1 only)', () => {
    const rows = [...pattern, ['d1', 4, 'p3']] as const;
    expect(singleDesignerRater(facts(ratingsOf(rows)), { asOf: LATER }, DEFAULT_POLICY)).toHaveLength(1);
  });

  it('without the submissions lookup, counts projects by category only (a lower bound)', () => {
    const { ratings } = ratingsOf(pattern);
    expect(singleDesignerRater(facts({ ratings }), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
    const threeCategories = ratingsOf(pattern.map(([d, s, p]) => [d, s, p, p === 'p1' ? 'logo' : p === 'p2' ? 'web' : 'print'] as const));
    const [hit] = singleDesignerRater(facts({ ratings: threeCategories.ratings }), { asOf: LATER }, DEFAULT_POLICY);
    expect(hit?.evidence.summary).toContain('over at least 3 projects');
  });

  it('reads ratings as they stand at asOf: removed ones and later changes do not count', () => {
    const { ratings, submissions } = ratingsOf(pattern);
    const removed = ratings.map((r, i) => (i === 4 ? { ...r, stars: null, history: [...r.history, { stars: null, at: daysAfter(6) }] } : r));
    expect(singleDesignerRater(facts({ ratings: removed, submissions }), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
    expect(singleDesignerRater(facts({ ratings: removed, submissions }), { asOf: daysAfter(5) }, DEFAULT_POLICY)).toHaveLength(1);
    expect(singleDesignerRater(facts({ ratings, submissions }), { asOf: msAfter(4 * DAY - 1) }, DEFAULT_POLICY)).toEqual([]);
  });
});
