// Planted breaches (POST /v1/dev/breaches): each breaks one rule at one record, the applied-event
// log shows it, and an offline audit of the feed (RULES R13, core/audit.ts) finds exactly it on
// top of what it found before — so the console's audit can be proven against a platform that
// breaks rules on purpose. The generated marketplace breaks none: before any breach, the audit
// finds only the 48-hour reviews nobody decided (the generator decides nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { parseCli } from '../../platform/cli-options';
import { DEV_BREACH_KINDS, DEV_BREACHES, devBreachAnswerSchema, devEventLogSchema, metaSchema, type AuditFinding, type DevBreachKind } from '../../core';
import { client, DAY, expectOk, expectProblem, HOUR, iso, Mirror, ms, newStoreDir, postHeldSubmission, SECOND, startTestPlatform, TOKENS, type Client, type TestPlatform } from './contract/helpers';
import { auditFeed, findingKeys } from './feed-audit';

let platform: TestPlatform;
let api: Client;
let mirror: Mirror;
let now: string;
/** The audit's findings before any breach. */
let baseline: string[];

async function audit(): Promise<{ keys: string[]; findings: AuditFinding[] }> {
  await mirror.sync();
  // The period's end is exclusive: a breach recorded at the clock (a sixth entrant's submission)
  // is in a period that ends after it.
  const report = auditFeed(mirror, iso(ms(now) + SECOND));
  return { keys: findingKeys(report), findings: report.findings };
}

beforeAll(async () => {
  // A stopped clock: nothing changes between two audits but the breach.
  platform = await startTestPlatform({ dataset: 'small', seed: 1, clock: '2026-11-02T08:00:00Z' });
  api = platform.api(TOKENS.quality);
  mirror = new Mirror(api);
  now = expectOk(await api.get('/v1/meta'), metaSchema).serverTime;
  baseline = (await audit()).keys;
}, 120_000);

afterAll(async () => {
  await platform?.dispose();
});

