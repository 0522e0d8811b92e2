// The built main process (out/main/index.js), run under plain Node with a stand-in for the
// `electron` module (test/electron/stand-in/): what launch.test.ts checks with the real binary
// where there is one, this checks everywhere for main's own wiring. The window gets the built
// preload and page; the session denies permissions and adds the CSP; the console API answers
// from the window and refuses anyone else; with no workspace to resume the demo's platform
// starts (out/main/platform.js, in a child process where Electron uses a utility process) and
// the console signs in to it; quitting closes the workspace and stops that platform.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/security/csp';

type Message = { type: string; id?: number; [key: string]: unknown };

const ROOT = resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let dataDir = '';
const messages: Message[] = [];
const waiters: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
let nextId = 1;
let output = '';

function waitFor(test: (m: Message) => boolean, timeoutMs = 60_000): Promise<Message> {
  const seen = messages.find(test);
  if (seen !== undefined) return Promise.resolve(seen);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such message from main within ${timeoutMs} ms; its log:\n${output.slice(-3000)}`)), timeoutMs);
    waiters.push({
      test,
      resolve: (m) => {
        clearTimeout(timer);
        resolvePromise(m);
      },
    });
  });
}

async function ask(request: Record<string, unknown>): Promise<unknown> {
  const id = nextId++;
  child.send({ ...request, id });
  return (await waitFor((m) => m.type === 'answer' && m.id === id)).value;
}

const invoke = (method: string, input: unknown, from: 'window' | 'elsewhere' = 'window', subframe = false) => ask({ type: 'invoke', channel: `console:${method}`, input, from, subframe });

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('out/ is not built: run `npm run build` first (npm test does)');
  dataDir = mkdtempSync(join(tmpdir(), 'main-process-test-'));
  child = fork(join(ROOT, 'out/main/index.js'), [], {
    cwd: ROOT,
    execArgv: ['--import', pathToFileURL(join(ROOT, 'test/electron/stand-in/register.mjs')).href],
    env: { ...process.env, CONSOLE_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-50_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('message', (m: Message) => {
    messages.push(m);
    for (const waiter of [...waiters]) {
      if (waiter.test(m)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(m);
      }
    }
  });
  await waitFor((m) => m.type === 'window');
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  const demo = messages.find((m) => m.type === 'utilityProcess');
  if (typeof demo?.pid === 'number') {
    try {
      process.kill(demo.pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built main process, under a stand-in for Electron', () => {
  it('opens one window on the built page with the built preload, and sets the menu', async () => {
    const window = await waitFor((m) => m.type === 'window');
    expect(window.url).toBe(pathToFileURL(join(ROOT, 'out/renderer/index.html')).href);
    const options = z.object({ webPreferences: z.object({ preload: z.string(), sandbox: z.boolean(), contextIsolation: z.boolean() }) }).parse(window.options);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, preload: join(ROOT, 'out/preload/index.cjs') });
    expect(existsSync(options.webPreferences.preload)).toBe(true);
    const menu = await waitFor((m) => m.type === 'menu');
    expect(JSON.stringify(menu.labels)).toContain('Held submissions');
  });

  it('denies permissions, and gives the console’s page its CSP as a header', async () => {
    await expect(ask({ type: 'permission' })).resolves.toEqual({ request: false, check: false });
    const page = pathToFileURL(join(ROOT, 'out/renderer/index.html')).href;
    await expect(ask({ type: 'headers', url: page, headers: { 'content-security-policy': ['default-src *'] } })).resolves.toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    await expect(ask({ type: 'headers', url: 'https://elsewhere.example/', headers: {} })).resolves.toEqual({});
  });

  it('keeps the window on the console’s page and opens no window', async () => {
    await expect(ask({ type: 'navigate', url: 'https://evil.example/' })).resolves.toEqual({ prevented: true });
    await expect(ask({ type: 'open', url: 'https://evil.example/' })).resolves.toEqual({ action: 'deny' });
    expect(messages.some((m) => m.type === 'openExternal')).toBe(false);
  });

  it('answers the console API from the window, and refuses another sender or a subframe', async () => {
    await expect(invoke('settings.get', {})).resolves.toEqual({ ok: true, value: { undoSeconds: 5, theme: 'auto', blurImages: false } });
    await expect(invoke('settings.get', {}, 'elsewhere')).resolves.toMatchObject({ ok: false, problem: { status: 403 } });
    await expect(invoke('settings.get', {}, 'window', true)).resolves.toMatchObject({ ok: false, problem: { status: 403 } });
  });

  it('with nothing to resume, starts the demo’s platform and signs in to it', { timeout: 240_000 }, async () => {
    const started = await waitFor((m) => m.type === 'utilityProcess');
    expect(started.modulePath).toBe(join(ROOT, 'out/main/platform.js'));
    expect(started.args).toEqual(expect.arrayContaining(['--dev', '--store', join(dataDir, 'demo', 'platform.sqlite')]));
    let session: unknown = null;
    const deadline = Date.now() + 200_000;
    while (Date.now() < deadline && !output.includes('could not start')) {
      session = await invoke('session.get', {});
      if (JSON.stringify(session).includes('"signedIn":true')) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(session).toMatchObject({ ok: true, value: { signedIn: true, demo: true, moderator: { roles: expect.arrayContaining(['admin']) } } });
    await waitFor((m) => m.type === 'shown');
    expect(messages.some((m) => m.type === 'sent' && JSON.stringify(m.payload).includes('session.changed'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'demo-workspace.json'), 'utf8'))).toMatchObject({ moderatorId: expect.any(String), secretKeys: [expect.any(String)] });
    expect(readFileSync(join(dataDir, 'platform-tokens.bin')).includes('dev-admin')).toBe(false);
  });

  it('quits cleanly: the workspace closes, the demo’s platform stops, the window’s place is kept', { timeout: 60_000 }, async () => {
    const demoPid = z.number().parse((await waitFor((m) => m.type === 'utilityProcess')).pid);
    child.send({ type: 'quit' });
    const code = await new Promise<number | null>((resolvePromise) => child.once('exit', (c) => resolvePromise(c)));
    expect(code).toBe(0);
    expect(() => process.kill(demoPid, 0)).toThrow();
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toMatchObject({ width: 1440, height: 900 });
    expect(output).not.toMatch(/could not start|failed/i);
  });
});
