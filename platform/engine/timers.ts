// The timer queue of time-based transitions (release, publication, expiry, lease ends). A
// binary heap keyed by time; entries are advice, re-checked against the entity when they fire,
// so a transition that no longer applies (decided, withdrawn) is simply skipped.

export type TimerKind = 'release' | 'project_end' | 'publish' | 'claim_expiry' | 'suspension_end';

export interface Timer {
  atMs: number;
  kind: TimerKind;
  id: string;
  /** Insertion order: timers at the same millisecond fire in the order they were set. */
  n: number;
}

export class TimerQueue {
  private heap: Timer[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  add(atMs: number, kind: TimerKind, id: string): void {
    const timer: Timer = { atMs, kind, id, n: this.counter++ };
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p === undefined || !before(timer, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = timer;
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  /** The earliest timer due at or before `ms`, removed from the queue. */
  popDue(ms: number): Timer | undefined {
    const top = this.heap[0];
    if (top === undefined || top.atMs > ms) return undefined;
    const last = this.heap.pop();
    if (last !== undefined && this.heap.length > 0) this.siftDown(last);
    return top;
  }

  private siftDown(timer: Timer): void {
    const heap = this.heap;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const left = heap[l];
      const right = heap[r];
      if (left === undefined) break;
      const child = right !== undefined && before(right, left) ? r : l;
      const c = heap[child];
      if (c === undefined || !before(c, timer)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = timer;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.n < b.n);
}
