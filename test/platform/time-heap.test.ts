import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeHeap } from '../../platform/time-heap';

describe('TimeHeap', () => {
  it('pops in time order, same times in insertion order (a stable sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap = new TimeHeap<number>();
        times.forEach((t, i) => heap.push(t, i));
        const popped: number[] = [];
        for (let v = heap.pop(); v !== undefined; v = heap.pop()) popped.push(v);
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('gives only what is due', () => {
    const heap = new TimeHeap<string>();
    heap.push(10, 'b');
    heap.push(5, 'a');
    expect(heap.popDue(4)).toBeUndefined();
    expect(heap.popDue(5)).toBe('a');
    expect(heap.peekTime()).toBe(10);
    expect(heap.popDue(100)).toBe('b');
    expect(heap.peekTime()).toBe(Infinity);
  });
});
