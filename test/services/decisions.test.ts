// Deciding on this machine: the rule core refuses what it must before anything is written; a
// decision leaves its queue at once, waits out the undo window, reaches the platform with its
// UUID and expectedRev, and its answer lands in the cache and the journal. Offline decisions
// wait and go out when the platform is back; a second moderator deciding first is a conflict
// the moderator sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  MINUTE,
  TOKENS,
  dataOf,
  fold,
  newStoreDir,
  parseEntity,
  postFlagScenario,
  postHeldSubmission,
  postPendingSubmission,
  pullAll,
  setClock,
  serverNow,
  startTestPlatform,
  type TestPlatform,
} from '../platform/contract/helpers';
import { startConsole, waitFor, type TestConsole } from './helpers';

async function platformEntity<T extends 'submission' | 'flag' | 'designer' | 'rating'>(platform: TestPlatform, type: T, id: string) {
  const { changes } = await pullAll(platform.api(TOKENS.admin), 0, 5000);
  return parseEntity(type, dataOf(fold(changes).get(`${type}/${id}`)));
}

describe('a quality moderator deciding', () => {
  let platform: TestPlatform;
  let quality: TestConsole;

  beforeAll(async () => {
    platform = await startTestPlatform();
    quality = await startConsole(platform.url, TOKENS.quality, { settingsOverrides: { undoSeconds: 60 } });
  });
  afterAll(async () => {
    await quality?.dispose();
    await platform?.dispose();
  });

  it.each([
    ['a reject without a reason', { outcome: 'reject' }, 400, 'reason_required'],
    ['other without a note', { outcome: 'reject', reasonCode: 'other' }, 400, 'note_required'],
    ['an unknown reason', { outcome: 'reject', reasonCode: 'constructor' }, 400, 'unknown_reason'],
    ['a flag outcome on a submission', { outcome: 'dismiss', reasonCode: 'duplicate' }, 400, 'validation'],
  ])('refuses %s and writes nothing', async (_name, decision, status, kind) => {
    const held = await postHeldSubmission(platform.api(TOKENS.admin), 'refuse');
    await quality.call('sync.now', {});
    const p = await quality.problem('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, ...decision });
    expect(p.status).toBe(status);
    expect(p.type.endsWith(kind)).toBe(true);
    expect((await quality.call('decisions.list', { subjectId: held.submissionId })).items).toEqual([]);
    expect((await quality.call('journal.verify', {})).ok).toBe(true);
    expect((await quality.call('items.get', { subjectType: 'submission', subjectId: held.submissionId })).decidable).toBe(true);
  });

  it('refuses a flag decision: the quality role decides submissions only', async () => {
    const flag = await postFlagScenario(platform.api(TOKENS.admin), 'qflag');
    await quality.call('sync.now', {});
    const p = await quality.problem('decisions.decide', { subjectType: 'flag', subjectId: flag.flagId, outcome: 'dismiss', reasonCode: 'false_positive' });
    expect(p.status).toBe(403);
  });

  it('takes the item out of its queue at once, and undo puts it back before anything is sent', async () => {
    const held = await postHeldSubmission(platform.api(TOKENS.admin), 'undo');
    await quality.call('sync.now', {});
    const before = await quality.call('queues.counts', {});
    const queued = await quality.call('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'reject', reasonCode: 'off_brief' });
    expect(queued.state).toBe('queued');
    expect((await quality.call('queues.counts', {})).held).toBe(before.held - 1);
    expect((await quality.call('sync.status', {})).outbox).toBe(1);
    const undone = await quality.call('decisions.undo', { decisionId: queued.decisionId });
    expect(undone.state).toBe('undone');
    expect((await quality.call('queues.counts', {})).held).toBe(before.held);
    expect((await quality.call('sync.status', {})).outbox).toBe(0);
    // Undoing twice is a 409, and the platform never heard of it.
    expect((await quality.problem('decisions.undo', { decisionId: queued.decisionId })).status).toBe(409);
    expect((await platformEntity(platform, 'submission', held.submissionId)).status).toBe('held');
    const journal = await quality.call('decisions.get', { decisionId: queued.decisionId });
    expect(journal.journal.map((j) => j.kind)).toEqual(['decided', 'undone']);
  });
});

describe('decisions reaching the platform', () => {
  let platform: TestPlatform;
  let quality: TestConsole;

  beforeAll(async () => {
    platform = await startTestPlatform();
    quality = await startConsole(platform.url, TOKENS.quality, { settingsOverrides: { undoSeconds: 0 } });
  });
  afterAll(async () => {
    await quality?.dispose();
    await platform?.dispose();
  });

  it('approves a held design: visible on the platform, applied here, answer in the journal', async () => {
    const held = await postHeldSubmission(platform.api(TOKENS.admin), 'approve');
    await quality.call('sync.now', {});
    const { decisionId } = await quality.call('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'approve' });
    await waitFor('the platform’s answer', async () => (await quality.call('decisions.list', { subjectId: held.submissionId })).items[0]?.state === 'applied');
    const onPlatform = await platformEntity(platform, 'submission', held.submissionId);
    expect(onPlatform.status).toBe('visible');
    expect(onPlatform.decision?.decisionId).toBe(decisionId);
    const item = await quality.call('items.get', { subjectType: 'submission', subjectId: held.submissionId });
    expect(item).toMatchObject({ status: 'visible', decidable: false });
    const entry = await quality.call('decisions.get', { decisionId });
    expect(entry.journal.map((j) => j.kind)).toEqual(['decided', 'answered']);
    expect(entry.journal[0]?.payload).toMatchObject({ shown: { explanation: expect.stringMatching(/^Held: logo rating 1\.00/), rating: { value: '1.00', count: 1, category: 'logo' } } });
  });

  it('approves a 48-hour review inside the launch window: scheduled until the window ends', async () => {
    const pending = await postPendingSubmission(platform.api(TOKENS.admin), 'sched');
    await quality.call('sync.now', {});
    await quality.call('decisions.decide', { subjectType: 'submission', subjectId: pending.submissionId, outcome: 'approve' });
    await waitFor('applied', async () => (await quality.call('decisions.list', { subjectId: pending.submissionId })).items[0]?.state === 'applied');
    const item = await quality.call('items.get', { subjectType: 'submission', subjectId: pending.submissionId });
    expect(item.status).toBe('scheduled');
    expect(item.subjectType === 'submission' && Date.parse(item.releaseAt ?? '')).toBe(pending.windowEnd);
  });

  it('keeps decisions made offline and sends them when the platform is back, each once', async () => {
    const dir = await newStoreDir();
    let own = await startTestPlatform({}, dir);
    const port = Number(new URL(own.url).port);
    const offline = await startConsole(own.url, TOKENS.quality, { settingsOverrides: { undoSeconds: 0 } });
    try {
      const held = [await postHeldSubmission(own.api(TOKENS.admin), 'off1'), await postHeldSubmission(own.api(TOKENS.admin), 'off2')];
      await offline.call('sync.now', {});
      await own.close();
      for (const h of held) await offline.call('decisions.decide', { subjectType: 'submission', subjectId: h.submissionId, outcome: 'reject', reasonCode: 'below_quality_standard' });
      await waitFor('offline', async () => (await offline.call('sync.status', {})).state === 'offline');
      const status = await offline.call('sync.status', {});
      expect(status.outbox).toBe(2);
      expect((await offline.problem('sync.now', {})).status).toBe(503);
      own = await startTestPlatform({ port }, dir);
      await waitFor('the outbox to empty', async () => (await offline.call('sync.status', {})).outbox === 0, 30_000);
      for (const h of held) expect((await platformEntity(own, 'submission', h.submissionId)).status).toBe('rejected');
      const list = await offline.call('decisions.list', { state: 'applied' });
      expect(list.items).toHaveLength(2);
    } finally {
      await offline.dispose();
      await own.dispose();
    }
  });
});

describe('two consoles deciding the same item', () => {
  let platform: TestPlatform;
  let first: TestConsole;
  let second: TestConsole;

  beforeAll(async () => {
    platform = await startTestPlatform();
    first = await startConsole(platform.url, TOKENS.quality, { settingsOverrides: { undoSeconds: 0 } });
    // The second moderator's decision waits out a one-second undo window: long enough for the
    // first one's to reach the platform before it.
    second = await startConsole(platform.url, TOKENS.admin, { settingsOverrides: { undoSeconds: 1 } });
  });
  afterAll(async () => {
    await first?.dispose();
    await second?.dispose();
    await platform?.dispose();
  });

  it('the second sees a conflict with what the first decided, and the item’s state now', async () => {
    const held = await postHeldSubmission(platform.api(TOKENS.admin), 'race');
    await Promise.all([first.call('sync.now', {}), second.call('sync.now', {})]);
    // Both decide on what they saw; the first one's decision reaches the platform first.
    const { decisionId } = await second.call('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'approve' });
    await first.call('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'reject', reasonCode: 'off_brief' });
    await waitFor('the first applied', async () => (await first.call('decisions.list', {})).items[0]?.state === 'applied');
    await waitFor('the conflict', async () => (await second.call('sync.status', {})).conflicts === 1);
    const conflicts = await second.call('conflicts.list', {});
    expect(conflicts.items).toHaveLength(1);
    expect(conflicts.items[0]).toMatchObject({ decisionId, kind: 'conflict', yourOutcome: 'approve', currentStatus: 'rejected', theirs: { outcome: 'reject', reasonCode: 'off_brief', moderatorId: 'mod-quality' } });
    expect(conflicts.items[0]?.summary).toMatch(/^Someone decided this first: rejected \(does not answer the brief\) by Quality \(dev\) at \d\d:\d\d UTC\.$/);
    expect((await second.call('decisions.list', { subjectId: held.submissionId })).items[0]?.state).toBe('conflict');
    // The cache shows the platform's state now, and the conflict stays until acknowledged.
    expect((await second.call('items.get', { subjectType: 'submission', subjectId: held.submissionId })).status).toBe('rejected');
    await second.call('conflicts.acknowledge', { decisionId });
    expect((await second.call('sync.status', {})).conflicts).toBe(0);
    expect((await second.call('conflicts.list', { includeAcknowledged: true })).items).toHaveLength(1);
  });

  it('refuses at once, locally, a decision on an item the cache already knows was decided', async () => {
    const held = await postHeldSubmission(platform.api(TOKENS.admin), 'stale');
    await Promise.all([first.call('sync.now', {}), second.call('sync.now', {})]);
    await first.call('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'approve' });
    await waitFor('the second console sees it', async () => (await second.call('items.get', { subjectType: 'submission', subjectId: held.submissionId })).status === 'visible');
    const p = await second.problem('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'reject', reasonCode: 'off_brief' });
    expect(p.status).toBe(409);
    expect(p.detail).toMatch(/is visible/);
  });
});

describe('trust and safety deciding a flag', () => {
  let platform: TestPlatform;
  let trust: TestConsole;

  beforeAll(async () => {
    platform = await startTestPlatform();
    trust = await startConsole(platform.url, TOKENS.trust, { settingsOverrides: { undoSeconds: 0 } });
  });
  afterAll(async () => {
    await trust?.dispose();
    await platform?.dispose();
  });

  it('confirms with a warning and voided ratings: the rating changes on the platform as the preview said', async () => {
    const flag = await postFlagScenario(platform.api(TOKENS.admin), 'confirm');
    await trust.call('sync.now', {});
    const item = await trust.call('items.get', { subjectType: 'flag', subjectId: flag.flagId });
    if (item.subjectType !== 'flag') throw new Error('not a flag');
    expect(item.timeline.some((e) => e.kind === 'message' && (e.spans ?? []).length > 0 && e.body !== undefined)).toBe(true);
    const voided = flag.ratingIds.slice(0, 1);
    const sanctions = [{ type: 'warn' as const }, { type: 'void_ratings' as const, ratingIds: voided }];
    const preview = await trust.call('flags.previewSanctions', { flagId: flag.flagId, sanctions });
    expect(preview.ratings).toEqual([{ category: 'logo', before: { value: '2.00', count: 2 }, after: { value: '2.00', count: 1 } }]);
    expect(preview.accountStatus).toMatchObject({ before: 'active', after: 'warned' });
    const evidenceKeys = item.timeline.filter((e) => e.kind === 'message').map((e) => e.key);
    const statement = await trust.call('flags.composeStatement', { flagId: flag.flagId, sanctions, evidenceKeys, clauseId: 'CoC-4.2', explanation: '' });
    expect(statement.status).toBe('incomplete');
    const complete = await trust.call('flags.composeStatement', { flagId: flag.flagId, sanctions, evidenceKeys, clauseId: 'CoC-4.2', explanation: 'Asking a customer to change a rating breaks the honest-ratings clause.' });
    expect(complete.status).toBe('complete');
    await trust.call('decisions.decide', { subjectType: 'flag', subjectId: flag.flagId, outcome: 'confirm', sanctions, statementOfReasons: complete.text, evidenceKeys });
    await waitFor('applied', async () => (await trust.call('decisions.list', { subjectId: flag.flagId })).items[0]?.state === 'applied');
    expect((await platformEntity(platform, 'designer', flag.designerId)).accountStatus).toBe('warned');
    expect((await platformEntity(platform, 'rating', voided[0] ?? '')).voidedAt).toBeDefined();
    const profile = await trust.call('designers.get', { designerId: flag.designerId });
    expect(profile.ratings).toEqual([{ category: 'logo', value: '2.00', count: 1 }]);
  });

  it('refuses a confirmation without a statement, before anything is written', async () => {
    const flag = await postFlagScenario(platform.api(TOKENS.admin), 'nostatement');
    await trust.call('sync.now', {});
    const p = await trust.problem('decisions.decide', { subjectType: 'flag', subjectId: flag.flagId, outcome: 'confirm', sanctions: [{ type: 'warn' }] });
    expect(p.status).toBe(400);
    expect((await trust.call('decisions.list', { subjectId: flag.flagId })).items).toEqual([]);
  });
});

describe('an auditor', () => {
  it('sees everything and can decide nothing', async () => {
    const platform = await startTestPlatform();
    const auditor = await startConsole(platform.url, TOKENS.auditor);
    try {
      const held = await postHeldSubmission(platform.api(TOKENS.admin), 'audit');
      await auditor.call('sync.now', {});
      expect((await auditor.call('queues.counts', {})).held).toBe(1);
      const p = await auditor.problem('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'approve' });
      expect(p.status).toBe(403);
      expect((await auditor.problem('claims.claim', { subjectType: 'submission', subjectId: held.submissionId })).status).toBe(403);
      await setClock(platform.api(TOKENS.admin), (await serverNow(platform.api(TOKENS.admin))) + DAY + MINUTE);
      const run = await auditor.call('audit.run', { from: '2026-01-01T00:00:00Z', to: new Date(Date.now() + 365 * DAY).toISOString() });
      const done = await waitFor('the audit', async () => {
        const r = await auditor.call('audit.get', { runId: run.runId });
        return r.state === 'done' ? r : undefined;
      });
      expect(done.examined?.['submissions']).toBeGreaterThan(0);
    } finally {
      await auditor.dispose();
      await platform.dispose();
    }
  });
});
