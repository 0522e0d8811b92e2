import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { applySanctions } from '../../core/sanctions';
import { ACCOUNT_STATUS, CATEGORY_IDS, toMs, type Designer, type Rating, type Sanction } from '../../core';
import { makeDesigner, makeRating } from './builders';

const AT = '2026-11-03T10:00:00.000Z';

describe('applySanctions: one sanction on an active designer', () => {
  it('warn makes the account warned and bumps rev once', () => {
    const designer = makeDesigner({ rev: 4 });
    const out = applySanctions({ designer, ratings: [], sanctions: [{ type: 'warn' }], at: AT });
    expect(out.designer).toMatchObject({ accountStatus: 'warned', rev: 5 });
    expect(out.designer.suspendedUntil).toBeUndefined();
    expect(out.changed.designer).toBe(out.designer);
    expect(designer.accountStatus).toBe('active'); // the input is not mutated
  });

  it('suspend 14 days from 3 November ends on 17 November at the same time', () => {
    const out = applySanctions({ designer: makeDesigner(), ratings: [], sanctions: [{ type: 'suspend', days: 14 }], at: AT });
    expect(out.designer).toMatchObject({ accountStatus: 'suspended', suspendedUntil: '2026-11-17T10:00:00.000Z', rev: 2 });
  });

  it('ban makes the account banned and drops any suspension end', () => {
    const designer = makeDesigner({ accountStatus: 'suspended', suspendedUntil: '2026-12-01T00:00:00.000Z' });
    const out = applySanctions({ designer, ratings: [], sanctions: [{ type: 'ban' }], at: AT });
    expect(out.designer.accountStatus).toBe('banned');
    expect('suspendedUntil' in out.designer).toBe(false);
    expect(out.designer.rev).toBe(2);
  });

  it('void_ratings voids the named ratings at `at` and leaves the account alone', () => {
    const designer = makeDesigner();
    const [a, b, c] = [makeRating(1), makeRating(2), makeRating(5)] as [Rating, Rating, Rating];
    const out = applySanctions({ designer, ratings: [a, b, c], sanctions: [{ type: 'void_ratings', ratingIds: [a.id, c.id] }], at: AT });
    expect(out.designer).toBe(designer);
    expect(out.changed.designer).toBeNull();
    expect(out.ratings.map((r) => r.voidedAt)).toEqual([AT, undefined, AT]);
    expect(out.ratings.map((r) => r.rev)).toEqual([2, 1, 2]);
    expect(out.ratings[1]).toBe(b);
    expect(out.changed.ratings.map((r) => r.id)).toEqual([a.id, c.id]);
  });
});

describe('applySanctions: the account never softens', () => {
  const later = '2026-12-01T10:00:00.000Z';
  const earlier = '2026-11-05T10:00:00.000Z';
  it.each<[string, Partial<Designer>, Sanction[], Pick<Designer, 'accountStatus' | 'suspendedUntil'>, boolean]>([
    ['warned + warn: nothing new', { accountStatus: 'warned' }, [{ type: 'warn' }], { accountStatus: 'warned', suspendedUntil: undefined }, false],
    ['suspended + warn: stays suspended', { accountStatus: 'suspended', suspendedUntil: later }, [{ type: 'warn' }], { accountStatus: 'suspended', suspendedUntil: later }, false],
    ['banned + warn: stays banned', { accountStatus: 'banned' }, [{ type: 'warn' }], { accountStatus: 'banned', suspendedUntil: undefined }, false],
    ['banned + suspend: stays banned', { accountStatus: 'banned' }, [{ type: 'suspend', days: 30 }], { accountStatus: 'banned', suspendedUntil: undefined }, false],
    ['banned + ban: nothing new', { accountStatus: 'banned' }, [{ type: 'ban' }], { accountStatus: 'banned', suspendedUntil: undefined }, false],
    ['longer suspension in force is kept', { accountStatus: 'suspended', suspendedUntil: later }, [{ type: 'suspend', days: 14 }], { accountStatus: 'suspended', suspendedUntil: later }, false],
    ['same end written differently is no change', { accountStatus: 'suspended', suspendedUntil: '2026-11-17T10:00:00Z' }, [{ type: 'suspend', days: 14 }], { accountStatus: 'suspended', suspendedUntil: '2026-11-17T10:00:00Z' }, false],
    ['suspension with no end is kept', { accountStatus: 'suspended' }, [{ type: 'suspend', days: 14 }], { accountStatus: 'suspended', suspendedUntil: undefined }, false],
    ['shorter suspension in force is extended', { accountStatus: 'suspended', suspendedUntil: earlier }, [{ type: 'suspend', days: 14 }], { accountStatus: 'suspended', suspendedUntil: '2026-11-17T10:00:00.000Z' }, true],
    ['warned + suspend: suspended', { accountStatus: 'warned' }, [{ type: 'suspend', days: 7 }], { accountStatus: 'suspended', suspendedUntil: '2026-11-10T10:00:00.000Z' }, true],
    ['suspended + ban: banned', { accountStatus: 'suspended', suspendedUntil: later }, [{ type: 'ban' }], { accountStatus: 'banned', suspendedUntil: undefined }, true],
  ])('%s', (_name, before, sanctions, expected, changes) => {
    const designer = makeDesigner({ rev: 3, ...before });
    const out = applySanctions({ designer, ratings: [], sanctions, at: AT });
    expect(out.designer.accountStatus).toBe(expected.accountStatus);
    expect(out.designer.suspendedUntil).toBe(expected.suspendedUntil);
    expect(out.designer.rev).toBe(changes ? 4 : 3);
    expect(out.changed.designer === null).toBe(!changes);
    if (!changes) expect(out.designer).toBe(designer);
  });
});

