// The simulation's agenda: what happens next, in time order. A binary min-heap keyed by time
// with an insertion sequence as tiebreak, so two tasks at the same instant always run in the
// order they were scheduled and the dataset stays deterministic. Only pending work sits here
// (tasks schedule their follow-ups when they run), so memory follows what is in flight, not
// the size of the dataset.

interface Task {
  at: number;
  seq: number;
  run: () => void;
}

export class Agenda {
  private readonly heap: Task[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Time of the next task, or Infinity when nothing is pending. */
  peekTime(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  push(at: number, run: () => void): void {
    const task: Task = { at, seq: this.seq++, run };
    const heap = this.heap;
    let i = heap.length;
    heap.push(task);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p === undefined || !before(task, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = task;
  }

  pop(): Task | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
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
    return top;
  }
}

function before(x: Task, y: Task): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}
