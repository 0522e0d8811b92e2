// `npm run platform` as a new user meets it: which flags make a marketplace that moves, and
// what a start says about flags a stored marketplace does not take.
import { afterEach, describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../platform/cli-options';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import { ev, tempDir } from './helpers';

describe('live mode from the command line', () => {
  it.each([
    ['no flags', [], true],
    ['only a port', ['--port', '8787'], true],
    ['a dataset and a running clock', ['--dataset', 'medium', '--clock', '2026-11-02T08:00:00Z', '--clock-rate', '60'], true],
    ['--no-live', ['--port', '8787', '--no-live'], false],
    ['a stopped --clock', ['--clock', '2026-11-02T08:00:00Z'], false],
    ['--clock-rate 0', ['--clock', '2026-11-02T08:00:00Z', '--clock-rate', '0'], false],
    ['--dataset none', ['--dataset', 'none'], false],
    ['--live on a stopped clock (moved by /v1/dev/clock)', ['--dev', '--clock', '2026-11-02T08:00:00Z', '--live'], true],
  ])('%s → live %s', (_name, argv, live) => {
    const options = parseCli(argv);
    if (options === 'help') throw new Error('unexpected help');
    expect(options.live).toBe(live);
  });
});

describe('a start', () => {
  const running: RunningPlatform[] = [];
  const dirs: Array<{ remove(): void }> = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await p.close();
    for (const d of dirs.splice(0)) d.remove();
  });

  it('says which flags a store that already holds a marketplace does not take', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const storePath = join(dir.dir, 'p.sqlite');
    const first = await startPlatform({ storePath, dev: true, dataset: 'none', clock: '2026-11-05T08:00:00Z' });
    const posted = await fetch(`${first.url}/v1/dev/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-admin', 'content-type': 'application/json' },
      body: JSON.stringify({ events: [ev.designer('2026-11-05T09:00:00.000Z', 'd1')] }),
    });
    expect(posted.status).toBe(200);
    await first.close();

    const lines: string[] = [];
    const second = await startPlatform({ storePath, dev: true, dataset: 'small', clock: '2026-11-02T08:00:00Z', log: (line) => lines.push(line) });
    running.push(second);
    expect(second.summary).toMatch(/--dataset small not loaded: the store already holds a marketplace/);
    expect(second.summary).toMatch(/--clock 2026-11-02T08:00:00Z is behind the store's clock \(2026-11-05T09:00:00.000Z\)/);
    expect(lines.filter((line) => line.startsWith('note: '))).toHaveLength(2);
  });

  it('names the moderators "(dev)" in development mode only', async () => {
    const names = async (dev: boolean) => {
      const dir = tempDir();
      dirs.push(dir);
      const p = await startPlatform({ storePath: join(dir.dir, 'p.sqlite'), dev, dataset: 'none', clock: '2026-11-02T08:00:00Z' });
      running.push(p);
      const token = p.tokens.find((t) => t.moderatorId === 'mod-quality')?.token ?? '';
      const meta = (await (await fetch(`${p.url}/v1/meta`, { headers: { authorization: `Bearer ${token}` } })).json()) as { moderator: { displayName: string } };
      return meta.moderator.displayName;
    };
    expect(await names(true)).toBe('Quality (dev)');
    expect(await names(false)).toBe('Quality');
  });
});

describe('a platform forked with an IPC channel (the console demo)', () => {
  it('closes when its parent goes away, its store closed cleanly', async () => {
    const dir = tempDir();
    try {
      const storePath = join(dir.dir, 'p.sqlite');
      const child = fork(fileURLToPath(new URL('../../platform/cli.ts', import.meta.url)), ['--port', '0', '--dev', '--dataset', 'none', '--store', storePath], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      let out = '';
      child.stdout?.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: string) => {
          out += chunk;
          if (/^platform: http:\/\/127\.0\.0\.1:\d+$/m.test(out)) resolve();
        });
        void exited.then(() => reject(new Error(`the platform stopped before it listened: ${out}`)));
      });
      const url = /^platform: (\S+)$/m.exec(out)?.[1] ?? '';
      expect((await fetch(`${url}/v1/meta`, { headers: { authorization: 'Bearer dev-admin' } })).status).toBe(200);
      // The channel closing is what a parent's exit or kill looks like from the child.
      child.disconnect();
      expect(await exited).toEqual({ code: 0, signal: null });
      // Closed, not killed: the store opens again with the moderators it wrote.
      const again = await startPlatform({ storePath, dev: true, dataset: 'none' });
      expect(again.summary).toMatch(/^store /);
      await again.close();
    } finally {
      dir.remove();
    }
  }, 60_000);
});
