import { describe, expect, it } from 'vitest';
import { changesPageSchema, decisionAppliedSchema, decisionRequestSchema, parseWith, problemSchema } from '../../../core';

const designer = {
  id: 'd1',
  rev: 2,
  handle: 'ana',
  displayName: 'Ana',
  country: 'PT',
  joinedAt: '2026-11-02T09:00:00.000Z',
  verification: 'verified',
  accountStatus: 'active',
  history: [{ at: '2026-11-02T09:00:00.000Z', verification: 'verified', accountStatus: 'active' }],
};

const request = {
  id: '0b6f3f7e-8f7a-4f3e-9d7c-2a1b3c4d5e6f',
  subjectType: 'flag',
  subjectId: 'f1',
  expectedRev: 1,
  outcome: 'confirm',
  sanctions: [{ type: 'void_ratings', ratingIds: ['s1'] }],
  statementOfReasons: 'text',
  decidedAt: '2026-11-02T09:00:00.000Z',
};

describe('changes page', () => {
  it('validates each entity by its type and keeps the page typed', () => {
    const page = { feedId: 'feed-1', changes: [{ seq: 3, type: 'designer', op: 'upsert', id: 'd1', data: designer }, { seq: 5, type: 'rating', op: 'delete', id: 's9' }], last: 5, hasMore: false };
    const parsed = parseWith(changesPageSchema, page, 'page');
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['an entity invalid for its type', { seq: 3, type: 'designer', op: 'upsert', id: 'd1', data: { ...designer, verification: 'maybe' } }, 'changes.0.data.verification'],
    ['an entity whose id is not the change id', { seq: 3, type: 'designer', op: 'upsert', id: 'd2', data: designer }, 'changes.0.data.id'],
    ['an unknown type', { seq: 3, type: 'wizard', op: 'delete', id: 'd1' }, 'changes.0'],
  ])('refuses %s', (_name, change, path) => {
    const parsed = parseWith(changesPageSchema, { feedId: 'f', changes: [change], last: 3, hasMore: false }, 'page');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path).join(' ')).toContain(path);
  });

  it('refuses seqs that do not increase and a last that is not the page end', () => {
    const a = { seq: 4, type: 'rating', op: 'delete', id: 'a' };
    const b = { seq: 4, type: 'rating', op: 'delete', id: 'b' };
    expect(parseWith(changesPageSchema, { feedId: 'f', changes: [a, b], last: 4, hasMore: false }, 'page').ok).toBe(false);
    expect(parseWith(changesPageSchema, { feedId: 'f', changes: [a], last: 9, hasMore: false }, 'page').ok).toBe(false);
  });
});

describe('decision request', () => {
  it('accepts a well-formed confirm', () => {
    expect(parseWith(decisionRequestSchema, request, 'decision').ok).toBe(true);
  });

  it.each([
    ['an id that is not a UUID', { id: 'not-a-uuid' }, 'id'],
    ['an outcome that does not fit the subject', { outcome: 'approve' }, 'outcome'],
    ['more than 1,000 rating ids', { sanctions: [{ type: 'void_ratings', ratingIds: Array.from({ length: 1001 }, (_, i) => `r${i}`) }] }, 'sanctions.0.ratingIds'],
    ['a lone surrogate in the id', { id: '0b6f3f7e-8f7a-4f3e-9d7c-2a1b3c4d5e6\ud800' }, 'id'],
    ['a reason code on a confirmation', { reasonCode: 'false_positive' }, 'reasonCode'],
    ['sanctions on a dismissal', { outcome: 'dismiss', reasonCode: 'duplicate' }, 'sanctions'],
  ])('refuses %s', (_name, change, path) => {
    const parsed = parseWith(decisionRequestSchema, { ...request, ...change }, 'decision');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.path).toBe(path);
  });

  it('reads a decision id in its lowercase form, one key whatever the case', () => {
    const parsed = parseWith(decisionRequestSchema, { ...request, id: request.id.toUpperCase() }, 'decision');
    expect(parsed.ok && parsed.value.id).toBe(request.id);
  });

  it('refuses a list of millions in one issue, without walking it', () => {
    const ratingIds = new Array<number>(2_500_000).fill(7);
    const parsed = parseWith(decisionRequestSchema, { ...request, sanctions: [{ type: 'void_ratings', ratingIds }] }, 'decision');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toHaveLength(1);
  });
});

describe('decision answers and problems', () => {
  it('reads entities as feed changes', () => {
    const answer = { result: 'applied', entities: [{ seq: 9, type: 'designer', op: 'upsert', id: 'd1', data: designer }] };
    expect(parseWith(decisionAppliedSchema, answer, 'answer').ok).toBe(true);
    expect(parseWith(decisionAppliedSchema, { result: 'applied', entities: designer }, 'answer').ok).toBe(false);
  });

  it('bounds the issues a problem lists', () => {
    const issues = Array.from({ length: 21 }, () => ({ path: 'x', message: 'y' }));
    expect(parseWith(problemSchema, { type: 't', title: 'T', status: 422, detail: 'd', issues }, 'problem').ok).toBe(false);
  });
});
