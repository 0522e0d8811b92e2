// The demo's platform launcher, driven with a plain Node child process where the app uses
// Electron's utilityProcess: the built platform entry (out/main/platform.js, the platform's own
// command line bundled with the app) must start, print its address and serve the dev token;
// a platform that dies or never answers must fail the start cleanly.
import { fork, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchDemoPlatform, platformAddressIn, type DemoProcess } from '../../electron/main/demo-platform';

/** A Node child as the launcher sees a UtilityProcess. */
function asDemoProcess(child: ChildProcess): DemoProcess {
  return {
    pid: child.pid,
    stdout: child.stdout,
    stderr: child.stderr,
    once: (_event, listener) => child.once('exit', (code) => listener(code ?? 1)),
    kill: () => child.kill('SIGTERM'),
  };
}

/** A process that prints what it is told and exits or hangs, to test the launcher's edges. */
function scripted(lines: string[], then: 'exit' | 'hang'): { proc: DemoProcess; killed: () => number } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let onExit: ((code: number) => void) | null = null;
  let killed = 0;
  const proc: DemoProcess = {
    pid: undefined,
    stdout,
    stderr,
    once: (_event, listener) => {
      onExit = listener;
    },
    kill: () => {
      killed += 1;
      setTimeout(() => onExit?.(143), 5);
      return true;
    },
  };
  setTimeout(() => {
    for (const line of lines) stdout.write(`${line}\n`);
    if (then === 'exit') onExit?.(2);
  }, 5);
  return { proc, killed: () => killed };
}

describe('the demo platform launcher', () => {
  it('reads the address line the platform prints', () => {
    expect(platformAddressIn('platform listening on …\nplatform: http://127.0.0.1:40123\ntoken x: y\n')).toBe('http://127.0.0.1:40123');
    expect(platformAddressIn('platform: http://example.com:80\n')).toBeNull();
    expect(platformAddressIn('platform: http://127.0.0.1:40123/\n')).toBe('http://127.0.0.1:40123');
  });

  it('runs the built platform entry, which serves the dev token', async () => {
    const entry = 'out/main/platform.js';
    if (!existsSync(entry)) throw new Error(`${entry} is not built: run \`npm run build\` first (npm test does)`);
    const logged: string[] = [];
    const demo = await launchDemoPlatform({
      start: (modulePath, args) => asDemoProcess(fork(modulePath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })),
      entry,
      // The empty marketplace starts in about a second; the app's default is the demo dataset.
      args: ['--port', '0', '--dev', '--dataset', 'none'],
      log: (line) => void logged.push(line),
      timeoutMs: 60_000,
    });
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(demo.token).toBe('dev-admin');
      const meta = await fetch(`${demo.url}/v1/meta`, { headers: { authorization: `Bearer ${demo.token}` } });
      expect(meta.status).toBe(200);
    } finally {
      await demo.stop();
    }
    await expect(fetch(`${demo.url}/v1/meta`)).rejects.toThrow();
    expect(logged.some((line) => line.startsWith('demo platform: '))).toBe(true);
  });

  it('fails when the platform exits before it is ready', async () => {
    await expect(launchDemoPlatform({ start: () => scripted(['generating…'], 'exit').proc, entry: 'x' })).rejects.toThrow(/stopped before it was ready \(exit 2\)/);
  });

  it('stops a platform still starting when the app quits', async () => {
    const { proc, killed } = scripted(['still generating…'], 'hang');
    const quitting = new AbortController();
    const started = launchDemoPlatform({ start: () => proc, entry: 'x', signal: quitting.signal });
    quitting.abort();
    await expect(started).rejects.toThrow(/stopped before it was ready/);
    expect(killed()).toBe(1);
  });

  it('fails, and stops the process, when no address comes in time', async () => {
    const { proc, killed } = scripted(['still generating…'], 'hang');
    await expect(launchDemoPlatform({ start: () => proc, entry: 'x', timeoutMs: 50 })).rejects.toThrow(/did not start in time/);
    expect(killed()).toBe(1);
  });
});
