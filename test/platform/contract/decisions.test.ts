// SYNC-API.md, POST /v1/decisions: 200 applied · 409 conflict · 403 · 422; the decision id
// is the idempotency key. Submissions by RULES R4/R5, flags and sanctions by R1/R12.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  Log,
  MINUTE,
  Mirror,
  STATEMENT,
  TOKENS,
  decision,
  decisionAppliedSchema,
  decisionConflictSchema,
  expectOk,
  expectProblem,
  feedLast,
  iso,
  ms,
  changedEntity,
  parseEntity,
  postEvents,
  postFlagScenario,
  postHeldSubmission,
  postPendingSubmission,
  serverNow,
  setClock,
  startTestPlatform,
  uid,
  type Client,
  type DecisionBody,
  type Reply,
  type TestPlatform,
} from './helpers';

let platform: TestPlatform;
let admin: Client;
let quality: Client;
let trust: Client;
let auditor: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = platform.api(TOKENS.admin);
  quality = platform.api(TOKENS.quality);
  trust = platform.api(TOKENS.trust);
  auditor = platform.api(TOKENS.auditor);
});
afterAll(async () => {
  await platform?.dispose();
});

async function mirror(): Promise<Mirror> {
  const m = new Mirror(auditor);
  await m.sync();
  return m;
}

async function heldSubmission(prefix: string) {
  const held = await postHeldSubmission(admin, prefix);
  return (await mirror()).get('submission', held.submissionId);
}

async function flag(prefix: string) {
  const scenario = await postFlagScenario(admin, prefix);
  return { scenario, flag: (await mirror()).get('flag', scenario.flagId) };
}

const decide = (api: Client, body: DecisionBody): Promise<Reply> => api.post('/v1/decisions', body);

/** Asserts a 409 conflict and returns its `current` entity. */
function conflictOn<T extends 'submission' | 'flag'>(reply: Reply, type: T, id: string) {
  expect(reply.status, reply.text.slice(0, 300)).toBe(409);
  const current = parseEntity(type, decisionConflictSchema.parse(reply.json).current);
  expect(current.id).toBe(id);
  return current;
}

/** Sends a decision that must fail with `status`, and checks the feed did not move. */
async function expectRefused(api: Client, body: DecisionBody, status: number): Promise<void> {
  const last = await feedLast(admin);
  expectProblem(await decide(api, body), status);
  expect(await feedLast(admin)).toBe(last);
}

