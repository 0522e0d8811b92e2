// RULES.md R9 (feedback change: once per contract, 14 days) and R10 (interim feedback after 30 days).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  feedbackChangeCheck,
  feedbackChangeEnableCheck,
  interimFeedbackRequestCheck,
} from '../../core/feedback-change';
import { positiveFeedbackScore } from '../../core/feedback';
import { DEFAULT_POLICY, type Policy } from '../../core/policy';
import { DAY_MS, toIso, toMs } from '../../core/time';
import { T0, makeContract, makeReview } from './builders';

/** T0 (the contract's close) + n days + ms. */
const day = (n: number, ms = 0) => toIso(toMs(T0) + n * DAY_MS + ms);

describe('feedbackChangeEnableCheck (R9)', () => {
  const clientFinal = makeReview({ authorRole: 'client', kind: 'final', overall: 3, postedAt: day(1) });

  it.each([
    ['contract open', { contract: makeContract({ closedAt: undefined }) }, 'contract_open'],
    ['contract closes after `at`', { contract: makeContract({ closedAt: day(5) }), at: day(4) }, 'contract_open'],
    ['already enabled once', { contract: makeContract({ feedbackChangeEnabledAt: day(2) }) }, 'already_enabled'],
    ['no review at all', { reviews: [] }, 'no_feedback'],
    ['only the designer’s review of the client', { reviews: [makeReview({ authorRole: 'designer', postedAt: day(1) })] }, 'no_feedback'],
    ['only interim feedback', { reviews: [makeReview({ kind: 'interim', postedAt: day(-20) })] }, 'no_feedback'],
    ['the client review is posted after `at`', { reviews: [makeReview({ postedAt: day(4) })] }, 'no_feedback'],
    ['the client review was voided', { reviews: [makeReview({ postedAt: day(1), voidedAt: day(2) })] }, 'no_feedback'],
    ['the client review is on another contract', { reviews: [makeReview({ contractId: 'k2', postedAt: day(1) })] }, 'no_feedback'],
  ] as const)('%s → refused %s', (_, overrides, reason) => {
    const verdict = feedbackChangeEnableCheck({ contract: makeContract(), reviews: [clientFinal], at: day(3), ...overrides });
    expect(verdict).toMatchObject({ allowed: false, reason, policyVersion: DEFAULT_POLICY.version });
  });

  it('allows the first enabling, with the client’s deadline 14 days later', () => {
    const verdict = feedbackChangeEnableCheck({ contract: makeContract(), reviews: [clientFinal], at: day(3) });
    expect(verdict).toMatchObject({ allowed: true, deadline: day(17) });
    expect(verdict.explanation).toBe(
      'The designer may enable a feedback change (once per contract); the client could then change its feedback until 19 November 2026, 10:00 UTC. The enabling is recorded as evidence for manipulation review.',
    );
  });

  it('reads an enabling recorded after `at` as not yet happened (replay)', () => {
    const contract = makeContract({ feedbackChangeEnabledAt: day(5) });
    expect(feedbackChangeEnableCheck({ contract, reviews: [clientFinal], at: day(3) }).allowed).toBe(true);
    expect(feedbackChangeEnableCheck({ contract, reviews: [clientFinal], at: day(5) }).reason).toBe('already_enabled');
  });

  it('honours a maxPerContract above 1 when the caller counts enablings', () => {
    const policy: Policy = { ...DEFAULT_POLICY, feedbackChange: { windowDays: 14, maxPerContract: 2 } };
    const contract = makeContract({ feedbackChangeEnabledAt: day(2) });
    expect(feedbackChangeEnableCheck({ contract, reviews: [clientFinal], at: day(3), timesEnabled: 1 }, policy).allowed).toBe(true);
    expect(feedbackChangeEnableCheck({ contract, reviews: [clientFinal], at: day(3), timesEnabled: 2 }, policy).reason).toBe('already_enabled');
    expect(feedbackChangeEnableCheck({ contract, reviews: [clientFinal], at: day(3) }).reason).toBe('already_enabled');
  });
});

