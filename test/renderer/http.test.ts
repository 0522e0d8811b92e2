// The browser host's client against a real HTTP server on loopback: what it sends, and how every
// kind of failure comes back as a ConsoleApiError the screens can put into words.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFromCall } from '../../renderer/src/api/client';
import { ConsoleApiError } from '../../renderer/src/api/errors';
import { createHttpCall } from '../../renderer/src/api/http';

let server: Server;
let base = '';
const seen: { url: string; auth: string | undefined; body: unknown }[] = [];

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void bodyOf(req).then((text) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization, body: text === '' ? null : JSON.parse(text) });
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'Content-Type': type });
        res.end(body);
      };
      if (req.headers.authorization !== 'Bearer T1') return send(401, 'application/problem+json', JSON.stringify({ type: 'https://console.example/problems/unauthorized', title: 'Unauthorized', status: 401, detail: 'No or wrong token.' }));
      switch (req.url) {
        case '/api/queues.counts':
          return send(200, 'application/json', JSON.stringify({ held: 3, review: 2, reviewDueSoon: 1, reviewOverdue: 0, flags: 4 }));
        case '/api/queues.page':
          return send(400, 'application/problem+json', JSON.stringify({ type: 'https://console.example/problems/validation', title: 'Bad request', status: 400, detail: 'limit: too big', issues: [{ path: 'limit', message: 'at most 500' }] }));
        case '/api/sync.status':
          return send(200, 'application/json', JSON.stringify({ state: 'sideways' }));
        default:
          return send(502, 'text/html', '<h1>Bad gateway</h1>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const api = (token = 'T1', baseUrl = base) => clientFromCall(createHttpCall({ token, baseUrl }), () => () => undefined);

async function failure(promise: Promise<unknown>): Promise<ConsoleApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConsoleApiError) return error;
    throw error;
  }
  throw new Error('expected a ConsoleApiError');
}

describe('the HTTP transport', () => {
  it('posts the JSON input to /api/{method} with the bearer token and parses the answer', async () => {
    await expect(api().queues.counts({})).resolves.toEqual({ held: 3, review: 2, reviewDueSoon: 1, reviewOverdue: 0, flags: 4 });
    expect(seen.at(-1)).toEqual({ url: '/api/queues.counts', auth: 'Bearer T1', body: {} });
  });

  it('turns a problem answer into an error with its status, kind, detail and issues', async () => {
    const error = await failure(api().queues.page({ queue: 'held', limit: 500 }));
    expect(error).toMatchObject({ status: 400, type: 'validation', detail: 'limit: too big', issues: [{ path: 'limit', message: 'at most 500' }] });
  });

  it('says when the token is refused', async () => {
    const error = await failure(api('wrong').queues.counts({}));
    expect(error).toMatchObject({ status: 401, type: 'unauthorized' });
  });

  it('refuses an answer the contract does not describe, naming the field', async () => {
    const error = await failure(api().sync.status({}));
    expect(error.type).toBe('bad-answer');
    expect(error.detail).toMatch(/sync\.status.*state/);
  });

  it('words an error page that is not a problem document', async () => {
    const error = await failure(api().settings.get({}));
    expect(error).toMatchObject({ status: 502, type: 'http' });
    expect(error.detail).toContain('HTTP 502');
  });

  it('reports a service that does not answer as unreachable, with status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(api('T1', `http://127.0.0.1:${port}`).queues.counts({}));
    expect(error.unreachable).toBe(true);
    expect(error.type).toBe('network');
  });
});
