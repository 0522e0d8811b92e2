import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, DETECTORS, type Message, type Policy, type Rating, type Report } from '../../../core';
import {
  combineScores,
  detectHits,
  detectManipulation,
  detectorTitle,
  DETECTORS_BY_NAME,
  type DetectionFacts,
} from '../../../core/manipulation';
import { makeContract, makeCustomer, makeMessage, makeRating, makeReport, makeReview } from '../builders';
import { daysAfter, facts, hoursAfter, LATER, ratingWith, T0 } from './helpers';

/** One case per behaviour detector, each on its own designer, plus a pressured customer. */
function scenario(): DetectionFacts {
  // d1 → c1: asks for five stars, the 1-star rating goes to 5 the next day, the customer reports it.
  const pressure = makeMessage('Please give me 5 stars, it would really help me.', { id: 'm-press', designerId: 'd1', customerId: 'c1', sentAt: T0 });
  const raised = ratingWith([[1, daysAfter(-5)], [5, hoursAfter(20)]], { id: 'r-raised', designerId: 'd1', customerId: 'c1' });
  const report = makeReport({ id: 'rep-1', designerId: 'd1', customerId: 'c1', createdAt: daysAfter(2) });

  // d2: five new accounts give five stars within five hours.
  const newcomers = Array.from({ length: 5 }, (_, i) => makeCustomer({ id: `new${i}`, createdAt: daysAfter(-1) }));
  const burst = newcomers.map((c, i) => makeRating(5, { id: `r-burst${i}`, designerId: 'd2', customerId: c.id, at: hoursAfter(i) }));

  // d3: customer c9 gives five stars to d3 only, and 1–2 stars to everyone else, over three projects.
  const rows = [['d3', 5, 'p1'], ['d6', 1, 'p1'], ['d3', 5, 'p2'], ['d7', 2, 'p2'], ['d8', 1, 'p3']] as const;
  const single = rows.map(([designerId, stars, project], i) =>
    makeRating(stars, { id: `r-single${i}`, submissionId: `s-${project}-${i}`, designerId, customerId: 'c9', at: daysAfter(i) }),
  );
  const submissions = rows.map(([, , project], i) => ({ id: `s-${project}-${i}`, projectId: project }));

  // d4: feedback change enabled three times in three weeks, each after 3–4 stars.
  const changes = [0, 7, 14].map((day, i) => ({
    contract: makeContract({ id: `kc${i}`, designerId: 'd4', customerId: `cc${i}`, feedbackChangeEnabledAt: daysAfter(day) }),
    review: makeReview({ id: `vc${i}`, contractId: `kc${i}`, overall: 3 + (i % 2), text: `Review number ${i} with its own words ${i * 7}`, postedAt: daysAfter(day - 1) }),
  }));

  // d5: three customers post the same review.
  const template = 'Outstanding designer, delivered every file on time and listened to all our feedback.';
  const copies = [1, 2, 3].map((i) => ({
    contract: makeContract({ id: `kd${i}`, designerId: 'd5', customerId: `cd${i}` }),
    review: makeReview({ id: `vd${i}`, contractId: `kd${i}`, text: template, postedAt: daysAfter(i) }),
  }));

  return facts({
    customers: newcomers,
    messages: [pressure],
    ratings: [raised, ...burst, ...single],
    reports: [report],
    contracts: [...changes, ...copies].map((x) => x.contract),
    reviews: [...changes, ...copies].map((x) => x.review),
    submissions,
  });
}

