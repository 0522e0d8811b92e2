// The decisions made in this window, newest first, with where each one stands: what undo acts
// on, and what the toasts say. The outbox itself lives in the console's Node side; this only
// mirrors what the console API and its events told us.
import type { DecisionState, Queue } from '../../../../electron/contract';
import type { SubjectType } from '../queryKeys';

export interface TrackedDecision {
  decisionId: string;
  subjectType: SubjectType;
  subjectId: string;
  outcome: string;
  reasonCode?: string;
  state: DecisionState;
  /** Local epoch ms when it leaves the machine (the end of the undo window). */
  sendsAtMs: number;
  queue?: Queue;
  /** Where the moderator decided it (the item's route), to return there after an undo. */
  path?: string;
  /** Decisions made together in one batch share this id. */
  batchId?: string;
}

const MAX_TRACKED = 200;

export class DecisionTracker {
  private items: TrackedDecision[] = [];
  private readonly listeners = new Set<() => void>();

  snapshot = (): readonly TrackedDecision[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(decision: TrackedDecision): void {
    this.items = [decision, ...this.items.filter((d) => d.decisionId !== decision.decisionId)].slice(0, MAX_TRACKED);
    this.emit();
  }

  /** Returns the decision as it was before, or undefined when it was not made here. */
  update(decisionId: string, state: DecisionState): TrackedDecision | undefined {
    const before = this.items.find((d) => d.decisionId === decisionId);
    if (before === undefined || before.state === state) return before;
    this.items = this.items.map((d) => (d.decisionId === decisionId ? { ...d, state } : d));
    this.emit();
    return before;
  }

  get(decisionId: string): TrackedDecision | undefined {
    return this.items.find((d) => d.decisionId === decisionId);
  }

  /** The newest decision (or batch) still on this machine and inside its undo window. */
  lastUndoable(nowMs: number): TrackedDecision[] {
    const newest = this.items.find((d) => d.state === 'queued' && d.sendsAtMs > nowMs);
    if (newest === undefined) return [];
    if (newest.batchId === undefined) return [newest];
    return this.items.filter((d) => d.batchId === newest.batchId && d.state === 'queued' && d.sendsAtMs > nowMs);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export const OUTCOME_WORDS: Record<string, { done: string; verb: string }> = {
  approve: { done: 'Approved', verb: 'Approve' },
  reject: { done: 'Rejected', verb: 'Reject' },
  dismiss: { done: 'Dismissed', verb: 'Dismiss' },
  confirm: { done: 'Confirmed', verb: 'Confirm' },
};

export function outcomeDone(outcome: string): string {
  return OUTCOME_WORDS[outcome]?.done ?? outcome;
}
