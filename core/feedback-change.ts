// RULES.md R9 and R10: the designer enabling a feedback change (once per contract, 14 days to
// change, allowed but evidence for R12), and asking for interim feedback on a long contract.
import { formatDate, formatTime } from './explain';
import { DEFAULT_POLICY, type Policy } from './policy';
import { contractClosedAsOf } from './reviews';
import { addDays, DAY_MS, toMs, type IsoTime } from './time';
import type { Contract, Review } from './wire/entities';

export const FEEDBACK_CHANGE_ENABLE_REFUSALS = {
  contract_open: 'Contract still open',
  already_enabled: 'Feedback change already enabled on this contract',
  no_feedback: 'No client feedback to change',
} as const;
export type FeedbackChangeEnableRefusal = keyof typeof FEEDBACK_CHANGE_ENABLE_REFUSALS;

export const FEEDBACK_CHANGE_REFUSALS = {
  not_enabled: 'Feedback change not enabled by the designer',
  window_closed: 'Feedback change window closed',
} as const;
export type FeedbackChangeRefusal = keyof typeof FEEDBACK_CHANGE_REFUSALS;

export const INTERIM_REQUEST_REFUSALS = {
  contract_closed: 'Contract closed: ask for final feedback instead',
  contract_too_young: 'Contract open for less than the minimum',
} as const;
export type InterimRequestRefusal = keyof typeof INTERIM_REQUEST_REFUSALS;

interface CheckFacts {
  explanation: string;
  policyVersion: string;
}

export type FeedbackChangeEnableVerdict =
  | (CheckFacts & { allowed: true; reason?: undefined; deadline: IsoTime })
  | (CheckFacts & { allowed: false; reason: FeedbackChangeEnableRefusal });

export type FeedbackChangeVerdict =
  | (CheckFacts & { allowed: true; reason?: undefined; deadline: IsoTime })
  | (CheckFacts & { allowed: false; reason: FeedbackChangeRefusal; deadline?: IsoTime });

export type InterimRequestVerdict =
  | (CheckFacts & { allowed: true; reason?: undefined })
  | (CheckFacts & { allowed: false; reason: InterimRequestRefusal; allowedFrom?: IsoTime });

