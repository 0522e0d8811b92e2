// SYNC-API.md, GET /v1/events: Server-Sent Events, `event: changes` with {last} whenever new
// changes exist (a nudge to pull, never the data), and a heartbeat comment every 15 s.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Log,
  MINUTE,
  TOKENS,
  expectOk,
  expectProblem,
  feedLast,
  openEvents,
  postEvents,
  serverNow,
  sseNudgeSchema,
  startTestPlatform,
  uid,
  type SseMessage,
  type SseStream,
  type TestPlatform,
} from './helpers';
import { metaSchema, RESYNC_REQUIRED } from '../../../core';

const NUDGE_WAIT_MS = 5000;

let platform: TestPlatform;
const open: SseStream[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  const api = platform.api(TOKENS.admin);
  await postEvents(api, new Log((await serverNow(api)) + MINUTE).customer(uid('sse-c')));
});
afterEach(() => {
  for (const stream of open.splice(0)) stream.close();
});
afterAll(async () => {
  await platform?.dispose();
});

async function subscribe(after: number, token: string | null = TOKENS.quality): Promise<SseStream> {
  const stream = await openEvents(platform.url, token, after);
  open.push(stream);
  return stream;
}

const nudgeAtLeast =
  (last: number) =>
  (message: SseMessage): boolean =>
    message.event === 'changes' && sseNudgeSchema.parse(JSON.parse(message.data)).last >= last;

describe('GET /v1/events', () => {
  it('opens a text/event-stream', async () => {
    const stream = await subscribe(await feedLast(platform.api(TOKENS.quality)));
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type') ?? '').toMatch(/^text\/event-stream/);
  });

  it('nudges with `event: changes` and {last} after new events', async () => {
    const api = platform.api(TOKENS.admin);
    const stream = await subscribe(await feedLast(api));
    await postEvents(api, new Log((await serverNow(api)) + MINUTE).customer(uid('sse-c')));
    const last = await feedLast(api);

    const nudge = await stream.waitFor(nudgeAtLeast(last), NUDGE_WAIT_MS);
    const data: unknown = JSON.parse(nudge.data);
    // A nudge to pull, never the data itself.
    expect(data).not.toHaveProperty('changes');
    expect(sseNudgeSchema.parse(data).last).toBe(last);
  });

  it('nudges at once when changes after the given seq already exist', async () => {
    const api = platform.api(TOKENS.auditor);
    const last = await feedLast(api);
    expect(last).toBeGreaterThan(0);
    const stream = await subscribe(0, TOKENS.auditor);
    await stream.waitFor(nudgeAtLeast(last), NUDGE_WAIT_MS);
  });

  it('nudges every open stream', async () => {
    const api = platform.api(TOKENS.admin);
    const after = await feedLast(api);
    const streams = await Promise.all([subscribe(after, TOKENS.quality), subscribe(after, TOKENS.trust)]);
    await postEvents(api, new Log((await serverNow(api)) + MINUTE).customer(uid('sse-c')));
    const last = await feedLast(api);
    await Promise.all(streams.map((s) => s.waitFor(nudgeAtLeast(last), NUDGE_WAIT_MS)));
  });

  it('answers a cursor of another feed, or beyond this one, with 410 resync-required as /v1/changes does', async () => {
    const api = platform.api(TOKENS.quality);
    const last = await feedLast(api);
    for (const path of ['/v1/events?after=0&feedId=some-other-feed', `/v1/events?after=${last + 1000}`]) {
      const problem = expectProblem(await api.get(path), 410);
      expect(problem.type).toMatch(new RegExp(`/${RESYNC_REQUIRED}$`));
      expect(problem.feedId).toBe(expectOk(await api.get('/v1/meta'), metaSchema).feedId);
    }
    // Last-Event-ID counts as the cursor too (a reconnecting EventSource sends it).
    expectProblem(await api.get('/v1/events?after=0', { 'last-event-id': String(last + 1000) }), 410);
  });

  it('refuses a stream without a token with 401', async () => {
    const stream = await subscribe(0, null);
    expect(stream.status).toBe(401);
    expect(stream.headers.get('content-type') ?? '').toMatch(/^application\/problem\+json/);
  });

  it('refuses a bad token with a 401 problem (plain request)', async () => {
    const reply = await platform.api('not-a-token').get('/v1/events?after=0');
    expectProblem(reply, 401);
  });
});
