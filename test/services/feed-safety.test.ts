// What the sync engine does when the feed misbehaves: an invalid page is refused whole (nothing
// of it written, the cursor unmoved), reported and retried; a pull that would delete most of the
// cache stops and asks; a 410 or a new feed id drops the cache and pulls from 0 while the outbox
// and the journal stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { designer, heldSubmission, project, startScriptedPlatform, type ScriptedPlatform } from './scripted-platform';
import { startConsole, waitFor, type TestConsole } from './helpers';

let platform: ScriptedPlatform;
let c: TestConsole;

async function cachedDesigners(): Promise<string[]> {
  const ws = c.service.workspace();
  if (ws === null) throw new Error('signed out');
  return (await ws.db.read('designers').orderBy('id').select('id')).map((r: { id: string }) => r.id);
}

beforeEach(async () => {
  platform = await startScriptedPlatform();
  for (let i = 1; i <= 6; i++) platform.changes.push({ seq: i, type: 'designer', op: 'upsert', id: `d${i}`, data: designer(`d${i}`) });
});
afterEach(async () => {
  await c?.dispose();
  await platform?.close();
});

describe('an invalid page', () => {
  it('is refused whole, reported, and retried until it is valid', async () => {
    // Page 2 (after seq 3) has one good change and one invalid one.
    const bad = { feedId: 'feed-1', changes: [platform.changes[3], { ...platform.changes[4], data: { ...designer('d5'), verification: 'maybe' } }], last: 5, hasMore: true };
    platform.override.set(3, { status: 200, body: JSON.stringify(bad) });
    c = await startConsole(platform.url, 'token', { pageSize: 3 });
    const problem = await c.problem('sync.now', {});
    expect(problem.status).toBe(503);
    expect(problem.detail).toMatch(/changes\.1\.data\.verification/);
    expect(await cachedDesigners()).toEqual(['d1', 'd2', 'd3']);
    const status = await c.call('sync.status', {});
    expect(status.cursor).toBe(3);
    expect(status.lastError).toMatch(/invalid changes page/);
    platform.override.clear();
    await c.call('sync.now', {});
    expect(await cachedDesigners()).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect((await c.call('sync.status', {})).lastError).toBeUndefined();
  });

  it('keeps a newer rev when the feed sends an older one', async () => {
    c = await startConsole(platform.url, 'token');
    platform.changes.push({ seq: 7, type: 'designer', op: 'upsert', id: 'd1', data: { ...designer('d1', 3), displayName: 'Newer' } });
    await c.call('sync.now', {});
    platform.changes.push({ seq: 8, type: 'designer', op: 'upsert', id: 'd1', data: { ...designer('d1', 2), displayName: 'Older' } });
    await c.call('sync.now', {});
    const row: { rev: number; display_name: string } | undefined = await c.service.workspace()?.db.read('designers').where({ id: 'd1' }).first('rev', 'display_name');
    expect(row).toEqual({ rev: 3, display_name: 'Newer' });
  });
});

describe('the deletion fail-safe', () => {
  it('stops a pull that would delete most of the cache until the moderator confirms', async () => {
    for (let i = 7; i <= 200; i++) platform.changes.push({ seq: i, type: 'designer', op: 'upsert', id: `d${String(i).padStart(3, '0')}`, data: designer(`d${String(i).padStart(3, '0')}`) });
    c = await startConsole(platform.url, 'token');
    await c.call('sync.now', {});
    expect(await cachedDesigners()).toHaveLength(200);
    let seq = 200;
    for (let i = 7; i <= 180; i++) platform.changes.push({ seq: ++seq, type: 'designer', op: 'delete', id: `d${String(i).padStart(3, '0')}` });
    expect((await c.problem('sync.now', {})).status).toBe(409);
    const status = await c.call('sync.status', {});
    expect(status.failsafe).toEqual({ deletes: 174, cached: 200 });
    expect(await cachedDesigners()).toHaveLength(200);
    await c.call('sync.confirmDeletions', {});
    expect(await cachedDesigners()).toHaveLength(26);
    expect((await c.call('sync.status', {})).failsafe).toBeUndefined();
  });
});

