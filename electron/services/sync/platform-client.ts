// The console's side of SYNC-API.md over HTTP: every answer is validated with the schemas in
// core/wire/ (never re-declared here), every body is read under a byte budget, and every
// failure is sorted into what the sync engine does about it: retry later (unreachable), sign in
// again (unauthorised), start the feed over (resync required), or a refusal to show.
import {
  changesNudgeSchema,
  changesPageFrameSchema,
  changeSchema,
  pageOrderIssues,
  claimHeldSchema,
  claimSchema,
  decisionAppliedSchema,
  decisionConflictSchema,
  describeIssues,
  FEED_MAX_LIMIT,
  metaSchema,
  parseWith,
  problemSchema,
  RESYNC_REQUIRED,
  type Change,
  type ChangesPage,
  type Claim,
  type DecisionConflict,
  type DecisionRequest,
  type Meta,
  type Problem,
} from '../../../core';
import type { z } from 'zod';

/** The platform did not answer usefully (network, timeout, 5xx, a truncated or invalid body): retry. */
export class PlatformUnreachable extends Error {
  override name = 'PlatformUnreachable';
}
/** 401: the token is not accepted any more. */
export class PlatformUnauthorized extends Error {
  override name = 'PlatformUnauthorized';
}
/** 410 resync-required: the feed cannot continue from this cursor. */
export class ResyncRequired extends Error {
  override name = 'ResyncRequired';
}
/** A 4xx the platform means (403, 404, 409, 422 …), with its problem document. */
export class PlatformRefusal extends Error {
  override name = 'PlatformRefusal';
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${status} ${problem.title}: ${problem.detail}`);
  }
}

export type DecisionAnswer =
  | { kind: 'applied'; entities: Change[] }
  | { kind: 'conflict'; problem: DecisionConflict }
  | { kind: 'refused'; status: number; problem: Problem };

export interface PlatformClient {
  readonly baseUrl: string;
  /** /v1/meta, with the local clock read before and after, for the offset. */
  meta(): Promise<{ meta: Meta; sentAtMs: number; receivedAtMs: number }>;
  changes(after: number, limit: number, feedId?: string): Promise<ChangesPage>;
  decide(request: DecisionRequest): Promise<DecisionAnswer>;
  claim(subjectType: 'submission' | 'flag', subjectId: string): Promise<{ kind: 'claimed'; claim: Claim } | { kind: 'held'; claim: Claim }>;
  release(subjectType: 'submission' | 'flag', subjectId: string): Promise<void>;
  asset(assetId: string): Promise<{ contentType: string; etag: string | null; body: Buffer }>;
  /** /v1/events: yields the head seq of each nudge until the stream ends or `signal` aborts. */
  events(after: number, signal: AbortSignal): AsyncGenerator<number>;
}

export interface PlatformClientOptions {
  baseUrl: string;
  token: string;
  /** Local wall clock in ms (injected so tests control it). */
  now: () => number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const MB = 1024 * 1024;
/** Changes validated between two yields to the event loop. */
const VALIDATE_SLICE = 100;
const BUDGET = { changes: 128 * MB, small: 2 * MB, asset: 16 * MB } as const;

async function readBody(response: Response, budget: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > budget) throw new PlatformUnreachable(`the platform's answer is ${declared} bytes, over the ${budget}-byte budget`);
  if (response.body === null) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > budget) throw new PlatformUnreachable(`the platform's answer exceeds the ${budget}-byte budget`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, size);
}

function parseJson(body: Buffer, what: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    // A truncated or garbled body: the network's fault as far as we can tell, so retry.
    throw new PlatformUnreachable(`the platform's ${what} was not complete JSON (${body.length} bytes)`);
  }
}

