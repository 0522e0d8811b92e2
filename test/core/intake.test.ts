import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, approvalOutcome, intakeSubmission, reviewSla } from '../../core';
import { makeDesigner, makeProject, makeRating, makeRatings, makeSubmission } from './builders';

// The fixture project: a 3-day logo contest launched 2026-11-02 10:00, launch window 7.2 h,
// so its launch period ends at 17:12.
const WINDOW_END = '2026-11-02T17:12:00.000Z';
const LOW = makeRatings([1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]); // 30 / 13 = 2.31
const at = (iso: string) => makeSubmission({ submittedAt: iso });

describe('R3 low-rating hold', () => {
  it('holds a low-rated designer during the launch window until it ends, explaining why', () => {
    const verdict = intakeSubmission({ submission: at('2026-11-02T15:07:00.000Z'), project: makeProject(), designer: makeDesigner(), ratings: LOW });
    expect(verdict).toMatchObject({ status: 'held', holdReason: 'held_low_rating', releaseAt: WINDOW_END, policyVersion: DEFAULT_POLICY.version });
    expect(verdict.explanation).toBe(
      'Held: logo rating 2.31 over 13 rated designs is below 2.5; the launch window of this 3-day contest ends 17:12 UTC, 2 h 05 min after it arrived.',
    );
  });

  // The order of RULES.md R3: the first rule that applies is the reason.
  it.each([
    ['revision_exempt', { kind: 'customer_revision' as const }, LOW],
    ['launch_period_over', { submittedAt: WINDOW_END }, LOW],
    ['unrated', {}, []],
    ['unrated', {}, makeRatings([1], { category: 'web' })],
    ['rating_ok', {}, makeRatings([2, 3])], // exactly 2.50 is not below
    ['rating_ok', {}, makeRatings([5, 5, 1])],
    ['held_low_rating', {}, makeRatings([2, 3, 2])],
    ['held_low_rating', { submittedAt: '2026-11-02T17:11:59.999Z' }, LOW], // last millisecond of the window
  ])('%s', (reason, submission, ratings) => {
    const verdict = intakeSubmission({ submission: makeSubmission(submission), project: makeProject(), designer: makeDesigner(), ratings });
    expect(verdict.reason).toBe(reason);
    expect(verdict.holdReason).toBe(reason);
    expect(verdict.status).toBe(reason === 'held_low_rating' ? 'held' : 'visible');
    expect(verdict.explanation.length).toBeGreaterThan(20);
  });

  it('uses the rating as of the submission time, not later changes', () => {
    const raisedLater = makeRating(5, { at: '2026-11-02T16:00:00.000Z' });
    const verdict = intakeSubmission({ submission: at('2026-11-02T12:00:00.000Z'), project: makeProject(), designer: makeDesigner(), ratings: [...makeRatings([1, 2]), raisedLater] });
    expect(verdict.status).toBe('held');
  });

  it('accepts a precomputed rating instead of the list', () => {
    const verdict = intakeSubmission({ submission: at('2026-11-02T12:00:00.000Z'), project: makeProject(), designer: makeDesigner(), ratings: { average: 2.49, sum: 249, count: 100 } });
    expect(verdict.reason).toBe('held_low_rating');
  });

  it('never holds longer than 24 hours, even for a long project', () => {
    const project = makeProject({ endsAt: '2026-11-30T10:00:00.000Z' });
    const verdict = intakeSubmission({ submission: at('2026-11-02T10:00:00.000Z'), project, designer: makeDesigner(), ratings: LOW });
    expect(verdict.releaseAt).toBe('2026-11-03T10:00:00.000Z');
  });
});

describe('R4 unverified designers', () => {
  it.each(['unverified', 'revoked'] as const)('a %s designer waits for review, due 48 h later, even for a revision', (verification) => {
    for (const kind of ['original', 'customer_revision'] as const) {
      const verdict = intakeSubmission({ submission: makeSubmission({ kind, submittedAt: '2026-11-02T11:00:00.000Z' }), project: makeProject(), designer: makeDesigner({ verification }), ratings: LOW });
      expect(verdict).toMatchObject({ status: 'pending_review', reason: 'unverified_review', reviewDueAt: '2026-11-04T11:00:00.000Z' });
      expect(verdict.holdReason).toBeUndefined();
      expect(verdict.explanation).toContain('4 November 11:00 UTC');
    }
  });

  it('refuses a submission to a project that is not open', () => {
    for (const project of [makeProject({ status: 'closed' }), makeProject({ status: 'cancelled' })]) {
      expect(intakeSubmission({ submission: at('2026-11-02T11:00:00.000Z'), project, designer: makeDesigner(), ratings: [] }).status).toBe('expired');
    }
    const afterEnd = intakeSubmission({ submission: at('2026-11-05T10:00:00.000Z'), project: makeProject(), designer: makeDesigner(), ratings: [] });
    expect(afterEnd.reason).toBe('project_not_open');
  });

  describe('the SLA clock', () => {
    const submitted = '2026-11-02T11:00:00.000Z';
    const plus = (ms: number) => new Date(Date.parse(submitted) + ms).toISOString();
    it.each([
      [0, 'on_time'],
      [36 * HOUR_MS - 1, 'on_time'],
      [36 * HOUR_MS, 'due_soon'],
      [48 * HOUR_MS, 'due_soon'], // at reviewDueAt exactly: not yet overdue
      [48 * HOUR_MS + 1, 'overdue'],
    ])('%i ms after submission → %s', (ms, sla) => {
      expect(reviewSla(submitted, plus(ms))).toBe(sla);
    });
  });

  describe('approval', () => {
    const project = makeProject();
    it.each([
      ['2026-11-02T12:00:00.000Z', 'scheduled', WINDOW_END],
      ['2026-11-02T17:11:59.999Z', 'scheduled', WINDOW_END],
      [WINDOW_END, 'visible', undefined],
      ['2026-11-05T09:59:59.999Z', 'visible', undefined],
      ['2026-11-05T10:00:00.000Z', 'expired', undefined],
    ])('at %s → %s', (approvedAt, status, releaseAt) => {
      const outcome = approvalOutcome({ project, approvedAt });
      expect(outcome.status).toBe(status);
      expect(outcome.releaseAt).toBe(releaseAt);
      expect(outcome.policyVersion).toBe(DEFAULT_POLICY.version);
    });

    it.each(['closed', 'cancelled'] as const)('of a %s project expires', (status) => {
      expect(approvalOutcome({ project: makeProject({ status }), approvedAt: '2026-11-02T12:00:00.000Z' }).status).toBe('expired');
    });
  });
});
