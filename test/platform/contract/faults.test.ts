// SYNC-API.md, development mode: fault injection (added latency, a share of 500s, dropped
// connections, truncated bodies) for the console's reliability tests, via POST /v1/dev/faults
// or the `faults` start option; never applied to /v1/dev/* itself.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faultSettingsSchema } from '../../../core';
import {
  Log,
  MINUTE,
  Mirror,
  NO_FAULTS,
  TOKENS,
  changesPageSchema,
  decision,
  decisionAppliedSchema,
  expectOk,
  expectProblem,
  metaSchema,
  changedEntity,
  postHeldSubmission,
  serverNow,
  setClock,
  setFaults,
  startTestPlatform,
  uid,
  type Client,
  type TestPlatform,
} from './helpers';

let platform: TestPlatform;
let api: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  api = platform.api(TOKENS.quality);
});
afterEach(async () => {
  await setFaults(platform.api(TOKENS.admin), NO_FAULTS);
});
afterAll(async () => {
  await platform?.dispose();
});

async function expectHealthy(client: Client): Promise<void> {
  expectOk(await client.get('/v1/meta'), metaSchema);
  expectOk(await client.get('/v1/changes?after=0&limit=10'), changesPageSchema);
}

/** Fetches and reads the whole body; 'parsed' only when it is complete, valid JSON. */
async function readJson(path: string): Promise<'parsed' | 'unparseable'> {
  const res = await fetch(platform.url + path, {
    headers: { authorization: `Bearer ${TOKENS.quality}` },
    signal: AbortSignal.timeout(10_000),
  });
  try {
    JSON.parse(await res.text());
    return 'parsed';
  } catch {
    return 'unparseable';
  }
}

describe('fault injection', () => {
  it('answers every request with a 500 problem at errorRate 1, and normally once turned off', async () => {
    await setFaults(platform.api(TOKENS.admin), { ...NO_FAULTS, errorRate: 1 });
    expectProblem(await api.get('/v1/meta'), 500);
    expectProblem(await api.get('/v1/changes?after=0&limit=10'), 500);
    await setFaults(platform.api(TOKENS.admin), NO_FAULTS);
    await expectHealthy(api);
  });

  it('never applies faults to /v1/dev/*', async () => {
    const admin = platform.api(TOKENS.admin);
    const now = await serverNow(admin);
    await setFaults(admin, { ...NO_FAULTS, errorRate: 1 });
    // Every other call now fails; each dev call still succeeds. (That they are not delayed
    // either is measured by `npm run bench -- platform`, not asserted here.)
    expectProblem(await admin.get('/v1/meta'), 500);
    await setClock(admin, now + MINUTE);
    const events = await admin.post('/v1/dev/events', new Log(now + 2 * MINUTE).customer(uid('fault-c')).toJSON());
    expect(events.status, events.text.slice(0, 300)).toBe(200);
    await setFaults(admin, NO_FAULTS);
    expect(await serverNow(admin)).toBe(now + 2 * MINUTE);
  });

  it('keeps the latency it was given, and answers with it in place (the delay itself is a benchmark figure)', async () => {
    const admin = platform.api(TOKENS.admin);
    await setFaults(admin, { ...NO_FAULTS, latencyMs: 200 });
    expect(faultSettingsSchema.parse((await admin.get('/v1/dev/faults')).json)).toMatchObject({ latencyMs: 200 });
    expect((await api.get('/v1/meta')).status).toBe(200);
    await setFaults(admin, NO_FAULTS);
    expect(faultSettingsSchema.parse((await admin.get('/v1/dev/faults')).json)).toMatchObject({ latencyMs: 0 });
    await expectHealthy(api);
  });

  it('destroys the connection at dropRate 1 (fetch rejects)', async () => {
    await setFaults(platform.api(TOKENS.admin), { ...NO_FAULTS, dropRate: 1 });
    await expect(api.get('/v1/meta')).rejects.toThrow();
    await setFaults(platform.api(TOKENS.admin), NO_FAULTS);
    await expectHealthy(api);
  });

  it('truncates bodies at truncateRate 1 so they fail to parse', async () => {
    await setFaults(platform.api(TOKENS.admin), { ...NO_FAULTS, truncateRate: 1 });
    expect(await readJson('/v1/meta')).toBe('unparseable');
    expect(await readJson('/v1/changes?after=0&limit=10')).toBe('unparseable');
    await setFaults(platform.api(TOKENS.admin), NO_FAULTS);
    expect(await readJson('/v1/meta')).toBe('parsed');
  });

  // The console's outbox retries a decision whose answer was lost; the decision id makes the
  // retry safe (SYNC-API.md), whether the fault struck before or after the platform applied it.
  it.each([
    ['a 500', { errorRate: 1 }],
    ['a dropped connection', { dropRate: 1 }],
    ['a truncated answer', { truncateRate: 1 }],
  ] as const)('applies a decision retried after %s exactly once', async (_name, fault) => {
    const admin = platform.api(TOKENS.admin);
    const held = await postHeldSubmission(admin, 'retry');
    const mirror = new Mirror(admin);
    await mirror.sync();
    const submission = mirror.get('submission', held.submissionId);
    const body = decision('submission', submission, 'approve', await serverNow(admin));

    await setFaults(admin, { ...NO_FAULTS, ...fault });
    await platform.api(TOKENS.quality).post('/v1/decisions', body).catch(() => undefined);
    await setFaults(admin, NO_FAULTS);

    const retried = expectOk(await platform.api(TOKENS.quality).post('/v1/decisions', body), decisionAppliedSchema);
    expect(changedEntity(retried.entities, 'submission', submission.id).rev).toBe(submission.rev + 1);
    await mirror.sync();
    expect(mirror.get('submission', submission.id)).toMatchObject({ status: 'visible', rev: submission.rev + 1 });
  });

  it('takes faults from the start options', async () => {
    const faulty = await startTestPlatform({ faults: { errorRate: 1 } });
    try {
      expectProblem(await faulty.api(TOKENS.quality).get('/v1/meta'), 500);
      await setFaults(faulty.api(TOKENS.admin), NO_FAULTS);
      await expectHealthy(faulty.api(TOKENS.quality));
    } finally {
      await faulty.dispose();
    }
  });
});