describe('feedbackChangeCheck (R9: 14 days from enabling, half-open)', () => {
  const enabledAt = day(3);
  const enabled = makeContract({ feedbackChangeEnabledAt: enabledAt });

  it.each([
    ['never enabled', makeContract(), day(4), 'not_enabled'],
    ['before the enabling', enabled, day(3, -1), 'not_enabled'],
    ['exactly 14 days after enabling', enabled, day(17), 'window_closed'],
    ['a month later', enabled, day(40), 'window_closed'],
  ] as const)('%s → refused %s', (_, contract, at, reason) => {
    expect(feedbackChangeCheck({ contract, at })).toMatchObject({ allowed: false, reason });
  });

  it.each([
    ['at the enabling', enabledAt],
    ['a week later', day(10)],
    ['1 ms before the 14 days', day(17, -1)],
  ])('%s → allowed until 14 days after enabling', (_, at) => {
    expect(feedbackChangeCheck({ contract: enabled, at })).toMatchObject({ allowed: true, deadline: day(17) });
  });

  it('explains a late change with both dates', () => {
    expect(feedbackChangeCheck({ contract: enabled, at: day(17) }).explanation).toBe(
      'Feedback cannot be changed: the change enabled on 5 November 2026, 10:00 UTC was open for 14 days, until 19 November 2026, 10:00 UTC.',
    );
  });

  it('allows exactly the times in [enabledAt, enabledAt + 14 days)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * DAY_MS, max: 20 * DAY_MS }), (offset) => {
        const verdict = feedbackChangeCheck({ contract: enabled, at: toIso(toMs(enabledAt) + offset) });
        expect(verdict.allowed).toBe(offset >= 0 && offset < 14 * DAY_MS);
      }),
    );
  });
});

describe('interimFeedbackRequestCheck (R10: open 30 days or more)', () => {
  const startedAt = '2026-09-01T09:00:00.000Z';
  const runningContract = makeContract({ startedAt, closedAt: undefined });
  const after = (days: number, ms = 0) => toIso(toMs(startedAt) + days * DAY_MS + ms);

  it.each([
    ['exactly 30 days', after(30)],
    ['45 days', after(45)],
  ])('%s open → allowed', (_, at) => {
    expect(interimFeedbackRequestCheck({ contract: runningContract, at })).toMatchObject({ allowed: true, policyVersion: DEFAULT_POLICY.version });
  });

  it('1 ms before 30 days → too young, with the day it becomes possible', () => {
    const verdict = interimFeedbackRequestCheck({ contract: runningContract, at: after(30, -1) });
    expect(verdict).toMatchObject({ allowed: false, reason: 'contract_too_young', allowedFrom: after(30) });
    expect(verdict.explanation).toBe(
      'No interim feedback yet: the contract has been open 29 days of the 30 days required; it may be requested from 1 October 2026, 09:00 UTC.',
    );
  });

  it('a closed contract takes final feedback instead', () => {
    const contract = makeContract({ startedAt, closedAt: after(40) });
    expect(interimFeedbackRequestCheck({ contract, at: after(50) })).toMatchObject({ allowed: false, reason: 'contract_closed' });
    // Before its recorded closing it was still open.
    expect(interimFeedbackRequestCheck({ contract, at: after(35) }).allowed).toBe(true);
    expect(interimFeedbackRequestCheck({ contract, at: after(40) }).reason).toBe('contract_closed');
  });

  it('interim feedback never counts toward the positive feedback score', () => {
    const interim = makeReview({ kind: 'interim', overall: 1, text: 'Slow so far' });
    const final = makeReview({ kind: 'final', overall: 5, text: 'Excellent work' });
    expect(positiveFeedbackScore([interim, final])).toBe(100);
    expect(positiveFeedbackScore([interim])).toBeNull();
  });
});
