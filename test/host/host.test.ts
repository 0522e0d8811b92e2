// The browser host as CONSOLE-API.md specifies it: POST /api/{method} behind a bearer token,
// problem+json errors (400 naming the field, 401, 403, 404, 503), Server-Sent Events with the
// token in the query, the renderer under the window's CSP, loopback only.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, postHeldSubmission, startTestPlatform, type TestPlatform } from '../platform/contract/helpers';
import { startHost, type RunningHost } from '../../electron/host/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/security/csp';
import { startConsole, waitFor, type TestConsole } from '../services/helpers';

let platform: TestPlatform;
let c: TestConsole;
let host: RunningHost;
let rendererDir: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  await postHeldSubmission(platform.api(TOKENS.admin), 'host');
  c = await startConsole(platform.url, TOKENS.quality);
  await c.call('sync.now', {});
  rendererDir = await mkdtemp(join(tmpdir(), 'console-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({ console: c.service, rendererDir, heartbeatMs: 100 });
});

afterAll(async () => {
  await host?.close();
  await c?.dispose();
  await platform?.dispose();
  await rm(rendererDir, { recursive: true, force: true });
});

const post = (method: string, body: unknown, token: string | null = host.token, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function problemOf(response: Response, status: number): Promise<{ type: string; title: string; status: number; detail: string; issues?: Array<{ path: string }> }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { type: string; title: string; status: number; detail: string };
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  return body;
}

describe('the API', () => {
  it('answers a method with its output', async () => {
    const response = await post('queues.counts', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ held: 1 });
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'not-the-token'],
    ['a token one character short', 'x'],
  ])('refuses %s with 401', async (_name, token) => {
    await problemOf(await post('queues.counts', {}, token), 401);
  });

  it('refuses input that fails the schema with 400 naming the field', async () => {
    const body = await problemOf(await post('queues.page', { queue: 'held', limit: 9999 }), 400);
    expect(body.issues?.[0]?.path).toBe('limit');
    expect(body.detail).toMatch(/limit/);
  });

  it('refuses a body that is not JSON, and one over the limit', async () => {
    await problemOf(await post('queues.counts', '{not json'), 400);
    await problemOf(await post('queues.counts', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) })), 413);
  });

  it('answers 404 for an unknown method or item, 403 for a role that cannot', async () => {
    await problemOf(await post('queues.delete', {}), 404);
    await problemOf(await post('items.get', { subjectType: 'submission', subjectId: 'nope' }), 404);
    await problemOf(await post('audit.run', { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }), 403);
  });

  it('refuses another Host or Origin (DNS rebinding, other pages)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.url}/api/queues.counts`, { method: 'POST', headers: { Host: `evil.example:${host.port}`, Authorization: `Bearer ${host.token}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
    await problemOf(await post('queues.counts', {}, host.token, { Origin: 'https://evil.example' }), 403);
  });
});

describe('events', () => {
  it('streams console events with the token in the query', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.url}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body?.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) return;
        text += new TextDecoder().decode(chunk.value);
      }
    })().catch(() => undefined);
    await c.call('settings.set', { theme: 'dark' });
    await waitFor('the settings event', () => text.includes('"type":"settings.changed"'));
    await waitFor('a heartbeat', () => text.includes(': heartbeat'));
    controller.abort();
    await reading;
  });

  it('refuses the stream without the token', async () => {
    await problemOf(await fetch(`${host.url}/api/events`), 401);
  });
});

describe('the renderer', () => {
  it('is served at / under the window’s Content-Security-Policy', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toMatch(/<title>console/);
    expect((await fetch(`${host.url}/assets/app.js`)).status).toBe(200);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json']) {
      expect((await fetch(`${host.url}${path}`)).status).toBe(404);
    }
  });

  it('answers a refusal whole, never failing after it (which dropped the kept-alive connection under the next request)', async () => {
    const logs: string[] = [];
    const quiet = await startHost({ console: c.service, rendererDir, heartbeatMs: 100, log: (line) => logs.push(line) });
    try {
      for (const path of ['/%2e%2e/package.json', '/no-such-file.js']) {
        const response = await fetch(`${quiet.url}${path}`);
        expect(response.status).toBe(404);
        expect(response.headers.get('connection')).toBe('keep-alive');
      }
      expect((await fetch(`${quiet.url}/`)).status).toBe(200);
      // A body the host stopped reading closes its connection: its rest would read as a request.
      const tooLarge = await fetch(`${quiet.url}/api/queues.counts`, { method: 'POST', headers: { authorization: `Bearer ${quiet.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }) });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('connection')).toBe('close');
      expect(logs).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});

describe('npm run serve', () => {
  it('refuses to listen anywhere but loopback', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--host', '0.0.0.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/listens on 127\.0\.0\.1 only/);
  });

  it('signs in to --platform with the token from the environment and prints its address', async () => {
    const data = await mkdtemp(join(tmpdir(), 'console-serve-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--platform', platform.url, '--data', data], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CONSOLE_PLATFORM_TOKEN: TOKENS.auditor },
    });
    try {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const line = await waitFor('the Console: line', () => /^Console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/m.exec(stdout) ?? undefined, 30_000);
      const [, url, token] = line;
      const session = await fetch(`${url}/api/session.get`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
      expect(await session.json()).toMatchObject({ signedIn: true, moderator: { roles: ['auditor'] }, platformUrl: platform.url });
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(data, { recursive: true, force: true });
    }
  });
});
