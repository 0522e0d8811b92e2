// End-to-end harness: a real reference platform (in this process, on loopback), the console's
// browser host started exactly as `npm run serve` starts it (its own process), and Debian's
// Chromium driven by playwright-core. Nothing here is a stand-in.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ConsoleApi } from '../../electron/contract';
import { clientFromCall } from '../../renderer/src/api/client';
import { createHttpCall } from '../../renderer/src/api/http';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../platform/server';
import { client, iso, serverNow, type Client } from '../platform/contract/helpers';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../..');
export const hasChromium = existsSync(CHROMIUM);
export const rendererBuilt = existsSync(join(ROOT, 'out/renderer/index.html'));

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // Reduced motion: toasts and drawers appear and go at once, so a check never reads one half faded.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

// ---------------------------------------------------------------------------------------
// The platform: the small generated marketplace around a fixed clock that then runs in real
// time, in a store that survives a stop, so "the platform comes back" is the same platform.

export const PLATFORM_CLOCK = '2026-11-20T14:00:00.000Z';

export interface E2EPlatform {
  url: string;
  port: number;
  storePath: string;
  admin: Client;
  stop(): Promise<void>;
  /** Starts it again on the same port and store. */
  restart(): Promise<void>;
}

export async function startE2EPlatform(dir: string, extra: Partial<PlatformOptions> = {}): Promise<E2EPlatform> {
  const storePath = join(dir, 'platform.store');
  const base: PlatformOptions = { dev: true, host: '127.0.0.1', port: 0, storePath, dataset: 'small', seed: 1, clock: PLATFORM_CLOCK, clockRate: 1, heartbeatMs: 2000, ...extra };
  let running: RunningPlatform | null = await startPlatform(base);
  const port = running.port;
  const url = running.url.replace(/\/+$/, '');
  const admin = client(url, 'dev-admin');
  let stopped = { platformMs: 0, realMs: 0 };
  return {
    url,
    port,
    storePath,
    admin,
    async stop() {
      if (running === null) return;
      stopped = { platformMs: await serverNow(admin).catch(() => 0), realMs: Date.now() };
      await running.close();
      running = null;
    },
    async restart() {
      // The same store, not replayed again; its clock goes on from where it stopped as if it had
      // kept running (the platform's clock is simulated, far from this machine's).
      running = await startPlatform({ ...base, port, dataset: 'none', clock: iso(stopped.platformMs + (Date.now() - stopped.realMs)), clockRate: 1 });
    },
  };
}

// ---------------------------------------------------------------------------------------
// The console's browser host, as `npm run serve` runs it.

export interface E2EHost {
  /** The link it printed (with the token). */
  link: string;
  base: string;
  token: string;
  /** The host's API through the renderer's own HTTP client (answers parsed by the contract). */
  api: ConsoleApi;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

export async function startHost(options: { platformUrl: string; platformToken: string; dataDir: string; undoSeconds: number }): Promise<E2EHost> {
  await mkdir(options.dataDir, { recursive: true });
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/host/cli.ts', '--platform', options.platformUrl, '--data', options.dataDir, '--port', '0', '--undo-seconds', String(options.undoSeconds)], {
    cwd: ROOT,
    env: { ...process.env, CONSOLE_PLATFORM_TOKEN: options.platformToken },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: stopping it stops tsx's child too.
    detached: true,
  });
  children.add(child);
  const log: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    if (log.length < 200) log.push(String(chunk));
  });
  const link = await new Promise<string>((resolveLink, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host printed no link within 90 s:\n${log.join('')}`)), 90_000);
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      const match = /^Console: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolveLink(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${String(code)}) before printing its link:\n${log.join('')}`));
    });
  });
  const url = new URL(link);
  const token = url.searchParams.get('token') ?? '';
  const base = url.origin;
  return {
    link,
    base,
    token,
    api: clientFromCall(createHttpCall({ token, baseUrl: base }), () => () => undefined),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  children.delete(child);
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolveStop) => {
    const kill = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolveStop();
    });
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  });
}

export async function stopAllHosts(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------
// axe and screenshots

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Serious and critical axe violations on the page as it is now (every axe rule, or only the
 * rules named). A second colour scheme changes colours, not structure: checking it with
 * `COLOUR_RULES` alone finds the same problems in less time (axe on a full screen takes several
 * seconds on a busy 2-core machine, the contrast rule about half of it).
 */
export async function axeProblems(page: Page, rules?: readonly string[]): Promise<AxeFinding[]> {
  // Only violations are read: axe then skips building the nodes of passed and incomplete checks.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  if (rules !== undefined) builder.withRules([...rules]);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** The axe rules a colour scheme can break. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

export const SCREENSHOTS = join(ROOT, 'docs/screenshots');

/**
 * `docs/screenshots/<name>.png` of the viewport (1440 × 900 from `newPage`), committed and shown
 * in the README. Name it `<screen>-<light|dark>`.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Let transitions and the caret settle so the picture is the page at rest.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
