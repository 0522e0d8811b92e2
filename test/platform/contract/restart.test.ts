// The platform's store: a platform started again on the same storePath carries on where the
// first stopped (every entity, the same `last`, seq never going back, decisions remembered).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  Log,
  MINUTE,
  PRESSURE_MESSAGE,
  TOKENS,
  decision,
  dataOf,
  decisionAppliedSchema,
  expectOk,
  fold,
  metaSchema,
  newStoreDir,
  parseEntity,
  postEvents,
  postHeldSubmission,
  postPendingSubmission,
  pullAll,
  serverNow,
  startTestPlatform,
  uid,
  type Change,
  type DecisionBody,
  type Reply,
  type TestPlatform,
} from './helpers';

let dir: string;
let second: TestPlatform | undefined;
let before: { state: Map<string, Change>; last: number; clock: number; feedId: string };
let decided: { body: DecisionBody; reply: Reply };

beforeAll(async () => {
  dir = await newStoreDir();
  const first = await startTestPlatform({}, dir);
  try {
    const admin = first.api(TOKENS.admin);
    const held = await postHeldSubmission(admin, 'restart');
    // Decided before the clock moves on, or R3 would release it first.
    const { changes } = await pullAll(admin, 0, 5000);
    const submission = parseEntity('submission', dataOf(fold(changes).get(`submission/${held.submissionId}`)));
    const body = decision('submission', submission, 'approve', await serverNow(admin));
    const reply = await admin.post('/v1/decisions', body);
    expectOk(reply, decisionAppliedSchema);
    decided = { body, reply };
    await postPendingSubmission(admin, 'restart');
    // Messages, a report, a contract and a review: flags too, when the detectors fire, are compared after the restart.
    const log = new Log((await serverNow(admin)) + MINUTE);
    const [customer, designer, contract] = [uid('restart-c'), uid('restart-d'), uid('restart-k')];
    log.customer(customer).designer(designer).wait(MINUTE);
    log.message(uid('restart-m'), designer, customer, PRESSURE_MESSAGE).wait(MINUTE);
    log.report(uid('restart-r'), customer, designer, 'The designer asked me to change my rating.').wait(MINUTE);
    log.contract(contract, customer, designer).wait(DAY).closeContract(contract).wait(MINUTE);
    log.review(uid('restart-rv'), contract, 'client');
    expect((await postEvents(admin, log)).refused).toEqual([]);
    const all = await pullAll(admin, 0, 5000);
    before = { state: fold(all.changes), last: all.last, clock: await serverNow(admin), feedId: all.pages[0]?.feedId ?? '' };
  } finally {
    await first.close();
  }
  second = await startTestPlatform({}, dir);
});
afterAll(async () => {
  await second?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

function api(token: string = TOKENS.admin) {
  if (second === undefined) throw new Error('the second platform did not start');
  return second.api(token);
}

describe('restart on the same store', () => {
  it('keeps every entity as it was', async () => {
    const { changes } = await pullAll(api(TOKENS.auditor), 0, 5000);
    const after = fold(changes);
    const upserts = (state: Map<string, Change>) =>
      new Map([...state].flatMap(([key, c]) => (c.op === 'upsert' ? [[key, c.data] as const] : [])));
    expect(upserts(after)).toEqual(upserts(before.state));
  });

  it('keeps the same last, on the same feed', async () => {
    const { last, pages } = await pullAll(api(TOKENS.auditor), 0, 5000);
    expect(last).toBe(before.last);
    expect(pages[0]?.feedId).toBe(before.feedId);
    expect(expectOk(await api(TOKENS.auditor).get('/v1/meta'), metaSchema).feedId).toBe(before.feedId);
  });

  it('gives a new change a higher seq than any before the restart', async () => {
    const admin = api();
    const at = Math.max(await serverNow(admin), before.clock) + HOUR;
    const customer = uid('restart-new');
    await postEvents(admin, new Log(at).customer(customer));
    const { changes, last } = await pullAll(admin, before.last, 5000);
    const change = changes.find((c) => c.type === 'customer' && c.id === customer);
    expect(change?.seq ?? 0).toBeGreaterThan(before.last);
    expect(last).toBeGreaterThan(before.last);
  });

  it('still answers a decision id sent before the restart with its first answer', async () => {
    const admin = api();
    const last = (await pullAll(admin, 0, 5000)).last;
    const again = await admin.post('/v1/decisions', decided.body);
    expect(again.status).toBe(decided.reply.status);
    expect(again.json).toEqual(decided.reply.json);
    expect((await pullAll(admin, 0, 5000)).last).toBe(last);
  });
});
