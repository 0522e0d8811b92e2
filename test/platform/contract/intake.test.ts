// The event log through POST /v1/dev/events (SYNC-API.md) and the rules it must apply:
// R3 holds, R4 the 48-hour queue, R5 automatic transitions, R8 review publication, and
// the log's own rules (never back in time; refused events change nothing else).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventLog } from '../../../core';
import {
  DAY,
  HOUR,
  Log,
  MINUTE,
  Mirror,
  THREE_DAY_WINDOW_MS,
  TOKENS,
  addLowRatedDesigner,
  expectProblem,
  feedLast,
  ms,
  postEvents,
  postHeldSubmission,
  postPendingSubmission,
  serverNow,
  setClock,
  startTestPlatform,
  uid,
  type Client,
  type TestPlatform,
} from './helpers';

let platform: TestPlatform;
let api: Client;
beforeAll(async () => {
  platform = await startTestPlatform();
  api = platform.api(TOKENS.admin);
});
afterAll(async () => {
  await platform?.dispose();
});

async function mirror(): Promise<Mirror> {
  const m = new Mirror(platform.api(TOKENS.auditor));
  await m.sync();
  return m;
}

describe('R3 intake: low-rating hold', () => {
  it("holds a verified low-rated designer's design in the launch window until its end", async () => {
    const held = await postHeldSubmission(api, 'r3');
    const submission = (await mirror()).get('submission', held.submissionId);
    expect(submission.status).toBe('held');
    expect(submission.holdReason).toBe('held_low_rating');
    expect(ms(submission.releaseAt ?? 'missing')).toBe(held.releaseAt);
    expect(submission.rev).toBe(1);
    expect(submission.designerId).toBe(held.designerId);
    expect(submission.assetId.length).toBeGreaterThan(0);
  });

  it('does not hold a revision asked for by the customer', async () => {
    const log = new Log((await serverNow(api)) + MINUTE);
    const low = addLowRatedDesigner(log, 'rev');
    const project = uid('rev-p');
    const revision = uid('rev-s');
    log.project(project, low.customerId, 3 * DAY).wait(HOUR);
    log.submission(revision, project, low.designerId, 'customer_revision');
    expect((await postEvents(api, log)).refused).toEqual([]);
    const submission = (await mirror()).get('submission', revision);
    expect(submission.status).toBe('visible');
    expect([undefined, 'revision_exempt']).toContain(submission.holdReason);
  });

  /** A verified designer rated `stars` (one rating each) in `category`, then a design `afterLaunchMs` into a 3-day logo contest. */
  async function designAfterRatings(prefix: string, stars: number[], afterLaunchMs: number, category: 'logo' | 'web' = 'logo') {
    const log = new Log((await serverNow(api)) + MINUTE);
    const designer = uid(`${prefix}-d`);
    const customer = uid(`${prefix}-c`);
    const earlier = uid(`${prefix}-p0`);
    log.customer(customer).designer(designer).wait(MINUTE).project(earlier, customer, 10 * DAY, category).wait(MINUTE);
    const rated = stars.map(() => uid(`${prefix}-s0`));
    for (const id of rated) log.submission(id, earlier, designer).wait(MINUTE);
    stars.forEach((n, i) => log.rating(rated[i] ?? '', n).wait(MINUTE));
    const project = uid(`${prefix}-p`);
    const launchedAt = log.nowMs;
    log.project(project, customer, 3 * DAY).wait(afterLaunchMs);
    const submission = uid(`${prefix}-s`);
    log.submission(submission, project, designer);
    expect((await postEvents(api, log)).refused).toEqual([]);
    return { submission: (await mirror()).get('submission', submission), launchedAt };
  }

  it('does not hold a design arriving exactly when the launch window ends', async () => {
    const { submission } = await designAfterRatings('edge', [1], THREE_DAY_WINDOW_MS);
    expect(submission.status).toBe('visible');
    expect([undefined, 'launch_period_over']).toContain(submission.holdReason);
  });

  it('holds a design arriving in the last minute of the launch window', async () => {
    const { submission, launchedAt } = await designAfterRatings('lastmin', [1], THREE_DAY_WINDOW_MS - MINUTE);
    expect(submission.status).toBe('held');
    expect(ms(submission.releaseAt ?? 'missing')).toBe(launchedAt + THREE_DAY_WINDOW_MS);
  });

  it('does not hold a designer rated exactly 2.50 (not below the benchmark)', async () => {
    const { submission } = await designAfterRatings('exact', [2, 3], HOUR);
    expect(submission.status).toBe('visible');
    expect([undefined, 'rating_ok']).toContain(submission.holdReason);
  });

  it('holds a designer rated just below 2.50', async () => {
    const { submission } = await designAfterRatings('below', [2, 3, 2], HOUR);
    expect(submission.status).toBe('held');
  });

  it('does not hold a designer rated low only in another category (unrated here)', async () => {
    const { submission } = await designAfterRatings('othercat', [1], HOUR, 'web');
    expect(submission.status).toBe('visible');
    expect([undefined, 'unrated']).toContain(submission.holdReason);
  });

  it('keeps a hold when the rating rises later', async () => {
    const held = await postHeldSubmission(api, 'keep');
    const before = (await mirror()).get('submission', held.submissionId);
    await postEvents(api, new Log((await serverNow(api)) + MINUTE).rating(held.ratedSubmissionId, 5));
    const after = (await mirror()).get('submission', held.submissionId);
    expect(after).toEqual(before);
  });

  it('releases a held design at releaseAt, bumping its rev', async () => {
    const held = await postHeldSubmission(api, 'release');
    await setClock(api, held.releaseAt - MINUTE);
    const before = (await mirror()).get('submission', held.submissionId);
    expect(before.status).toBe('held');

    await setClock(api, held.releaseAt);
    const after = (await mirror()).get('submission', held.submissionId);
    expect(after.status).toBe('visible');
    expect(after.rev).toBe(before.rev + 1);
  });
});

