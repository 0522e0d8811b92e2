// What an event handler, a timer or a decision works with: the world, the timer queue, the
// policy and the platform time at which the change happens.
import type { Policy } from '../../core';
import type { TimerQueue } from './timers';
import type { World } from './world';

export interface ApplyContext {
  world: World;
  timers: TimerQueue;
  policy: Policy;
  nowMs: number;
  nowIso: string;
  /** Designers whose R12 facts changed: detection re-runs for them before the batch is written. */
  touched: Set<string>;
}

export type Outcome = { ok: true } | { ok: false; reasonCode: string };

export const OK: Outcome = { ok: true };
export const refuse = (reasonCode: string): Outcome => ({ ok: false, reasonCode });

/** The entity with `changes` applied and its rev bumped; keys set to undefined are dropped. */
export function revised<E extends { rev: number }>(entity: E, changes: Partial<E>): E {
  const next: E = { ...entity, ...changes, rev: entity.rev + 1 };
  for (const key of Object.keys(changes) as Array<keyof E>) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}