describe('applySanctions: combinations', () => {
  it.each<[string, Sanction[], Pick<Designer, 'accountStatus' | 'suspendedUntil'>]>([
    ['warn + suspend → suspended', [{ type: 'warn' }, { type: 'suspend', days: 14 }], { accountStatus: 'suspended', suspendedUntil: '2026-11-17T10:00:00.000Z' }],
    ['two suspensions → the longest, not the sum', [{ type: 'suspend', days: 7 }, { type: 'suspend', days: 30 }], { accountStatus: 'suspended', suspendedUntil: '2026-12-03T10:00:00.000Z' }],
    ['suspend + ban → banned', [{ type: 'suspend', days: 14 }, { type: 'ban' }], { accountStatus: 'banned', suspendedUntil: undefined }],
    ['warn + ban → banned', [{ type: 'ban' }, { type: 'warn' }], { accountStatus: 'banned', suspendedUntil: undefined }],
  ])('%s, rev bumped once', (_name, sanctions, expected) => {
    const out = applySanctions({ designer: makeDesigner({ rev: 7 }), ratings: [], sanctions, at: AT });
    expect(out.designer.accountStatus).toBe(expected.accountStatus);
    expect(out.designer.suspendedUntil).toBe(expected.suspendedUntil);
    expect(out.designer.rev).toBe(8);
  });

  it('ban + void_ratings changes both the designer and the ratings, each once', () => {
    const r = makeRating(1, { rev: 2 });
    const out = applySanctions({
      designer: makeDesigner(),
      ratings: [r],
      sanctions: [{ type: 'ban' }, { type: 'void_ratings', ratingIds: [r.id] }, { type: 'void_ratings', ratingIds: [r.id] }],
      at: AT,
    });
    expect(out.designer).toMatchObject({ accountStatus: 'banned', rev: 2 });
    expect(out.ratings[0]).toMatchObject({ voidedAt: AT, rev: 3 });
    expect(out.changed.ratings).toHaveLength(1);
  });
});

describe('applySanctions: voiding', () => {
  it('an already voided rating keeps its earlier time and rev', () => {
    const voided = makeRating(1, { voidedAt: '2026-10-20T08:00:00.000Z', rev: 2 });
    const out = applySanctions({ designer: makeDesigner(), ratings: [voided], sanctions: [{ type: 'void_ratings', ratingIds: [voided.id] }], at: AT });
    expect(out.ratings[0]).toBe(voided);
    expect(out.changed.ratings).toEqual([]);
  });

  it('is idempotent: applying the same sanctions again changes nothing', () => {
    const ratings = [makeRating(1), makeRating(2)];
    const sanctions: Sanction[] = [{ type: 'warn' }, { type: 'void_ratings', ratingIds: ratings.map((r) => r.id) }];
    const once = applySanctions({ designer: makeDesigner(), ratings, sanctions, at: AT });
    const twice = applySanctions({ designer: once.designer, ratings: once.ratings, sanctions, at: '2026-11-04T10:00:00.000Z' });
    expect(twice.designer).toBe(once.designer);
    expect(twice.ratings).toEqual(once.ratings);
    expect(twice.changed).toEqual({ designer: null, ratings: [] });
  });

  it("leaves another designer's rating alone even when named", () => {
    const other = makeRating(1, { designerId: 'd2' });
    const out = applySanctions({ designer: makeDesigner(), ratings: [other], sanctions: [{ type: 'void_ratings', ratingIds: [other.id] }], at: AT });
    expect(out.ratings[0]).toBe(other);
    expect(out.changed.ratings).toEqual([]);
  });
});

