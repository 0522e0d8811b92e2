// `npm run bench -- ui`: the console's screens in Chromium (Debian's, through playwright-core)
// against the browser host started as `npm run serve` starts it, signed in to a reference
// platform holding 100,000 held designs. Measures what a moderator feels: the first render of
// the 100,000-row queue, frame times while scrolling it, and decision → next item on screen.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import type { MarketplaceEvent } from '../core';
import { startPlatform } from '../platform/server';

const ROOT = resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_UI_ROWS ?? 100_000);
const DECISIONS = 40;
const CLOCK = Date.parse('2026-11-02T08:00:00.000Z');
const MINUTE = 60_000;

export interface UiFigures {
  rows: number;
  syncSeconds: number;
  firstRender: number[];
  viewSwitch: number[];
  scrollFrames: number[];
  jumpFill: number[];
  decideToNext: number[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One low-rated verified designer per 2,000 designs, all in a 10-day contest's 24-hour window. */
function heldMarketplace(rows: number): MarketplaceEvent[] {
  const events: MarketplaceEvent[] = [];
  let t = CLOCK + MINUTE;
  const at = () => iso(t);
  events.push({ at: at(), type: 'customer.joined', data: { id: 'bench-c', displayName: 'Bench Customer' } });
  const designers = Math.max(1, Math.ceil(rows / 2000));
  for (let d = 0; d < designers; d += 1) {
    events.push({ at: at(), type: 'designer.joined', data: { id: `bench-d${d}`, handle: `bench_designer_${d}`, displayName: `Bench Designer ${d}`, country: 'PT', verification: 'verified' } });
  }
  events.push({ at: at(), type: 'project.launched', data: { id: 'bench-p0', customerId: 'bench-c', title: 'Rated earlier', category: 'logo', kind: 'contest', endsAt: iso(t + 20 * 24 * 60 * MINUTE) } });
  for (let d = 0; d < designers; d += 1) {
    events.push({ at: at(), type: 'submission.created', data: { id: `bench-r${d}`, projectId: 'bench-p0', designerId: `bench-d${d}`, kind: 'original' } });
    events.push({ at: at(), type: 'rating.set', data: { submissionId: `bench-r${d}`, stars: 1 } });
  }
  t += MINUTE;
  events.push({ at: at(), type: 'project.launched', data: { id: 'bench-p1', customerId: 'bench-c', title: 'Logo for a hundred thousand', category: 'logo', kind: 'contest', endsAt: iso(t + 10 * 24 * 60 * MINUTE) } });
  // 100,000 designs in 12 hours of the 24-hour launch window: every one still held.
  const step = Math.floor((12 * 60 * MINUTE) / rows);
  for (let i = 0; i < rows; i += 1) {
    t += step;
    events.push({ at: at(), type: 'submission.created', data: { id: `bench-s${String(i).padStart(6, '0')}`, projectId: 'bench-p1', designerId: `bench-d${i % designers}`, kind: 'original' } });
  }
  return events;
}

async function post(url: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(url + path, { method: 'POST', headers: { Authorization: 'Bearer dev-admin', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

function startHost(platformUrl: string, dataDir: string): Promise<{ link: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/host/cli.ts', '--platform', platformUrl, '--data', dataDir, '--port', '0', '--undo-seconds', '5'], {
    cwd: ROOT,
    env: { ...process.env, CONSOLE_PLATFORM_TOKEN: 'dev-quality' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolveHost, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      const m = /^Console: (http\S+)$/.exec(line);
      if (m?.[1] !== undefined) resolveHost({ link: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`the host exited (${String(code)})`)));
  });
}

/** A number the page answered (page code is written as source text: this file is Node's). */
async function numberFrom(page: Page, source: string): Promise<number> {
  const value: unknown = await page.evaluate(source);
  if (typeof value !== 'number') throw new Error(`the page answered ${JSON.stringify(value)}, not a number`);
  return value;
}

/** In the page: ms from running `start` until `done` holds, checked on every animation frame. */
const untilInPage = (page: Page, start: string, done: string): Promise<number> =>
  numberFrom(
    page,
    `new Promise((resolve, reject) => {
      const t0 = performance.now();
      ${start};
      const tick = () => {
        // An error thrown in a frame callback would leave the promise pending for ever.
        try {
          if (${done}) resolve(performance.now() - t0);
          else if (performance.now() - t0 > 60000) reject(new Error('not done within 60 s'));
          else requestAnimationFrame(tick);
        } catch (e) {
          reject(new Error(String(e) + ' — the page shows: ' + (document.querySelector('main')?.textContent ?? document.body.textContent ?? '').slice(0, 400)));
        }
      };
      requestAnimationFrame(tick);
    })`,
  );

const go = (page: Page, hash: string) => page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);

export async function benchUi(): Promise<UiFigures> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('the ui benchmark needs /usr/bin/chromium (apt-get install -y chromium)');
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) throw new Error('the ui benchmark needs the built renderer: npm run build');
  const dir = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  const platform = await startPlatform({ dev: true, host: '127.0.0.1', port: 0, storePath: join(dir, 'platform.store'), dataset: 'none', clock: iso(CLOCK), clockRate: 0, log: () => undefined });
  const url = platform.url.replace(/\/+$/, '');
  let host: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const events = heldMarketplace(ROWS);
    for (let i = 0; i < events.length; i += 20_000) await post(url, '/v1/dev/events', { events: events.slice(i, i + 20_000) });
    const started = performance.now();
    const running = await startHost(url, join(dir, 'console'));
    host = running.child;
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(running.link);
    await page.waitForSelector('[data-testid="link-state"]');
    // The first sync is done when the held count in the navigation reads the whole queue.
    const want = ROWS.toLocaleString('en-US');
    for (let waited = 0; ; waited += 500) {
      const shown: unknown = await page.evaluate(`document.querySelector('[data-testid="count-held"]')?.textContent ?? ''`);
      if (shown === want) break;
      if (waited % 10_000 === 0) {
        const bar: unknown = await page.evaluate(`document.querySelector('footer')?.textContent ?? ''`);
        console.error(`first sync: the held count reads ${String(shown)} (want ${want}); status bar: ${String(bar)}`);
      }
      if (waited > 600_000) throw new Error(`the first sync took more than ten minutes (held count ${String(shown)})`);
      await page.waitForTimeout(500);
    }
    const syncSeconds = (performance.now() - started) / 1000;
    const phase = (name: string) => console.error(`ui bench: ${name}`);
    phase(`first sync done in ${syncSeconds.toFixed(1)} s; first render`);

    const firstRow = `document.querySelector('[role="grid"] [aria-rowindex="2"][data-row-id]') !== null`;
    const firstRender: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      // A whole page load: the app starts, asks for the session, the counts and the first page.
      await page.goto('about:blank');
      await page.goto(`${new URL(running.link).origin}/#/queues/held`);
      // performance.now() counts from the navigation's start.
      firstRender.push(
        await numberFrom(page, `new Promise((resolve, reject) => { const tick = () => (${firstRow} ? resolve(performance.now()) : performance.now() > 60000 ? reject(new Error('no first row within 60 s')) : requestAnimationFrame(tick)); tick(); })`),
      );
    }

