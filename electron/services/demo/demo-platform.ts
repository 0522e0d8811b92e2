// The demo workspace's reference platform, run as its own process: the browser host forks the
// platform's own command line (platform/ stays a separate program that shares only core/), and
// reads the address it prints. Development mode, so the console signs in with `dev-admin`.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoPlatform {
  url: string;
  token: string;
  stop(): Promise<void>;
}

export const DEMO_TOKEN = 'dev-admin';
/** The demo marketplace (platform --dataset demo): a busy week with every queue full at the start, kept moving. */
export const DEMO_ARGS = ['--port', '0', '--dev', '--dataset', 'demo', '--live'];

export interface DemoOptions {
  /** The platform's entry: platform/cli.ts under tsx, a built file in the packaged app. */
  entry?: string;
  execArgv?: string[];
  args?: string[];
  log?: (line: string) => void;
  /** How long the dataset may take to generate and replay. */
  timeoutMs?: number;
}

export function startDemoPlatform(options: DemoOptions = {}): Promise<DemoPlatform> {
  const entry = options.entry ?? fileURLToPath(new URL('../../../platform/cli.ts', import.meta.url));
  const execArgv = options.execArgv ?? ['--import', 'tsx'];
  const log = options.log ?? (() => undefined);
  const args = options.args ?? DEMO_ARGS;
  // The demo's marketplace lives for one run: its store goes in a folder removed at stop
  // (the platform's own default, a temporary file, would be left behind).
  const storeDir = args.includes('--store') ? null : mkdtempSync(join(tmpdir(), 'console-demo-'));
  const child: ChildProcess = fork(entry, storeDir === null ? args : [...args, '--store', join(storeDir, 'platform.sqlite')], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const removeStore = () => {
    if (storeDir !== null) rmSync(storeDir, { recursive: true, force: true });
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        removeStore();
        return resolve();
      }
      child.once('exit', () => {
        removeStore();
        resolve();
      });
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    let buffered = '';
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void stop();
      reject(new Error('the demo platform did not start in time'));
    }, options.timeoutMs ?? 180_000);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim() !== '') log(`demo platform: ${line.trim()}`.slice(0, 500));
    });
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffered = (buffered + chunk).slice(-10_000);
      const match = /^platform: (http:\/\/127\.0\.0\.1:\d+)\/?$/m.exec(buffered);
      if (match?.[1] !== undefined && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ url: match[1], token: DEMO_TOKEN, stop });
      }
    });
    child.once('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`the demo platform stopped before it was ready (${signal ?? `exit ${code}`})`));
    });
  });
}
