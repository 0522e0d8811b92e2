import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import { tempDir } from './helpers';

const running: RunningPlatform[] = [];
const dirs: Array<{ remove(): void }> = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.close();
  for (const d of dirs.splice(0)) d.remove();
});

async function start(): Promise<RunningPlatform> {
  const dir = tempDir();
  dirs.push(dir);
  const platform = await startPlatform({ storePath: join(dir.dir, 'p.sqlite'), dev: true, dataset: 'none', clock: '2026-11-02T08:00:00Z', log: () => undefined });
  running.push(platform);
  return platform;
}

describe('review: path parameters that do not decode', () => {
  it.each([
    ['GET', '/v1/assets/asset-%E0%A4%A'],
    ['DELETE', '/v1/claims/submission/%ZZ'],
  ])('%s %s is a 4xx problem, not a 500', async (method, path) => {
    const p = await start();
    const res = await fetch(`${p.url}${path}`, { method, headers: { authorization: 'Bearer dev-admin' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
