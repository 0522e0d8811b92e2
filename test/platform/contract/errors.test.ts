// SYNC-API.md, "Errors are application/problem+json (RFC 9457): {type, title, status, detail}";
// Bearer tokens on every call; every input validated at the boundary, and what fails
// changes nothing (ARCHITECTURE.md, "Boundaries").
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Log,
  MINUTE,
  TOKENS,
  client,
  expectProblem,
  feedLast,
  postEvents,
  problemSchema,
  rawPost,
  serverNow,
  startTestPlatform,
  uid,
  type Client,
  type Reply,
  type TestPlatform,
} from './helpers';

let platform: TestPlatform;
let admin: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = platform.api(TOKENS.admin);
  await postEvents(admin, new Log((await serverNow(admin)) + MINUTE).customer(uid('err-c')));
});
afterAll(async () => {
  await platform?.dispose();
});

/** Runs `act` and checks neither the feed nor the clock moved. */
async function changesNothing(act: () => Promise<void>): Promise<void> {
  const last = await feedLast(admin);
  const now = await serverNow(admin);
  await act();
  expect(await feedLast(admin)).toBe(last);
  expect(await serverNow(admin)).toBe(now);
}

const CALLS: [string, (api: Client) => Promise<Reply>][] = [
  ['GET /v1/meta', (api) => api.get('/v1/meta')],
  ['GET /v1/changes', (api) => api.get('/v1/changes?after=0&limit=10')],
  ['GET /v1/events', (api) => api.get('/v1/events?after=0')],
  ['POST /v1/decisions', (api) => api.post('/v1/decisions', { id: randomUUID(), subjectType: 'submission', subjectId: 'x', expectedRev: 1, outcome: 'approve', decidedAt: '2026-11-02T08:00:00Z' })],
  ['POST /v1/claims', (api) => api.post('/v1/claims', { subjectType: 'submission', subjectId: 'x' })],
  ['DELETE /v1/claims/submission/x', (api) => api.del('/v1/claims/submission/x')],
  ['GET /v1/assets/x', (api) => api.get('/v1/assets/x')],
];

const DEV_CALLS: [string, (api: Client) => Promise<Reply>][] = [
  ['POST /v1/dev/events', (api) => api.post('/v1/dev/events', { events: [] })],
  ['POST /v1/dev/clock', (api) => api.post('/v1/dev/clock', {})],
  ['POST /v1/dev/faults', (api) => api.post('/v1/dev/faults', {})],
];

describe('authentication (401)', () => {
  it.each(CALLS)('%s without a token', async (_name, call) => {
    expectProblem(await call(platform.api(null)), 401);
  });

  it.each(CALLS)('%s with an unknown token', async (_name, call) => {
    expectProblem(await call(platform.api('dev-nobody')), 401);
  });

  it.each(CALLS)('%s with a malformed Authorization header', async (_name, call) => {
    const api = client(platform.url, null);
    const bare: Client = {
      get: (path) => api.get(path, { authorization: TOKENS.admin }),
      post: (path, body) => api.post(path, body, { authorization: `Basic ${TOKENS.admin}` }),
      postText: api.postText,
      del: api.del,
    };
    expectProblem(await call(bare), 401);
  });

  // "Authorization: Bearer <token> on every call" (SYNC-API.md, "Auth and roles").
  it.each(DEV_CALLS)('%s without a token', async (_name, call) => {
    await changesNothing(async () => {
      expectProblem(await call(platform.api(null)), 401);
    });
  });
});

describe('routes', () => {
  it.each(['/v1/nothing-here', '/v2/meta', '/', '/v1/changes/extra'])('answers GET %s with a 404 problem', async (path) => {
    expectProblem(await admin.get(path), 404);
  });

  it('answers a POST to an unknown route with a 404 problem', async () => {
    expectProblem(await admin.post('/v1/nothing-here', {}), 404);
  });

  it('answers a method a route does not take with a 404 or 405 problem', async () => {
    expectProblem(await admin.del('/v1/meta'), [404, 405]);
  });
});