describe('applySanctions: properties', () => {
  const base = toMs('2026-11-01T00:00:00.000Z');
  const iso = fc.integer({ min: 0, max: 400 * 24 }).map((h) => new Date(base + h * 3_600_000).toISOString());
  const designerArb = fc
    .record({
      rev: fc.integer({ min: 1, max: 50 }),
      accountStatus: fc.constantFrom(...ACCOUNT_STATUS),
      suspendedUntil: fc.option(iso, { nil: undefined }),
    })
    .map(({ suspendedUntil, ...rest }) =>
      suspendedUntil === undefined ? makeDesigner(rest) : makeDesigner({ ...rest, suspendedUntil }),
    );
  const ratingArb = fc
    .record({
      id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'),
      designerId: fc.constantFrom('d1', 'd2'),
      category: fc.constantFrom(...CATEGORY_IDS),
      voidedAt: fc.option(iso, { nil: undefined }),
      rev: fc.integer({ min: 1, max: 9 }),
    })
    .map(({ voidedAt, ...rest }) => (voidedAt === undefined ? makeRating(3, rest) : makeRating(3, { ...rest, voidedAt })));
  const ratingsArb = fc.uniqueArray(ratingArb, { selector: (r) => r.id, maxLength: 6 });
  const sanctionArb: fc.Arbitrary<Sanction> = fc.oneof(
    fc.constant({ type: 'warn' as const }),
    fc.constant({ type: 'ban' as const }),
    fc.integer({ min: 1, max: 400 }).map((days) => ({ type: 'suspend' as const, days })),
    fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3', 'r9'), { minLength: 1 }).map((ratingIds) => ({ type: 'void_ratings' as const, ratingIds })),
  );
  const input = fc.record({ designer: designerArb, ratings: ratingsArb, sanctions: fc.array(sanctionArb, { maxLength: 4 }), at: iso });

  it('never un-bans or un-suspends, nor shortens a suspension in force', () => {
    fc.assert(
      fc.property(input, ({ designer, ratings, sanctions, at }) => {
        const after = applySanctions({ designer, ratings, sanctions, at }).designer;
        if (designer.accountStatus === 'banned') expect(after.accountStatus).toBe('banned');
        if (designer.accountStatus === 'suspended') {
          expect(['suspended', 'banned']).toContain(after.accountStatus);
          if (after.accountStatus === 'suspended') {
            if (designer.suspendedUntil === undefined) expect(after.suspendedUntil).toBeUndefined();
            else expect(toMs(after.suspendedUntil ?? '')).toBeGreaterThanOrEqual(toMs(designer.suspendedUntil));
          }
        }
        expect(after.rev - designer.rev).toBe(after === designer ? 0 : 1);
      }),
    );
  });

  it('never changes a rating that no void_ratings sanction names, nor bumps one twice', () => {
    fc.assert(
      fc.property(input, ({ designer, ratings, sanctions, at }) => {
        const named = new Set(sanctions.flatMap((s) => (s.type === 'void_ratings' ? s.ratingIds : [])));
        const out = applySanctions({ designer, ratings, sanctions, at });
        expect(out.ratings).toHaveLength(ratings.length);
        ratings.forEach((before, i) => {
          const after = out.ratings[i];
          if (!named.has(before.id) || before.designerId !== designer.id || before.voidedAt !== undefined) {
            expect(after).toBe(before);
          } else {
            expect(after).toEqual({ ...before, voidedAt: at, rev: before.rev + 1 });
          }
        });
      }),
    );
  });
});

describe('suspension counted from the decision', () => {
  it('ends decidedAt + days even when applied later, while voids take effect when applied', () => {
    const designer = makeDesigner();
    const rating = makeRating(5);
    const result = applySanctions({
      designer,
      ratings: [rating],
      sanctions: [{ type: 'suspend', days: 14 }, { type: 'void_ratings', ratingIds: [rating.id] }],
      at: '2026-11-05T09:00:00.000Z',
      suspendFrom: '2026-11-03T10:00:00.000Z',
    });
    expect(result.designer.suspendedUntil).toBe('2026-11-17T10:00:00.000Z');
    expect(result.changed.ratings[0]?.voidedAt).toBe('2026-11-05T09:00:00.000Z');
  });
});
