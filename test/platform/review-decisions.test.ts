import { describe, expect, it } from 'vitest';
import { decide, parseDecision } from '../../platform/engine/decisions';
import { ev, useEngines } from './helpers';

const { fresh } = useEngines();

const QUALITY = { id: 'mod-quality', rev: 1, displayName: 'Quality', roles: ['quality' as const] };

describe('review: reject reason codes', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses %s as a reject reason (422) and changes nothing', async (reasonCode) => {
    const { engine, store } = await fresh();
    await engine.applyEvents([
      ev.designer('2026-11-02T08:00:00.000Z', 'd2', 'unverified'),
      ev.project('2026-11-02T08:00:00.000Z', 'p1', '2026-11-05T08:00:00.000Z'),
      ev.submission('2026-11-02T09:00:00.000Z', 's1', 'p1', 'd2'),
    ]);
    const before = store.lastSeq;
    const parsed = parseDecision({
      id: '6f1c1a52-8d0e-4a43-9d57-1b1b8e0b7d11',
      subjectType: 'submission',
      subjectId: 's1',
      expectedRev: 1,
      outcome: 'reject',
      reasonCode,
      decidedAt: '2026-11-02T09:30:00.000Z',
    });
    const answer = parsed.ok ? await decide(engine, QUALITY, parsed.value) : parsed.answer;
    expect(answer.status).toBe(422);
    expect(engine.world.tables.submission.get('s1')).toMatchObject({ status: 'pending_review', rev: 1 });
    expect(store.lastSeq).toBe(before);
  });
});
