// startPlatform end to end, beyond the contract: the applied-event log in dev mode, SSE
// heartbeats, and --live moving a generated marketplace on a running clock.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import { ev, tempDir } from './helpers';

const running: RunningPlatform[] = [];
const dirs: Array<{ remove(): void }> = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.close();
  for (const d of dirs.splice(0)) d.remove();
});

async function start(options: Parameters<typeof startPlatform>[0]): Promise<RunningPlatform> {
  const dir = tempDir();
  dirs.push(dir);
  const platform = await startPlatform({ storePath: join(dir.dir, 'p.sqlite'), log: () => undefined, ...options });
  running.push(platform);
  return platform;
}

const admin = { authorization: 'Bearer dev-admin', 'content-type': 'application/json' };

async function feedEnd(url: string, token: string): Promise<number> {
  let after = 0;
  for (let i = 0; i < 1000; i++) {
    const page = (await (await fetch(`${url}/v1/changes?after=${after}&limit=5000`, { headers: { authorization: `Bearer ${token}` } })).json()) as { last: number; hasMore: boolean };
    after = page.last;
    if (!page.hasMore) return after;
  }
  throw new Error('feed never ended');
}

describe('platform server', () => {
  it('lists applied and refused events in development mode', async () => {
    const p = await start({ dev: true, dataset: 'none', clock: '2026-11-02T08:00:00Z' });
    const events = [
      { at: '2026-11-02T09:00:00Z', type: 'designer.joined', data: { id: 'd1', handle: 'ana', verification: 'verified' } },
      { at: '2026-11-02T09:00:00Z', type: 'designer.joined', data: { id: 'd1', handle: 'ana', verification: 'verified' } },
    ];
    const posted = await fetch(`${p.url}/v1/dev/events`, { method: 'POST', headers: admin, body: JSON.stringify({ events }) });
    expect(await posted.json()).toEqual({ applied: 1, refused: [{ index: 1, reasonCode: 'duplicate_id' }] });
    const log = (await (await fetch(`${p.url}/v1/dev/events?after=0`, { headers: admin })).json()) as { events: unknown[] };
    // Written in the one canonical format, whatever the log's precision.
    expect(log.events).toEqual([
      { n: 1, at: '2026-11-02T09:00:00.000Z', type: 'designer.joined', status: 'applied' },
      { n: 2, at: '2026-11-02T09:00:00.000Z', type: 'designer.joined', status: 'refused', reasonCode: 'duplicate_id' },
    ]);
  });

  it('says the dev event log has more only when another page exists', async () => {
    const p = await start({ dev: true, dataset: 'none', clock: '2026-11-02T08:00:00Z' });
    const events = [ev.designer('2026-11-02T08:00:00.000Z', 'd1'), ev.customer('2026-11-02T08:00:00.000Z', 'c1'), ev.designer('2026-11-02T08:00:00.000Z', 'd2')];
    const posted = await fetch(`${p.url}/v1/dev/events`, { method: 'POST', headers: admin, body: JSON.stringify({ events }) });
    expect(posted.status).toBe(200);
    const page = async (limit: number) => (await (await fetch(`${p.url}/v1/dev/events?after=0&limit=${limit}`, { headers: admin })).json()) as { events: unknown[]; hasMore: boolean };
    expect(await page(3)).toMatchObject({ hasMore: false });
    expect((await page(3)).events).toHaveLength(3);
    expect(await page(2)).toMatchObject({ hasMore: true });
  });

  it('sends SSE heartbeats', async () => {
    const p = await start({ dev: true, dataset: 'none', clock: '2026-11-02T08:00:00Z', heartbeatMs: 50 });
    const controller = new AbortController();
    const res = await fetch(`${p.url}/v1/events?after=0`, { headers: { authorization: 'Bearer dev-quality' }, signal: controller.signal });
    const reader = res.body?.getReader();
    if (reader === undefined) throw new Error('no body');
    let text = '';
    for (let i = 0; i < 50 && !text.includes(': heartbeat'); i++) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain(': heartbeat');
  });

  it('keeps a live marketplace moving on a running clock', async () => {
    const p = await start({ dev: true, dataset: 'small', seed: 2, live: true, clock: '2026-11-02T08:00:00Z', clockRate: 600 });
    const first = await feedEnd(p.url, 'dev-auditor');
    let last = first;
    for (let i = 0; i < 40 && last === first; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = await feedEnd(p.url, 'dev-auditor');
    }
    expect(last).toBeGreaterThan(first);
  });
});
