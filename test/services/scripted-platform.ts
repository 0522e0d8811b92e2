// A platform that answers what a test scripts, over real HTTP on loopback: for the cases a
// well-behaved reference platform never produces (an invalid page, a mass deletion, a 410).
// It speaks only what the sync engine reads: /v1/meta, /v1/changes, /v1/events.
import { createServer, type Server } from 'node:http';
import { DEFAULT_POLICY } from '../../core';

export interface ScriptedChange {
  seq: number;
  type: string;
  op: 'upsert' | 'delete';
  id: string;
  data?: unknown;
}

export interface ScriptedPlatform {
  url: string;
  feedId: string;
  /** Whose token this is, as /v1/meta says. */
  moderatorId: string;
  changes: ScriptedChange[];
  /** Answers for a given `after`: a raw body, or a status. */
  override: Map<number, { status: number; body: string }>;
  /** What /v1/events answers (a 503 unless set: no stream, so the engine polls). */
  eventsAnswer: { status: number; body: string } | null;
  requests: string[];
  close(): Promise<void>;
}

export const SERVER_TIME = '2026-11-02T12:00:00.000Z';

export async function startScriptedPlatform(moderatorId = 'mod-quality'): Promise<ScriptedPlatform> {
  const state: Omit<ScriptedPlatform, 'url' | 'close'> = { feedId: 'feed-1', moderatorId, changes: [], override: new Map(), eventsAnswer: null, requests: [] };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (state.requests.length < 10_000) state.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const json = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/v1/meta') {
      json(200, { apiVersion: 1, feedId: state.feedId, serverTime: SERVER_TIME, policy: DEFAULT_POLICY, moderator: { id: state.moderatorId, rev: 1, displayName: 'Quality', roles: ['quality'] } });
    } else if (url.pathname === '/v1/changes') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      const override = state.override.get(after);
      if (override !== undefined) {
        res.writeHead(override.status, { 'Content-Type': override.status >= 400 ? 'application/problem+json' : 'application/json' });
        res.end(override.body);
        return;
      }
      const rest = state.changes.filter((c) => c.seq > after);
      const page = rest.slice(0, limit);
      json(200, { feedId: state.feedId, changes: page, last: page.at(-1)?.seq ?? after, hasMore: rest.length > limit });
    } else if (url.pathname === '/v1/events') {
      if (state.eventsAnswer !== null) json(state.eventsAnswer.status, state.eventsAnswer.body, 'application/problem+json');
      else json(503, { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'no stream here' }, 'application/problem+json');
    } else {
      json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'no route' }, 'application/problem+json');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return Object.assign(state, {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export const designer = (id: string, rev = 1) => ({
  id,
  rev,
  handle: id,
  displayName: `Designer ${id}`,
  country: 'PT',
  joinedAt: '2026-11-01T00:00:00.000Z',
  verification: 'verified',
  accountStatus: 'active',
  history: [{ at: '2026-11-01T00:00:00.000Z', verification: 'verified', accountStatus: 'active' }],
});

export const project = (id: string) => ({
  id,
  rev: 1,
  customerId: 'c1',
  title: `Project ${id}`,
  category: 'logo',
  kind: 'contest',
  launchedAt: '2026-11-02T08:00:00.000Z',
  endsAt: '2026-11-05T08:00:00.000Z',
  status: 'open',
});

export const heldSubmission = (id: string, projectId: string, designerId: string) => ({
  id,
  rev: 1,
  projectId,
  designerId,
  kind: 'original',
  submittedAt: '2026-11-02T09:00:00.000Z',
  status: 'held',
  holdReason: 'held_low_rating',
  releaseAt: '2026-11-02T15:12:00.000Z',
  assetId: `asset-${id}`,
});
