// A decision id belongs to the moderator who sent it; the dev event log pages exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import { decide, parseDecision } from '../../platform/engine/decisions';
import { ev, useEngines } from './helpers';

const { fresh } = useEngines();
const QUALITY = { id: 'mod-quality', rev: 1, displayName: 'Quality', roles: ['quality' as const] };
const ADMIN = { id: 'mod-admin', rev: 1, displayName: 'Admin', roles: ['admin' as const] };

describe('decision ids', () => {
  it('are not answered for another moderator who reuses them', async () => {
    const { engine } = await fresh();
    await engine.applyEvents([
      ev.designer('2026-11-02T08:00:00.000Z', 'd1', 'unverified'),
      ev.project('2026-11-02T08:00:00.000Z', 'p1', '2026-11-05T08:00:00.000Z'),
      ev.submission('2026-11-02T09:00:00.000Z', 's1', 'p1', 'd1'),
    ]);
    const body = { id: '6f1c2a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f', subjectType: 'submission', subjectId: 's1', expectedRev: 1, outcome: 'approve', decidedAt: '2026-11-02T09:30:00.000Z' };
    const parsed = parseDecision(body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.answer.body));
    const first = await decide(engine, QUALITY, parsed.value);
    expect(first.status).toBe(200);
    expect((await decide(engine, QUALITY, parsed.value)).body).toEqual(first.body);
    const other = await decide(engine, ADMIN, parsed.value);
    expect(other.status).toBe(422);
  });
});

describe('the dev event log', () => {
  const running: RunningPlatform[] = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await p.close();
  });

  it('says there is more only when another page exists', async () => {
    const platform = await startPlatform({ dev: true, dataset: 'none', clock: '2026-11-02T08:00:00Z' });
    running.push(platform);
    const auth = { authorization: 'Bearer dev-admin', 'content-type': 'application/json' };
    const events = [ev.designer('2026-11-02T08:00:00.000Z', 'd1'), ev.customer('2026-11-02T08:00:00.000Z', 'c1'), ev.designer('2026-11-02T08:00:00.000Z', 'd2')];
    const posted = await fetch(`${platform.url}/v1/dev/events`, { method: 'POST', headers: auth, body: JSON.stringify({ events }) });
    expect(posted.status).toBe(200);
    const page = async (limit: number) => (await (await fetch(`${platform.url}/v1/dev/events?after=0&limit=${limit}`, { headers: auth })).json()) as { events: unknown[]; hasMore: boolean };
    expect(await page(3)).toMatchObject({ hasMore: false });
    expect((await page(3)).events).toHaveLength(3);
    expect(await page(2)).toMatchObject({ hasMore: true });
  });
});
