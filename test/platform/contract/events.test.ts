// SYNC-API.md, GET /v1/events: Server-Sent Events, `event: changes` with {last} whenever new
// changes exist (a nudge to pull, never the data), and a heartbeat comment every 15 s.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Log,
  MINUTE,
  TOKENS,
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
