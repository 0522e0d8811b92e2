// The simulation's agenda: what happens next, in time order. A binary min-heap keyed by time
// with an insertion sequence as tiebreak, so two tasks at the same instant always run in the
// order they were scheduled and the dataset stays deterministic. Only pending work sits here
// (tasks schedule their follow-ups when they run), so memory follows what is in flight, not
// the size of the dataset.

import { TimeHeap } from '../time-heap';

interface Task {
  at: number;
  run: () => void;
}

export class Agenda {
  private readonly heap = new TimeHeap<Task>();

  get size(): number {
    return this.heap.size;
  }

  /** Time of the next task, or Infinity when nothing is pending. */
  peekTime(): number {
    return this.heap.peekTime();
  }

  push(at: number, run: () => void): void {
    this.heap.push(at, { at, run });
  }

  pop(): Task | undefined {
    return this.heap.pop();
  }
}
