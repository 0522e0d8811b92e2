import { describe, expect, it } from 'vitest';
import { auditRecords, intakeSubmission, type AuditRecords, type Flag, type Submission } from '../../core';
import { makeContract, makeDesigner, makeProject, makeRatings, makeReview, makeSubmission } from './builders';

const period = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' };
const low = makeRatings([1, 2, 2]); // 1.67 in logo: held during the launch window
const designers = [makeDesigner(), makeDesigner({ id: 'd2', handle: 'bo', verification: 'unverified' })];
const project = makeProject();

/** A submission as a rule-abiding platform would record it. */
function recorded(overrides: Partial<Submission>): Submission {
  const base = makeSubmission(overrides);
  const designer = designers.find((d) => d.id === base.designerId) ?? designers[0]!;
  const verdict = intakeSubmission({ submission: base, project, designer, ratings: low }, undefined);
  return {
    ...base,
    status: verdict.status === 'expired' ? 'expired' : verdict.status,
    ...(verdict.holdReason ? { holdReason: verdict.holdReason } : {}),
    ...(verdict.releaseAt ? { releaseAt: verdict.releaseAt } : {}),
    ...(verdict.reviewDueAt ? { reviewDueAt: verdict.reviewDueAt } : {}),
    ...overrides,
  };
}

function faithful(): AuditRecords {
  return {
    designers,
    projects: [project],
    ratings: low,
    submissions: [
      recorded({ id: 's1', submittedAt: '2026-11-02T11:00:00.000Z' }),
      recorded({ id: 's2', designerId: 'd2', submittedAt: '2026-11-02T12:00:00.000Z', decision: { decisionId: 'x', outcome: 'approve', moderatorId: 'm1', at: '2026-11-03T12:00:00.000Z' }, status: 'visible' }),
      recorded({ id: 's3', submittedAt: '2026-11-03T11:00:00.000Z' }),
    ],
    contracts: [makeContract()],
    reviews: [
      makeReview({ id: 'v1', postedAt: '2026-11-03T10:00:00.000Z', publishedAt: '2026-11-04T10:00:00.000Z' }),
      makeReview({ id: 'v2', authorRole: 'designer', postedAt: '2026-11-04T10:00:00.000Z', publishedAt: '2026-11-04T10:00:00.000Z' }),
    ],
  };
}

const kinds = (records: AuditRecords) => auditRecords(records, period).findings.map((f) => `${f.kind}:${f.recordId}`);

