// SYNC-API.md, POST /v1/claims and DELETE /v1/claims/{subjectType}/{subjectId}: a short lease
// (default 10 min); 409 {claim} when someone else holds it; claims are advice only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../core';
import {
  MINUTE,
  Mirror,
  SECOND,
  TOKENS,
  claimAnswerSchema,
  claimHeldSchema,
  decision,
  decisionAppliedSchema,
  expectOk,
  expectProblem,
  ms,
  postFlagScenario,
  postHeldSubmission,
  serverNow,
  setClock,
  startTestPlatform,
  type Client,
  type Reply,
  type TestPlatform,
} from './helpers';

let platform: TestPlatform;
let admin: Client;
let quality: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = platform.api(TOKENS.admin);
  quality = platform.api(TOKENS.quality);
});
afterAll(async () => {
  await platform?.dispose();
});

// 200 answers the claim itself; 409 is a problem carrying the holder's `claim` (core/wire/api.ts).
const claimOf = (reply: Reply): Claim => claimAnswerSchema.parse(reply.json);

const claim = (api: Client, subjectId: string, subjectType: 'submission' | 'flag' = 'submission'): Promise<Reply> =>
  api.post('/v1/claims', { subjectType, subjectId });

async function heldId(prefix: string): Promise<string> {
  return (await postHeldSubmission(admin, prefix)).submissionId;
}

describe('claims', () => {
  it('grants a claim for 10 minutes of platform time', async () => {
    const id = await heldId('claim');
    const now = await serverNow(admin);
    const reply = await claim(quality, id);
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    const granted = claimOf(reply);
    expect(granted).toMatchObject({ subjectType: 'submission', subjectId: id, moderatorId: 'mod-quality' });
    expect(Math.abs(ms(granted.expiresAt) - (now + 10 * MINUTE))).toBeLessThanOrEqual(SECOND);
  });

  it("answers another moderator's claim on the same subject with 409 {claim}", async () => {
    const id = await heldId('taken');
    expect((await claim(quality, id)).status).toBe(200);
    const reply = await claim(admin, id);
    expectProblem(reply, 409);
    const held = claimHeldSchema.parse(reply.json).claim;
    expect(held).toMatchObject({ subjectType: 'submission', subjectId: id, moderatorId: 'mod-quality' });
  });

  it('lets the holder release a claim, after which another moderator may claim', async () => {
    const id = await heldId('release');
    expect((await claim(quality, id)).status).toBe(200);
    const released = await quality.del(`/v1/claims/submission/${encodeURIComponent(id)}`);
    expect(released.status, released.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
    expect(released.status).toBeLessThan(300);
    const reply = await claim(admin, id);
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    expect(claimOf(reply).moderatorId).toBe('mod-admin');
  });

  it('lets another moderator claim once the lease has expired on the platform clock', async () => {
    const id = await heldId('expire');
    const granted = claimOf(await claim(quality, id));
    await setClock(admin, ms(granted.expiresAt) + SECOND);
    const reply = await claim(admin, id);
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    expect(claimOf(reply).moderatorId).toBe('mod-admin');
  });

  it('lets trust and safety claim a flag', async () => {
    const scenario = await postFlagScenario(admin, 'claimflag');
    const reply = await claim(platform.api(TOKENS.trust), scenario.flagId, 'flag');
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    expect(claimOf(reply)).toMatchObject({ subjectType: 'flag', subjectId: scenario.flagId, moderatorId: 'mod-trust' });
  });

  it('refuses a claim from an auditor with 403', async () => {
    const id = await heldId('auditor');
    expectProblem(await claim(platform.api(TOKENS.auditor), id), 403);
  });

  it('refuses a claim outside the moderator’s queue with 403 (claims follow who may decide)', async () => {
    const scenario = await postFlagScenario(admin, 'claimqueue');
    expectProblem(await claim(quality, scenario.flagId, 'flag'), 403);
    expectProblem(await claim(platform.api(TOKENS.trust), await heldId('claimqueue'), 'submission'), 403);
  });

  it("never blocks a decision: another moderator's claim is advice only", async () => {
    const id = await heldId('advice');
    expect((await claim(quality, id)).status).toBe(200);
    const mirror = new Mirror(admin);
    await mirror.sync();
    const submission = mirror.get('submission', id);
    const answer = expectOk(await admin.post('/v1/decisions', decision('submission', submission, 'approve', await serverNow(admin))), decisionAppliedSchema);
    expect(answer.result).toBe('applied');
  });
});
