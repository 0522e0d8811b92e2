// SYNC-API.md, GET /v1/meta: who I am, the policy in force, and the platform's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, START, TOKENS, expectOk, expectProblem, iso, metaSchema, ms, serverNow, setClock, startTestPlatform, type TestPlatform } from './helpers';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.dispose();
});

describe('GET /v1/meta', () => {
  it('listens on loopback only', () => {
    expect(new URL(platform.url).hostname).toBe('127.0.0.1');
  });

  it.each([
    [TOKENS.quality, 'mod-quality', 'quality'],
    [TOKENS.trust, 'mod-trust', 'trust_safety'],
    [TOKENS.auditor, 'mod-auditor', 'auditor'],
    [TOKENS.admin, 'mod-admin', 'admin'],
  ] as const)('answers %s with apiVersion 1, the policy and moderator %s (%s)', async (token, moderatorId, role) => {
    const meta = expectOk(await platform.api(token).get('/v1/meta'), metaSchema);
    expect(meta.apiVersion).toBe(1);
    expect(meta.moderator.id).toBe(moderatorId);
    expect(meta.moderator.roles).toContain(role);
    // metaSchema checks the policy with policySchema (core/policy.ts).
    expect(meta.policy.version.length).toBeGreaterThan(0);
  });

  it('names the same feed on every call, and another feed on another store', async () => {
    const first = expectOk(await platform.api(TOKENS.quality).get('/v1/meta'), metaSchema);
    const again = expectOk(await platform.api(TOKENS.auditor).get('/v1/meta'), metaSchema);
    expect(again.feedId).toBe(first.feedId);
    const other = await startTestPlatform();
    try {
      expect(expectOk(await other.api(TOKENS.quality).get('/v1/meta'), metaSchema).feedId).not.toBe(first.feedId);
    } finally {
      await other.dispose();
    }
  });

  it('gives the dev clock as serverTime, with the clock stopped', async () => {
    const api = platform.api(TOKENS.admin);
    const first = await serverNow(api);
    // The clock is stopped until moved: two reads a moment apart agree. The file's tests
    // may have moved it, but never backwards from the start.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await serverNow(api)).toBe(first);
    expect(first).toBeGreaterThanOrEqual(ms(START));
  });

  it('starts at the clock it was given', async () => {
    const fresh = await startTestPlatform();
    try {
      const meta = expectOk(await fresh.api(TOKENS.quality).get('/v1/meta'), metaSchema);
      expect(ms(meta.serverTime)).toBe(ms(START));
    } finally {
      await fresh.dispose();
    }
  });

  it('follows POST /v1/dev/clock', async () => {
    const api = platform.api(TOKENS.admin);
    const target = (await serverNow(api)) + 3 * HOUR;
    await setClock(api, target);
    const meta = expectOk(await platform.api(TOKENS.auditor).get('/v1/meta'), metaSchema);
    expect(ms(meta.serverTime)).toBe(target);
  });

  it('never moves the clock backwards', async () => {
    const api = platform.api(TOKENS.admin);
    const now = await serverNow(api);
    const reply = await api.post('/v1/dev/clock', { now: iso(now - HOUR) });
    if (reply.status >= 400) expectProblem(reply, reply.status);
    expect(await serverNow(api)).toBe(now);
  });
});