describe('malformed input changes nothing', () => {
  it.each(['/v1/dev/events', '/v1/decisions', '/v1/claims'])('answers malformed JSON on %s with 400 or 422', async (path) => {
    await changesNothing(async () => {
      const problem = expectProblem(await admin.postText(path, '{"events": [ {"at": '), [400, 422]);
      expect(problem.detail.length).toBeGreaterThan(0);
    });
  });

  it.each([
    ['GET', '/v1/assets/asset-%E0%A4%A'],
    ['DELETE', '/v1/claims/submission/%ZZ'],
  ])('answers %s %s, a path segment that is not valid percent-encoding, with a 400 problem', async (method, path) => {
    const res = await fetch(`${platform.url}${path}`, { method, headers: { authorization: `Bearer ${TOKENS.admin}` } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses an unknown event type, naming it', async () => {
    await changesNothing(async () => {
      const at = new Date((await serverNow(admin)) + MINUTE).toISOString();
      const reply = await admin.post('/v1/dev/events', { events: [{ at, type: 'designer.teleported', data: { id: 'd-x' } }] });
      const problem = expectProblem(reply, [400, 422]);
      expect(problem.detail).toMatch(/designer\.teleported|events\.0\.type|\btype\b/);
    });
  });

  it('refuses a field of the wrong type, naming the field, and applies nothing of the log', async () => {
    const good = uid('err-good');
    await changesNothing(async () => {
      const at = new Date((await serverNow(admin)) + MINUTE).toISOString();
      const reply = await admin.post('/v1/dev/events', {
        events: [
          { at, type: 'customer.joined', data: { id: good } },
          { at, type: 'rating.set', data: { submissionId: 's-x', stars: 'five' } },
        ],
      });
      const problem = expectProblem(reply, [400, 422]);
      expect(problem.detail).toMatch(/stars/);
    });
  });

  it('refuses an event without a time, naming the field', async () => {
    await changesNothing(async () => {
      const reply = await admin.post('/v1/dev/events', { events: [{ type: 'customer.joined', data: { id: uid('err-c') } }] });
      expect(expectProblem(reply, [400, 422]).detail).toMatch(/\bat\b/);
    });
  });

  it('refuses a body that is not an event log', async () => {
    await changesNothing(async () => {
      expect(expectProblem(await admin.post('/v1/dev/events', [1, 2, 3]), [400, 422]).detail.length).toBeGreaterThan(0);
    });
  });

  it('refuses a decision whose fields have the wrong types', async () => {
    await changesNothing(async () => {
      const reply = await admin.post('/v1/decisions', { id: randomUUID(), subjectType: 'submission', subjectId: 'x', expectedRev: 'one', outcome: 'approve', decidedAt: 'yesterday' });
      expect(expectProblem(reply, [400, 422]).detail).toMatch(/expectedRev|decidedAt/);
    });
  });

  it('refuses a million invalid events (3 MB) in one problem, and goes on serving', async () => {
    await changesNothing(async () => {
      const body = Buffer.from(`{"events":[${new Array<string>(1_000_000).fill('{}').join(',')}]}`);
      const reply = await rawPost(platform.url, '/v1/dev/events', TOKENS.admin, body);
      expect(reply.status, reply.text.slice(0, 300)).toBe(422);
      const problem = problemSchema.parse(JSON.parse(reply.text));
      expect(problem.detail).toMatch(/at most 100,000 events/);
    });
  });

  it('lists at most 20 issues of a log with thousands of invalid events', async () => {
    await changesNothing(async () => {
      const events = Array.from({ length: 5000 }, () => ({ at: 'never', type: 'customer.joined', data: {} }));
      const problem = expectProblem(await admin.post('/v1/dev/events', { events }), 422);
      expect(problem.issues).toHaveLength(20);
      expect(problem.detail).toMatch(/more/);
    });
  });

  it('refuses a decision voiding 200,000 ratings in one issue, not a 500', async () => {
    await changesNothing(async () => {
      const ratingIds = new Array<number>(200_000).fill(7);
      const body = { id: randomUUID(), subjectType: 'flag', subjectId: 'x', expectedRev: 1, outcome: 'confirm', sanctions: [{ type: 'void_ratings', ratingIds }], statementOfReasons: 'x', decidedAt: '2026-11-02T08:00:00Z' };
      const problem = expectProblem(await admin.post('/v1/decisions', body), 422);
      expect(problem.issues).toEqual([{ path: 'sanctions.0.ratingIds', message: 'at most 1,000 rating ids' }]);
    });
  });

  it('refuses a claim of an unknown subject type', async () => {
    await changesNothing(async () => {
      expectProblem(await admin.post('/v1/claims', { subjectType: 'spaceship', subjectId: 'x' }), [400, 422]);
    });
  });

  it('refuses an oversized body with a 4xx problem', async () => {
    await changesNothing(async () => {
      // A valid event log padded to 64 MB: without a size limit it would be accepted.
      const at = new Date((await serverNow(admin)) + MINUTE).toISOString();
      const head = Buffer.from(JSON.stringify({ events: [{ at, type: 'customer.joined', data: { id: uid('err-big') } }] }).slice(0, -1) + ',"padding":"');
      const body = Buffer.concat([head, Buffer.alloc(64 * 1024 * 1024, 'a'), Buffer.from('"}')]);
      const reply = await rawPost(platform.url, '/v1/dev/events', TOKENS.admin, body);
      expect(reply.status, reply.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
      const problem = problemSchema.parse(JSON.parse(reply.text));
      expect(problem.status).toBe(reply.status);
      expect(problem.detail.length).toBeGreaterThan(0);
    });
  });
});

describe('development mode', () => {
  // "In development mode only (never on by default …) it accepts the fixed tokens … and offers"
  // the dev endpoints (SYNC-API.md).
  it('is off by default: dev tokens are refused and /v1/dev/* does not answer', async () => {
    const plain = await startTestPlatform({ dev: undefined });
    try {
      expectProblem(await plain.api(TOKENS.admin).get('/v1/meta'), 401);
      for (const [, call] of DEV_CALLS) {
        const reply = await call(plain.api(TOKENS.admin));
        expect(reply.status, reply.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
      }
    } finally {
      await plain.dispose();
    }
  });
});
