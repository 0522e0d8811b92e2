// R13 audits over the cache: run in a worker thread (the browser host's and the app's way), with
// progress events, coverage of the period, grouped findings and a CSV export. A generated
// marketplace's own feed audits clean but for the reviews it really left overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, TOKENS, expectOk, iso, postHeldSubmission, serverNow, setClock, startTestPlatform, type TestPlatform } from '../platform/contract/helpers';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { devBreachAnswerSchema, type Change } from '../../core';
import { applyChanges, heldShownIds, markHeldShown } from '../../electron/services/cache/apply-changes';
import { openCache } from '../../electron/services/db/open-cache';
import { makeSubmission } from '../core/builders';
import { workerRunner } from '../../electron/services/audit/worker-runner';
import { newDataDir, startConsole, waitFor, type TestConsole } from './helpers';

let platform: TestPlatform;
let auditor: TestConsole;
let inProcess: TestConsole;

beforeAll(async () => {
  platform = await startTestPlatform({ dataset: 'small', seed: 3, live: false });
  auditor = await startConsole(platform.url, TOKENS.auditor, { auditRunner: workerRunner() });
  inProcess = await startConsole(platform.url, TOKENS.auditor);
  await Promise.all([auditor.call('sync.now', {}), inProcess.call('sync.now', {})]);
}, 120_000);

afterAll(async () => {
  await auditor?.dispose();
  await inProcess?.dispose();
  await platform?.dispose();
});

async function finished(c: TestConsole, runId: string) {
  return waitFor('the audit to finish', async () => {
    const run = await c.call('audit.get', { runId });
    return run.state === 'running' ? undefined : run;
  }, 60_000);
}

describe('an audit of the generated marketplace', () => {
  it('finds nothing the platform did not really do, in a worker, with progress', async () => {
    const to = new Date(await serverNow(platform.api(TOKENS.admin))).toISOString();
    const started = await auditor.call('audit.run', { from: '2026-01-01T00:00:00.000Z', to });
    expect(started.state).toBe('running');
    const run = await finished(auditor, started.runId);
    expect(run.state).toBe('done');
    expect(run.coverage).toEqual({ complete: true, missing: [] });
    expect(run.examined?.['submissions']).toBeGreaterThan(1000);
    // The generator leaves some 48-hour reviews undecided past their deadline: genuine findings.
    expect(new Set(run.findings.map((f) => f.kind))).toEqual(new Set(run.findings.length === 0 ? [] : ['review_overdue']));
    expect(auditor.events.some((e) => e.type === 'audit.progress' && e.runId === started.runId && e.phase === 'reading the cache')).toBe(true);
    const csv = await auditor.call('audit.export', { runId: started.runId });
    expect(csv.csv.split('\r\n')[0]).toBe('rule,kind,title,recordType,recordId,at,explanation,policyVersion');
    expect(csv.rows).toBe(run.findings.length);
  });

  it('finds the same in-process as in the worker', async () => {
    const to = new Date(await serverNow(platform.api(TOKENS.admin))).toISOString();
    const [a, b] = await Promise.all([auditor.call('audit.run', { from: '2026-01-01T00:00:00.000Z', to }), inProcess.call('audit.run', { from: '2026-01-01T00:00:00.000Z', to })]);
    const [ra, rb] = await Promise.all([finished(auditor, a.runId), finished(inProcess, b.runId)]);
    expect(ra.findings).toEqual(rb.findings);
    expect(ra.examined).toEqual(rb.examined);
  });

  it('says when the cache does not reach the end of the period', async () => {
    const later = new Date((await serverNow(platform.api(TOKENS.admin))) + 30 * 86_400_000).toISOString();
    const run = await auditor.call('audit.run', { from: '2026-01-01T00:00:00.000Z', to: later });
    expect(run.coverage?.complete).toBe(false);
    expect(run.coverage?.missing[0]).toMatch(/^The cache was last synced at /);
    await finished(auditor, run.runId);
  });
});

describe('a held design the platform shows before its release', () => {
  it('is found after its release time has passed, because the console saw it visible before', async () => {
    const empty = await startTestPlatform();
    const watcher = await startConsole(empty.url, TOKENS.auditor);
    try {
      const quality = empty.api(TOKENS.quality);
      const held = await postHeldSubmission(quality);
      await watcher.call('sync.now', {});
      const answer = expectOk(await quality.post('/v1/dev/breaches', { rule: 'release_held_early', recordId: held.submissionId }), devBreachAnswerSchema);
      await watcher.call('sync.now', {});
      // A day on: the record reads as released on time, and the cache is as of after the release.
      await setClock(empty.api(TOKENS.admin), held.releaseAt + DAY);
      await watcher.call('sync.now', {});
      const run = await finished(watcher, (await watcher.call('audit.run', { from: '2026-01-01T00:00:00.000Z', to: iso(held.releaseAt + DAY) })).runId);
      const found = run.findings.filter((f) => f.recordId === held.submissionId);
      expect(found.map((f) => f.kind)).toEqual(['shown_before_release']);
      expect(found[0]?.explanation).toContain('nobody approved it, but it was already visible at');
      expect(Date.parse(answer.at)).toBeLessThan(held.releaseAt - HOUR);
    } finally {
      await watcher.dispose();
      await empty.dispose();
    }
  });
});

describe('when the cache saw a held design visible', () => {
  it('notes held designs only, once: a later sighting never moves the first', async () => {
    const dir = await newDataDir();
    const db = await openCache(join(dir, 'cache.sqlite'));
    try {
      const upsert = (data: ReturnType<typeof makeSubmission>): Change => ({ seq: data.rev, type: 'submission', op: 'upsert', id: data.id, data });
      const held = { releaseAt: '2026-11-02T17:12:00.000Z', holdReason: 'held_low_rating' as const };
      const page = [
        upsert(makeSubmission({ id: 'shown-held', status: 'visible', ...held })),
        upsert(makeSubmission({ id: 'still-held', status: 'held', ...held })),
        upsert(makeSubmission({ id: 'never-held', status: 'visible', holdReason: 'rating_ok' })),
      ];
      expect(heldShownIds(page)).toEqual(['shown-held']);
      await db.transaction('cache', (trx) => applyChanges(trx, page));
      await db.transaction('cache', (trx) => markHeldShown(trx, ['shown-held', 'still-held'], '2026-11-02T12:00:00.000Z'));
      await db.transaction('cache', (trx) => markHeldShown(trx, ['shown-held'], '2026-11-02T18:00:00.000Z'));
      const rows: Array<{ id: string; shown_seen_at: string | null }> = await db.write('submissions').orderBy('id').select('id', 'shown_seen_at');
      expect(rows).toEqual([
        { id: 'never-held', shown_seen_at: null },
        { id: 'shown-held', shown_seen_at: '2026-11-02T12:00:00.000Z' },
        { id: 'still-held', shown_seen_at: null },
      ]);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
