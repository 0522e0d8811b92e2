// What an event handler, a timer, a decision or a claim works with: the world (whose `put`
// keeps indexes, timers and detection marks), the policy and the platform time at which the
// change happens.
import type { Designer, DesignerState, Policy } from '../../core';
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

type AccountState = Omit<DesignerState, 'at'>;

const stateAt = (at: string, d: AccountState): DesignerState => ({
  at,
  verification: d.verification,
  accountStatus: d.accountStatus,
  ...(d.suspendedUntil === undefined ? {} : { suspendedUntil: d.suspendedUntil }),
});

/** A new designer's history: the state it joined with, at `joinedAt` (SYNC-API.md). */
export const joiningHistory = (joinedAt: string, d: AccountState): DesignerState[] => [stateAt(joinedAt, d)];

/**
 * The designer after a change of verification or account status at `at`, its `history` grown
 * by the new state (oldest first), so an offline audit replays each submission against the
 * verification that held when it arrived. The very same designer when nothing changed.
 */
export function revisedDesigner(designer: Designer, changes: Partial<AccountState>, at: string): Designer {
  const state: AccountState = {
    verification: changes.verification ?? designer.verification,
    accountStatus: changes.accountStatus ?? designer.accountStatus,
    suspendedUntil: 'suspendedUntil' in changes ? changes.suspendedUntil : designer.suspendedUntil,
  };
  if (state.verification === designer.verification && state.accountStatus === designer.accountStatus && state.suspendedUntil === designer.suspendedUntil) return designer;
  return revised(designer, { ...state, history: [...designer.history, stateAt(at, state)] });
}