describe('deciding submissions', () => {
  it('approves a held design: 200 applied, visible in the answer and on the feed', async () => {
    const submission = await heldSubmission('approve');
    const body = decision('submission', submission, 'approve', await serverNow(admin));
    const answer = expectOk(await decide(quality, body), decisionAppliedSchema);
    const decided = changedEntity(answer.entities, 'submission', submission.id);
    expect(decided.status).toBe('visible');
    expect(decided.rev).toBe(submission.rev + 1);
    expect(decided.decision).toMatchObject({ decisionId: body.id, outcome: 'approve', moderatorId: 'mod-quality' });
    expect((await mirror()).get('submission', submission.id)).toEqual(decided);
  });

  it('rejects a held design with a reason code', async () => {
    const submission = await heldSubmission('reject');
    const body = decision('submission', submission, 'reject', await serverNow(admin), { reasonCode: 'off_brief' });
    const answer = expectOk(await decide(quality, body), decisionAppliedSchema);
    const decided = changedEntity(answer.entities, 'submission', submission.id);
    expect(decided.status).toBe('rejected');
    expect(decided.decision).toMatchObject({ decisionId: body.id, outcome: 'reject', reasonCode: 'off_brief', moderatorId: 'mod-quality' });
    expect((await mirror()).get('submission', submission.id).status).toBe('rejected');
  });

  it('rejects for "other" when a note explains it', async () => {
    const submission = await heldSubmission('other');
    const body = decision('submission', submission, 'reject', await serverNow(admin), { reasonCode: 'other', note: 'Uses a stock image.' });
    const answer = expectOk(await decide(quality, body), decisionAppliedSchema);
    expect(changedEntity(answer.entities, 'submission', submission.id).status).toBe('rejected');
  });

  it('schedules a waiting design approved inside the launch window (R4), visible when it ends', async () => {
    const pending = await postPendingSubmission(admin, 'sched', HOUR);
    const submission = (await mirror()).get('submission', pending.submissionId);
    expect(submission.status).toBe('pending_review');
    const answer = expectOk(await decide(quality, decision('submission', submission, 'approve', await serverNow(admin))), decisionAppliedSchema);
    const scheduled = changedEntity(answer.entities, 'submission', submission.id);
    expect(scheduled.status).toBe('scheduled');

    await setClock(admin, pending.windowEnd);
    const shown = (await mirror()).get('submission', submission.id);
    expect(shown.status).toBe('visible');
    expect(shown.rev).toBe(scheduled.rev + 1);
  });

  it('shows a waiting design approved after the launch window at once (R4)', async () => {
    const pending = await postPendingSubmission(admin, 'after', 8 * HOUR);
    const submission = (await mirror()).get('submission', pending.submissionId);
    const answer = expectOk(await decide(quality, decision('submission', submission, 'approve', await serverNow(admin))), decisionAppliedSchema);
    expect(changedEntity(answer.entities, 'submission', submission.id).status).toBe('visible');
  });

  it('expires a waiting design approved at or after its project ends (R4)', async () => {
    const pending = await postPendingSubmission(admin, 'ended', HOUR);
    const submission = (await mirror()).get('submission', pending.submissionId);
    await setClock(admin, pending.launchedAt + 3 * DAY + HOUR);
    const reply = await decide(quality, decision('submission', submission, 'approve', await serverNow(admin)));
    // Either the approval applies and expires it, or the project's end already did (a conflict):
    // RULES R4 leaves open whether reaching endsAt closes the project; never shown, either way.
    const after =
      reply.status === 200
        ? changedEntity(expectOk(reply, decisionAppliedSchema).entities, 'submission', submission.id)
        : conflictOn(reply, 'submission', submission.id);
    expect(after.status).toBe('expired');
  });

  it('applies a decision made offline earlier, recording when it was made (decidedAt before the platform clock)', async () => {
    const submission = await heldSubmission('offline');
    const madeAt = ms(submission.submittedAt) + 10 * MINUTE;
    // The console was offline for an hour; the design is still held (released at 7.2 h).
    await setClock(admin, (await serverNow(admin)) + HOUR);
    const answer = expectOk(await decide(admin, decision('submission', submission, 'approve', madeAt)), decisionAppliedSchema);
    const decided = changedEntity(answer.entities, 'submission', submission.id);
    expect(decided.status).toBe('visible');
    expect(decided.decision?.at).toBe(iso(madeAt));
  });

  it("records a decidedAt after the platform's clock as the platform's clock (a console's estimate of platform time drifts)", async () => {
    const submission = await heldSubmission('ahead');
    const now = await serverNow(admin);
    const answer = expectOk(await decide(quality, decision('submission', submission, 'approve', now + 7 * DAY)), decisionAppliedSchema);
    expect(changedEntity(answer.entities, 'submission', submission.id).decision?.at).toBe(iso(now));
  });

  it('refuses a decidedAt before the subject existed, changing nothing', async () => {
    const submission = await heldSubmission('before');
    await expectRefused(quality, decision('submission', submission, 'approve', ms(submission.submittedAt) - 1), 422);
    expect((await mirror()).get('submission', submission.id)).toEqual(submission);
  });
});

