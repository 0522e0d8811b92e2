// A binary min-heap keyed by time with an insertion sequence as tiebreak, so entries at the same
// instant come out in the order they went in: the engine's timers and the generator's agenda
// both depend on that for deterministic replays.

interface Entry<T> {
  at: number;
  seq: number;
  value: T;
}

export class TimeHeap<T> {
  private readonly heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTime(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  peek(): T | undefined {
    return this.heap[0]?.value;
  }

  push(at: number, value: T): void {
    const entry: Entry<T> = { at, seq: this.seq++, value };
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p === undefined || !before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top?.value;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const l = heap[left];
      const r = right < n ? heap[right] : undefined;
      const [child, c] = r !== undefined && l !== undefined && before(r, l) ? [right, r] : [left, l];
      if (c === undefined || !before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top.value;
  }

  /** The earliest entry due at or before `ms`, removed; undefined when none is due. */
  popDue(ms: number): T | undefined {
    return this.peekTime() <= ms ? this.pop() : undefined;
  }
}

function before<T>(x: Entry<T>, y: Entry<T>): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}
