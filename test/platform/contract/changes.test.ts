// SYNC-API.md, GET /v1/changes: pages of {seq, type, op, id, data?}, seq strictly increasing,
// N ≤ 5000, `last` and `hasMore`; superseded changes may be left out, latest states may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESYNC_REQUIRED, type EntityType } from '../../../core';
import {
  DAY,
  HOUR,
  Log,
  MINUTE,
  Mirror,
  PRESSURE_MESSAGE,
  TOKENS,
  addLowRatedDesigner,
  changesPageSchema,
  dataOf,
  expectOk,
  expectProblem,
  fold,
  metaSchema,
  parseEntity,
  postEvents,
  pullAll,
  serverNow,
  setClock,
  startTestPlatform,
  uid,
  type Change,
  type TestPlatform,
} from './helpers';

let platform: TestPlatform;
const ids = {
  held: '',
  heldReleaseAt: 0,
  rated: '',
};

/** A marketplace touching every kind of entity the event log can make. */
async function seedMarketplace(): Promise<void> {
  const api = platform.api(TOKENS.admin);
  const log = new Log((await serverNow(api)) + MINUTE);
  const low = addLowRatedDesigner(log, 'feed');
  ids.rated = low.ratedSubmissionId;
  const unverified = uid('feed-du');
  const project = uid('feed-p');
  const contract = uid('feed-k');
  log.designer(unverified, 'unverified').wait(MINUTE);
  const launchedAt = log.nowMs;
  log.project(project, low.customerId, 3 * DAY).wait(MINUTE);
  ids.held = uid('feed-held');
  ids.heldReleaseAt = launchedAt + 7.2 * HOUR;
  log.submission(ids.held, project, low.designerId).wait(MINUTE);
  log.submission(uid('feed-pending'), project, unverified).wait(MINUTE);
  log.message(uid('feed-m'), low.designerId, low.customerId, PRESSURE_MESSAGE, project).wait(MINUTE);
  log.report(uid('feed-r'), low.customerId, low.designerId, 'The designer asked me to change my rating.').wait(MINUTE);
  log.contract(contract, low.customerId, low.designerId).wait(HOUR);
  log.closeContract(contract).wait(MINUTE);
  log.review(uid('feed-rv'), contract, 'client', 4, 'Good logo, quick replies.').wait(MINUTE);
  log.privateFeedback(uid('feed-pf'), contract, 8).wait(MINUTE);
  const result = await postEvents(api, log);
  expect(result.refused).toEqual([]);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  await seedMarketplace();
});
afterAll(async () => {
  await platform?.dispose();
});

function expectWellFormed(changes: readonly Change[]): void {
  for (const change of changes) {
    if (change.op === 'upsert') {
      const entity = parseEntity(change.type, change.data);
      expect(entity.id).toBe(change.id);
    }
  }
}

