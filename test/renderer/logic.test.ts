// The small pure pieces the screens lean on: which keys an event refreshes, the decision draft,
// the undo list, the policy rows, sign-in errors in words, the status bar's words.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core';
import { ConsoleApiError } from '../../renderer/src/api/errors';
import { EMPTY_DRAFT, draftProblem, draftReducer, type Draft, type DraftAction } from '../../renderer/src/features/decisions/draft';
import { REJECT_REASON_CHOICES, missingForReject } from '../../renderer/src/features/decisions/reasons';
import { DecisionTracker, type TrackedDecision } from '../../renderer/src/features/decisions/tracker';
import { keysForEvent, queryKeys } from '../../renderer/src/features/queryKeys';
import { abilitiesOf } from '../../renderer/src/features/session/session';
import { policyRows } from '../../renderer/src/features/settings/policy';
import { linkState, linkWords } from '../../renderer/src/screens/Shell/StatusBar';
import { signInProblem } from '../../renderer/src/screens/SignIn/signInWords';

describe('events → stale query keys', () => {
  it('refreshes the counts, the named queues and the named items when queues change', () => {
    expect(keysForEvent({ type: 'queues.changed', queues: ['held'], subjectIds: ['s1'] })).toEqual([queryKeys.counts, queryKeys.queuePages('held'), queryKeys.item('submission', 's1'), queryKeys.item('flag', 's1')]);
  });

  it('refreshes everything when the session changes, and the conflicts when they change', () => {
    expect(keysForEvent({ type: 'session.changed' })).toEqual([[]]);
    expect(keysForEvent({ type: 'conflicts.changed', count: 1 })).toContainEqual(queryKeys.conflicts);
  });
});

describe('the decision draft', () => {
  const run = (...actions: DraftAction[]): Draft => actions.reduce(draftReducer, EMPTY_DRAFT);

  it('numbers the reasons 1–6 in the rule core’s order', () => {
    expect(REJECT_REASON_CHOICES.map((r) => `${r.key}:${r.code}`)).toEqual(['1:below_quality_standard', '2:off_brief', '3:copyright_concern', '4:inappropriate_content', '5:duplicate_submission', '6:other']);
  });

  it('needs an outcome, then a reason to reject, then a note for “other”', () => {
    expect(draftProblem(EMPTY_DRAFT)).toMatch(/A to approve or R to reject/);
    expect(draftProblem(run({ type: 'reject' }))).toMatch(/Pick a reason/);
    expect(draftProblem(run({ type: 'reject' }, { type: 'reason', key: '2' }))).toBeNull();
    expect(draftProblem(run({ type: 'reason', key: '6' }))).toMatch(/note/);
    expect(draftProblem(run({ type: 'reason', key: '6' }, { type: 'note', text: '  ' }))).toMatch(/note/);
    expect(draftProblem(run({ type: 'reason', key: '6' }, { type: 'note', text: 'Logo of a brand' }))).toBeNull();
    expect(run({ type: 'reason', key: '9' })).toEqual(EMPTY_DRAFT);
    expect(missingForReject('other', 'x')).toBeNull();
  });
});

describe('the undo list', () => {
  const make = (decisionId: string, sendsAtMs: number, extra: Partial<TrackedDecision> = {}): TrackedDecision => ({ decisionId, subjectType: 'submission', subjectId: `s-${decisionId}`, outcome: 'approve', state: 'queued', sendsAtMs, ...extra });

  it('undoes the newest decision still inside its window', () => {
    const t = new DecisionTracker();
    t.add(make('a', 5_000));
    t.add(make('b', 6_000));
    expect(t.lastUndoable(1_000).map((d) => d.decisionId)).toEqual(['b']);
    t.update('b', 'sending');
    expect(t.lastUndoable(1_000).map((d) => d.decisionId)).toEqual(['a']);
    expect(t.lastUndoable(5_000)).toEqual([]);
  });

  it('undoes a batch as one', () => {
    const t = new DecisionTracker();
    t.add(make('a', 9_000));
    t.add(make('b1', 9_000, { batchId: 'B' }));
    t.add(make('b2', 9_000, { batchId: 'B' }));
    expect(t.lastUndoable(0).map((d) => d.decisionId).sort()).toEqual(['b1', 'b2']);
  });
});

describe('who sees what', () => {
  const can = { decideSubmissions: false, decideFlags: false, audit: false };
  it('gives each role its queues; the rest is absent', () => {
    expect(abilitiesOf({ moderator: { id: 'm', displayName: 'M', roles: ['quality'] }, can }).queues).toEqual(['held', 'review']);
    expect(abilitiesOf({ moderator: { id: 'm', displayName: 'M', roles: ['trust_safety'] }, can }).queues).toEqual(['flags']);
    expect(abilitiesOf({ moderator: { id: 'm', displayName: 'M', roles: ['auditor'] }, can }).queues).toEqual(['held', 'review', 'flags']);
  });
});

describe('words on screens', () => {
  it('shows the policy with the numbers the rules use', () => {
    const rows = policyRows(DEFAULT_POLICY);
    expect(rows.find((r) => r.rule === 'R3')?.value).toBe('2.50');
    expect(rows.find((r) => r.rule === 'R4')?.value).toBe('within 48 h; due soon from 36 h');
  });

  it('puts sign-in failures beside the field at fault', () => {
    expect(signInProblem(new ConsoleApiError({ status: 401, type: 'unauthorized', detail: 'x' }), 'http://p')).toHaveProperty('token');
    expect(signInProblem(new ConsoleApiError({ status: 503, type: 'platform-unreachable', detail: 'x' }), 'http://p').platformUrl).toContain('http://p');
    expect(signInProblem(new ConsoleApiError({ status: 400, type: 'validation', detail: 'x', issues: [{ path: 'platformUrl', message: 'Invalid URL' }] }), 'p')).toHaveProperty('platformUrl');
    expect(signInProblem(new ConsoleApiError({ status: 0, type: 'network', detail: 'x' }), 'p').general).toMatch(/not answering/);
  });

  it('says offline with what waits, and tells a dead console service from an offline platform', () => {
    expect(linkWords('offline', 3)).toBe('Offline — 3 decisions wait and will be sent when the platform is back');
    expect(linkWords('offline', 1)).toBe('Offline — 1 decision waits and will be sent when the platform is back');
    expect(linkState(undefined, 'closed', false)).toBe('service-down');
    expect(linkWords('service-down', 0)).toMatch(/console’s service is not answering/);
  });
});
