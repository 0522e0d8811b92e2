// The HTTP surface of SYNC-API.md on node:http: routing, auth, problem answers, and fault
// injection around everything but /v1/dev/*.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  claimRequestSchema,
  decisionRequestSchema,
  devBreachRequestSchema,
  devBreachEventSchema,
  DEV_BREACH_EVENT_TYPE,
  devClockRequestSchema,
  devEventsRequestSchema,
  faultSettingsSchema,
  parseWith,
  SUBJECT_TYPES,
  type DevBreach,
  type DevBreachAnswer,
  type DevEventLog,
  type DevEventsResult,
  type Meta,
  type Moderator,
  type SubjectType,
} from '../../core';
import { designSvg } from '../assets/svg';
import { releaseClaim, takeClaim, type ClaimResult } from '../engine/claims';
import type { DecisionOutcome } from '../engine/decisions';
import { EventTimeError, StoreUnavailableError, type Engine } from '../engine/engine';
import type { Store } from '../store/store';
import { authenticate, requireRole, type TokenTable } from './auth';
import { BODY_LIMIT, DEV_EVENTS_LIMIT, readJson } from './body';
import { changesReply, checkCursor, feedQuery } from './feed';
import type { Faults } from './faults';
import { HttpProblem, PROBLEM_TITLES, problemType } from './problem';
import { bodyReply, jsonReply, problemReply, rawJsonReply, sendReply, type Fault, type Reply } from './reply';
import { serveEvents } from './sse';

export interface RouteDeps {
  engine: Engine;
  /** What the routes read of the store: the feed and the applied-event log. */
  store: Pick<Store, 'feedId' | 'lastSeq' | 'feedRows' | 'events'>;
  tokens: TokenTable;
  dev: boolean;
  faults: Faults;
  heartbeatMs: number;
  log: (line: string) => void;
}

interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  deps: RouteDeps;
}

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: RegExp;
  dev?: boolean;
  handle(r: Request): Promise<Reply>;
}

function moderators(deps: RouteDeps): ReadonlyMap<string, Moderator> {
  return deps.engine.world.tables.moderator;
}

function who(r: Request): Moderator {
  return authenticate(r.req, r.deps.tokens, moderators(r.deps));
}

/** Dev routes take any moderator's token ("Authorization on every call"); the role does not matter on loopback. */
function devCaller(r: Request): void {
  who(r);
}

