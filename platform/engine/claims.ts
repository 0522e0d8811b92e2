// Claims (SYNC-API): a short lease telling other moderators "I am looking at this". Advice
// only: a decision never needs one. Leases run on the platform's clock and end by a timer.
import { MINUTE_MS, toIso, type Claim, type Moderator } from '../../core';
import { revised } from './context';
import type { Engine } from './engine';
import type { World } from './world';
import { scheduleTimers } from './index-entities';

export const CLAIM_MINUTES = 10;

export type ClaimResult =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'held'; claim: Claim }
  | { kind: 'released' }
  | { kind: 'missing'; detail: string };

export const claimIdOf = (subjectType: Claim['subjectType'], subjectId: string) => `${subjectType}:${subjectId}`;

function subjectExists(engine: Engine, subjectType: Claim['subjectType'], subjectId: string): boolean {
  return subjectType === 'submission' ? engine.world.tables.submission.has(subjectId) : engine.world.tables.flag.has(subjectId);
}

/** Takes or renews the lease; someone else's unexpired lease is answered with that lease. */
export function claim(engine: Engine, moderator: Moderator, subjectType: Claim['subjectType'], subjectId: string): Promise<ClaimResult> {
  return engine.serial(async () => {
    engine.advanceTo(engine.clock.nowMs());
    if (!subjectExists(engine, subjectType, subjectId)) return { kind: 'missing', detail: `No ${subjectType} ${subjectId}.` };
    const now = engine.nowMs();
    const id = claimIdOf(subjectType, subjectId);
    const current = engine.world.tables.claim.get(id);
    const expiresAt = toIso(now + CLAIM_MINUTES * MINUTE_MS);
    if (current !== undefined && Date.parse(current.expiresAt) > now && current.moderatorId !== moderator.id) {
      return { kind: 'held', claim: current };
    }
    const next: Claim =
      current === undefined
        ? { id, rev: Number(engine.world.auxValue(`claimRev:${id}`) ?? 0) + 1, subjectType, subjectId, moderatorId: moderator.id, expiresAt }
        : revised(current, { moderatorId: moderator.id, expiresAt });
    engine.world.put('claim', next);
    scheduleTimers(engine.world, engine.timers, engine.policy, 'claim', id);
    await engine.flush();
    return { kind: 'claimed', claim: next };
  });
}

/** Releases the moderator's own lease; someone else's is answered with that lease. */
export function releaseClaim(engine: Engine, moderator: Moderator, subjectType: Claim['subjectType'], subjectId: string): Promise<ClaimResult> {
  return engine.serial(async () => {
    engine.advanceTo(engine.clock.nowMs());
    const id = claimIdOf(subjectType, subjectId);
    const current = engine.world.tables.claim.get(id);
    if (current === undefined) return { kind: 'missing', detail: `No claim on ${subjectType} ${subjectId}.` };
    if (current.moderatorId !== moderator.id && !moderator.roles.includes('admin')) return { kind: 'held', claim: current };
    endClaim(engine.world, current);
    await engine.flush();
    return { kind: 'released' };
  });
}

/**
 * Deletes the lease, remembering its rev: a later lease on the same subject continues from it,
 * so a client never sees a newer claim with a lower rev than one it already holds.
 */
export function endClaim(world: World, current: Claim): void {
  world.setAux(`claimRev:${current.id}`, String(current.rev));
  world.remove('claim', current.id);
}