function instant(iso: IsoTime): string {
  return `${formatDate(iso)}, ${formatTime(iso)}`;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** The enabling in force as of `at`: one recorded later had not happened yet. */
function enabledAsOf(contract: Pick<Contract, 'feedbackChangeEnabledAt'>, atMs: number): IsoTime | null {
  const enabledAt = contract.feedbackChangeEnabledAt;
  return enabledAt !== undefined && toMs(enabledAt) <= atMs ? enabledAt : null;
}

/** enabledAt + windowDays: the first instant the client may no longer change its feedback. */
export function feedbackChangeDeadline(enabledAt: IsoTime, policy: Policy = DEFAULT_POLICY): IsoTime {
  return addDays(enabledAt, policy.feedbackChange.windowDays);
}

export interface FeedbackChangeEnableInput {
  contract: Pick<Contract, 'id' | 'closedAt' | 'feedbackChangeEnabledAt'>;
  reviews: readonly Pick<Review, 'contractId' | 'authorRole' | 'kind' | 'postedAt' | 'voidedAt'>[];
  at: IsoTime;
  /**
   * Enablings so far, when the caller keeps count (the platform does, from its event log). The
   * contract records only the latest `feedbackChangeEnabledAt`, so without a count an enabled
   * contract reads as enabled once — exact for the default `maxPerContract` of 1.
   */
  timesEnabled?: number;
}

/**
 * R9: may the designer let the client change its feedback at `at`? Only on a closed contract
 * with a final client review that still counts (changing a voided review would undo trust and
 * safety's decision). Allowing it does not clear it: R12's
 * `feedback_change_pattern` reads `feedbackChangeEnabledAt` and the review's history.
 */
export function feedbackChangeEnableCheck(
  input: FeedbackChangeEnableInput,
  policy: Policy = DEFAULT_POLICY,
): FeedbackChangeEnableVerdict {
  const { contract, at } = input;
  const policyVersion = policy.version;
  const atMs = toMs(at);
  const refuse = (reason: FeedbackChangeEnableRefusal, explanation: string): FeedbackChangeEnableVerdict => ({
    allowed: false,
    reason,
    policyVersion,
    explanation,
  });

  if (!contractClosedAsOf(contract, at)) {
    return refuse('contract_open', 'Feedback change not enabled: the contract is still open, so there is no final feedback to change.');
  }
  const enabledAt = enabledAsOf(contract, atMs);
  const max = policy.feedbackChange.maxPerContract;
  const timesEnabled = enabledAt === null ? 0 : Math.max(1, input.timesEnabled ?? 1);
  if (enabledAt !== null && timesEnabled >= max) {
    return refuse(
      'already_enabled',
      `Feedback change not enabled: it was already enabled on ${instant(enabledAt)}, and a designer may enable it ${max === 1 ? 'once' : `${max} times`} per contract.`,
    );
  }
  const clientReview = input.reviews.find(
    (r) =>
      r.contractId === contract.id &&
      r.authorRole === 'client' &&
      r.kind === 'final' &&
      toMs(r.postedAt) <= atMs &&
      (r.voidedAt === undefined || toMs(r.voidedAt) > atMs),
  );
  if (clientReview === undefined) {
    return refuse('no_feedback', 'Feedback change not enabled: the client has left no final feedback on this contract to change.');
  }
  const deadline = feedbackChangeDeadline(at, policy);
  return {
    allowed: true,
    deadline,
    policyVersion,
    explanation: `The designer may enable a feedback change (${max === 1 ? 'once' : `${max} times`} per contract); the client could then change its feedback until ${instant(deadline)}. The enabling is recorded as evidence for manipulation review.`,
  };
}

export interface FeedbackChangeInput {
  contract: Pick<Contract, 'feedbackChangeEnabledAt'>;
  at: IsoTime;
}

/**
 * R9: may the client change its feedback at `at`? Within [enabledAt, enabledAt + windowDays):
 * at exactly 14 days the window is closed. RULES.md limits the enabling, not the edits, so the
 * client may change it more than once inside the window; each version stays in `history`.
 */
export function feedbackChangeCheck(input: FeedbackChangeInput, policy: Policy = DEFAULT_POLICY): FeedbackChangeVerdict {
  const policyVersion = policy.version;
  const atMs = toMs(input.at);
  const enabledAt = enabledAsOf(input.contract, atMs);
  if (enabledAt === null) {
    return {
      allowed: false,
      reason: 'not_enabled',
      policyVersion,
      explanation: 'Feedback cannot be changed: the designer has not enabled a change on this contract.',
    };
  }
  const deadline = feedbackChangeDeadline(enabledAt, policy);
  const windowDays = days(policy.feedbackChange.windowDays);
  if (atMs >= toMs(deadline)) {
    return {
      allowed: false,
      reason: 'window_closed',
      deadline,
      policyVersion,
      explanation: `Feedback cannot be changed: the change enabled on ${instant(enabledAt)} was open for ${windowDays}, until ${instant(deadline)}.`,
    };
  }
  return {
    allowed: true,
    deadline,
    policyVersion,
    explanation: `The client may change its feedback until ${instant(deadline)}, ${windowDays} after the designer enabled it on ${instant(enabledAt)}.`,
  };
}

export interface InterimRequestInput {
  contract: Pick<Contract, 'startedAt' | 'closedAt'>;
  at: IsoTime;
}

/**
 * R10: may the designer ask for interim feedback at `at`? On a contract still open and running
 * for at least `minContractDays` (exactly 30 days is enough). Interim feedback shows on the
 * profile but never counts toward the positive feedback score (core/feedback.ts).
 */
export function interimFeedbackRequestCheck(input: InterimRequestInput, policy: Policy = DEFAULT_POLICY): InterimRequestVerdict {
  const { contract, at } = input;
  const policyVersion = policy.version;
  const minDays = policy.feedbackRequest.minContractDays;
  if (contractClosedAsOf(contract, at)) {
    return {
      allowed: false,
      reason: 'contract_closed',
      policyVersion,
      explanation: `No interim feedback: the contract closed on ${instant(contract.closedAt)}; its final review replaces it.`,
    };
  }
  const openMs = toMs(at) - toMs(contract.startedAt);
  const allowedFrom = addDays(contract.startedAt, minDays);
  if (openMs < Math.round(minDays * DAY_MS)) {
    return {
      allowed: false,
      reason: 'contract_too_young',
      allowedFrom,
      policyVersion,
      explanation: `No interim feedback yet: the contract has been open ${days(Math.max(0, Math.floor(openMs / DAY_MS)))} of the ${days(minDays)} required; it may be requested from ${instant(allowedFrom)}.`,
    };
  }
  return {
    allowed: true,
    policyVersion,
    explanation: `The designer may request interim feedback: the contract has been open ${days(Math.floor(openMs / DAY_MS))}, at least ${days(minDays)}. It will show on the profile but not count toward the positive feedback score.`,
  };
}
