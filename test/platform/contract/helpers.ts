// Black-box helpers for the platform's HTTP contract (docs: /shared/design/SYNC-API.md).
// Everything here talks to a real platform over loopback HTTP; nothing reaches inside it.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import {
  changesPageSchema,
  devEventsResultSchema,
  ENTITY_SCHEMAS,
  metaSchema,
  problemSchema,
  type Category,
  type Change,
  type ChangesPage,
  type DevEventsResult,
  type EntityOf,
  type EntityType,
  type EventLog,
  type MarketplaceEvent,
  type Problem,
  type Sanction,
} from '../../../core';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../../platform/server';

export const START = '2026-11-02T08:00:00Z';
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A bound on every single HTTP call, so a hung platform fails a test instead of the run. */
const REQUEST_TIMEOUT_MS = 15_000;

export const TOKENS = {
  quality: 'dev-quality',
  trust: 'dev-trust',
  auditor: 'dev-auditor',
  admin: 'dev-admin',
} as const;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const ms = (time: string): number => {
  const value = Date.parse(time);
  if (Number.isNaN(value)) throw new Error(`not a time: ${time}`);
  return value;
};
/** A fresh id with a readable prefix, so tests sharing one platform never collide. */
export const uid = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

// Response shapes: SYNC-API.md's, from core/wire/api.ts (the one definition the platform
// answers with and the console reads with); entity payloads from core/wire/entities.ts.

export {
  changesNudgeSchema as sseNudgeSchema,
  changesPageSchema,
  claimAnswerSchema,
  claimHeldSchema,
  decisionAppliedSchema,
  decisionConflictSchema,
  devEventsResultSchema,
  metaSchema,
  problemSchema,
  type Change,
  type ChangesPage,
  type DevEventsResult,
  type Problem,
} from '../../../core';

