// The decision journal is hash-chained: an edited, removed or reordered entry is found, and
// journal.verify names the first bad entry; removing the last entries is found through the
// decisions they belonged to.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOKENS, postHeldSubmission, startTestPlatform, type TestPlatform } from '../platform/contract/helpers';
import { canonicalJson } from '../../electron/services/decisions/journal';
import { startConsole, waitFor, type TestConsole } from './helpers';

let platform: TestPlatform;
let c: TestConsole;

/** Writes straight into the file, as someone editing it by hand would. */
async function tamper(sql: string, bindings: unknown[] = []): Promise<void> {
  const ws = c.service.workspace();
  if (ws === null) throw new Error('signed out');
  await ws.db.write.raw(sql, bindings as never[]);
}

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.dispose();
});

describe('journal.verify', () => {
  afterEach(async () => {
    await c?.dispose();
  });

  beforeEach(async () => {
    // A console of its own per test (its own file and journal).
    c = await startConsole(platform.url, TOKENS.quality, { settingsOverrides: { undoSeconds: 0 } });
    // Three decisions, each decided and answered: six entries.
    for (const prefix of ['j1', 'j2', 'j3']) {
      const held = await postHeldSubmission(platform.api(TOKENS.admin), prefix);
      await c.call('sync.now', {});
      await c.call('decisions.decide', { subjectType: 'submission', subjectId: held.submissionId, outcome: 'approve' });
    }
    await waitFor('every decision answered', async () => (await c.call('sync.status', {})).outbox === 0);
    const verdict = await c.call('journal.verify', {});
    expect(verdict.ok).toBe(true);
  });

  it('finds an edited entry', async () => {
    await tamper("UPDATE journal SET payload = replace(payload, 'approve', 'reject') WHERE n = (SELECT max(n) - 2 FROM journal) AND kind = 'decided'");
    await tamper("UPDATE journal SET moderator_id = 'someone-else' WHERE n = (SELECT max(n) - 1 FROM journal)");
    const verdict = await c.call('journal.verify', {});
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/was edited/);
  });

  it('finds a removed entry in the middle', async () => {
    await tamper('DELETE FROM journal WHERE n = (SELECT max(n) - 3 FROM journal)');
    const verdict = await c.call('journal.verify', {});
    expect(verdict).toMatchObject({ ok: false });
    expect(verdict.reason).toMatch(/missing|does not follow/);
  });

  it('finds a removed entry even when the numbers are closed up', async () => {
    await tamper('DELETE FROM journal WHERE n = (SELECT max(n) - 3 FROM journal)');
    await tamper('UPDATE journal SET n = n - 1 WHERE n > (SELECT max(n) - 3 FROM journal)');
    const verdict = await c.call('journal.verify', {});
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/does not follow|was edited/);
  });

  it('finds two entries swapped', async () => {
    const ws = c.service.workspace();
    const last = Number((await ws?.db.read('journal').max<{ n: number }[]>({ n: 'n' }).first())?.n);
    const [a, b] = [last - 2, last - 1];
    await tamper('UPDATE journal SET n = -1 WHERE n = ?', [a]);
    await tamper('UPDATE journal SET n = ? WHERE n = ?', [a, b]);
    await tamper('UPDATE journal SET n = ? WHERE n = -1', [b]);
    const verdict = await c.call('journal.verify', {});
    expect(verdict).toMatchObject({ ok: false, firstBadEntry: a });
  });

  it('finds the last entries removed, through the decisions they recorded', async () => {
    await tamper("DELETE FROM journal WHERE n >= (SELECT max(n) - 1 FROM journal)");
    const verdict = await c.call('journal.verify', {});
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/has no journal entry/);
  });
});

describe('the canonical encoding', () => {
  it('is one string per value, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});
