// The browser host (CONSOLE-API.md): the console's services over HTTP on loopback, for machines
// where Electron cannot run. Every route comes from the contract's method table: POST
// /api/{method} with the JSON input, answered with the JSON output or a problem document;
// GET /api/events is Server-Sent Events; the built renderer is served at / under the window's CSP.
// A fresh random token guards the API; the Host header is checked so a page on another origin
// cannot reach it through DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { problem, type ConsoleProblem } from '../contract';
import type { ConsoleService } from '../services/console/console';
import { CONTENT_SECURITY_POLICY } from '../services/security/csp';

export interface HostOptions {
  console: ConsoleService;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed in tests; a fresh random one otherwise. */
  token?: string;
  log?: (line: string) => void;
  /** SSE heartbeat period. */
  heartbeatMs?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

class HostProblem extends Error {
  constructor(readonly problem: ConsoleProblem) {
    super(problem.detail);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': payload.length, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(payload);
}

function sendProblem(res: ServerResponse, p: ConsoleProblem): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, p.status, p, 'application/problem+json; charset=utf-8');
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > BODY_LIMIT) throw new HostProblem(problem(413, 'too-large', `The body is ${declared} bytes; the limit is ${BODY_LIMIT}.`));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > BODY_LIMIT) throw new HostProblem(problem(413, 'too-large', `The body is over the ${BODY_LIMIT}-byte limit.`));
    chunks.push(buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
  } catch {
    throw new HostProblem(problem(400, 'not-json', 'The body is not valid JSON.'));
  }
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => undefined);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const root = resolve(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  function authorised(req: IncomingMessage, url: URL, allowQuery: boolean): void {
    const header = req.headers.authorization ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null;
    const given = bearer ?? (allowQuery ? url.searchParams.get('token') : null);
    if (given === null || !sameToken(given, token)) {
      throw new HostProblem(problem(401, 'unauthorized', 'This console needs the token printed when it started: open the link it printed (…/?token=…).'));
    }
  }

  function checkHost(req: IncomingMessage): void {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HostProblem(problem(403, 'wrong-host', `This console answers on 127.0.0.1:${port} only.`));
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      throw new HostProblem(problem(403, 'wrong-origin', 'Requests from other origins are refused.'));
    }
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.console.events.subscribe((event) => {
      // A slow reader gets dropped rather than buffered without bound; EventSource reconnects.
      if (res.writableLength > 4 * 1024 * 1024) {
        res.destroy();
        return;
      }
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('error', end);
  }

  function serveStatic(res: ServerResponse, pathname: string, head: boolean): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep)) throw new HostProblem(problem(404, 'not-found', 'No such file.'));
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      throw new HostProblem(problem(404, 'not-found', relative === 'index.html' ? 'The renderer is not built: run `npm run build` first.' : `No file ${pathname}.`));
    }
    const isHtml = extname(file) === '.html';
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': isHtml ? 'no-store' : 'private, max-age=3600',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      ...SECURITY_HEADERS,
    });
    if (head) res.end();
    else createReadStream(file).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      checkHost(req);
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const method = req.method ?? 'GET';
      if (url.pathname === '/api/events') {
        if (method !== 'GET') throw new HostProblem(problem(404, 'not-found', 'The event stream is GET /api/events.'));
        authorised(req, url, true);
        serveEvents(req, res);
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (method !== 'POST') throw new HostProblem(problem(404, 'not-found', `Console API methods are called with POST ${url.pathname}.`));
        authorised(req, url, false);
        const name = url.pathname.slice('/api/'.length);
        const input = await readBody(req);
        const result = await options.console.call(name, input);
        if (result.ok) sendJson(res, 200, result.value);
        else sendProblem(res, result.problem);
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') throw new HostProblem(problem(404, 'not-found', `No route ${method} ${url.pathname}.`));
      serveStatic(res, url.pathname, method === 'HEAD');
    } catch (error) {
      // A body left unread would be parsed as the next request: such a connection closes. Said
      // before the answer goes (after it, the header could no longer be set).
      const unreadBody = !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);
      if (unreadBody && !res.headersSent) res.setHeader('Connection', 'close');
      if (error instanceof HostProblem) sendProblem(res, error.problem);
      else {
        log(`host: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        sendProblem(res, problem(500, 'internal', 'The console failed to answer this request; it has been logged.'));
      }
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`host: failed while answering: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the host is not listening on a TCP port');
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      server.closeIdleConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
