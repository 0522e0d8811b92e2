// RULES.md R12, "Trust-and-safety outcomes": dismiss with a reason, or confirm with sanctions
// and a statement of reasons. Only an open flag, at the revision the moderator saw, is decided.
import type { Flag, Rating, Sanction } from './wire/entities';

export const FLAG_STATUS_TITLES = {
  open: 'Open',
  dismissed: 'Dismissed',
  confirmed: 'Confirmed',
} as const satisfies Record<Flag['status'], string>;

export const FLAG_OUTCOMES = {
  dismiss: 'Dismiss',
  confirm: 'Confirm and sanction',
} as const;
export type FlagOutcome = keyof typeof FLAG_OUTCOMES;

export const DISMISS_REASONS = {
  false_positive: 'False positive: no manipulation',
  insufficient_evidence: 'Insufficient evidence',
  duplicate: 'Duplicate of another flag',
} as const;
export type DismissReason = keyof typeof DISMISS_REASONS;
export const DISMISS_REASON_IDS = Object.keys(DISMISS_REASONS) as [DismissReason, ...DismissReason[]];

export type SanctionType = Sanction['type'];
export const SANCTION_TITLES = {
  warn: 'Formal warning',
  void_ratings: 'Void ratings',
  suspend: 'Suspend the account',
  ban: 'Ban the account',
} as const satisfies Record<SanctionType, string>;

export const FLAG_DECISION_PROBLEMS = {
  reason_required: 'A dismissal needs a reason code',
  unknown_reason: 'Unknown dismiss reason',
  sanctions_on_dismiss: 'A dismissal carries no sanctions',
  sanctions_required: 'A confirmation needs at least one sanction',
  repeated_sanction: 'The same kind of sanction is given twice',
  ban_combined: 'A ban combines only with voiding ratings',
  statement_required: 'A confirmation needs a statement of reasons',
  unknown_rating: 'A rating to void does not exist',
  rating_of_other_designer: 'A rating to void belongs to another designer',
  not_decidable: 'The flag is no longer open',
  stale_revision: 'The flag changed since it was shown',
} as const;
export type FlagDecisionProblem = keyof typeof FLAG_DECISION_PROBLEMS;

/** Same shape as submissions' DecisionCheck: `invalid` → 422, `conflict` → 409 (SYNC-API). */
export type FlagDecisionCheck =
  | { ok: true }
  | { ok: false; kind: 'conflict' | 'invalid'; reason: FlagDecisionProblem; explanation: string };

export interface FlagDecisionInput {
  expectedRev: number;
  outcome: FlagOutcome;
  reasonCode?: string;
  sanctions?: readonly Sanction[];
  statementOfReasons?: string;
}

const invalid = (reason: FlagDecisionProblem, explanation: string): FlagDecisionCheck => ({
  ok: false,
  kind: 'invalid',
  reason,
  explanation,
});

function isDismissReason(code: string): code is DismissReason {
  return Object.hasOwn(DISMISS_REASONS, code);
}

function checkSanctions(
  flag: Pick<Flag, 'designerId'>,
  sanctions: readonly Sanction[],
  ratings: readonly Pick<Rating, 'id' | 'designerId'>[],
): FlagDecisionCheck {
  if (sanctions.length === 0) {
    return invalid('sanctions_required', 'A confirmation needs at least one sanction: warn, void ratings, suspend or ban.');
  }
  const types = sanctions.map((s) => s.type);
  const repeated = types.find((type, i) => types.indexOf(type) !== i);
  if (repeated !== undefined) {
    // Two suspensions of different lengths, say, leave the measure ambiguous to the designer.
    return invalid('repeated_sanction', `"${SANCTION_TITLES[repeated]}" is given twice; give each kind of sanction once.`);
  }
  if (types.includes('ban') && (types.includes('suspend') || types.includes('warn'))) {
    // A statement that both bans for good and suspends for N days (or warns of a later ban)
    // contradicts itself; voiding the ratings still makes sense beside a ban.
    return invalid('ban_combined', 'A ban is permanent: give it alone or with voided ratings, not with a warning or a suspension.');
  }
  const byId = new Map(ratings.map((r) => [r.id, r]));
  for (const sanction of sanctions) {
    if (sanction.type !== 'void_ratings') continue;
    for (const ratingId of sanction.ratingIds) {
      const rating = byId.get(ratingId);
      if (rating === undefined) return invalid('unknown_rating', `Rating ${ratingId} does not exist.`);
      if (rating.designerId !== flag.designerId) {
        return invalid(
          'rating_of_other_designer',
          `Rating ${ratingId} is of designer ${rating.designerId}, not of the flagged designer ${flag.designerId}.`,
        );
      }
    }
  }
  return { ok: true };
}

/**
 * May a moderator who saw revision `expectedRev` decide this flag now? `ratings` are the
 * ratings the platform holds (at least those a void_ratings sanction names), so that a void
 * can name only ratings of the flagged designer.
 */
export function checkFlagDecision(
  flag: Pick<Flag, 'id' | 'rev' | 'status' | 'designerId'>,
  decision: FlagDecisionInput,
  ratings: readonly Pick<Rating, 'id' | 'designerId'>[],
): FlagDecisionCheck {
  if (decision.outcome === 'dismiss') {
    if (decision.reasonCode === undefined) {
      return invalid('reason_required', `A dismissal needs a reason code: ${DISMISS_REASON_IDS.join(', ')}.`);
    }
    if (!isDismissReason(decision.reasonCode)) {
      return invalid(
        'unknown_reason',
        `Unknown dismiss reason "${decision.reasonCode}"; use one of ${DISMISS_REASON_IDS.join(', ')}.`,
      );
    }
    if (decision.sanctions !== undefined && decision.sanctions.length > 0) {
      return invalid('sanctions_on_dismiss', 'A dismissed flag sanctions nobody; confirm it to give sanctions.');
    }
  } else {
    const sanctionsCheck = checkSanctions(flag, decision.sanctions ?? [], ratings);
    if (!sanctionsCheck.ok) return sanctionsCheck;
    if (!decision.statementOfReasons?.trim()) {
      return invalid(
        'statement_required',
        'A confirmation needs a statement of reasons addressed to the designer (RULES.md R12).',
      );
    }
  }
  if (flag.status !== 'open') {
    return {
      ok: false,
      kind: 'conflict',
      reason: 'not_decidable',
      explanation: `Flag ${flag.id} is already ${FLAG_STATUS_TITLES[flag.status].toLowerCase()}; only open flags take a decision.`,
    };
  }
  if (flag.rev !== decision.expectedRev) {
    return {
      ok: false,
      kind: 'conflict',
      reason: 'stale_revision',
      explanation: `Flag ${flag.id} changed since it was shown (revision ${decision.expectedRev}, now ${flag.rev}).`,
    };
  }
  return { ok: true };
}
