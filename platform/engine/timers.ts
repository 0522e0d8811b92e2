// The timer queue of time-based transitions (release, publication, expiry, lease ends). Entries
// are advice, re-checked against the entity when they fire, so a transition that no longer
// applies (decided, withdrawn) is simply skipped. Same-millisecond timers fire in the order set.
import { TimeHeap } from '../time-heap';

export type TimerKind = 'release' | 'project_end' | 'publish' | 'claim_expiry' | 'suspension_end';

export interface Timer {
  atMs: number;
  kind: TimerKind;
  id: string;
}

export class TimerQueue {
  private readonly heap = new TimeHeap<Timer>();

  get size(): number {
    return this.heap.size;
  }

  add(atMs: number, kind: TimerKind, id: string): void {
    this.heap.push(atMs, { atMs, kind, id });
  }

  peek(): Timer | undefined {
    return this.heap.peek();
  }

  /** The earliest timer due at or before `ms`, removed from the queue. */
  popDue(ms: number): Timer | undefined {
    return this.heap.popDue(ms);
  }
}
