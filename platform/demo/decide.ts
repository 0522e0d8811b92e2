// What both teams' shifts in the demo share: their memory between shifts, seeded decision ids,
// and the one way a shift's decision is made (the engine's own command, in the replay).
import type { DecisionRequest } from '../../core';
import type { DecisionOutcome } from '../engine/decisions';
import type { ReplayStepApi } from '../engine/engine';
import type { DemoMarket } from '../generator/demo';
import { Rng } from '../generator/rng';

/** What the shifts remember between them. */
export interface ShiftState {
  readonly rng: Rng;
  readonly market: DemoMarket;
  /** Held designs a quality shift has looked at: each is looked at once. */
  readonly seenHeld: Set<string>;
  colleaguesOnFeed: boolean;
}

export function newShiftState(seed: number, market: DemoMarket): ShiftState {
  return { rng: new Rng(seed * 31 + 11), market, seenHeld: new Set(), colleaguesOnFeed: false };
}

/** A v4-shaped UUID from the shift's draws: decision ids are UUIDs (SYNC-API), and the demo is seeded. */
export function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.int(4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Applies a decision the shift made; one the platform does not apply is a bug in the demo. */
export async function decideOrFail(api: ReplayStepApi, moderatorId: string, request: DecisionRequest): Promise<void> {
  const outcome: DecisionOutcome = await api.decide(moderatorId, request);
  if (outcome.kind !== 'applied') {
    const why = outcome.kind === 'refused' ? `${outcome.code}: ${outcome.detail}` : `${outcome.conflict.reason}: ${outcome.conflict.detail}`;
    throw new Error(`demo shift: ${moderatorId}'s decision on ${request.subjectType} ${request.subjectId} was not applied (${why})`);
  }
}