    phase('new views');
    const viewSwitch: number[] = [];
    for (const search of ['sort=arrived', 'order=desc', 'sort=arrived&order=desc', 'minAge=1', '']) {
      await go(page, '/settings');
      await page.waitForSelector('h1:has-text("Settings")');
      viewSwitch.push(await untilInPage(page, `window.location.hash = '/queues/held${search === '' ? '' : `?${search}`}';`, firstRow));
    }

    phase('scrolling');
    // Scrolling: 300 frames, 240 px per frame (six rows), measuring the time between frames.
    await go(page, '/queues/held');
    await page.waitForSelector('[role="grid"] [aria-rowindex="2"][data-row-id]');
    const frames: unknown = await page.evaluate(`new Promise((resolve) => {
      const grid = document.querySelector('[role="grid"]');
      const frames = [];
      let last = performance.now();
      let n = 0;
      const tick = () => {
        const now = performance.now();
        if (n > 0) frames.push(now - last);
        last = now;
        n += 1;
        grid.scrollTop += 240;
        if (n <= 300) requestAnimationFrame(tick);
        else resolve(frames);
      };
      requestAnimationFrame(tick);
    })`);
    const scrollFrames = Array.isArray(frames) ? frames.filter((f): f is number => typeof f === 'number') : [];