describe('R13 audit', () => {
  it('finds nothing when the platform kept the rules, and says what it examined', () => {
    const report = auditRecords(faithful(), period);
    expect(report.findings).toEqual([]);
    expect(report.examined).toMatchObject({ submissions: 3, reviews: 2 });
    expect(report.policyVersion).toBe('2026-11.1');
  });

  it('reports a submission shown that R3 would have held', () => {
    const records = faithful();
    records.submissions = records.submissions.map((s) => (s.id === 's1' ? { ...s, status: 'visible', holdReason: 'rating_ok', releaseAt: undefined } : s));
    const [finding] = auditRecords(records, period).findings;
    expect(finding).toMatchObject({ kind: 'shown_should_hold', rule: 'R3', recordType: 'submission', recordId: 's1', policyVersion: '2026-11.1' });
    expect(finding?.explanation).toContain('logo rating 1.67 over 3 rated designs is below 2.5');
  });

  it('reports a held design seen visible before its release when nobody approved it', () => {
    const records = faithful();
    const s1 = records.submissions.find((s) => s.id === 's1')!;
    const releaseAt = Date.parse(s1.releaseAt ?? '');
    const at = (ms: number) => new Date(ms).toISOString();
    const seenAt = (ms: number) => new Map([['s1', at(ms)]]);
    // Its record still says held (the hold reason and release time are right) and it is visible:
    // alone, that reads as released on time.
    records.submissions = records.submissions.map((s) => (s.id === 's1' ? { ...s, status: 'visible' } : s));
    expect(kinds(records)).toEqual([]);
    // The console saw it visible two hours before its release.
    const early = { ...records, shownSeen: seenAt(releaseAt - 2 * 3_600_000) };
    const [finding] = auditRecords(early, period).findings;
    expect(finding).toMatchObject({ kind: 'shown_before_release', rule: 'R3', recordType: 'submission', recordId: 's1', at: s1.submittedAt });
    expect(finding?.explanation).toContain('nobody approved it, but it was already visible at');
    // First seen after its release, or within the minute's margin before it: on time.
    expect(kinds({ ...records, shownSeen: seenAt(releaseAt + 5 * 60_000) })).toEqual([]);
    expect(kinds({ ...records, shownSeen: seenAt(releaseAt - 30_000) })).toEqual([]);
    // Approved by the quality team: visible at once is what R3 says.
    const approved = { ...early, submissions: early.submissions.map((s) => (s.id === 's1' ? { ...s, decision: { decisionId: 'a', outcome: 'approve' as const, moderatorId: 'm1', at: s1.submittedAt } } : s)) };
    expect(kinds(approved)).toEqual([]);
    // Released by a wrong release time: that is the one finding.
    const wrongTime = { ...early, submissions: early.submissions.map((s) => (s.id === 's1' ? { ...s, releaseAt: at(releaseAt - 3_600_000) } : s)) };
    expect(kinds(wrongTime)).toEqual(['wrong_release_time:s1']);
  });

  it('reports an unverified designer’s submission shown with no review, and a rejected design shown', () => {
    const unreviewed = faithful();
    unreviewed.submissions = unreviewed.submissions.map((s) => (s.id === 's2' ? { ...s, decision: undefined, status: 'visible' } : s));
    expect(kinds(unreviewed)).toEqual(['shown_without_review:s2']);

    const rejected = faithful();
    rejected.submissions = rejected.submissions.map((s) => (s.id === 's2' ? { ...s, decision: { decisionId: 'x', outcome: 'reject', reasonCode: 'off_brief', moderatorId: 'm1', at: '2026-11-03T12:00:00.000Z' }, status: 'scheduled' } : s));
    const [finding] = auditRecords(rejected, period).findings;
    expect(finding).toMatchObject({ kind: 'shown_although_rejected', rule: 'R5', recordId: 's2', at: '2026-11-03T12:00:00.000Z' });
    rejected.submissions = rejected.submissions.map((s) => (s.id === 's2' ? { ...s, status: 'rejected' } : s));
    expect(kinds(rejected)).toEqual([]);
  });

  it('reports a hold with the wrong release time, and a hold where none applied', () => {
    const records = faithful();
    records.submissions = records.submissions.map((s) =>
      s.id === 's1' ? { ...s, releaseAt: '2026-11-03T10:00:00.000Z' } : s.id === 's3' ? { ...s, status: 'held', holdReason: 'held_low_rating', releaseAt: '2026-11-03T17:12:00.000Z' } : s,
    );
    expect(kinds(records)).toEqual(['wrong_release_time:s1', 'held_should_show:s3']);
  });

  it('reports an unverified designer’s submission that skipped review, and a late review', () => {
    const skipped = faithful();
    skipped.submissions = skipped.submissions.map((s) => (s.id === 's2' ? { ...s, reviewDueAt: undefined } : s));
    expect(kinds(skipped)).toEqual(['review_skipped:s2']);

    const late = faithful();
    late.submissions = late.submissions.map((s) => (s.id === 's2' ? { ...s, decision: { decisionId: 'x', outcome: 'approve', moderatorId: 'm1', at: '2026-11-04T12:00:00.001Z' } } : s));
    expect(kinds(late)).toEqual(['late_review:s2']);
  });

  it('reports a review still undecided after its deadline at the end of the period', () => {
    const records = faithful();
    records.submissions = records.submissions.map((s) => (s.id === 's2' ? { ...s, decision: undefined, status: 'pending_review' } : s));
    expect(kinds(records)).toEqual(['review_overdue:s2']);
    expect(auditRecords(records, { ...period, to: '2026-11-04T12:00:00.000Z' }).findings).toEqual([]);
  });

  it('replays verification as it stood, when the history is given', () => {
    const records = faithful();
    // d2 is unverified today but was verified when s2 arrived and did not need review then.
    records.submissions = records.submissions.map((s) => (s.id === 's2' ? { ...s, reviewDueAt: undefined, holdReason: 'held_low_rating', status: 'held', releaseAt: '2026-11-02T17:12:00.000Z', decision: undefined } : s));
    records.designerHistory = [
      { designerId: 'd2', at: '2026-10-01T00:00:00.000Z', verification: 'verified', accountStatus: 'active' },
      { designerId: 'd2', at: '2026-11-10T00:00:00.000Z', verification: 'unverified' },
    ];
    // d2 has no ratings, so R3 does not hold: the platform's hold is the only finding.
    expect(kinds(records)).toEqual(['held_should_show:s2']);
  });

  it('replays verification from the designers’ own history when no designerHistory is given', () => {
    const records = faithful();
    // d2 is revoked today, was verified when s2 arrived (no review needed then), revoked since.
    const d2 = makeDesigner({
      id: 'd2',
      handle: 'bo',
      verification: 'revoked',
      history: [
        { at: '2026-01-10T09:00:00.000Z', verification: 'verified', accountStatus: 'active' },
        { at: '2026-11-10T00:00:00.000Z', verification: 'revoked', accountStatus: 'active' },
      ],
    });
    records.designers = [designers[0]!, d2];
    records.submissions = records.submissions.map((s) => (s.id === 's2' ? { ...s, reviewDueAt: undefined, holdReason: 'unrated', status: 'visible', decision: undefined } : s));
    expect(kinds(records)).toEqual([]);
    // Read as if always revoked, the same records would show a skipped review.
    records.designers = [designers[0]!, { ...d2, history: [{ at: d2.joinedAt, verification: 'revoked', accountStatus: 'active' }] }];
    expect(kinds(records)).toEqual(['review_skipped:s2']);
  });

  it('writes finding times in the canonical format whatever the records wrote', () => {
    const records = faithful();
    records.submissions = records.submissions.map((s) => (s.id === 's1' ? { ...s, submittedAt: '2026-11-02T11:00:00Z', status: 'visible', holdReason: 'rating_ok', releaseAt: undefined } : s));
    expect(auditRecords(records, period).findings.map((f) => f.at)).toEqual(['2026-11-02T11:00:00.000Z']);
  });

  it('reports a rejection without a reason code', () => {
    const records = faithful();
    records.submissions = records.submissions.map((s) => (s.id === 's1' ? { ...s, status: 'rejected', decision: { decisionId: 'y', outcome: 'reject', moderatorId: 'm1', at: '2026-11-02T12:00:00.000Z' } } : s));
    expect(kinds(records)).toEqual(['decision_without_reason:s1']);
  });

  it('reports a review published early', () => {
    const records = faithful();
    records.reviews = [makeReview({ id: 'v1', postedAt: '2026-11-03T10:00:00.000Z', publishedAt: '2026-11-03T10:00:00.000Z' })];
    expect(kinds(records)).toEqual(['review_published_early:v1']);
  });

  it('reports a sixth entrant and an ineligible entrant of a mini contest', () => {
    const mini = makeProject({ id: 'p2', kind: 'mini_contest' });
    const entrants = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
    const good = entrants.flatMap((id) => makeRatings([4, 4], { designerId: id }));
    const contracts = entrants.map((id) => makeContract({ id: `k-${id}`, designerId: id }));
    const reviews = entrants.map((id) => makeReview({ id: `v-${id}`, contractId: `k-${id}`, postedAt: '2026-10-20T10:00:00.000Z', publishedAt: '2026-10-20T10:00:00.000Z' }));
    const records: AuditRecords = {
      designers: [...entrants.map((id) => makeDesigner({ id, handle: id })), makeDesigner({ id: 'e7', handle: 'e7' })],
      projects: [mini],
      ratings: [...good, ...makeRatings([2, 3], { designerId: 'e7' })],
      contracts,
      reviews,
      submissions: [...entrants, 'e7'].map((designerId, i) => makeSubmission({ id: `m${i}`, projectId: 'p2', designerId, submittedAt: `2026-11-02T1${i}:30:00.000Z` })),
    };
    records.submissions = records.submissions.map((s, i) => (i === 0 ? { ...s, designerId: 'e7' } : i === 6 ? { ...s, designerId: 'e1' } : s));
    const found = auditRecords(records, period).findings.filter((f) => f.rule === 'R7');
    // e7 (entrant 1) is unrated in logo; e6 is the sixth entrant and e1, coming back last, the seventh.
    expect(found.map((f) => f.kind)).toEqual(['ineligible_entrant', 'contest_over_capacity', 'contest_over_capacity']);
    expect(found[0]?.explanation).toContain('e7');
  });

  it('reports a flag confirmed without a statement or dismissed without a reason', () => {
    const flag = (id: string, decision: Flag['decision']): Flag => ({
      id, rev: 2, designerId: 'd1', score: 60, status: decision?.outcome === 'dismiss' ? 'dismissed' : 'confirmed', createdAt: '2026-11-02T10:00:00.000Z', policyVersion: '2026-11.1',
      hits: [{ detector: 'pressure_message', score: 60, evidence: { summary: 's', items: [] } }],
      ...(decision ? { decision } : {}),
    });
    const records = faithful();
    records.flags = [
      flag('f1', { decisionId: 'a', outcome: 'confirm', sanctions: [{ type: 'warn' }], statementOfReasons: ' ', moderatorId: 'm2', at: '2026-11-05T10:00:00.000Z' }),
      flag('f2', { decisionId: 'b', outcome: 'dismiss', moderatorId: 'm2', at: '2026-11-06T10:00:00.000Z' }),
      flag('f3', { decisionId: 'c', outcome: 'dismiss', reasonCode: 'false_positive', moderatorId: 'm2', at: '2026-11-06T10:00:00.000Z' }),
    ];
    expect(kinds(records)).toEqual(['confirmation_without_statement:f1', 'decision_without_reason:f2']);
  });

  it('looks only at records inside the period', () => {
    const records = faithful();
    records.submissions = records.submissions.map((s) => (s.id === 's1' ? { ...s, status: 'visible', holdReason: 'rating_ok', releaseAt: undefined } : s));
    const found = (from: string) => auditRecords(records, { ...period, from }).findings.map((f) => f.recordId);
    expect(found('2026-11-02T11:00:00.000Z')).toEqual(['s1']);
    expect(found('2026-11-02T11:00:00.001Z')).toEqual([]);
  });
});

describe('R13 audit reads times as instants', () => {
  /** Drops the milliseconds: "2026-11-02T17:12:00.000Z" → "2026-11-02T17:12:00Z", the same instant. */
  const withoutMs = (iso: string) => iso.replace('.000Z', 'Z');

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
    const report = auditRecords({ designers, projects: [project], ratings: low, submissions }, { from: period.from, to: '2026-11-03T00:00:00.000Z' });
    expect(report.findings).toEqual([]);
  });

  it('reports a rejection whose code is only a name every object has ("constructor")', () => {
    const rejected: Submission = {
      ...makeSubmission({ id: 's9', submittedAt: '2026-11-02T18:00:00.000Z' }),
      status: 'rejected',
      holdReason: 'launch_period_over',
      decision: { decisionId: 'x', outcome: 'reject', reasonCode: 'constructor', moderatorId: 'm1', at: '2026-11-02T18:10:00.000Z' },
    };
    expect(kinds({ designers: [makeDesigner()], projects: [project], ratings: low, submissions: [rejected] })).toEqual(['decision_without_reason:s9']);
  });
});