describe('DETECTORS_BY_NAME', () => {
  it('has every wire detector name, each with a distinct title and a detector', () => {
    expect(Object.keys(DETECTORS_BY_NAME).sort()).toEqual([...DETECTORS].sort());
    const titles = DETECTORS.map((name) => detectorTitle(name));
    expect(new Set(titles).size).toBe(DETECTORS.length);
    for (const name of DETECTORS) {
      expect(DETECTORS_BY_NAME[name].title.length).toBeGreaterThan(5);
      expect(DETECTORS_BY_NAME[name].detect(facts(), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
    }
  });

  it('every hit a detector returns carries its own name', () => {
    const input = scenario();
    for (const name of DETECTORS) {
      for (const hit of DETECTORS_BY_NAME[name].detect(input, { asOf: LATER }, DEFAULT_POLICY)) expect(hit.detector).toBe(name);
    }
  });
});

describe('detectManipulation', () => {
  it('runs every detector and joins the hits into flags, by score', () => {
    const flags = detectManipulation(scenario(), { asOf: LATER });
    expect(flags.every((f) => f.policyVersion === DEFAULT_POLICY.version)).toBe(true);
    expect(flags.map((f) => [f.designerId, f.customerId ?? null, f.hits.map((h) => h.detector)])).toEqual([
      ['d1', 'c1', ['pressure_message', 'rating_raised_after_contact', 'customer_report']],
      ['d2', null, ['new_account_burst']],
      ['d5', null, ['duplicate_review_text']],
      ['d3', 'c9', ['single_designer_rater']],
      ['d4', null, ['feedback_change_pattern']],
    ]);
    const [pressured] = flags;
    expect(pressured?.explanation).toBe(
      'Score 94 from 3 hits: customer report (70), pressure for a rating or review (60), low rating raised or removed after the designer’s message (50).',
    );
    expect(pressured?.score).toBeCloseTo(combineScores([60, 50, 70]), 10);
    expect(pressured?.score).toBeCloseTo(94, 10);
    expect(pressured).toMatchObject({ firstAt: T0, lastAt: daysAfter(2), policyVersion: DEFAULT_POLICY.version });
    const ids = pressured?.hits.flatMap((h) => h.evidence.items.map((i) => `${i.kind}:${i.id}`));
    expect(ids).toEqual(expect.arrayContaining(['message:m-press', 'rating:r-raised', 'rating_change:r-raised', 'report:rep-1']));
  });

  it('sees nothing before the facts happened, and each behaviour once its last fact is in', () => {
    expect(detectManipulation(scenario(), { asOf: daysAfter(-30) })).toEqual([]);
    const early = detectManipulation(scenario(), { asOf: hoursAfter(19) });
    // Only the message has happened to d1 by then; the raise comes at 20 h.
    expect(early.filter((f) => f.designerId === 'd1').flatMap((f) => f.hits.map((h) => h.detector))).toEqual(['pressure_message']);
  });

  it('names the policy it ran under and follows its thresholds', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      version: 'strict-1',
      detectors: { ...DEFAULT_POLICY.detectors, newAccountBurst: { ...DEFAULT_POLICY.detectors.newAccountBurst, minRatings: 6 } },
    };
    const flags = detectManipulation(scenario(), { asOf: LATER }, policy);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((f) => f.policyVersion === 'strict-1')).toBe(true);
    expect(flags.some((f) => f.designerId === 'd2')).toBe(false);
  });

  it('gives the same flags for the same facts in any order (property)', () => {
    const base = scenario();
    const shuffled = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
    const expected = detectManipulation(base, { asOf: LATER });
    fc.assert(
      fc.property(
        fc.record({
          customers: shuffled(base.customers),
          messages: shuffled(base.messages),
          ratings: shuffled(base.ratings),
          reviews: shuffled(base.reviews),
          reports: shuffled(base.reports),
          contracts: shuffled(base.contracts),
          submissions: shuffled(base.submissions ?? []),
        }),
        (parts) => {
          expect(detectManipulation({ ...base, ...parts }, { asOf: LATER })).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is not moved by anything recorded after asOf (property)', () => {
    const asOf = daysAfter(30);
    const base = scenario();
    const expected = detectManipulation(base, { asOf });
    const later = fc.integer({ min: 1, max: 40 * 24 }).map((h) => hoursAfter(h, asOf));
    const body = fc.constantFrom('Please give me 5 stars.', 'Change your rating and I will refund you.', 'Files attached.');
    const future = fc.record({
      messages: fc.array(fc.tuple(body, later, fc.constantFrom('d1', 'd2', 'd3'), fc.constantFrom('c1', 'c9', 'new0')), { maxLength: 6 }),
      ratings: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), later, fc.constantFrom('d1', 'd2', 'd3'), fc.constantFrom('c1', 'c9', 'new0', 'new1')), { maxLength: 12 }),
      reports: fc.array(fc.tuple(later, fc.constantFrom('d1', 'd4')), { maxLength: 3 }),
      bumps: fc.array(fc.tuple(fc.nat({ max: 20 }), fc.constantFrom(null, 1, 5), later), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(future, ({ messages, ratings, reports, bumps }) => {
        const extraMessages: Message[] = messages.map(([text, sentAt, designerId, customerId], i) => makeMessage(text, { id: `fm${i}`, sentAt, designerId, customerId }));
        const extraRatings: Rating[] = ratings.map(([stars, at, designerId, customerId], i) => makeRating(stars, { id: `fr${i}`, at, designerId, customerId }));
        const extraReports: Report[] = reports.map(([createdAt, designerId], i) => makeReport({ id: `frep${i}`, createdAt, designerId }));
        // Later changes to ratings that already exist, appended to their history in time order.
        const bumped = base.ratings.map((r, i) => {
          const mine = bumps.filter(([index]) => index % base.ratings.length === i).map(([, stars, at]) => ({ stars, at })).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
          return mine.length === 0 ? r : { ...r, history: [...r.history, ...mine] };
        });
        const withFuture: DetectionFacts = {
          ...base,
          messages: [...base.messages, ...extraMessages],
          ratings: [...bumped, ...extraRatings],
          reports: [...base.reports, ...extraReports],
        };
        expect(detectManipulation(withFuture, { asOf })).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('detectHits gives the hits the flags are made of, every one at or before asOf', () => {
    const asOf = daysAfter(1);
    const hits = detectHits(scenario(), { asOf });
    expect(hits.length).toBe(detectManipulation(scenario(), { asOf }).reduce((n, f) => n + f.hits.length, 0));
    for (const hit of hits) expect(Date.parse(hit.at)).toBeLessThanOrEqual(Date.parse(asOf));
  });
});