describe('the decision id is the idempotency key', () => {
  it('answers the same id again with the first answer, changing nothing', async () => {
    const submission = await heldSubmission('idem');
    const body = decision('submission', submission, 'approve', await serverNow(admin));
    const first = await decide(quality, body);
    expect(first.status).toBe(200);
    const last = await feedLast(admin);

    const again = await decide(quality, body);
    expect(again.status).toBe(first.status);
    expect(again.json).toEqual(first.json);
    expect(await feedLast(admin)).toBe(last);
    expect((await mirror()).get('submission', submission.id).rev).toBe(submission.rev + 1);
  });
});

describe('conflicts (409)', () => {
  it('lets one of two moderators deciding together win; the other gets 409 with the current entity', async () => {
    const submission = await heldSubmission('race');
    const now = await serverNow(admin);
    const replies = await Promise.all([
      decide(quality, decision('submission', submission, 'approve', now)),
      decide(admin, decision('submission', submission, 'reject', now, { reasonCode: 'off_brief' })),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = replies.find((r) => r.status === 200);
    const lost = replies.find((r) => r.status === 409);
    if (won === undefined || lost === undefined) throw new Error('unreachable');

    const winner = changedEntity(expectOk(won, decisionAppliedSchema).entities, 'submission', submission.id);
    const current = conflictOn(lost, 'submission', submission.id);
    expect(current).toEqual(winner);
    expect(current.rev).toBe(submission.rev + 1);
    expect((await mirror()).get('submission', submission.id)).toEqual(winner);
  });

  it('refuses an expectedRev that is not the current rev, with the current entity', async () => {
    const submission = await heldSubmission('stale');
    const last = await feedLast(admin);
    const reply = await decide(quality, decision('submission', { id: submission.id, rev: submission.rev + 1 }, 'approve', await serverNow(admin)));
    const current = conflictOn(reply, 'submission', submission.id);
    expect(current).toEqual(submission);
    expect(await feedLast(admin)).toBe(last);
  });

  it('refuses the revision a moderator saw once another moderator decided', async () => {
    const submission = await heldSubmission('late');
    const now = await serverNow(admin);
    expect((await decide(quality, decision('submission', submission, 'approve', now))).status).toBe(200);
    const current = conflictOn(await decide(admin, decision('submission', submission, 'approve', now)), 'submission', submission.id);
    expect(current.status).toBe('visible');
    expect(current.rev).toBe(submission.rev + 1);
  });

  it('refuses a decision on a visible design', async () => {
    const log = new Log((await serverNow(admin)) + MINUTE);
    const designer = uid('vis-d');
    const customer = uid('vis-c');
    const project = uid('vis-p');
    const id = uid('vis-s');
    // A verified designer with no rating yet is never held (R3 "unrated").
    log.customer(customer).designer(designer).wait(MINUTE).project(project, customer, 3 * DAY).wait(HOUR).submission(id, project, designer);
    await postEvents(admin, log);
    const submission = (await mirror()).get('submission', id);
    expect(submission.status).toBe('visible');
    const last = await feedLast(admin);
    const current = conflictOn(await decide(quality, decision('submission', submission, 'approve', await serverNow(admin))), 'submission', id);
    expect(current).toEqual(submission);
    expect(await feedLast(admin)).toBe(last);
  });
});

describe('invalid decisions (422)', () => {
  it('refuses a rejection without a reason code', async () => {
    const submission = await heldSubmission('noreason');
    await expectRefused(quality, decision('submission', submission, 'reject', await serverNow(admin)), 422);
    expect((await mirror()).get('submission', submission.id)).toEqual(submission);
  });

  it('refuses a rejection for "other" without a note', async () => {
    const submission = await heldSubmission('nonote');
    await expectRefused(quality, decision('submission', submission, 'reject', await serverNow(admin), { reasonCode: 'other' }), 422);
    expect((await mirror()).get('submission', submission.id)).toEqual(submission);
  });

  it('refuses a reject reason that RULES R5 does not list', async () => {
    const submission = await heldSubmission('badreason');
    await expectRefused(quality, decision('submission', submission, 'reject', await serverNow(admin), { reasonCode: 'ugly' }), 422);
  });

  it('refuses a dismissal without a reason code', async () => {
    const { flag: f } = await flag('dismiss422');
    await expectRefused(trust, decision('flag', f, 'dismiss', await serverNow(admin)), 422);
    expect((await mirror()).get('flag', f.id).status).toBe('open');
  });

  it('refuses a confirmation without sanctions', async () => {
    const { flag: f } = await flag('nosanction');
    await expectRefused(trust, decision('flag', f, 'confirm', await serverNow(admin), { statementOfReasons: STATEMENT }), 422);
  });

  it('refuses a reason code on a confirmation rather than store it', async () => {
    const { flag: f } = await flag('stray');
    await expectRefused(trust, decision('flag', f, 'confirm', await serverNow(admin), { sanctions: [{ type: 'warn' }], statementOfReasons: STATEMENT, reasonCode: 'false_positive' }), 422);
    expect((await mirror()).get('flag', f.id).status).toBe('open');
  });

  it('refuses a decision id that is not a UUID', async () => {
    const submission = await heldSubmission('notuuid');
    const problem = expectProblem(await decide(quality, { ...decision('submission', submission, 'approve', await serverNow(admin)), id: 'decision-1' }), 422);
    expect(problem.issues?.map((i) => i.path)).toEqual(['id']);
    expect((await mirror()).get('submission', submission.id)).toEqual(submission);
  });

  it('refuses a confirmation without a statement of reasons', async () => {
    const { flag: f } = await flag('nostatement');
    await expectRefused(trust, decision('flag', f, 'confirm', await serverNow(admin), { sanctions: [{ type: 'warn' }] }), 422);
    expect((await mirror()).get('flag', f.id).status).toBe('open');
  });
});

describe('roles (403)', () => {
  it('refuses any decision from an auditor', async () => {
    const submission = await heldSubmission('auditor');
    const now = await serverNow(admin);
    await expectRefused(auditor, decision('submission', submission, 'approve', now), 403);
    const { flag: f } = await flag('auditor');
    await expectRefused(auditor, decision('flag', f, 'dismiss', now, { reasonCode: 'false_positive' }), 403);
    expect((await mirror()).get('submission', submission.id)).toEqual(submission);
  });

  it('refuses a submission decision from trust and safety', async () => {
    const submission = await heldSubmission('trust');
    await expectRefused(trust, decision('submission', submission, 'approve', await serverNow(admin)), 403);
  });

  it('refuses a flag decision from the quality team', async () => {
    const { flag: f } = await flag('quality');
    await expectRefused(quality, decision('flag', f, 'dismiss', await serverNow(admin), { reasonCode: 'false_positive' }), 403);
  });
});

describe('deciding flags', () => {
  it('raises an open flag with evidence for a message asking to change a rating', async () => {
    const { scenario, flag: f } = await flag('raise');
    expect(f.status).toBe('open');
    expect(f.customerId).toBe(scenario.customerId);
    expect(f.hits.map((h) => h.detector)).toContain('pressure_message');
    expect(f.score).toBeGreaterThan(0);
  });

  it('dismisses with a reason code', async () => {
    const { flag: f } = await flag('dismiss');
    const body = decision('flag', f, 'dismiss', await serverNow(admin), { reasonCode: 'insufficient_evidence' });
    const answer = expectOk(await decide(trust, body), decisionAppliedSchema);
    const decided = changedEntity(answer.entities, 'flag', f.id);
    expect(decided.status).toBe('dismissed');
    expect(decided.rev).toBe(f.rev + 1);
    expect(decided.decision).toMatchObject({ decisionId: body.id, outcome: 'dismiss', reasonCode: 'insufficient_evidence', moderatorId: 'mod-trust' });
    expect((await mirror()).get('flag', f.id)).toEqual(decided);
  });

  it('confirms with a 7-day suspension: the designer comes back suspended until clock + 7 days', async () => {
    const { scenario, flag: f } = await flag('suspend');
    const now = await serverNow(admin);
    const body = decision('flag', f, 'confirm', now, { sanctions: [{ type: 'suspend', days: 7 }], statementOfReasons: STATEMENT });
    const answer = expectOk(await decide(trust, body), decisionAppliedSchema);
    expect(changedEntity(answer.entities, 'flag', f.id).status).toBe('confirmed');
    const designer = changedEntity(answer.entities, 'designer', scenario.designerId);
    expect(designer.accountStatus).toBe('suspended');
    expect(ms(designer.suspendedUntil ?? 'missing')).toBe(now + 7 * DAY);
    // The history records the suspension when the platform applied it, after the state it joined with.
    expect(designer.history.at(-1)).toEqual({ at: iso(now), verification: 'verified', accountStatus: 'suspended', suspendedUntil: iso(now + 7 * DAY) });
    expect(designer.history[0]).toMatchObject({ at: designer.joinedAt, accountStatus: 'active' });

    const m = await mirror();
    expect(m.get('designer', scenario.designerId)).toEqual(designer);
    expect(m.get('flag', f.id).status).toBe('confirmed');
  });

  it('confirms voiding ratings: those ratings carry voidedAt', async () => {
    const { scenario, flag: f } = await flag('void');
    const now = await serverNow(admin);
    const body = decision('flag', f, 'confirm', now, {
      sanctions: [{ type: 'void_ratings', ratingIds: scenario.ratingIds }],
      statementOfReasons: STATEMENT,
    });
    const answer = expectOk(await decide(trust, body), decisionAppliedSchema);
    const m = await mirror();
    for (const id of scenario.ratingIds) {
      const rating = changedEntity(answer.entities, 'rating', id);
      expect(ms(rating.voidedAt ?? 'missing')).toBe(now);
      expect(m.get('rating', id)).toEqual(rating);
    }
  });

  it('stops counting voided ratings (R1): the designer is no longer held as low-rated', async () => {
    const { scenario, flag: f } = await flag('recount');
    // Before: rated 2 in logo, so a design in a launch window would be held (R3).
    const body = decision('flag', f, 'confirm', await serverNow(admin), {
      sanctions: [{ type: 'void_ratings', ratingIds: scenario.ratingIds }],
      statementOfReasons: STATEMENT,
    });
    expectOk(await decide(trust, body), decisionAppliedSchema);

    const log = new Log((await serverNow(admin)) + MINUTE);
    const project = uid('recount-p');
    const submission = uid('recount-s');
    log.project(project, scenario.customerId, 3 * DAY).wait(HOUR).submission(submission, project, scenario.designerId);
    await postEvents(admin, log);
    const entity = (await mirror()).get('submission', submission);
    expect(entity.status).toBe('visible');
    expect([undefined, 'unrated']).toContain(entity.holdReason);
  });

  it('lets an admin confirm a flag with a warning', async () => {
    const { scenario, flag: f } = await flag('warn');
    const body = decision('flag', f, 'confirm', await serverNow(admin), { sanctions: [{ type: 'warn' }], statementOfReasons: STATEMENT });
    const answer = expectOk(await decide(admin, body), decisionAppliedSchema);
    expect(changedEntity(answer.entities, 'designer', scenario.designerId).accountStatus).toBe('warned');
    expect(changedEntity(answer.entities, 'flag', f.id).decision).toMatchObject({ outcome: 'confirm', moderatorId: 'mod-admin' });
  });

  it('refuses a second decision on a decided flag with 409', async () => {
    const { flag: f } = await flag('twice');
    const now = await serverNow(admin);
    expect((await decide(trust, decision('flag', f, 'dismiss', now, { reasonCode: 'false_positive' }))).status).toBe(200);
    const current = conflictOn(await decide(admin, decision('flag', f, 'dismiss', now, { reasonCode: 'duplicate' })), 'flag', f.id);
    expect(current.status).toBe('dismissed');
  });
});
