// The event log through POST /v1/dev/events (SYNC-API.md) and the rules it must apply:
// R3 holds, R4 the 48-hour queue, R5 automatic transitions, R8 review publication, and
// the log's own rules (never back in time; refused events change nothing else).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  Log,
  MINUTE,
  Mirror,
  TOKENS,
  addLowRatedDesigner,
  appliedCount,
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
    log.customer(customer).designer(designer, 'verified').wait(MINUTE).verification(designer, 'revoked').wait(MINUTE);
    log.project(project, customer, 3 * DAY).wait(HOUR);
    const submittedAt = log.nowMs;
    log.submission(submission, project, designer, 'customer_revision');
    expect((await postEvents(api, log)).refused).toEqual([]);
    const entity = (await mirror()).get('submission', submission);
    expect(entity.status).toBe('pending_review');
    expect(ms(entity.reviewDueAt ?? 'missing')).toBe(submittedAt + 48 * HOUR);
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
    expectProblem(await api.post('/v1/dev/events', log.toJSON()), 422);
    expect(await feedLast(api)).toBe(last);
    expect(await serverNow(api)).toBe(now);
  });

  it('moves the clock to the last event applied', async () => {
    const log = new Log((await serverNow(api)) + 5 * HOUR).customer(uid('clock-c'));
    await postEvents(api, log);
    expect(await serverNow(api)).toBe(log.nowMs);
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
    expect(appliedCount(result)).toBe(0);
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
    expect(appliedCount(result)).toBe(2);
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
