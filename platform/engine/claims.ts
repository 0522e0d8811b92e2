// Claims (SYNC-API): a short lease telling other moderators "I am looking at this". Advice
// only: a decision never needs one. Leases run on the platform's clock and end by a timer.
// These run as engine commands (Engine.execute), at the platform's clock.
import { MINUTE_MS, toIso, toMs, type Claim, type Moderator, type SubjectType } from '../../core';
import { revised, type ApplyContext } from './context';
import { endClaim } from './transitions';

export const CLAIM_MINUTES = 10;

export type ClaimResult =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'held'; claim: Claim }
  | { kind: 'released' }
  | { kind: 'missing'; detail: string };

export const claimIdOf = (subjectType: SubjectType, subjectId: string) => `${subjectType}:${subjectId}`;

/** Takes or renews the lease; someone else's unexpired lease is answered with that lease. */
export function takeClaim(ctx: ApplyContext, moderator: Moderator, subjectType: SubjectType, subjectId: string): ClaimResult {
  const { world } = ctx;
  const exists = subjectType === 'submission' ? world.tables.submission.has(subjectId) : world.tables.flag.has(subjectId);
  if (!exists) return { kind: 'missing', detail: `No ${subjectType} ${subjectId}.` };
  const id = claimIdOf(subjectType, subjectId);
  const current = world.tables.claim.get(id);
  if (current !== undefined && toMs(current.expiresAt) > ctx.nowMs && current.moderatorId !== moderator.id) {
    return { kind: 'held', claim: current };
  }
  const expiresAt = toIso(ctx.nowMs + CLAIM_MINUTES * MINUTE_MS);
  const next: Claim =
    current === undefined
      ? { id, rev: Number(world.auxValue(`claimRev:${id}`) ?? 0) + 1, subjectType, subjectId, moderatorId: moderator.id, expiresAt }
      : revised(current, { moderatorId: moderator.id, expiresAt });
  world.put('claim', next);
  return { kind: 'claimed', claim: next };
}

/** Releases the moderator's own lease (an admin may release anyone's); someone else's is answered with that lease. */
export function releaseClaim(ctx: ApplyContext, moderator: Moderator, subjectType: SubjectType, subjectId: string): ClaimResult {
  const current = ctx.world.tables.claim.get(claimIdOf(subjectType, subjectId));
  if (current === undefined) return { kind: 'missing', detail: `No claim on ${subjectType} ${subjectId}.` };
  if (current.moderatorId !== moderator.id && !moderator.roles.includes('admin')) return { kind: 'held', claim: current };
  endClaim(ctx, current);
  return { kind: 'released' };
}