const routes: Route[] = [
  {
    method: 'GET',
    path: /^\/v1\/meta$/,
    handle: async (r) => {
      const moderator = who(r);
      const { engine } = r.deps;
      const meta: Meta = { apiVersion: 1, feedId: r.deps.store.feedId, serverTime: new Date(engine.nowMs()).toISOString(), policy: engine.policy, moderator };
      return jsonReply(200, meta);
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/changes$/,
    handle: async (r) => {
      who(r);
      const query = feedQuery(r.url.searchParams);
      checkCursor(r.deps.store, query);
      return changesReply(r.deps.store, query.after, query.limit);
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/events$/,
    handle: async (r) => {
      who(r);
      const fromHeader = Number(r.req.headers['last-event-id'] ?? NaN);
      const query = feedQuery(r.url.searchParams);
      const after = Number.isFinite(fromHeader) ? Math.max(query.after, fromHeader) : query.after;
      // A stream for a cursor this feed cannot reach would wait for ever: the same 410 as /v1/changes.
      checkCursor(r.deps.store, { ...query, after });
      serveEvents(r.req, r.res, r.deps.engine, after, r.deps.heartbeatMs);
      return { kind: 'handled' };
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/decisions$/,
    handle: async (r) => {
      const moderator = who(r);
      const parsed = parseWith(decisionRequestSchema, await readJson(r.req, BODY_LIMIT), 'decision');
      if (!parsed.ok) throw HttpProblem.validation(parsed.error, parsed.issues);
      requireRole(moderator, parsed.value.subjectType, 'decide');
      return decisionReply(await r.deps.engine.decide(moderator.id, parsed.value));
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/claims$/,
    handle: async (r) => {
      const moderator = who(r);
      const parsed = parseWith(claimRequestSchema, await readJson(r.req), 'claim');
      if (!parsed.ok) throw HttpProblem.validation(parsed.error, parsed.issues);
      const { subjectType, subjectId } = parsed.value;
      requireRole(moderator, subjectType, 'claim');
      return claimReply(await r.deps.engine.execute((ctx) => takeClaim(ctx, moderator, subjectType, subjectId)));
    },
  },
  {
    method: 'DELETE',
    path: /^\/v1\/claims\/([^/]+)\/([^/]+)$/,
    handle: async (r) => {
      const moderator = who(r);
      const [type = '', subjectId = ''] = r.params;
      if (!isSubjectType(type)) throw new HttpProblem(404, 'not-found', `No claims on ${type.slice(0, 100)}: subjects are ${SUBJECT_TYPES.join(' and ')}.`);
      requireRole(moderator, type, 'claim');
      return claimReply(await r.deps.engine.execute((ctx) => releaseClaim(ctx, moderator, type, subjectId)));
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/assets\/([^/]+)$/,
    handle: async (r) => {
      who(r);
      const id = r.params[0] ?? '';
      const submissionId = id.startsWith('asset-') ? id.slice('asset-'.length) : null;
      if (submissionId === null || !r.deps.engine.world.tables.submission.has(submissionId)) throw new HttpProblem(404, 'not-found', `No asset ${id}.`);
      const asset = designSvg(id);
      // Behind a bearer token: a browser may keep it, a shared cache must not.
      const cache = { ETag: asset.etag, 'Cache-Control': 'private, max-age=31536000, immutable' };
      const ifNoneMatch = r.req.headers['if-none-match'];
      if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === asset.etag || tag.trim() === '*')) {
        return { kind: 'body', status: 304, headers: cache, body: Buffer.alloc(0) };
      }
      return bodyReply(200, asset.svg, 'image/svg+xml; charset=utf-8', cache);
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/dev\/events$/,
    dev: true,
    handle: async (r) => {
      devCaller(r);
      const parsed = parseWith(devEventsRequestSchema, await readJson(r.req, DEV_EVENTS_LIMIT), 'event log');
      if (!parsed.ok) throw HttpProblem.validation(parsed.error, parsed.issues);
      try {
        return jsonReply(200, (await r.deps.engine.applyEvents(parsed.value.events)) satisfies DevEventsResult);
      } catch (error) {
        if (error instanceof EventTimeError) throw new HttpProblem(422, 'event-in-the-past', error.message, { index: error.index });
        throw error;
      }
    },
  },
  {
    // The applied-event log, refusals with their reason codes included (what the rules refused is
    // recorded, never on the entity feed).
    method: 'GET',
    path: /^\/v1\/dev\/events$/,
    dev: true,
    handle: async (r) => {
      who(r);
      const { after, limit } = feedQuery(r.url.searchParams);
      // One row more than asked tells whether another page exists.
      const fetched = await r.deps.store.events(after, limit + 1);
      const rows = fetched.slice(0, limit);
      const events = rows.map((e) => ({ n: e.n, at: e.at, type: e.type, status: e.status, ...(e.reasonCode === null ? {} : { reasonCode: e.reasonCode }), ...breachOf(e) }));
      return jsonReply(200, { events, last: rows[rows.length - 1]?.n ?? after, hasMore: fetched.length > limit } satisfies DevEventLog);
    },
  },
  {
    // A rule broken on purpose at a record, for proving the console's audit finds it (README).
    method: 'POST',
    path: /^\/v1\/dev\/breaches$/,
    dev: true,
    handle: async (r) => {
      const moderator = who(r);
      const parsed = parseWith(devBreachRequestSchema, await readJson(r.req), 'breach');
      if (!parsed.ok) throw HttpProblem.validation(parsed.error, parsed.issues);
      const outcome = await r.deps.engine.plantBreach(moderator.id, parsed.value);
      if (outcome.kind === 'refused') throw new HttpProblem(outcome.status, outcome.code, outcome.detail);
      const { n, at, breach } = outcome;
      r.deps.log(`breach planted: ${breach.rule} at ${breach.recordType} ${breach.recordId} (event ${n})`);
      return jsonReply(200, { n, at, breach } satisfies DevBreachAnswer);
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/dev\/clock$/,
    dev: true,
    handle: async (r) => {
      devCaller(r);
      const parsed = parseWith(devClockRequestSchema, await readJson(r.req), 'clock move');
      if (!parsed.ok) throw HttpProblem.validation(parsed.error, parsed.issues);
      try {
        await r.deps.engine.moveClock(Date.parse(parsed.value.now));
      } catch (error) {
        if (error instanceof EventTimeError) throw new HttpProblem(422, 'clock-backwards', error.message);
        throw error;
      }
      return jsonReply(200, { now: new Date(r.deps.engine.nowMs()).toISOString(), last: r.deps.engine.lastSeq });
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/dev\/clock$/,
    dev: true,
    handle: async (r) => {
      devCaller(r);
      return jsonReply(200, { now: new Date(r.deps.engine.nowMs()).toISOString(), rate: r.deps.engine.clockRate });
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/dev\/faults$/,
    dev: true,
    handle: async (r) => {
      devCaller(r);
      const parsed = parseWith(faultSettingsSchema, await readJson(r.req), 'fault settings');
      if (!parsed.ok) throw HttpProblem.validation(parsed.error, parsed.issues);
      r.deps.faults.set(parsed.value);
      r.deps.log(`faults: ${JSON.stringify(r.deps.faults.current())}`);
      return jsonReply(200, r.deps.faults.current());
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/dev\/faults$/,
    dev: true,
    handle: async (r) => {
      devCaller(r);
      return jsonReply(200, r.deps.faults.current());
    },
  },
];

/** A planted breach's row of the applied-event log carries what was planted where. */
function breachOf(row: { type: string; event: string }): { breach?: DevBreach } {
  if (row.type !== DEV_BREACH_EVENT_TYPE) return {};
  const parsed = devBreachEventSchema.safeParse(JSON.parse(row.event));
  return parsed.success ? { breach: parsed.data.data } : {};
}

function isSubjectType(value: string): value is SubjectType {
  return (SUBJECT_TYPES as readonly string[]).includes(value);
}

/** The engine's decision outcome as SYNC-API's answer: 200 applied, 409 conflict, or a problem. */
function decisionReply(outcome: DecisionOutcome): Reply {
  switch (outcome.kind) {
    case 'applied':
      // Sent as kept with the decision id, so a repeat is the same bytes.
      return rawJsonReply(200, outcome.body, false);
    case 'conflict': {
      const { reason, detail, subjectType, current } = outcome.conflict;
      return problemReply(new HttpProblem(409, 'conflict', detail, { result: 'conflict', reason, subjectType, current }));
    }
    case 'refused':
      throw new HttpProblem(outcome.status, outcome.code, outcome.detail);
  }
}

function claimReply(result: ClaimResult): Reply {
  switch (result.kind) {
    case 'claimed':
      return jsonReply(200, result.claim);
    case 'released':
      return { kind: 'body', status: 204, headers: { 'Cache-Control': 'no-store' }, body: Buffer.alloc(0) };
    case 'held':
      throw new HttpProblem(409, 'claimed', `Moderator ${result.claim.moderatorId} holds this until ${result.claim.expiresAt}.`, { claim: result.claim });
    case 'missing':
      throw new HttpProblem(404, 'not-found', result.detail);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A path segment as sent; a malformed escape is the client's error, not the platform's (500). */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpProblem(400, 'bad-path', `The path segment ${JSON.stringify(raw)} is not valid percent-encoding.`);
  }
}

function match(method: string, pathname: string, dev: boolean): { route: Route; params: string[] } | { allow: string[] } | null {
  const allow: string[] = [];
  for (const route of routes) {
    if (route.dev === true && !dev) continue;
    const m = route.path.exec(pathname);
    if (m === null) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
      return { route, params: m.slice(1).map(decodeParam) };
    }
    allow.push(route.method);
  }
  return allow.length > 0 ? { allow } : null;
}

/** Sent when even a problem answer could not be built: a fixed text that cannot fail. */
const LAST_RESORT = JSON.stringify({ type: problemType('internal'), title: PROBLEM_TITLES[500], status: 500, detail: 'The platform failed to answer this request.' });

export function createHandler(deps: RouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      // A failure while answering (building or sending the reply) ends this request, never the
      // process: the server goes on serving everyone else.
      try {
        deps.log(`error while answering ${req.method ?? ''} ${req.url?.slice(0, 200) ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } catch {
        // Nothing left to tell.
      }
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      res.writeHead(500, { 'Content-Type': 'application/problem+json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(LAST_RESORT)), 'Cache-Control': 'no-store', Connection: 'close' });
      res.end(LAST_RESORT);
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: RouteDeps): Promise<void> {
  let fault: Fault = 'none';
  let reply: Reply;
  try {
    const url = new URL(req.url ?? '/', 'http://platform.local');
    const found = match(req.method ?? 'GET', url.pathname, deps.dev);
    if (found === null) throw new HttpProblem(404, 'not-found', `No route ${req.method ?? ''} ${url.pathname}.`);
    if ('allow' in found) {
      throw new HttpProblem(405, 'method-not-allowed', `${url.pathname} takes ${found.allow.join(', ')}, not ${req.method ?? ''}.`, {}, { Allow: found.allow.join(', ') });
    }
    if (deps.dev && found.route.dev !== true && deps.faults.active) {
      if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
      const roll = deps.faults.roll();
      if (roll.kind === 'error') throw new HttpProblem(500, 'injected-fault', 'Injected fault: this request failed on purpose (development mode).');
      if (roll.kind === 'drop' || roll.kind === 'truncate') fault = roll.kind;
      if (fault === 'drop' && url.pathname === '/v1/events') {
        res.destroy();
        return;
      }
    }
    reply = await found.route.handle({ req, res, url, params: found.params, deps });
  } catch (error) {
    if (error instanceof HttpProblem) reply = problemReply(error);
    else if (error instanceof StoreUnavailableError) {
      // Not the client's fault and not a bug: the disk refused the write. The engine has rolled
      // back, so the honest answer is "nothing happened, try again" rather than a 500.
      deps.log(`store unavailable: ${error.message}`);
      reply = problemReply(
        new HttpProblem(
          503,
          'store-unavailable',
          'The platform could not write this request’s changes to its store, so none of them were applied (the platform is back at its last stored state). Retry later; a decision retried with the same id is decided afresh.',
          {},
          { 'Retry-After': '5' },
        ),
      );
    } else {
      deps.log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      reply = problemReply(new HttpProblem(500, 'internal', 'The platform failed to answer this request.'));
    }
    // Whatever is left of a refused body is not read: close the connection after answering.
    if (!req.complete) res.setHeader('Connection', 'close');
  }
  if (req.method === 'HEAD' && reply.kind === 'body') reply = { ...reply, body: Buffer.alloc(0) };
  await sendReply(res, reply, fault);
}
