// `--dataset demo` (issue 11): on a real-time clock the demo's marketplace opens like a busy
// week — every queue full, counted from the feed as the console pulls it — and a second run
// with the same seed and start is the same marketplace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTORS, metaSchema, type DetectorName } from '../../core';
import { generateDemo } from '../../platform/generator/demo';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import { client, expectOk, HOUR, Mirror, ms, newStoreDir, TOKENS, type Client } from './contract/helpers';
import { auditFeed } from './feed-audit';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

let platform: RunningPlatform;
let dir: string;
let api: Client;
const mirror = { feed: null as Mirror | null, now: 0 };

function feed(): Mirror {
  if (mirror.feed === null) throw new Error('the demo did not start');
  return mirror.feed;
}

beforeAll(async () => {
  dir = await newStoreDir();
  // Real time, as `npm run serve` starts it; not live, so the counts are the start's.
  platform = await startPlatform({ storePath: join(dir, 'p.sqlite'), dev: true, dataset: 'demo', seed: 1, live: false });
  api = client(platform.url, TOKENS.admin);
  mirror.feed = new Mirror(api);
  await mirror.feed.sync();
  mirror.now = ms(expectOk(await api.get('/v1/meta'), metaSchema).serverTime);
}, 120_000);

afterAll(async () => {
  await platform?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('the demo marketplace at its start', () => {
  it('holds dozens of designs whose launch windows close from minutes to about 20 hours ahead', () => {
    const held = feed()
      .all('submission')
      .filter((s) => s.status === 'held');
    const ahead = held.map((s) => (ms(s.releaseAt ?? '') - mirror.now) / HOUR).sort((a, b) => a - b);
    expect(held.length).toBeGreaterThanOrEqual(40);
    expect(ahead[0]).toBeGreaterThan(0);
    expect(ahead[0]).toBeLessThan(1);
    expect(ahead.at(-1)).toBeGreaterThan(15);
    expect(ahead.at(-1)).toBeLessThanOrEqual(24);
    // Windows close at many different times, not all at once.
    expect(new Set(ahead.map((h) => Math.floor(h))).size).toBeGreaterThanOrEqual(12);
  });

  it('has 48-hour reviews from fresh to due soon to a few hours or a day overdue', () => {
    const waiting = feed()
      .all('submission')
      .filter((s) => s.status === 'pending_review')
      .map((s) => (mirror.now - ms(s.submittedAt)) / HOUR);
    const band = (lo: number, hi: number) => waiting.filter((age) => age >= lo && age < hi).length;
    expect(waiting.length).toBeGreaterThanOrEqual(60);
    expect(band(0, 12)).toBeGreaterThanOrEqual(15);
    expect(band(12, 36)).toBeGreaterThanOrEqual(15);
    expect(band(36, 48)).toBeGreaterThanOrEqual(8);
    const overdue = waiting.filter((age) => age >= 48);
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    // Late by hours to a day: the week's moderators kept the rest within the deadline.
    for (const age of overdue) expect(age - 48).toBeLessThanOrEqual(25);
  });

  it('has open flags of every detector, at least two each, with their evidence', () => {
    const open = feed()
      .all('flag')
      .filter((f) => f.status === 'open');
    const by = new Map<DetectorName, number>();
    for (const flag of open) {
      for (const detector of new Set(flag.hits.map((h) => h.detector))) by.set(detector, (by.get(detector) ?? 0) + 1);
      for (const hit of flag.hits) expect(hit.evidence.items.length).toBeGreaterThan(0);
    }
    for (const detector of DETECTORS) expect(by.get(detector) ?? 0, detector).toBeGreaterThanOrEqual(2);
    const quoted = open.flatMap((f) => f.hits.flatMap((h) => h.evidence.items)).filter((i) => i.kind === 'message' && (i.spans?.length ?? 0) > 0);
    expect(quoted.length).toBeGreaterThan(10);
  });

  it('has a week of decisions on record by the marketplace’s own moderators', () => {
    const colleagues = new Set(
      feed()
        .all('moderator')
        .filter((m) => !m.displayName.includes('(dev)'))
        .map((m) => m.id),
    );
    expect(colleagues.size).toBeGreaterThanOrEqual(2);
    const decided = feed()
      .all('submission')
      .flatMap((s) => (s.decision === undefined ? [] : [{ s, d: s.decision }]));
    const of = (holdReason: boolean, outcome: 'approve' | 'reject') => decided.filter(({ s, d }) => (s.holdReason === 'held_low_rating') === holdReason && d.outcome === outcome).length;
    expect(of(true, 'approve')).toBeGreaterThan(0);
    expect(of(true, 'reject')).toBeGreaterThan(0);
    expect(of(false, 'approve')).toBeGreaterThan(10);
    expect(of(false, 'reject')).toBeGreaterThan(0);
    for (const { d } of decided) {
      expect(colleagues.has(d.moderatorId)).toBe(true);
      expect(mirror.now - ms(d.at)).toBeLessThan(12 * 24 * HOUR);
    }
    const flags = feed()
      .all('flag')
      .filter((f) => f.decision !== undefined);
    expect(flags.filter((f) => f.status === 'dismissed' && f.decision?.reasonCode !== undefined).length).toBeGreaterThanOrEqual(2);
    const confirmed = flags.filter((f) => f.status === 'confirmed');
    expect(confirmed.length).toBeGreaterThanOrEqual(3);
    for (const flag of confirmed) expect(flag.decision?.statementOfReasons).toMatch(/^Dear .+[\s\S]*CoC-4\.\d/);
  });

  it('has designers with rating histories and contracts with reviews and private feedback, some at risk', () => {
    const ratings = feed().all('rating');
    const perDesigner = new Map<string, number[]>();
    for (const r of ratings) perDesigner.set(r.designerId, [...(perDesigner.get(r.designerId) ?? []), ms(r.history[0]?.at ?? '')]);
    const long = [...perDesigner.values()].filter((times) => times.length >= 10 && Math.max(...times) - Math.min(...times) > 30 * 24 * HOUR);
    expect(long.length).toBeGreaterThan(20);
    expect(feed().all('review').length).toBeGreaterThan(100);
    const feedback = feed().all('privateFeedback');
    expect(feedback.length).toBeGreaterThan(50);
    expect(feedback.filter((f) => f.recommend < 9).length).toBeGreaterThan(5);
  });

  it('audits clean but for the reviews left overdue: the week’s decisions broke no rule', () => {
    const report = auditFeed(feed(), new Date(mirror.now).toISOString());
    const overdue = feed()
      .all('submission')
      .filter((s) => s.status === 'pending_review' && ms(s.reviewDueAt ?? '') < mirror.now);
    expect(report.findings.map((f) => f.kind).sort()).toEqual(overdue.map(() => 'review_overdue'));
  });
});

describe('the demo generator', () => {
  it('gives the same log and shifts for the same seed and start', () => {
    const items = (seed: number) => JSON.stringify([...generateDemo({ seed, start: '2026-11-20T12:00:00.000Z' }).items()]);
    const first = items(3);
    expect(items(3)).toBe(first);
    expect(items(4)).not.toBe(first);
  });
});