// ---------------------------------------------------------------------------------------
// A tiny typed HTTP client.

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** POST a body exactly as given (malformed JSON, other content types). */
  postText(path: string, text: string, contentType?: string): Promise<Reply>;
  del(path: string): Promise<Reply>;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function client(baseUrl: string, token: string | null): Client {
  async function send(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Reply> {
    const all: Record<string, string> = { accept: 'application/json', ...headers };
    if (token !== null) all.authorization = `Bearer ${token}`;
    const res = await fetch(baseUrl + path, {
      method,
      headers: all,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: parseJson(text) };
  }
  return {
    get: (path, headers = {}) => send('GET', path, undefined, headers),
    post: (path, body, headers = {}) =>
      send('POST', path, JSON.stringify(body), { 'content-type': 'application/json', ...headers }),
    postText: (path, text, contentType = 'application/json') => send('POST', path, text, { 'content-type': contentType }),
    del: (path) => send('DELETE', path, undefined, {}),
  };
}

/**
 * A POST with node:http rather than fetch: a server may answer an oversized body before it
 * has read it all and then close the socket, which fetch reports as a network error.
 */
export function rawPost(baseUrl: string, path: string, token: string, body: Buffer): Promise<{ status: number; contentType: string; text: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(body.length) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    // Once the answer is in, a write error (EPIPE, ECONNRESET) is the server refusing the rest.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

/** Asserts an RFC 9457 problem with the given status, and returns it. */
export function expectProblem(reply: Reply, status: number | readonly number[]): Problem {
  const allowed = typeof status === 'number' ? [status] : status;
  expect(allowed, `HTTP ${reply.status}: ${reply.text.slice(0, 300)}`).toContain(reply.status);
  expect(reply.headers.get('content-type') ?? '').toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(reply.json);
  expect(problem.status).toBe(reply.status);
  return problem;
}

/** Asserts a 200 with a JSON body matching the schema, and returns the parsed body. */
export function expectOk<S extends z.ZodType>(reply: Reply, schema: S): z.infer<S> {
  expect(reply.status, reply.text.slice(0, 500)).toBe(200);
  expect(reply.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  return schema.parse(reply.json);
}

// ---------------------------------------------------------------------------------------
// A platform per test file.

export interface TestPlatform {
  url: string;
  storePath: string;
  api(token: string | null): Client;
  /** Closes this platform (once). The temp dir stays until `dispose`. */
  close(): Promise<void>;
  /** Closes and removes the temp dir. */
  dispose(): Promise<void>;
}

export const BASE_OPTIONS = { dev: true, dataset: 'none', clock: START } as const satisfies PlatformOptions;

export async function newStoreDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'platform-contract-'));
}

export async function startTestPlatform(overrides: Partial<PlatformOptions> = {}, dir?: string): Promise<TestPlatform> {
  const home = dir ?? (await newStoreDir());
  const storePath = join(home, 'platform.store');
  const running: RunningPlatform = await startPlatform({
    ...BASE_OPTIONS,
    host: '127.0.0.1',
    port: 0,
    storePath,
    log: () => {},
    ...overrides,
  });
  const url = running.url.replace(/\/+$/, '');
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= running.close());
  return {
    url,
    storePath,
    api: (token) => client(url, token),
    close,
    dispose: async () => {
      await close();
      if (dir === undefined) await rm(home, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------
// The change feed.

export interface PullResult {
  changes: Change[];
  pages: ChangesPage[];
  last: number;
}

/** Follows `hasMore` from `after` to the end of the feed (bounded: a stuck cursor fails). */
export async function pullAll(api: Client, after = 0, limit = 1000): Promise<PullResult> {
  const pages: ChangesPage[] = [];
  let cursor = after;
  for (let i = 0; i < 10_000; i++) {
    const page = expectOk(await api.get(`/v1/changes?after=${cursor}&limit=${limit}`), changesPageSchema);
    pages.push(page);
    if (!page.hasMore) return { changes: pages.flatMap((p) => p.changes), pages, last: page.last };
    if (page.last <= cursor) throw new Error(`/v1/changes: hasMore but last did not move past ${cursor}`);
    cursor = page.last;
  }
  throw new Error('/v1/changes: still hasMore after 10,000 pages');
}

const keyOf = (type: string, id: string): string => `${type}/${id}`;

/** The latest change of every entity, keyed "type/id". */
export function fold(changes: readonly Change[], into = new Map<string, Change>()): Map<string, Change> {
  for (const change of changes) into.set(keyOf(change.type, change.id), change);
  return into;
}

/**
 * Checks `data` against the schema of `type`. One cast: zod cannot relate a generic key to
 * its schema's output, but the schema just checked that the data is exactly that entity.
 */
function safeParseEntity<T extends EntityType>(type: T, data: unknown): { success: true; data: EntityOf<T> } | { success: false; error: z.ZodError } {
  const parsed = ENTITY_SCHEMAS[type].safeParse(data);
  return parsed.success ? { success: true, data: parsed.data as EntityOf<T> } : { success: false, error: parsed.error };
}

export function parseEntity<T extends EntityType>(type: T, data: unknown): EntityOf<T> {
  const parsed = safeParseEntity(type, data);
  if (!parsed.success) throw new Error(`not a valid ${type}: ${parsed.error.message}\n${JSON.stringify(data)}`);
  return parsed.data;
}

/** A local mirror of the feed, pulled incrementally like the console's sync engine does. */
export class Mirror {
  cursor = 0;
  readonly state = new Map<string, Change>();
  constructor(private readonly api: Client) {}

  /** Pulls what is new and returns it. */
  async sync(): Promise<Change[]> {
    const { changes, last } = await pullAll(this.api, this.cursor);
    fold(changes, this.state);
    this.cursor = last;
    return changes;
  }

  find<T extends EntityType>(type: T, id: string): EntityOf<T> | undefined {
    const change = this.state.get(keyOf(type, id));
    if (change === undefined || change.op === 'delete') return undefined;
    return parseEntity(type, change.data);
  }

  get<T extends EntityType>(type: T, id: string): EntityOf<T> {
    const found = this.find(type, id);
    if (found === undefined) throw new Error(`no ${type} ${id} on the feed`);
    return found;
  }

  all<T extends EntityType>(type: T): EntityOf<T>[] {
    const out: EntityOf<T>[] = [];
    for (const change of this.state.values()) {
      if (change.type === type && change.op === 'upsert') out.push(parseEntity(type, change.data));
    }
    return out;
  }
}

/** The feed's current `last`. */
export async function feedLast(api: Client): Promise<number> {
  return (await pullAll(api, 0, 5000)).last;
}

// Entities inside a decision's answer: `entities` is a list of feed changes (SYNC-API.md,
// core/wire/api.ts), applied exactly as a page of the feed.

/** The entity of type `type` and id `id` among a decision's changed entities. */
export function changedEntity<T extends EntityType>(changes: readonly Change[], type: T, id: string): EntityOf<T> {
  const change = changes.find((c) => c.type === type && c.id === id);
  if (change === undefined || change.op === 'delete') throw new Error(`no ${type} ${id} among ${changes.map((c) => `${c.type}/${c.id}`).join(', ')}`);
  return parseEntity(type, change.data);
}

/** The entity a change carries, or undefined for a deletion. */
export function dataOf(change: Change | undefined): unknown {
  return change === undefined || change.op === 'delete' ? undefined : change.data;
}

// ---------------------------------------------------------------------------------------
// Dev endpoints.

export async function serverNow(api: Client): Promise<number> {
  return ms(expectOk(await api.get('/v1/meta'), metaSchema).serverTime);
}

export async function postEvents(api: Client, log: Log | EventLog): Promise<DevEventsResult> {
  const body = log instanceof Log ? log.toJSON() : log;
  return expectOk(await api.post('/v1/dev/events', body), devEventsResultSchema);
}

export async function setClock(api: Client, at: number): Promise<void> {
  const reply = await api.post('/v1/dev/clock', { now: iso(at) });
  expect(reply.status, reply.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
  expect(reply.status, reply.text.slice(0, 300)).toBeLessThan(300);
}

export interface Faults {
  latencyMs?: number;
  errorRate?: number;
  dropRate?: number;
  truncateRate?: number;
  seed?: number;
}

export async function setFaults(api: Client, faults: Faults): Promise<void> {
  const reply = await api.post('/v1/dev/faults', faults);
  expect(reply.status, reply.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
  expect(reply.status, reply.text.slice(0, 300)).toBeLessThan(300);
}

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, dropRate: 0, truncateRate: 0 };

// ---------------------------------------------------------------------------------------
// The event-log builder (SYNC-API.md, "The reference platform's event log").

/** Appends events at a moving cursor; `wait` moves the cursor forward. */
export class Log {
  readonly events: MarketplaceEvent[] = [];
  private t: number;

  constructor(start: number | string) {
    this.t = typeof start === 'number' ? start : ms(start);
  }

  /** The cursor's time: the `at` of the next event. */
  get now(): string {
    return iso(this.t);
  }
  get nowMs(): number {
    return this.t;
  }

  wait(durationMs: number): this {
    this.t += durationMs;
    return this;
  }

  push(event: MarketplaceEvent): this {
    this.events.push(event);
    return this;
  }

  designer(id: string, verification: 'verified' | 'unverified' | 'revoked' = 'verified'): this {
    return this.push({ at: this.now, type: 'designer.joined', data: { id, handle: id, displayName: `Designer ${id}`, country: 'PT', verification } });
  }

  verification(id: string, verification: 'verified' | 'unverified' | 'revoked'): this {
    return this.push({ at: this.now, type: 'designer.verification_changed', data: { id, verification } });
  }

  customer(id: string): this {
    return this.push({ at: this.now, type: 'customer.joined', data: { id, displayName: `Customer ${id}` } });
  }

  /** A project launched now, running `durationMs` (3 days: launch window 7.2 h). */
  project(id: string, customerId: string, durationMs = 3 * DAY, category: Category = 'logo', kind: 'contest' | 'mini_contest' = 'contest'): this {
    return this.push({
      at: this.now,
      type: 'project.launched',
      data: { id, customerId, title: `Project ${id}`, category, kind, endsAt: iso(this.t + durationMs) },
    });
  }

  closeProject(id: string): this {
    return this.push({ at: this.now, type: 'project.closed', data: { id } });
  }

  submission(id: string, projectId: string, designerId: string, kind: 'original' | 'customer_revision' = 'original'): this {
    return this.push({ at: this.now, type: 'submission.created', data: { id, projectId, designerId, kind } });
  }

  rating(submissionId: string, stars: number | null): this {
    return this.push({ at: this.now, type: 'rating.set', data: { submissionId, stars } });
  }

  contract(id: string, customerId: string, designerId: string): this {
    return this.push({ at: this.now, type: 'contract.started', data: { id, customerId, designerId, title: `Contract ${id}` } });
  }

  closeContract(id: string): this {
    return this.push({ at: this.now, type: 'contract.closed', data: { id } });
  }

  review(id: string, contractId: string, authorRole: 'client' | 'designer', overall = 5, text = 'Great work, delivered on time.'): this {
    return this.push({ at: this.now, type: 'review.posted', data: { id, contractId, authorRole, kind: 'final', overall, text } });
  }

  enableFeedbackChange(contractId: string): this {
    return this.push({ at: this.now, type: 'feedback_change.enabled', data: { contractId } });
  }

  privateFeedback(id: string, contractId: string, recommend: number): this {
    return this.push({ at: this.now, type: 'private_feedback.posted', data: { id, contractId, reasonEnded: 'Job done', recommend } });
  }

  message(id: string, designerId: string, customerId: string, body: string, projectId?: string): this {
    const data = { id, designerId, customerId, fromRole: 'designer' as const, body };
    return this.push({ at: this.now, type: 'message.sent', data: projectId === undefined ? data : { ...data, projectId } });
  }

  report(id: string, customerId: string, designerId: string, body: string): this {
    return this.push({ at: this.now, type: 'report.filed', data: { id, customerId, designerId, category: 'rating_pressure', body } });
  }

  toJSON(): EventLog {
    return { events: [...this.events] };
  }
}

// ---------------------------------------------------------------------------------------
// Scenarios shared by several files. Each starts at the platform's current clock, with its
// own ids, so tests sharing a platform stay independent of each other's order.

/** RULES R2: a 3-day project's launch window is 7.2 hours. */
export const THREE_DAY_WINDOW_MS = 7.2 * HOUR;

export interface LowRatedDesigner {
  designerId: string;
  customerId: string;
  /** The earlier submission the designer was rated 1 star on (its Rating has this id). */
  ratedSubmissionId: string;
}

/** A verified designer with one 1-star logo rating: the next logo design in a launch window is held (R3). */
export function addLowRatedDesigner(log: Log, prefix: string): LowRatedDesigner {
  const designerId = uid(`${prefix}-d`);
  const customerId = uid(`${prefix}-c`);
  const projectId = uid(`${prefix}-p0`);
  const ratedSubmissionId = uid(`${prefix}-s0`);
  log.customer(customerId).designer(designerId, 'verified').wait(MINUTE);
  log.project(projectId, customerId, 10 * DAY).wait(MINUTE);
  log.submission(ratedSubmissionId, projectId, designerId).wait(MINUTE);
  log.rating(ratedSubmissionId, 1).wait(MINUTE);
  return { designerId, customerId, ratedSubmissionId };
}

export interface HeldScenario extends LowRatedDesigner {
  projectId: string;
  submissionId: string;
  launchedAt: number;
  releaseAt: number;
}

/** Posts a held submission (R3): low-rated verified designer, inside a 3-day project's launch window. */
export async function postHeldSubmission(api: Client, prefix = 'held'): Promise<HeldScenario> {
  const log = new Log((await serverNow(api)) + MINUTE);
  const designer = addLowRatedDesigner(log, prefix);
  const projectId = uid(`${prefix}-p`);
  const submissionId = uid(`${prefix}-s`);
  const launchedAt = log.nowMs;
  log.project(projectId, designer.customerId, 3 * DAY).wait(HOUR);
  log.submission(submissionId, projectId, designer.designerId);
  const result = await postEvents(api, log);
  expect(result.refused).toEqual([]);
  return { ...designer, projectId, submissionId, launchedAt, releaseAt: launchedAt + THREE_DAY_WINDOW_MS };
}

export interface PendingScenario {
  designerId: string;
  customerId: string;
  projectId: string;
  submissionId: string;
  launchedAt: number;
  submittedAt: number;
  windowEnd: number;
}

/** Posts an unverified designer's submission (R4), `afterLaunchMs` after a 3-day project's launch. */
export async function postPendingSubmission(api: Client, prefix = 'pending', afterLaunchMs = HOUR): Promise<PendingScenario> {
  const log = new Log((await serverNow(api)) + MINUTE);
  const designerId = uid(`${prefix}-d`);
  const customerId = uid(`${prefix}-c`);
  const projectId = uid(`${prefix}-p`);
  const submissionId = uid(`${prefix}-s`);
  log.customer(customerId).designer(designerId, 'unverified').wait(MINUTE);
  const launchedAt = log.nowMs;
  log.project(projectId, customerId, 3 * DAY).wait(afterLaunchMs);
  const submittedAt = log.nowMs;
  log.submission(submissionId, projectId, designerId);
  const result = await postEvents(api, log);
  expect(result.refused).toEqual([]);
  return { designerId, customerId, projectId, submissionId, launchedAt, submittedAt, windowEnd: launchedAt + THREE_DAY_WINDOW_MS };
}

export const PRESSURE_MESSAGE = 'Please change your rating to 5 stars';

export interface FlagScenario {
  designerId: string;
  customerId: string;
  projectId: string;
  /** The designer's rated submissions: their Ratings have these ids. */
  ratingIds: string[];
  flagId: string;
}

/**
 * A designer who asks a customer to change a rating, and the customer's report (R12); returns
 * the open flag the platform raised on that designer, found on the feed.
 */
export async function postFlagScenario(api: Client, prefix = 'flag'): Promise<FlagScenario> {
  const log = new Log((await serverNow(api)) + MINUTE);
  const designerId = uid(`${prefix}-d`);
  const customerId = uid(`${prefix}-c`);
  const projectId = uid(`${prefix}-p`);
  const ratingIds = [uid(`${prefix}-s1`), uid(`${prefix}-s2`)];
  log.customer(customerId).designer(designerId, 'verified').wait(MINUTE);
  log.project(projectId, customerId, 10 * DAY).wait(MINUTE);
  for (const id of ratingIds) log.submission(id, projectId, designerId).wait(MINUTE);
  for (const id of ratingIds) log.rating(id, 2).wait(MINUTE);
  log.message(uid(`${prefix}-m`), designerId, customerId, PRESSURE_MESSAGE, projectId).wait(HOUR);
  log.report(uid(`${prefix}-r`), customerId, designerId, 'The designer keeps asking me to change my rating to 5 stars.');
  const result = await postEvents(api, log);
  expect(result.refused).toEqual([]);
  const mirror = new Mirror(api);
  await mirror.sync();
  const flags = mirror.all('flag').filter((f) => f.designerId === designerId && f.status === 'open');
  if (flags.length === 0) throw new Error(`no open flag on designer ${designerId} after "${PRESSURE_MESSAGE}" and a report`);
  const flag = flags[0];
  if (flag === undefined) throw new Error('unreachable');
  return { designerId, customerId, projectId, ratingIds, flagId: flag.id };
}

// ---------------------------------------------------------------------------------------
// Decisions.

export interface DecisionBody {
  id: string;
  subjectType: 'submission' | 'flag';
  subjectId: string;
  expectedRev: number;
  outcome: 'approve' | 'reject' | 'dismiss' | 'confirm';
  reasonCode?: string;
  note?: string;
  sanctions?: Sanction[];
  statementOfReasons?: string;
  decidedAt: string;
}

export function decision(
  subjectType: DecisionBody['subjectType'],
  subject: { id: string; rev: number },
  outcome: DecisionBody['outcome'],
  decidedAt: number,
  extra: Partial<Omit<DecisionBody, 'subjectType' | 'subjectId' | 'outcome' | 'decidedAt'>> = {},
): DecisionBody {
  return { id: randomUUID(), subjectType, subjectId: subject.id, expectedRev: subject.rev, outcome, decidedAt: iso(decidedAt), ...extra };
}

export const STATEMENT =
  'We found that you asked a customer to change their rating to 5 stars (message of 2 November 2026). ' +
  'This breaks clause CoC-4.2 (Honest ratings and feedback). You may appeal within 183 days; another moderator will review it.';

// ---------------------------------------------------------------------------------------
// Server-Sent Events.

export interface SseMessage {
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  messages: SseMessage[];
  comments: string[];
  /** The first message (already received or still to come) matching `match`, or a timeout error. */
  waitFor(match: (message: SseMessage) => boolean, timeoutMs: number): Promise<SseMessage>;
  close(): void;
}

/** Opens `/v1/events` and parses the stream as it arrives (WHATWG SSE framing). */
export async function openEvents(baseUrl: string, token: string | null, after: number, timeoutMs = 5000): Promise<SseStream> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no response from /v1/events within ${timeoutMs} ms`)), timeoutMs);
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/v1/events?after=${after}`, { headers, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }

  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let listeners: (() => void)[] = [];
  const notify = (): void => {
    const now = listeners;
    listeners = [];
    for (const listener of now) listener();
  };

  let buffer = '';
  let event = '';
  let data: string[] = [];
  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) messages.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) {
      comments.push(text.slice(1).trim());
      return;
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  const pump = async (body: ReadableStream<Uint8Array>): Promise<void> => {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const text of lines) line(text);
        notify();
      }
    } catch {
      // Aborted by close(), or the server went away: the waiters time out on their own.
    }
  };
  if (res.ok && res.body !== null) void pump(res.body);
  else await res.text().catch(() => '');

  return {
    status: res.status,
    headers: res.headers,
    messages,
    comments,
    waitFor(match, waitMs) {
      return new Promise((resolve, reject) => {
        let settled = false;
        const deadline = setTimeout(() => {
          settled = true;
          reject(new Error(`no matching SSE message within ${waitMs} ms; got ${JSON.stringify(messages)}`));
        }, waitMs);
        const check = (): void => {
          if (settled) return;
          const found = messages.find(match);
          if (found !== undefined) {
            settled = true;
            clearTimeout(deadline);
            resolve(found);
          } else listeners.push(check);
        };
        check();
      });
    },
    close() {
      controller.abort();
    },
  };
}
