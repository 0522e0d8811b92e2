// The sync engine against a real reference platform on loopback: a first sync fills the cache,
// later changes arrive by the live stream's nudge (no sync.now), pages are applied whole with
// their cursor, and the queues show what the rule core says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, Log, TOKENS, postEvents, postHeldSubmission, postPendingSubmission, serverNow, startTestPlatform, uid, type TestPlatform } from '../platform/contract/helpers';
import { startConsole, waitFor, type TestConsole } from './helpers';

let platform: TestPlatform;
let console_: TestConsole;

beforeAll(async () => {
  platform = await startTestPlatform();
  const admin = platform.api(TOKENS.admin);
  await postHeldSubmission(admin, 'sync-held');
  await postPendingSubmission(admin, 'sync-pending');
  console_ = await startConsole(platform.url, TOKENS.quality, { pageSize: 7 });
});

afterAll(async () => {
  await console_?.dispose();
  await platform?.dispose();
});

describe('first sync', () => {
  it('pulls every page into the cache and reports the cursor', async () => {
    const { cursor } = await console_.call('sync.now', {});
    expect(cursor).toBeGreaterThan(0);
    const status = await console_.call('sync.status', {});
    // Online, or already in the next poll's pull (tests poll every 200 ms).
    expect(status.state).not.toBe('offline');
    expect(status).toMatchObject({ outbox: 0, conflicts: 0 });
    expect(status.cursor).toBeGreaterThanOrEqual(cursor);
    expect(status.lastSyncedAt).not.toBeNull();
    // Pages of 7 changes: the progress went through several pages.
    const progress = console_.events.filter((e) => e.type === 'sync.status' && e.status.progress !== undefined);
    expect(progress.length).toBeGreaterThan(1);
  });

  it('shows the held submission with the rule core’s sentence and the 48-hour one', async () => {
    const counts = await console_.call('queues.counts', {});
    expect(counts).toMatchObject({ held: 1, review: 1, reviewOverdue: 0, flags: 0 });
    const held = await console_.call('queues.page', { queue: 'held' });
    expect(held.total).toBe(1);
    const row = held.items[0];
    expect(row?.subjectType).toBe('submission');
    if (row?.subjectType !== 'submission') return;
    expect(row.rating).toEqual({ category: 'logo', value: '1.00', count: 1 });
    const item = await console_.call('items.get', { subjectType: 'submission', subjectId: row.id });
    expect(item.subjectType === 'submission' && item.explanation).toMatch(/^Held: logo rating 1\.00 over 1 rated design is below 2\.5; the launch window of this 3-day contest ends .*, 6 h 12 min after it arrived\.$/);
    expect(item.decidable).toBe(true);
  });

  it('knows who is signed in and the platform clock', async () => {
    const session = await console_.call('session.get', {});
    expect(session.signedIn).toBe(true);
    if (!session.signedIn) return;
    expect(session.moderator.roles).toEqual(['quality']);
    expect(session.can).toEqual({ decideSubmissions: true, decideFlags: false, audit: false });
    // The test platform's clock is stopped at its start: far from the machine's clock.
    expect(Math.abs(Date.parse(session.serverTime) - (await serverNow(platform.api(TOKENS.admin))))).toBeLessThan(2000);
  });
});

describe('live', () => {
  it('pulls a change by the platform’s nudge, without sync.now', async () => {
    const admin = platform.api(TOKENS.admin);
    const before = (await console_.call('queues.counts', {})).review;
    const log = new Log((await serverNow(admin)) + MINUTE);
    const [d, c, p, s] = [uid('live-d'), uid('live-c'), uid('live-p'), uid('live-s')];
    log.customer(c).designer(d, 'unverified').wait(MINUTE).project(p, c).wait(HOUR).submission(s, p, d);
    expect((await postEvents(admin, log)).refused).toEqual([]);
    await waitFor('the new 48-hour review in the cache', async () => (await console_.call('queues.counts', {})).review === before + 1);
    const status = await console_.call('sync.status', {});
    expect(status.live).toBe(true);
  });
});

describe('the platform gone', () => {
  it('says offline as soon as the live stream drops, not when the next poll comes round', async () => {
    const own = await startTestPlatform({ heartbeatMs: 200 });
    // A poll period longer than this test's wait: only the dropped stream can bring the pull.
    const alone = await startConsole(own.url, TOKENS.quality, { pollMs: 600_000 });
    try {
      // A change after sign-in: the stream's nudge is what makes it live.
      await postHeldSubmission(own.api(TOKENS.admin), 'gone-held');
      await waitFor('the live stream', async () => (await alone.call('sync.status', {})).live);
      // Every pull done, so none is under way when the platform goes.
      await alone.call('sync.now', {});
      await waitFor('the pulls to end', async () => (await alone.call('sync.status', {})).state === 'online');
      await own.close();
      const status = await waitFor('the console to say offline', async () => {
        const s = await alone.call('sync.status', {});
        return s.state === 'offline' ? s : undefined;
      });
      expect(status.live).toBe(false);
      expect(status.lastError).toMatch(/could not reach/);
    } finally {
      await alone.dispose();
      await own.dispose();
    }
  });
});
