import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard, nearDuplicateGroups, wordShingles, words } from '../../../core/manipulation/near-duplicates';

/** Connected components of "Jaccard ≥ t" by comparing every pair: the slow, obvious answer. */
function bruteForceGroups(sets: readonly ReadonlySet<string>[], t: number): number[][] {
  const parent = sets.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i] ?? i));
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i];
      const b = sets[j];
      if (a === undefined || b === undefined || a.size === 0 || b.size === 0) continue;
      if (jaccard(a, b) >= t) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  sets.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].filter((g) => g.length >= 2).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

describe('words and shingles', () => {
  it.each([
    ['Great logo, FAST delivery!', ['great', 'logo', 'fast', 'delivery']],
    ['Ｆｕｌｌ width', ['full', 'width']],
    ['café  crème — très bien', ['café', 'crème', 'très', 'bien']],
    ['5★ — ok', ['5', 'ok']],
    ['', []],
  ])('words(%j)', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('makes overlapping 3-word shingles, none for a text shorter than three words', () => {
    expect([...wordShingles('a b c d', 3)]).toEqual(['a b c', 'b c d']);
    expect(wordShingles('Great job!', 3).size).toBe(0);
  });

  it.each([
    [['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], 1],
    [['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'e'], 3 / 5],
    [['a', 'b'], ['c'], 0],
    [[], [], 0],
  ])('jaccard(%j, %j) = %d', (a, b, expected) => {
    expect(jaccard(new Set(a), new Set(b))).toBe(expected);
  });
});

describe('nearDuplicateGroups', () => {
  it('collapses identical texts and finds a near copy, leaving the unrelated text out', () => {
    const texts = ['one two three four five six', 'one two three four five six', 'one two three four five seven', 'something else entirely here'];
    const groups = nearDuplicateGroups(texts.map((t) => wordShingles(t, 3)), 0.6);
    expect(groups.map((g) => g.members)).toEqual([[0, 1, 2]]);
    expect(groups[0]?.pairs).toContainEqual({ a: 0, b: 1, similarity: 1 });
  });

  it('finds exactly the groups that comparing every pair finds (property)', () => {
    // Small vocabularies make many near-duplicates; larger ones make texts with shingles of their own.
    const texts = fc.constantFrom(3, 6, 30).chain((n) => {
      const word = fc.integer({ min: 0, max: n - 1 }).map((i) => `w${i}`);
      const text = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
      // Some texts repeated verbatim, as a pasted template would be.
      return fc.array(text, { maxLength: 10 }).chain((xs) => fc.array(fc.constantFrom(...(xs.length > 0 ? xs : [''])), { maxLength: 14 }));
    });
    fc.assert(
      fc.property(
        texts,
        fc.constantFrom(0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1),
        fc.integer({ min: 1, max: 3 }),
        (texts, t, size) => {
          const sets = texts.map((x) => wordShingles(x, size));
          const fast = nearDuplicateGroups(sets, t).map((g) => g.members);
          expect(fast.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(bruteForceGroups(sets, t));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('verifies every pair it reports, and every member is in one', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 8 }), { maxLength: 10 }), (lists) => {
        const sets = lists.map((l) => wordShingles(l.join(' '), 2));
        for (const group of nearDuplicateGroups(sets, 0.7)) {
          for (const p of group.pairs) {
            expect(p.similarity).toBeGreaterThanOrEqual(0.7);
            expect(jaccard(sets[p.a] ?? new Set(), sets[p.b] ?? new Set())).toBe(p.similarity);
          }
          for (const m of group.members) expect(group.pairs.some((p) => p.a === m || p.b === m)).toBe(true);
        }
      }),
    );
  });

  it('keeps a threshold whose product is inexact in floating point: 7 of 10 at 0.7', () => {
    // 0.7 × 10 is 7.000000000000001 in binary: a filter without slack would drop this pair.
    const a = new Set(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
    const b = new Set(['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(jaccard(a, b)).toBe(0.7);
    expect(nearDuplicateGroups([a, b], 0.7).map((g) => g.members)).toEqual([[0, 1]]);
  });

  it('finds no group among distinct random reviews', () => {
    // mulberry32: a fixed pseudo-random stream, so the test is the same on every run.
    let seed = 7;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return (x ^ (x >>> 14)) >>> 0;
    };
    const vocabulary = Array.from({ length: 2_000 }, (_, i) => `w${i}`);
    // At 5,000 reviews this is a benchmark (bench/detector-worst-case.ts); here, the answer.
    const sets = Array.from({ length: 500 }, () =>
      wordShingles(Array.from({ length: 30 }, () => vocabulary[next() % vocabulary.length]).join(' '), 3),
    );
    expect(nearDuplicateGroups(sets, 0.8)).toEqual([]);
  });
});