    phase('jumps');
    // Jumps: far into the queue, until the rows there are filled (a page fetched by offset).
    const jumpFill: number[] = [];
    for (const fraction of [0.9, 0.25, 0.6, 0.05, 0.99]) {
      jumpFill.push(
        await untilInPage(
          page,
          `const g = document.querySelector('[role="grid"]'); g.scrollTop = Math.floor(${fraction} * (g.scrollHeight - g.clientHeight));`,
          `(() => { const g = document.querySelector('[role="grid"]'); const rows = [...g.querySelectorAll('[role="row"][aria-rowindex]')].filter((r) => r.getAttribute('aria-rowindex') !== '1'); return rows.length > 5 && rows.every((r) => r.hasAttribute('data-row-id')) && Math.abs(Number(rows[0].getAttribute('aria-rowindex')) - 2 - Math.floor(g.scrollTop / 40)) < 20; })()`,
        ),
      );
    }

    phase('decisions');
    // Decide and next: open the head of the queue, then approve with A, DECISIONS times.
    // The queue comes back where it was left (near the end, after the jumps): scroll to the top.
    await page.evaluate(`document.querySelector('[role="grid"]').scrollTop = 0`);
    await page.waitForSelector('[role="grid"] [aria-rowindex="2"][data-row-id]');
    const head = await page.getAttribute('[role="grid"] [aria-rowindex="2"]', 'data-row-id');
    await go(page, `/queues/held/${head ?? ''}`);
    await page.waitForSelector('[data-testid="why"]');
    const decideToNext: number[] = [];
    for (let i = 0; i < DECISIONS; i += 1) {
      const current = await page.getAttribute('[data-testid="item-screen"]', 'data-item-id');
      // Let the next item's prefetch finish, as it does while a moderator looks at a design.
      await page.waitForTimeout(400);
      decideToNext.push(
        await untilInPage(
          page,
          `document.documentElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));`,
          `(() => { const s = document.querySelector('[data-testid="item-screen"]'); return s !== null && s.getAttribute('data-item-id') !== ${JSON.stringify(current)} && s.querySelector('[data-testid="why"]') !== null && s.querySelector('[data-testid="design-image"]') !== null; })()`,
        ),
      );
    }
    return { rows: ROWS, syncSeconds, firstRender, viewSwitch, scrollFrames, jumpFill, decideToNext };
  } finally {
    await browser.close();
    if (host?.pid !== undefined && host.exitCode === null) {
      const exited = new Promise((r) => host?.once('exit', r));
      process.kill(-host.pid, 'SIGTERM');
      await exited;
    }
    await platform.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const pct = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

export function printUi(f: UiFigures): void {
  console.log(`\n## Console screens in Chromium (${f.rows.toLocaleString('en-US')} held designs; first sync ${f.syncSeconds.toFixed(1)} s)\n`);
  console.log('| measure | n | p50 | p95 | max |');
  console.log('|---|---:|---:|---:|---:|');
  const row = (name: string, v: readonly number[]) => console.log(`| ${name} | ${v.length} | ${ms(pct(v, 50))} | ${ms(pct(v, 95))} | ${ms(Math.max(...v))} |`);
  row('first render of the queue, page load → first row', f.firstRender);
  row('first render of the queue, new view (order, filter) → first row', f.viewSwitch);
  row('frame time while scrolling (6 rows a frame)', f.scrollFrames);
  row('jump far into the queue → rows filled', f.jumpFill);
  row('decision (A) → next item on screen', f.decideToNext);
  const slow = f.scrollFrames.filter((t) => t > 1000 / 60 + 1).length;
  console.log(`\n- frames over 17.7 ms while scrolling: ${slow} of ${f.scrollFrames.length}`);
  // Ratios to the aims of issue 12 (under 1 means the aim is met).
  console.log(`- decision → next item, p95 / 100 ms aim: ${(pct(f.decideToNext, 95) / 100).toFixed(2)}`);
  console.log(`- first render of the queue (page load), p95 / 1 s aim: ${(pct(f.firstRender, 95) / 1000).toFixed(2)}`);
  console.log(`- scrolling frame time, p50 / 16.7 ms (60 frames a second): ${(pct(f.scrollFrames, 50) / (1000 / 60)).toFixed(2)}`);
}