describe('R4 intake: the 48-hour review queue', () => {
  it("puts an unverified designer's design in pending_review, due 48 h after it arrived", async () => {
    const pending = await postPendingSubmission(api, 'r4');
    const submission = (await mirror()).get('submission', pending.submissionId);
    expect(submission.status).toBe('pending_review');
    expect(ms(submission.reviewDueAt ?? 'missing')).toBe(pending.submittedAt + 48 * HOUR);
    expect(ms(submission.submittedAt)).toBe(pending.submittedAt);
  });

  it("puts a revoked designer's revision in pending_review too", async () => {
    const log = new Log((await serverNow(api)) + MINUTE);
    const designer = uid('revoked-d');
    const customer = uid('revoked-c');
    const project = uid('revoked-p');
    const submission = uid('revoked-s');
    log.customer(customer).designer(designer, 'verified').wait(MINUTE);
    const revokedAt = log.nowMs;
    log.verification(designer, 'revoked').wait(MINUTE);
    log.project(project, customer, 3 * DAY).wait(HOUR);
    const submittedAt = log.nowMs;
    log.submission(submission, project, designer, 'customer_revision');
    expect((await postEvents(api, log)).refused).toEqual([]);
    const m = await mirror();
    const entity = m.get('submission', submission);
    expect(entity.status).toBe('pending_review');
    expect(ms(entity.reviewDueAt ?? 'missing')).toBe(submittedAt + 48 * HOUR);
    // An offline audit reads when the designer stopped being verified from its history.
    expect(m.get('designer', designer).history.map((h) => [ms(h.at), h.verification])).toEqual([
      [revokedAt - MINUTE, 'verified'],
      [revokedAt, 'revoked'],
    ]);
  });

  it('keeps an overdue design in pending_review', async () => {
    const pending = await postPendingSubmission(api, 'overdue');
    await setClock(api, pending.submittedAt + 49 * HOUR);
    expect((await mirror()).get('submission', pending.submissionId).status).toBe('pending_review');
  });

  it('expires a waiting design when its project closes', async () => {
    const pending = await postPendingSubmission(api, 'close');
    const before = (await mirror()).get('submission', pending.submissionId);
    const log = new Log((await serverNow(api)) + MINUTE).closeProject(pending.projectId);
    expect((await postEvents(api, log)).refused).toEqual([]);
    const m = await mirror();
    expect(m.get('project', pending.projectId).status).toBe('closed');
    const after = m.get('submission', pending.submissionId);
    expect(after.status).toBe('expired');
    expect(after.rev).toBe(before.rev + 1);
  });
});