describe('GET /v1/changes', () => {
  it('pages from after=0: limit respected, seq strictly increasing, hasMore until the end', async () => {
    const api = platform.api(TOKENS.auditor);
    const { pages, changes, last } = await pullAll(api, 0, 7);
    expect(pages.length).toBeGreaterThan(1);
    let previousLast = 0;
    pages.forEach((page, i) => {
      expect(page.changes.length).toBeLessThanOrEqual(7);
      expect(page.hasMore).toBe(i < pages.length - 1);
      for (const change of page.changes) {
        expect(change.seq).toBeGreaterThan(previousLast);
        expect(change.seq).toBeLessThanOrEqual(page.last);
      }
      expect(page.last).toBeGreaterThanOrEqual(previousLast);
      previousLast = page.last;
    });
    const seqs = changes.map((c) => c.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] ?? 0);
    expect(last).toBe(pages.at(-1)?.last);
    expectWellFormed(changes);
  });

  it('validates every entity against the schema of its type, and covers the marketplace', async () => {
    const { changes } = await pullAll(platform.api(TOKENS.quality), 0, 5000);
    expectWellFormed(changes);
    const types = new Set<EntityType>(changes.map((c) => c.type));
    for (const type of ['designer', 'customer', 'project', 'submission', 'rating', 'contract', 'review', 'privateFeedback', 'message', 'report', 'flag'] as const) {
      expect(types, `no ${type} on the feed`).toContain(type);
    }
  });

  it("keys a rating by its submission's id", async () => {
    const mirror = new Mirror(platform.api(TOKENS.auditor));
    await mirror.sync();
    const rating = mirror.get('rating', ids.rated);
    expect(rating.submissionId).toBe(ids.rated);
    expect(rating.stars).toBe(1);
  });

  it('answers an empty page with hasMore false after the end', async () => {
    const api = platform.api(TOKENS.auditor);
    const { last } = await pullAll(api, 0, 5000);
    const page = expectOk(await api.get(`/v1/changes?after=${last}&limit=100`), changesPageSchema);
    expect(page.changes).toEqual([]);
    expect(page.hasMore).toBe(false);
    expect(page.last).toBe(last);
  });

  it('carries the feedId of /v1/meta on every page', async () => {
    const api = platform.api(TOKENS.auditor);
    const { feedId } = expectOk(await api.get('/v1/meta'), metaSchema);
    const { pages } = await pullAll(api, 0, 7);
    for (const page of pages) expect(page.feedId).toBe(feedId);
    const same = expectOk(await api.get(`/v1/changes?after=0&limit=1&feedId=${encodeURIComponent(feedId)}`), changesPageSchema);
    expect(same.feedId).toBe(feedId);
  });

  it('answers a cursor beyond the end of the feed with 410 resync-required, never an echo', async () => {
    const api = platform.api(TOKENS.auditor);
    const { last } = await pullAll(api, 0, 5000);
    const problem = expectProblem(await api.get(`/v1/changes?after=${last + 1}&limit=100`), 410);
    expect(problem.type).toMatch(new RegExp(`/${RESYNC_REQUIRED}$`));
  });

  it("answers a cursor of another feed (another store's feedId) with 410 resync-required", async () => {
    const api = platform.api(TOKENS.auditor);
    const problem = expectProblem(await api.get('/v1/changes?after=0&limit=10&feedId=some-other-feed'), 410);
    expect(problem.type).toMatch(new RegExp(`/${RESYNC_REQUIRED}$`));
    expect(problem.detail).toMatch(/after=0/);
  });

  it('gives new changes after the previous last', async () => {
    const api = platform.api(TOKENS.admin);
    const before = await pullAll(api, 0, 5000);
    const customer = uid('feed-new-c');
    const log = new Log((await serverNow(api)) + MINUTE).customer(customer);
    await postEvents(api, log);
    const page = expectOk(await api.get(`/v1/changes?after=${before.last}&limit=100`), changesPageSchema);
    expect(page.changes.map((c) => [c.type, c.id])).toContainEqual(['customer', customer]);
    for (const change of page.changes) expect(change.seq).toBeGreaterThan(before.last);
    expect(page.last).toBeGreaterThan(before.last);
    expectWellFormed(page.changes);
  });

  it('keeps the latest state of every entity, pulled whole or incrementally', async () => {
    const api = platform.api(TOKENS.admin);
    const incremental = new Mirror(api);
    await incremental.sync();
    expect(incremental.get('submission', ids.held).status).toBe('held');

    // Change entities several times: a rating three times, the held design released.
    const log = new Log((await serverNow(api)) + MINUTE);
    log.rating(ids.rated, 2).wait(MINUTE).rating(ids.rated, 3).wait(MINUTE).rating(ids.rated, 4);
    await postEvents(api, log);
    await setClock(api, Math.max(ids.heldReleaseAt, log.nowMs) + MINUTE);
    await incremental.sync();

    const whole = fold((await pullAll(api, 0, 5000)).changes);
    // A delete whose upsert came before the cursor may be compacted away from after=0.
    const upserts = (state: Map<string, Change>): Map<string, Change> => new Map([...state].filter(([, c]) => c.op === 'upsert'));
    expect(upserts(whole)).toEqual(upserts(incremental.state));
    const rating = parseEntity('rating', dataOf(whole.get(`rating/${ids.rated}`)));
    expect(rating.stars).toBe(4);
    expect(rating.history.map((h) => h.stars)).toEqual([1, 2, 3, 4]);
    const held = parseEntity('submission', dataOf(whole.get(`submission/${ids.held}`)));
    expect(held.status).toBe('visible');
  });

  it('never gives a page of more than 5000 changes (a larger limit is refused or capped)', async () => {
    const api = platform.api(TOKENS.admin);
    const log = new Log((await serverNow(api)) + MINUTE);
    for (let i = 0; i < 5100; i++) log.customer(`bulk-c-${i}`);
    const result = await postEvents(api, log);
    expect(result.refused).toEqual([]);

    const big = await api.get('/v1/changes?after=0&limit=6000');
    if (big.status === 200) {
      const page = changesPageSchema.parse(big.json);
      expect(page.changes.length).toBeLessThanOrEqual(5000);
      expect(page.hasMore).toBe(true);
    } else {
      expectProblem(big, 422);
    }
    const max = expectOk(await api.get('/v1/changes?after=0&limit=5000'), changesPageSchema);
    expect(max.changes.length).toBeLessThanOrEqual(5000);
    expect(max.hasMore).toBe(true);

    const all = await pullAll(api, 0, 5000);
    for (const page of all.pages) expect(page.changes.length).toBeLessThanOrEqual(5000);
    const customers = new Set(all.changes.filter((c) => c.type === 'customer').map((c) => c.id));
    for (let i = 0; i < 5100; i++) expect(customers.has(`bulk-c-${i}`)).toBe(true);
  });
});
