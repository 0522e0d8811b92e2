import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastBefore, windowEpisodes } from '../../../core/manipulation/grouping';

const at = (ms: readonly number[]) => ms.map((m, i) => ({ ms: m, id: `e${i}` }));

describe('windowEpisodes', () => {
  it.each([
    ['five within the window', [0, 1, 2, 3, 4], 5, 10, [[0, 1, 2, 3, 4]]],
    ['four are not enough', [0, 1, 2, 3], 5, 10, []],
    ['the last exactly at the window length is outside (half-open)', [0, 1, 2, 3, 10], 5, 10, []],
    ['one under the window length is inside', [0, 1, 2, 3, 9], 5, 10, [[0, 1, 2, 3, 9]]],
    ['overlapping windows merge', [0, 2, 4, 6, 8, 10, 12], 3, 5, [[0, 2, 4, 6, 8, 10, 12]]],
    ['separate runs stay apart', [0, 1, 2, 100, 101, 102], 3, 5, [[0, 1, 2], [100, 101, 102]]],
    ['a straggler between runs belongs to neither', [0, 1, 2, 50, 100, 101, 102], 3, 5, [[0, 1, 2], [100, 101, 102]]],
  ])('%s', (_, times, minCount, windowMs, expected) => {
    expect(windowEpisodes(at(times), minCount, windowMs).map((e) => e.map((x) => x.ms))).toEqual(expected);
  });

  it('covers exactly the facts that sit in some qualifying window, each once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 40 }).map((xs) => [...xs].sort((a, b) => a - b)),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        (times, minCount, windowMs) => {
          const facts = at(times);
          const inSomeWindow = new Set<string>();
          for (let i = 0; i < facts.length; i++) {
            let j = i;
            while (j + 1 < facts.length && (facts[j + 1]?.ms ?? 0) - (facts[i]?.ms ?? 0) < windowMs) j++;
            if (j - i + 1 >= minCount) for (let k = i; k <= j; k++) inSomeWindow.add(facts[k]?.id ?? '');
          }
          const covered = windowEpisodes(facts, minCount, windowMs).flat().map((f) => f.id);
          expect(new Set(covered).size).toBe(covered.length);
          expect(new Set(covered)).toEqual(inSomeWindow);
        },
      ),
    );
  });
});

describe('lastBefore', () => {
  it.each([
    [[1, 3, 3, 5], 3, 0],
    [[1, 3, 3, 5], 4, 2],
    [[1, 3, 3, 5], 1, -1],
    [[1, 3, 3, 5], 9, 3],
    [[], 9, -1],
  ])('in %j, the last below %i is at %i', (ms, below, index) => {
    expect(lastBefore(ms.map((m) => ({ ms: m })), below)).toBe(index);
  });
});
