// What an event handler, a timer, a decision or a claim works with: the world (whose `put`
// keeps indexes, timers and detection marks), the policy and the platform time at which the
// change happens.
import type { Policy } from '../../core';
import type { World } from './world';

export interface ApplyContext {
  world: World;
  policy: Policy;
  nowMs: number;
  nowIso: string;
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