describe('the event log never goes back in time', () => {
  it('refuses an event earlier than the clock with 422, changing nothing', async () => {
    const now = await serverNow(api);
    const last = await feedLast(api);
    const customer = uid('past-c');
    const reply = await api.post('/v1/dev/events', new Log(now - HOUR).customer(customer).toJSON());
    expectProblem(reply, 422);
    expect(await feedLast(api)).toBe(last);
    expect(await serverNow(api)).toBe(now);
    expect((await mirror()).find('customer', customer)).toBeUndefined();
  });

  it('applies nothing of a log whose later event is earlier than the clock', async () => {
    const now = await serverNow(api);
    const last = await feedLast(api);
    const first = uid('past-ok');
    const second = uid('past-late');
    const log = new Log(now + MINUTE).customer(first);
    log.push({ at: new Date(now - HOUR).toISOString(), type: 'customer.joined', data: { id: second } });
    expectProblem(await api.post('/v1/dev/events', log.toJSON()), 422);
    expect(await feedLast(api)).toBe(last);
    expect(await serverNow(api)).toBe(now);
    const m = await mirror();
    expect(m.find('customer', first)).toBeUndefined();
    expect(m.find('customer', second)).toBeUndefined();
  });

  it('refuses a log that goes back in time within itself', async () => {
    const now = await serverNow(api);
    const last = await feedLast(api);
    const first = uid('order-a');
    const second = uid('order-b');
    const log = new Log(now + 2 * HOUR).customer(first);
    log.push({ at: new Date(now + HOUR).toISOString(), type: 'customer.joined', data: { id: second } });
    const problem = expectProblem(await api.post('/v1/dev/events', log.toJSON()), 422);
    // The later event is out of order with the one before it; the clock is not to blame.
    expect(problem.detail).toMatch(/events\.1\.at: .* earlier than the event before it \(events\.0\.at/);
    expect(problem.detail).not.toMatch(/platform's clock/);
    expect(await feedLast(api)).toBe(last);
    expect(await serverNow(api)).toBe(now);
  });

  it('moves the clock to the last event applied', async () => {
    const log = new Log((await serverNow(api)) + 5 * HOUR).customer(uid('clock-c'));
    await postEvents(api, log);
    expect(await serverNow(api)).toBe(log.nowMs);
  });
});

describe('times', () => {
  const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

  /** Every time-valued field (`at`, `…At`, `…Until`) anywhere in a value. */
  function times(value: unknown, key = ''): string[] {
    if (Array.isArray(value)) return value.flatMap((v) => times(v));
    if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => times(v, k));
    return typeof value === 'string' && /^(at|.*At|.*Until)$/.test(key) ? [value] : [];
  }

  it('writes every time in one format, with milliseconds, however the log wrote it', async () => {
    const start = new Date((await serverNow(api)) + HOUR);
    start.setUTCMinutes(0, 0, 0);
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR).toISOString().replace('.000Z', 'Z');
    const [designer, customer, project, submission] = [uid('time-d'), uid('time-c'), uid('time-p'), uid('time-s')];
    const log: EventLog = {
      events: [
        { at: at(0), type: 'customer.joined', data: { id: customer } },
        { at: at(0), type: 'designer.joined', data: { id: designer, handle: designer, verification: 'unverified' } },
        { at: at(1), type: 'project.launched', data: { id: project, customerId: customer, category: 'logo', kind: 'contest', endsAt: at(73) } },
        { at: at(2), type: 'submission.created', data: { id: submission, projectId: project, designerId: designer, kind: 'original' } },
        { at: at(3), type: 'designer.status_changed', data: { id: designer, accountStatus: 'suspended', suspendedUntil: at(50) } },
      ],
    };
    const result = await postEvents(api, log);
    expect(result.refused).toEqual([]);
    const m = await mirror();
    const written = [m.get('designer', designer), m.get('project', project), m.get('submission', submission), m.get('customer', customer)].flatMap((e) => times(e));
    expect(written.length).toBeGreaterThanOrEqual(7);
    for (const time of written) expect(time).toMatch(CANONICAL);
    expect(m.get('project', project).endsAt).toBe(new Date(Date.parse(at(73))).toISOString());
  });
});

