import { describe, expect, it } from 'vitest';
import { auditRecords, intakeSubmission, type Submission } from '../../core';
import { makeDesigner, makeProject, makeRatings, makeSubmission } from './builders';

const period = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' };
const low = makeRatings([1, 2, 2]);
const project = makeProject();

/** Drops the milliseconds: "2026-11-02T17:12:00.000Z" → "2026-11-02T17:12:00Z", the same instant. */
const withoutMs = (iso: string) => iso.replace('.000Z', 'Z');

describe('review: R13 audit compares times as instants', () => {
  it('takes a release time and a review deadline written without milliseconds as the same instants', () => {
    // SYNC-API times are ISO 8601 UTC with Z; a backend may leave out ".000".
    const held = makeSubmission({ id: 's1', submittedAt: '2026-11-02T11:00:00Z' });
    const heldVerdict = intakeSubmission({ submission: held, project, designer: makeDesigner(), ratings: low });
    expect(heldVerdict.status).toBe('held');
    const waiting = makeSubmission({ id: 's2', designerId: 'd2', submittedAt: '2026-11-02T12:00:00Z' });
    const waitingVerdict = intakeSubmission({ submission: waiting, project, designer: makeDesigner({ id: 'd2', verification: 'unverified' }), ratings: low });
    expect(waitingVerdict.status).toBe('pending_review');

    const submissions: Submission[] = [
      { ...held, status: 'held', holdReason: 'held_low_rating', releaseAt: withoutMs(heldVerdict.releaseAt ?? '') },
      { ...waiting, status: 'pending_review', reviewDueAt: withoutMs(waitingVerdict.reviewDueAt ?? '') },
    ];
    const report = auditRecords(
      {
        designers: [makeDesigner(), makeDesigner({ id: 'd2', handle: 'bo', verification: 'unverified' })],
        projects: [project],
        ratings: low,
        submissions,
      },
      { from: period.from, to: '2026-11-03T00:00:00.000Z' },
    );
    expect(report.findings).toEqual([]);
  });
});

describe('review: R13 audit and reject reason codes', () => {
  it('reports a rejection whose code is only a name every object has ("constructor")', () => {
    const rejected: Submission = {
      ...makeSubmission({ id: 's9', submittedAt: '2026-11-02T18:00:00.000Z' }),
      status: 'rejected',
      holdReason: 'launch_period_over',
      decision: { decisionId: 'x', outcome: 'reject', reasonCode: 'constructor', moderatorId: 'm1', at: '2026-11-02T18:10:00.000Z' },
    };
    const report = auditRecords({ designers: [makeDesigner()], projects: [project], ratings: low, submissions: [rejected] }, period);
    expect(report.findings.map((f) => `${f.kind}:${f.recordId}`)).toEqual(['decision_without_reason:s9']);
  });
});