function problemOf(status: number, body: Buffer): Problem {
  const raw = (() => {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  })();
  const parsed = parseWith(problemSchema, raw, 'problem');
  if (parsed.ok) return parsed.value;
  return { type: 'about:blank', title: `HTTP ${status}`, status, detail: body.toString('utf8').slice(0, 300) };
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const auth = { Authorization: `Bearer ${options.token}` };

  async function request(method: string, path: string, init: { body?: unknown; budget: number; timeoutMs?: number }): Promise<{ status: number; body: Buffer; headers: Headers }> {
    let response: Response;
    const signal = AbortSignal.timeout(init.timeoutMs ?? timeoutMs);
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers: init.body === undefined ? auth : { ...auth, 'Content-Type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal,
      });
    } catch (error) {
      throw new PlatformUnreachable(`could not reach ${baseUrl}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
    }
    let body: Buffer;
    try {
      body = await readBody(response, init.budget);
    } catch (error) {
      if (error instanceof PlatformUnreachable) throw error;
      throw new PlatformUnreachable(`the connection to ${baseUrl} broke while reading the answer`);
    }
    if (response.status === 401) throw new PlatformUnauthorized(problemOf(401, body).detail || 'The platform does not accept this token.');
    if (response.status >= 500) throw new PlatformUnreachable(`the platform answered ${response.status}: ${problemOf(response.status, body).detail}`);
    return { status: response.status, body, headers: response.headers };
  }

  function valid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
    const parsed = parseWith(schema, value, what);
    if (!parsed.ok) throw new PlatformUnreachable(`the platform sent an invalid ${what}: ${describeIssues(parsed.issues, 3)}`);
    return parsed.value;
  }

  /**
   * A page checked with the same schemas as changesPageSchema, a slice of changes at a time with
   * the event loop let go in between: a thousand entities at once would hold the window's IPC up
   * for longer than a frame.
   */
  async function validPage(value: unknown): Promise<ChangesPage> {
    const frame = valid(changesPageFrameSchema, value, 'changes page');
    const changes: Change[] = [];
    for (let start = 0; start < frame.changes.length; start += VALIDATE_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const slice = frame.changes.slice(start, start + VALIDATE_SLICE);
      for (const [offset, item] of slice.entries()) {
        const parsed = changeSchema.safeParse(item);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({ path: `changes.${start + offset}.${i.path.map(String).join('.')}`.replace(/\.$/, ''), message: i.message }));
          throw new PlatformUnreachable(`the platform sent an invalid changes page: ${describeIssues(issues, 3)}`);
        }
        changes.push(parsed.data);
      }
    }
    const page = { ...frame, changes };
    const order = pageOrderIssues(page);
    if (order.length > 0) throw new PlatformUnreachable(`the platform sent an invalid changes page: ${describeIssues(order.map((i) => ({ path: i.path.join('.'), message: i.message })), 3)}`);
    return page;
  }

  return {
    baseUrl,

    async meta() {
      const sentAtMs = options.now();
      const { status, body } = await request('GET', '/v1/meta', { budget: BUDGET.small });
      const receivedAtMs = options.now();
      if (status !== 200) throw new PlatformRefusal(status, problemOf(status, body));
      return { meta: valid(metaSchema, parseJson(body, 'meta'), 'meta'), sentAtMs, receivedAtMs };
    },

    async changes(after, limit, feedId) {
      const query = new URLSearchParams({ after: String(after), limit: String(Math.min(limit, FEED_MAX_LIMIT)) });
      if (feedId !== undefined) query.set('feedId', feedId);
      const { status, body } = await request('GET', `/v1/changes?${query}`, { budget: BUDGET.changes, timeoutMs: Math.max(timeoutMs, 60_000) });
      if (status === 410) {
        const problem = problemOf(status, body);
        throw new ResyncRequired(problem.type.endsWith(RESYNC_REQUIRED) ? problem.detail : `410: ${problem.detail}`);
      }
      if (status !== 200) throw new PlatformRefusal(status, problemOf(status, body));
      return validPage(parseJson(body, 'changes page'));
    },

    async decide(decision) {
      const { status, body } = await request('POST', '/v1/decisions', { body: decision, budget: BUDGET.changes });
      if (status === 200) return { kind: 'applied', entities: valid(decisionAppliedSchema, parseJson(body, 'decision answer'), 'decision answer').entities };
      if (status === 409) {
        const parsed = parseWith(decisionConflictSchema, parseJson(body, 'conflict'), 'conflict');
        if (parsed.ok) return { kind: 'conflict', problem: parsed.value };
        return { kind: 'refused', status, problem: problemOf(status, body) };
      }
      return { kind: 'refused', status, problem: problemOf(status, body) };
    },

    async claim(subjectType, subjectId) {
      const { status, body } = await request('POST', '/v1/claims', { body: { subjectType, subjectId }, budget: BUDGET.small });
      if (status === 200) return { kind: 'claimed', claim: valid(claimSchema, parseJson(body, 'claim'), 'claim') };
      if (status === 409) return { kind: 'held', claim: valid(claimHeldSchema, parseJson(body, 'claim'), 'held claim').claim };
      throw new PlatformRefusal(status, problemOf(status, body));
    },

    async release(subjectType, subjectId) {
      const { status, body } = await request('DELETE', `/v1/claims/${encodeURIComponent(subjectType)}/${encodeURIComponent(subjectId)}`, { budget: BUDGET.small });
      if (status !== 204 && status !== 200 && status !== 404) throw new PlatformRefusal(status, problemOf(status, body));
    },

    async asset(assetId) {
      const { status, body, headers } = await request('GET', `/v1/assets/${encodeURIComponent(assetId)}`, { budget: BUDGET.asset });
      if (status !== 200) throw new PlatformRefusal(status, problemOf(status, body));
      return { contentType: headers.get('content-type') ?? 'application/octet-stream', etag: headers.get('etag'), body };
    },

    async *events(after, signal) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/v1/events?after=${after}`, { headers: { ...auth, Accept: 'text/event-stream' }, signal });
      } catch (error) {
        throw new PlatformUnreachable(`could not open the event stream: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (response.status === 401) throw new PlatformUnauthorized('The platform does not accept this token.');
      if (response.status === 410) {
        // Our cursor is from another feed or beyond this one (SYNC-API.md): a pull starts over.
        const problem = problemOf(response.status, await readBody(response, BUDGET.small));
        throw new ResyncRequired(problem.detail);
      }
      if (response.status !== 200 || response.body === null) throw new PlatformUnreachable(`the event stream answered ${response.status}`);
      yield* nudges(response.body);
    },
  };
}

/** The line limit of the SSE parser: a nudge is a few bytes, anything long is not one. */
const SSE_MAX_LINE = 64 * 1024;

/** Server-Sent Events parsed down to the `changes` nudges' head seqs (heartbeats and others skipped). */
export async function* nudges(stream: AsyncIterable<Uint8Array>): AsyncGenerator<number> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  for await (const chunk of stream) {
    buffer += decoder.decode(chunk, { stream: true });
    if (buffer.length > SSE_MAX_LINE && !buffer.includes('\n')) throw new PlatformUnreachable('the event stream sent a line over the limit');
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event === 'changes' && data.length > 0) {
          const parsed = (() => {
            try {
              return changesNudgeSchema.safeParse(JSON.parse(data.join('\n')));
            } catch {
              return null;
            }
          })();
          if (parsed?.success === true) yield parsed.data.last;
        }
        event = 'message';
        data = [];
      } else if (line.startsWith(':')) {
        // A heartbeat comment.
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data' && data.length < 100) data.push(value);
      }
    }
  }
}
