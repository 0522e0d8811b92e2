// The demo marketplace's moderators at work (issue 11): at each shift the generator marks in the
// log, the platform decides as they did, through the engine's own decision command, so the feed
// opens with a week of decisions on record (approved and rejected designs, dismissed and
// confirmed flags with their statements). Quality shifts decide each 48-hour review within its
// deadline, never after it (the audit of the demo finds no late review), and some held designs;
// trust and safety decides a few flags a day, leaving every detector open flags to show.
import type { DecisionRequest, Moderator, RejectReason } from '../../core';
import type { ReplayStep, ReplayStepApi } from '../engine/engine';
import type { DemoShift } from '../generator/demo';
import type { Rng } from '../generator/rng';
import { decideOrFail, seededUuid, type ShiftState } from './decide';
import { decideFlags } from './trust-shift';

/** The marketplace's own moderators, on the feed beside the development ones: colleagues, with no token. */
export const DEMO_COLLEAGUES: readonly Moderator[] = [
  { id: 'mod-ines', rev: 1, displayName: 'Inès Moreau', roles: ['quality'] },
  { id: 'mod-kwame', rev: 1, displayName: 'Kwame Asante', roles: ['quality'] },
  { id: 'mod-sofia', rev: 1, displayName: 'Sofía Herrera', roles: ['trust_safety'] },
];

const QUALITY = ['mod-ines', 'mod-kwame'] as const;
const TRUST = 'mod-sofia';

/** A 48-hour review is decided once it is this old (its own draw in the range): before its deadline by a shift's length and more. */
const REVIEW_AGE_HOURS = { min: 5, max: 39 };
const HOUR_MS = 3_600_000;

/** The replay step that works one shift. */
export function shiftStep(shift: DemoShift, state: ShiftState): ReplayStep {
  return {
    kind: 'replay-step',
    atMs: shift.atMs,
    run: async (api) => {
      if (!state.colleaguesOnFeed) {
        api.change((ctx) => {
          for (const moderator of DEMO_COLLEAGUES) if (!ctx.world.tables.moderator.has(moderator.id)) ctx.world.put('moderator', moderator);
        });
        state.colleaguesOnFeed = true;
      }
      if (shift.team === 'quality') await qualityShift(api, state, QUALITY[shift.index % QUALITY.length] ?? 'mod-ines');
      else await decideFlags(api, state, TRUST);
    },
  };
}

/** The age at which a 48-hour review is decided, the same whenever it is asked. */
function reviewAgeHours(submissionId: string): number {
  let h = 2_166_136_261;
  for (let i = 0; i < submissionId.length; i++) h = Math.imul(h ^ submissionId.charCodeAt(i), 16_777_619) >>> 0;
  return REVIEW_AGE_HOURS.min + (h % 1000) / 1000 * (REVIEW_AGE_HOURS.max - REVIEW_AGE_HOURS.min);
}

const REVIEW_REJECTIONS: ReadonlyArray<{ reason: RejectReason; note?: string }> = [
  { reason: 'below_quality_standard' },
  { reason: 'below_quality_standard' },
  { reason: 'off_brief' },
  { reason: 'copyright_concern', note: 'The mark is traced from a stock logo.' },
  { reason: 'other', note: 'The file is a placeholder, not a design.' },
];
const HELD_REJECTIONS: ReadonlyArray<{ reason: RejectReason; note?: string }> = [
  { reason: 'below_quality_standard' },
  { reason: 'off_brief' },
  { reason: 'duplicate_submission', note: 'Same concept as the designer’s earlier entry.' },
];

async function qualityShift(api: ReplayStepApi, state: ShiftState, moderatorId: string): Promise<void> {
  const { rng, market } = state;
  const now = api.nowMs;
  const decidedAt = new Date(now).toISOString();
  const plan: Array<{ request: DecisionRequest; projectId: string }> = [];
  for (const submission of api.world.tables.submission.values()) {
    if (submission.status === 'pending_review') {
      const ageHours = (now - Date.parse(submission.submittedAt)) / HOUR_MS;
      // Never after the deadline: one older than 48 hours at the first shift is left to its project's end.
      if (market.keptWaiting(submission.id) || ageHours < reviewAgeHours(submission.id) || ageHours >= 47.5) continue;
      const reject = rng.chance(0.18) ? rng.pick(REVIEW_REJECTIONS) : null;
      plan.push({ projectId: submission.projectId, request: request(rng, submission.id, submission.rev, reject, decidedAt) });
    } else if (submission.status === 'held' && !state.seenHeld.has(submission.id)) {
      state.seenHeld.add(submission.id);
      // Most held designs are left to their release; some are decided on sight.
      const roll = rng.next();
      if (roll >= 0.2) continue;
      const reject = roll < 0.09 ? rng.pick(HELD_REJECTIONS) : null;
      plan.push({ projectId: submission.projectId, request: request(rng, submission.id, submission.rev, reject, decidedAt) });
    }
  }
  for (const { request: decision, projectId } of plan) {
    await decideOrFail(api, moderatorId, decision);
    const after = api.world.tables.submission.get(decision.subjectId);
    if (after === undefined) continue;
    if (after.status === 'visible') market.approved(after.id, projectId, now);
    else if (after.status === 'scheduled' && after.releaseAt !== undefined) market.approved(after.id, projectId, Date.parse(after.releaseAt));
    else market.rejected(after.id, projectId);
  }
}

function request(rng: Rng, subjectId: string, expectedRev: number, reject: { reason: RejectReason; note?: string } | null, decidedAt: string): DecisionRequest {
  const base = { id: seededUuid(rng), subjectType: 'submission' as const, subjectId, expectedRev, decidedAt };
  if (reject === null) return { ...base, outcome: 'approve' };
  return { ...base, outcome: 'reject', reasonCode: reject.reason, ...(reject.note === undefined ? {} : { note: reject.note }) };
}
