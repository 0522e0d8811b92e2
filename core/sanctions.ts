// RULES.md R12 (trust-and-safety outcomes) and R1 (voided ratings): what a confirmed flag's
// sanctions do to the designer's account and to the ratings they name, as a pure function.
import { addDays, toMs, type IsoTime } from './time';
import type { Designer, Rating, Sanction } from './wire/entities';

export interface SanctionsInput {
  designer: Designer;
  /** The ratings a void_ratings sanction may name; any others are passed through untouched. */
  ratings: readonly Rating[];
  sanctions: readonly Sanction[];
  /** When the sanctions take effect: the platform's clock when it applies the decision. */
  at: IsoTime;
  /**
   * Where a suspension's days count from: the moderator's `decidedAt`, which is what the
   * statement of reasons tells the designer ("suspended for 14 days, until …"), so the letter
   * and `suspendedUntil` agree even for a decision made offline. Defaults to `at`. Voids always
   * take effect at `at`: a rating cannot stop counting in the past the platform already replayed.
   */
  suspendFrom?: IsoTime;
}

export interface SanctionsApplied {
  /** The designer afterwards; the very same object when nothing about the account changed. */
  designer: Designer;
  /** Every rating given, in the same order; unchanged ones are the very same objects. */
  ratings: Rating[];
  /** Only what changed, for the decision's `entities` answer and the change feed (SYNC-API). */
  changed: { designer: Designer | null; ratings: Rating[] };
}

type AccountState = Pick<Designer, 'accountStatus' | 'suspendedUntil'>;

/** The longest suspension asked for: two suspensions in one decision do not add up. */
function longestSuspensionDays(sanctions: readonly Sanction[]): number | undefined {
  let days: number | undefined;
  for (const sanction of sanctions) {
    if (sanction.type === 'suspend' && (days === undefined || sanction.days > days)) days = sanction.days;
  }
  return days;
}

function accountAfter(designer: Designer, sanctions: readonly Sanction[], suspendFrom: IsoTime): AccountState {
  const current: AccountState = { accountStatus: designer.accountStatus, suspendedUntil: designer.suspendedUntil };
  // A ban is final: nothing a later decision imposes can shorten or replace it.
  if (designer.accountStatus === 'banned') return current;
  if (sanctions.some((s) => s.type === 'ban')) return { accountStatus: 'banned', suspendedUntil: undefined };

  const days = longestSuspensionDays(sanctions);
  if (days !== undefined) {
    const until = addDays(suspendFrom, days);
    // A suspension already in force that ends later (or has no end) is kept as it is: a new
    // decision must never let the designer back in earlier than an earlier one said.
    const keepsCurrent =
      designer.accountStatus === 'suspended' &&
      (designer.suspendedUntil === undefined || toMs(designer.suspendedUntil) >= toMs(until));
    return keepsCurrent ? current : { accountStatus: 'suspended', suspendedUntil: until };
  }

  // A warning never softens a suspension into "warned".
  if (sanctions.some((s) => s.type === 'warn') && designer.accountStatus === 'active') {
    return { accountStatus: 'warned', suspendedUntil: designer.suspendedUntil };
  }
  return current;
}

function sameAccount(a: AccountState, b: AccountState): boolean {
  if (a.accountStatus !== b.accountStatus) return false;
  if (a.suspendedUntil === undefined || b.suspendedUntil === undefined) return a.suspendedUntil === b.suspendedUntil;
  // Compared as instants: "…00Z" and "…00.000Z" are the same end.
  return toMs(a.suspendedUntil) === toMs(b.suspendedUntil);
}

function withAccount(designer: Designer, account: AccountState): Designer {
  // Rebuilt rather than spread over, so a dropped suspendedUntil is absent, not `undefined`.
  const { suspendedUntil: _previous, ...rest } = designer;
  const next: Designer = { ...rest, accountStatus: account.accountStatus, rev: designer.rev + 1 };
  if (account.suspendedUntil !== undefined) next.suspendedUntil = account.suspendedUntil;
  return next;
}

/**
 * Applies a confirmed flag's sanctions at `at`. The most severe account measure wins (ban,
 * then the longest suspension, then a warning); each entity that changes gets exactly one
 * `rev` bump however many sanctions touched it, and one that does not change keeps its rev.
 * Only ratings of this designer are voided: checkFlagDecision refuses any other name first.
 */
export function applySanctions(input: SanctionsInput): SanctionsApplied {
  const { designer, ratings, sanctions, at } = input;

  const account = accountAfter(designer, sanctions, input.suspendFrom ?? at);
  const designerChanged = !sameAccount(account, designer);
  const nextDesigner = designerChanged ? withAccount(designer, account) : designer;

  const named = new Set<string>();
  for (const sanction of sanctions) {
    if (sanction.type === 'void_ratings') for (const id of sanction.ratingIds) named.add(id);
  }
  const changedRatings: Rating[] = [];
  const nextRatings = ratings.map((rating) => {
    // An already voided rating keeps its voidedAt: the feed and any audit have seen that time,
    // and voiding it again would be no new fact.
    if (!named.has(rating.id) || rating.designerId !== designer.id || rating.voidedAt !== undefined) return rating;
    const voided: Rating = { ...rating, voidedAt: at, rev: rating.rev + 1 };
    changedRatings.push(voided);
    return voided;
  });

  return {
    designer: nextDesigner,
    ratings: nextRatings,
    changed: { designer: designerChanged ? nextDesigner : null, ratings: changedRatings },
  };
}