describe('starting the feed over', () => {
  /** The feed of a held submission, decided here with a long undo window: it stays in the outbox. */
  async function decideAndKeep(): Promise<void> {
    platform.changes.push(
      { seq: 7, type: 'project', op: 'upsert', id: 'p1', data: project('p1') },
      { seq: 8, type: 'submission', op: 'upsert', id: 's1', data: heldSubmission('s1', 'p1', 'd1') },
    );
    await c.call('sync.now', {});
    await c.call('settings.set', { undoSeconds: 60 });
    await c.call('decisions.decide', { subjectType: 'submission', subjectId: 's1', outcome: 'reject', reasonCode: 'off_brief' });
    expect((await c.call('sync.status', {})).outbox).toBe(1);
  }

  async function expectKept(): Promise<void> {
    expect((await c.call('sync.status', {})).outbox).toBe(1);
    expect(await c.call('journal.verify', {})).toMatchObject({ ok: true, entries: 1 });
    expect((await c.call('decisions.list', {})).items.map((d) => d.state)).toEqual(['queued']);
    // The submission came back with the new feed, and its decision still keeps it out of the queue.
    expect((await c.call('queues.counts', {})).held).toBe(0);
  }

  it('on 410 drops the cache, keeps the outbox, and pulls from 0 with progress', async () => {
    c = await startConsole(platform.url, 'token');
    await decideAndKeep();
    platform.changes = [
      { seq: 1, type: 'designer', op: 'upsert', id: 'dx', data: designer('dx') },
      { seq: 2, type: 'project', op: 'upsert', id: 'p1', data: project('p1') },
      { seq: 3, type: 'submission', op: 'upsert', id: 's1', data: heldSubmission('s1', 'p1', 'dx') },
    ];
    platform.override.set(8, { status: 410, body: JSON.stringify({ type: 'https://platform.example/problems/resync-required', title: 'Gone', status: 410, detail: 'cursor 8 is beyond the end of the feed' }) });
    await c.call('sync.now', {});
    expect(await cachedDesigners()).toEqual(['dx']);
    await expectKept();
    expect(c.events.some((e) => e.type === 'sync.status' && e.status.progress?.phase === 'resync')).toBe(true);
    expect(platform.requests).toContain('GET /v1/changes?after=0&limit=500&feedId=feed-1');
  });

  it('on a 410 from the event stream pulls at once, without waiting for the next poll', async () => {
    c = await startConsole(platform.url, 'token', { pollMs: 600_000 });
    await waitFor('the first pull', async () => (await cachedDesigners()).length === 6);
    platform.changes = [{ seq: 1, type: 'designer', op: 'upsert', id: 'dz', data: designer('dz') }];
    const gone = JSON.stringify({ type: 'https://platform.example/problems/resync-required', title: 'Gone', status: 410, detail: 'cursor 6 is beyond the end of the feed' });
    platform.override.set(6, { status: 410, body: gone });
    platform.eventsAnswer = { status: 410, body: gone };
    await waitFor('the resync the stream asked for', async () => (await cachedDesigners()).join() === 'dz', 20_000, 100);
    expect((await c.call('sync.status', {})).lastError).toBeUndefined();
  });

  it('learns the new feed from /v1/meta when a page comes from it, and gives up on a feed that never settles', async () => {
    c = await startConsole(platform.url, 'token');
    await c.call('sync.now', {});
    // Pages of a feed /v1/meta does not name: each restart asks the meta again, three at most.
    const stray = JSON.stringify({ feedId: 'feed-stray', changes: [], last: 0, hasMore: false });
    platform.override.set(0, { status: 200, body: stray });
    platform.override.set(6, { status: 200, body: stray });
    const problem = await c.problem('sync.now', {});
    expect(problem.status).toBe(503);
    expect(problem.detail).toMatch(/feed changed 4 times during one pull/);
    platform.override.clear();
    await c.call('sync.now', {});
    expect(await cachedDesigners()).toHaveLength(6);
  });

  it('on a new feed id does the same', async () => {
    c = await startConsole(platform.url, 'token');
    await decideAndKeep();
    platform.feedId = 'feed-2';
    platform.changes = [
      { seq: 1, type: 'designer', op: 'upsert', id: 'dy', data: designer('dy') },
      { seq: 2, type: 'project', op: 'upsert', id: 'p1', data: project('p1') },
      { seq: 3, type: 'submission', op: 'upsert', id: 's1', data: heldSubmission('s1', 'p1', 'dy') },
    ];
    await c.call('sync.now', {});
    expect(await cachedDesigners()).toEqual(['dy']);
    await expectKept();
  });
});

describe('a token of another moderator', () => {
  it('never writes into this workspace', async () => {
    c = await startConsole(platform.url, 'token');
    await c.call('sync.now', {});
    // The platform now says this token is someone else's.
    platform.moderatorId = 'mod-other';
    platform.changes.push({ seq: 7, type: 'designer', op: 'upsert', id: 'd7', data: designer('d7') });
    const problem = await c.problem('sync.now', {});
    expect(problem.status).toBe(401);
    expect(problem.detail).toMatch(/belongs to mod-other/);
    expect(await cachedDesigners()).not.toContain('d7');
  });
});
