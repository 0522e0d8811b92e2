import { describe, expect, it } from 'vitest';
import { checkSubmissionDecision, type SubmissionStatus } from '../../core';

const held = { id: 's1', rev: 3, status: 'held' as SubmissionStatus };

describe('R5 decisions on submissions', () => {
  it.each([
    ['approve a held submission', held, { expectedRev: 3, outcome: 'approve' as const }, 'ok'],
    ['approve a waiting submission', { ...held, status: 'pending_review' as const }, { expectedRev: 3, outcome: 'approve' as const }, 'ok'],
    ['reject with a reason', held, { expectedRev: 3, outcome: 'reject' as const, reasonCode: 'off_brief' }, 'ok'],
    ['reject without a reason', held, { expectedRev: 3, outcome: 'reject' as const }, 'reason_required'],
    ['reject with an unknown reason', held, { expectedRev: 3, outcome: 'reject' as const, reasonCode: 'ugly' }, 'unknown_reason'],
    ['reject with an inherited name as reason', held, { expectedRev: 3, outcome: 'reject' as const, reasonCode: 'constructor' }, 'unknown_reason'],
    ['reject for "other" without a note', held, { expectedRev: 3, outcome: 'reject' as const, reasonCode: 'other', note: '  ' }, 'note_required'],
    ['reject for "other" with a note', held, { expectedRev: 3, outcome: 'reject' as const, reasonCode: 'other', note: 'traced stock art' }, 'ok'],
    ['decide a visible submission', { ...held, status: 'visible' as const }, { expectedRev: 3, outcome: 'approve' as const }, 'not_decidable'],
    ['decide a withdrawn submission', { ...held, status: 'withdrawn' as const }, { expectedRev: 3, outcome: 'reject' as const, reasonCode: 'off_brief' }, 'not_decidable'],
    ['decide a stale revision', held, { expectedRev: 2, outcome: 'approve' as const }, 'stale_revision'],
  ])('%s → %s', (_what, submission, decision, expected) => {
    const check = checkSubmissionDecision(submission, decision);
    expect(check.ok ? 'ok' : check.reason).toBe(expected);
    if (!check.ok) {
      expect(check.kind).toBe(['not_decidable', 'stale_revision'].includes(expected) ? 'conflict' : 'invalid');
    }
  });
});