describe('rules that refuse events', () => {
  it('refuses a sixth entrant to a mini contest (R7 contest_full)', async () => {
    const log = new Log((await serverNow(api)) + MINUTE);
    const customer = uid('mini-c');
    const earlier = uid('mini-p0');
    log.customer(customer).wait(MINUTE).project(earlier, customer, 10 * DAY).wait(MINUTE);
    // Six designers each eligible (R7): rated 5 in logo, one published 5-star client review with text.
    const designers = Array.from({ length: 6 }, () => uid('mini-d'));
    for (const designer of designers) {
      const rated = uid('mini-s0');
      const contract = uid('mini-k');
      log.designer(designer).wait(MINUTE).submission(rated, earlier, designer).wait(MINUTE).rating(rated, 5).wait(MINUTE);
      log.contract(contract, customer, designer).wait(HOUR).closeContract(contract).wait(MINUTE);
      log.review(uid('mini-rv'), contract, 'client', 5, 'Excellent work, thank you so much.').wait(MINUTE);
      log.review(uid('mini-rv'), contract, 'designer', 5, 'A pleasure to work with.').wait(MINUTE);
    }
    expect((await postEvents(api, log)).refused).toEqual([]);

    const contest = new Log((await serverNow(api)) + MINUTE);
    const project = uid('mini-p');
    contest.project(project, customer, 3 * DAY, 'logo', 'mini_contest').wait(HOUR);
    const entries = designers.map(() => uid('mini-s'));
    designers.forEach((designer, i) => contest.submission(entries[i] ?? '', project, designer).wait(MINUTE));
    const result = await postEvents(api, contest);
    // Event 0 is the launch; entries are events 1..6, the sixth entrant is event 6.
    expect(result.refused).toEqual([{ index: 6, reasonCode: 'contest_full' }]);
    const m = await mirror();
    entries.slice(0, 5).forEach((id) => expect(m.find('submission', id)).toBeDefined());
    expect(m.find('submission', entries[5] ?? '')).toBeUndefined();
  });

  it('refuses a second feedback change on one contract (R9)', async () => {
    const log = new Log((await serverNow(api)) + MINUTE);
    const [customer, designer, contract] = [uid('fc-c'), uid('fc-d'), uid('fc-k')];
    log.customer(customer).designer(designer).wait(MINUTE).contract(contract, customer, designer).wait(DAY);
    log.closeContract(contract).wait(MINUTE).review(uid('fc-rv'), contract, 'client', 3, 'It was fine overall.').wait(HOUR);
    log.enableFeedbackChange(contract).wait(HOUR);
    expect((await postEvents(api, log)).refused).toEqual([]);
    const enabled = (await mirror()).get('contract', contract);
    expect(enabled.feedbackChangeEnabledAt).toBeDefined();

    const last = await feedLast(api);
    const result = await postEvents(api, new Log((await serverNow(api)) + MINUTE).enableFeedbackChange(contract));
    expect(result.refused.map((r) => r.index)).toEqual([0]);
    expect(result.applied).toBe(0);
    expect(await feedLast(api)).toBe(last);
    expect((await mirror()).get('contract', contract)).toEqual(enabled);
  });
});

