// Decisions inside the engine (SYNC-API POST /v1/decisions; RULES R5, R12): what a decision
// may name, whose decision id is whose, and when a decision counts as made. The HTTP answers
// are in contract/decisions.test.ts.
import { describe, expect, it } from 'vitest';
import { decisionRequest, ev, MODERATORS, useEngines } from './helpers';

const { fresh } = useEngines();

const history = [
  ev.designer('2026-11-02T08:00:00.000Z', 'd1', 'unverified'),
  ev.project('2026-11-02T08:00:00.000Z', 'p1', '2026-11-05T08:00:00.000Z'),
  ev.submission('2026-11-02T09:00:00.000Z', 's1', 'p1', 'd1'),
];

const approve = (overrides: Record<string, unknown> = {}) =>
  decisionRequest({ id: '6f1c2a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f', subjectType: 'submission', subjectId: 's1', expectedRev: 1, outcome: 'approve', decidedAt: '2026-11-02T09:30:00.000Z', ...overrides });

describe('reject reason codes', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses %s as a reject reason (422) and changes nothing', async (reasonCode) => {
    const { engine, store } = await fresh();
    await engine.applyEvents(history);
    const before = store.lastSeq;
    const outcome = await engine.decide(MODERATORS.quality.id, approve({ outcome: 'reject', reasonCode }));
    expect(outcome).toMatchObject({ kind: 'refused', status: 422, code: 'unknown_reason' });
    expect(engine.world.tables.submission.get('s1')).toMatchObject({ status: 'pending_review', rev: 1 });
    expect(store.lastSeq).toBe(before);
  });
});

describe('decision ids', () => {
  it('are answered again for their moderator, and refused to another moderator who reuses them', async () => {
    const { engine } = await fresh();
    await engine.applyEvents(history);
    const first = await engine.decide(MODERATORS.quality.id, approve());
    expect(first.kind).toBe('applied');
    expect(await engine.decide(MODERATORS.quality.id, approve())).toEqual(first);
    expect(await engine.decide(MODERATORS.admin.id, approve())).toMatchObject({ kind: 'refused', status: 422, code: 'idempotency-key-reused' });
  });
});