describe('a generated marketplace', () => {
  it('breaks no rule: the audit finds only the reviews nobody decided', () => {
    expect(baseline.length).toBeGreaterThan(0);
    for (const key of baseline) expect(key).toMatch(/^review_overdue submission\//);
  });
});

describe('each planted breach', () => {
  const planted: string[] = [];

  // The small marketplace has one held design at this clock: show_held_early takes it, and
  // release_held_early has its own test below, on a held design of its own.
  it.each(DEV_BREACH_KINDS.filter((kind) => kind !== 'release_held_early').map((kind) => [kind]))('%s: the event log shows it, and the audit finds it and nothing else', async (kind: DevBreachKind) => {
    const answer = expectOk(await api.post('/v1/dev/breaches', { rule: kind }), devBreachAnswerSchema);
    const { rule, recordType, finding } = DEV_BREACHES[kind];
    expect(answer.breach).toMatchObject({ rule: kind, recordType, finding });
    expect(answer.at).toBe(now);

    // The log's last entry, after every event the dataset applied.
    const log = expectOk(await api.get(`/v1/dev/events?after=${answer.n - 1}`), devEventLogSchema);
    expect(log).toEqual({ events: [{ n: answer.n, at: now, type: 'dev.breach', status: 'applied', breach: answer.breach }], last: answer.n, hasMore: false });

    const { keys, findings } = await audit();
    planted.push(`${finding} ${recordType}/${answer.breach.recordId}`);
    expect(keys).toEqual([...baseline, ...planted].sort());
    const found = findings.find((f) => f.kind === finding && f.recordId === answer.breach.recordId);
    expect(found?.rule).toBe(rule);
  });
});

describe('the breach endpoint', () => {
  it('plants at the record named, and refuses one the breach does not apply to (409) or that does not exist (404)', async () => {
    const empty = await startTestPlatform();
    try {
      const quality = empty.api(TOKENS.quality);
      const feed = new Mirror(quality);
      const { submissionId } = await postHeldSubmission(quality);
      await feed.sync();
      const held = feed.get('submission', submissionId);
      expect(held.status).toBe('held');
      const answer = expectOk(await quality.post('/v1/dev/breaches', { rule: 'show_held_early', recordId: submissionId }), devBreachAnswerSchema);
      expect(answer.breach).toEqual({ rule: 'show_held_early', recordType: 'submission', recordId: submissionId, finding: 'shown_should_hold', changed: [{ type: 'submission', id: submissionId }] });
      await feed.sync();
      const shown = feed.get('submission', submissionId);
      expect(shown).toMatchObject({ status: 'visible', rev: held.rev + 1 });
      expect(shown.holdReason).toBeUndefined();
      expect(shown.releaseAt).toBeUndefined();

      const cursor = feed.cursor;
      const again = expectProblem(await quality.post('/v1/dev/breaches', { rule: 'show_held_early', recordId: submissionId }), 409);
      expect(again.type).toMatch(/breach-not-applicable$/);
      expect(again.detail).toContain('visible');
      expectProblem(await quality.post('/v1/dev/breaches', { rule: 'reject_without_reason', recordId: submissionId }), 409);
      expectProblem(await quality.post('/v1/dev/breaches', { rule: 'sixth_mini_contest_entrant' }), 409);
      expectProblem(await quality.post('/v1/dev/breaches', { rule: 'publish_review_early', recordId: 'no-such-review' }), 404);
      // Validated at the boundary: an unknown rule or a stray field changes nothing.
      expectProblem(await quality.post('/v1/dev/breaches', { rule: 'approve_everything' }), 422);
      expectProblem(await quality.post('/v1/dev/breaches', { rule: 'reject_without_reason', recordId: submissionId, extra: 1 }), 422);
      expect(await feed.sync()).toEqual([]);
      expect(feed.cursor).toBe(cursor);
      const log = expectOk(await quality.get(`/v1/dev/events?after=${answer.n - 1}`), devEventLogSchema);
      expect(log.events.map((e) => e.type)).toEqual(['dev.breach']);
    } finally {
      await empty.dispose();
    }
  });

  it('release_held_early shows a held design and keeps its hold: only when a console saw it visible tells it from a release on time', async () => {
    const empty = await startTestPlatform();
    try {
      const quality = empty.api(TOKENS.quality);
      const feed = new Mirror(quality);
      const held = await postHeldSubmission(quality);
      const answer = expectOk(await quality.post('/v1/dev/breaches', { rule: 'release_held_early', recordId: held.submissionId }), devBreachAnswerSchema);
      expect(answer.breach).toEqual({ rule: 'release_held_early', recordType: 'submission', recordId: held.submissionId, finding: 'shown_before_release', changed: [{ type: 'submission', id: held.submissionId }] });
      await feed.sync();
      const shown = feed.get('submission', held.submissionId);
      expect(shown).toMatchObject({ status: 'visible', holdReason: 'held_low_rating', releaseAt: iso(held.releaseAt) });
      const keys = (seen: Parameters<typeof auditFeed>[2]) => findingKeys(auditFeed(feed, iso(held.releaseAt + DAY), seen)).filter((k) => k.includes(held.submissionId));
      // The record alone reads as released on time…
      expect(keys({})).toEqual([]);
      // …seen visible at the breach, it was shown early; seen only after its release, it was not.
      expect(keys({ shownSeen: new Map([[held.submissionId, answer.at]]) })).toEqual([`shown_before_release submission/${held.submissionId}`]);
      expect(keys({ shownSeen: new Map([[held.submissionId, iso(held.releaseAt + HOUR)]]) })).toEqual([]);
      expectProblem(await quality.post('/v1/dev/breaches', { rule: 'release_held_early', recordId: held.submissionId }), 409);
    } finally {
      await empty.dispose();
    }
  });

  it('plants the breaches a start asks for (--breach), and a start whose breach does not apply fails', async () => {
    const dir = await newStoreDir();
    try {
      const first = await startTestPlatform({}, dir);
      const { submissionId } = await postHeldSubmission(first.api(TOKENS.quality));
      await first.close();
      const second = await startTestPlatform({ breaches: [{ rule: 'show_held_early' }] }, dir);
      try {
        const feed = new Mirror(second.api(TOKENS.auditor));
        await feed.sync();
        expect(feed.get('submission', submissionId).status).toBe('visible');
        const log = expectOk(await second.api(TOKENS.auditor).get('/v1/dev/events?after=0&limit=5000'), devEventLogSchema);
        expect(log.events.filter((e) => e.breach !== undefined).map((e) => e.breach)).toEqual([
          { rule: 'show_held_early', recordType: 'submission', recordId: submissionId, finding: 'shown_should_hold', changed: [{ type: 'submission', id: submissionId }] },
        ]);
      } finally {
        await second.close();
      }
      await expect(startTestPlatform({ breaches: [{ rule: 'reject_without_reason', recordId: submissionId }] }, dir)).rejects.toThrow(/--breach reject_without_reason:.*visible/);
      await expect(startTestPlatform({ dev: false, breaches: [{ rule: 'show_held_early' }] }, dir)).rejects.toThrow(/need development mode/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads --breach KIND[:RECORD] from the command line, with --dev only', () => {
    expect(parseCli(['--dev', '--breach', 'show_held_early', '--breach', 'reject_without_reason:s1:x'])).toMatchObject({
      breaches: [{ rule: 'show_held_early' }, { rule: 'reject_without_reason', recordId: 's1:x' }],
    });
    expect(() => parseCli(['--breach', 'show_held_early'])).toThrow(/--breach needs --dev/);
    expect(() => parseCli(['--dev', '--breach', 'approve_everything'])).toThrow(/--breach: one of show_held_early/);
  });

  it('exists in development mode only', async () => {
    const plain = await startTestPlatform({ dev: false });
    try {
      // Not a route at all outside development mode (like every /v1/dev/* route).
      expectProblem(await client(plain.url, null).post('/v1/dev/breaches', { rule: 'show_held_early' }), 404);
    } finally {
      await plain.dispose();
    }
  });
});