describe('R8 double-blind reviews', () => {
  async function closedContract(prefix: string): Promise<{ contract: string; closedAt: number }> {
    const log = new Log((await serverNow(api)) + MINUTE);
    const contract = uid(`${prefix}-k`);
    const customer = uid(`${prefix}-c`);
    const designer = uid(`${prefix}-d`);
    log.customer(customer).designer(designer).wait(MINUTE).contract(contract, customer, designer).wait(DAY);
    const closedAt = log.nowMs;
    log.closeContract(contract);
    expect((await postEvents(api, log)).refused).toEqual([]);
    return { contract, closedAt };
  }

  it('refuses a review posted after its window (window_closed), changing nothing else', async () => {
    const { contract, closedAt } = await closedContract('late');
    // Move the clock first, so whatever falls due on the way is done before we look.
    await setClock(api, closedAt + 15 * DAY);
    const last = await feedLast(api);
    const review = uid('late-rv');
    const result = await postEvents(api, new Log(closedAt + 15 * DAY).review(review, contract, 'client'));
    expect(result.refused).toEqual([{ index: 0, reasonCode: 'window_closed' }]);
    expect(result.applied).toBe(0);
    expect(await feedLast(api)).toBe(last);
    expect((await mirror()).find('review', review)).toBeUndefined();
  });

  it('applies the rest of a log around a refused event', async () => {
    const { contract, closedAt } = await closedContract('mixed');
    const start = Math.max(await serverNow(api), closedAt + 15 * DAY);
    const before = uid('mixed-c1');
    const after = uid('mixed-c2');
    const log = new Log(start).customer(before).review(uid('mixed-rv'), contract, 'client').customer(after);
    const result = await postEvents(api, log);
    expect(result.refused).toEqual([{ index: 1, reasonCode: 'window_closed' }]);
    expect(result.applied).toBe(2);
    const m = await mirror();
    expect(m.find('customer', before)).toBeDefined();
    expect(m.find('customer', after)).toBeDefined();
  });

  it('publishes a single review at closedAt + 14 days', async () => {
    const { contract, closedAt } = await closedContract('single');
    const review = uid('single-rv');
    await postEvents(api, new Log(closedAt + DAY).review(review, contract, 'client'));
    const posted = (await mirror()).get('review', review);
    expect(posted.publishedAt).toBeUndefined();

    await setClock(api, closedAt + 14 * DAY - MINUTE);
    expect((await mirror()).get('review', review).publishedAt).toBeUndefined();

    await setClock(api, closedAt + 14 * DAY + MINUTE);
    const published = (await mirror()).get('review', review);
    expect(ms(published.publishedAt ?? 'missing')).toBe(closedAt + 14 * DAY);
    expect(published.rev).toBe(posted.rev + 1);
  });

  it('publishes both reviews when the second is posted', async () => {
    const { contract, closedAt } = await closedContract('both');
    const first = uid('both-rv1');
    const second = uid('both-rv2');
    const log = new Log(Math.max(await serverNow(api), closedAt) + DAY);
    log.review(first, contract, 'client').wait(DAY);
    const secondAt = log.nowMs;
    log.review(second, contract, 'designer', 5, 'A clear brief and fast feedback.');
    expect((await postEvents(api, log)).refused).toEqual([]);
    const m = await mirror();
    expect(ms(m.get('review', first).publishedAt ?? 'missing')).toBe(secondAt);
    expect(ms(m.get('review', second).publishedAt ?? 'missing')).toBe(secondAt);
  });
});
