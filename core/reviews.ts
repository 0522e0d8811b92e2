// RULES.md R8: double-blind contract reviews — who may post when, the extension after the
// window, and when each review is published. Windows are half-open: [closedAt, closedAt + 14 d).
import { formatDate, formatTime } from './explain';
import { DEFAULT_POLICY, type Policy } from './policy';
import { addDays, toMs, type IsoTime } from './time';
import type { Contract, Review, ReviewExtension } from './wire/entities';

export type Party = Review['authorRole'];

export const REVIEW_WINDOW_REFUSALS = {
  contract_open: 'Contract still open',
  already_posted: 'Review already posted',
  window_closed: 'Review window closed',
} as const;
export type ReviewWindowRefusal = keyof typeof REVIEW_WINDOW_REFUSALS;

export const EXTENSION_REQUEST_REFUSALS = {
  contract_open: 'Contract still open',
  already_posted: 'Review already posted',
  window_open: 'Review window still open: post the review instead',
  already_requested: 'Extension already requested once',
} as const;
export type ExtensionRequestRefusal = keyof typeof EXTENSION_REQUEST_REFUSALS;

interface CheckFacts {
  explanation: string;
  policyVersion: string;
}

export type ReviewWindowVerdict =
  | (CheckFacts & { allowed: true; reason?: undefined; deadline: IsoTime; late: boolean })
  | (CheckFacts & { allowed: false; reason: ReviewWindowRefusal; deadline?: IsoTime });

export type ExtensionRequestVerdict =
  | (CheckFacts & { allowed: true; reason?: undefined })
  | (CheckFacts & { allowed: false; reason: ExtensionRequestRefusal });

/** "16 November 2026, 10:00 UTC" */
function instant(iso: IsoTime): string {
  return `${formatDate(iso)}, ${formatTime(iso)}`;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** The contract is closed as of `at` when it has a closing time at or before `at`; narrows `closedAt`. */
export function contractClosedAsOf<C extends Pick<Contract, 'closedAt'>>(
  contract: C,
  at: IsoTime,
): contract is C & { closedAt: IsoTime } {
  return contract.closedAt !== undefined && toMs(contract.closedAt) <= toMs(at);
}

/** closedAt + windowDays: the first instant at which the ordinary window is closed. */
export function reviewWindowEnd(closedAt: IsoTime, policy: Policy = DEFAULT_POLICY): IsoTime {
  return addDays(closedAt, policy.reviews.windowDays);
}

/**
 * decidedAt + extensionDays for an approved extension: the first instant it no longer covers.
 * Computed from the policy rather than read from `deadline`, so an audit replays the rule; an
 * approval without `decidedAt` grants nothing, since its window cannot be placed.
 */
export function extensionEnd(extension: Pick<ReviewExtension, 'status' | 'decidedAt'>, policy: Policy = DEFAULT_POLICY): IsoTime | null {
  if (extension.status !== 'approved' || extension.decidedAt === undefined) return null;
  return addDays(extension.decidedAt, policy.reviews.extensionDays);
}

type ExtensionFacts = Pick<ReviewExtension, 'contractId' | 'requestedBy' | 'requestedAt' | 'status' | 'decidedAt'>;
type ReviewFacts = Pick<Review, 'id' | 'contractId' | 'authorRole' | 'kind' | 'postedAt'>;

/** The approved extension of this party that covers `atMs`, with its end; approvals after `atMs` do not. */
function coveringExtension(
  extensions: readonly ExtensionFacts[],
  contractId: string,
  party: Party,
  atMs: number,
  policy: Policy,
): { approvedAt: IsoTime; end: IsoTime } | null {
  for (const extension of extensions) {
    if (extension.contractId !== contractId || extension.requestedBy !== party) continue;
    const approvedAt = extension.decidedAt;
    const end = extensionEnd(extension, policy);
    if (end === null || approvedAt === undefined) continue;
    if (toMs(approvedAt) <= atMs && atMs < toMs(end)) return { approvedAt, end };
  }
  return null;
}

function finalReviewOf(reviews: readonly ReviewFacts[], contractId: string, party: Party, atMs: number): ReviewFacts | undefined {
  return reviews.find(
    (r) => r.contractId === contractId && r.authorRole === party && r.kind === 'final' && toMs(r.postedAt) <= atMs,
  );
}

export interface ReviewWindowInput {
  contract: Pick<Contract, 'id' | 'closedAt'>;
  authorRole: Party;
  reviews: readonly ReviewFacts[];
  extensions: readonly ExtensionFacts[];
  at: IsoTime;
}

/**
 * R8: may this party post its final review at `at`? Its window is [closedAt, closedAt +
 * windowDays); after that only under its own approved extension, [decidedAt, decidedAt +
 * extensionDays). `deadline` is the end of the window that applies (or the last one that did).
 */
export function reviewWindow(input: ReviewWindowInput, policy: Policy = DEFAULT_POLICY): ReviewWindowVerdict {
  const { contract, authorRole: party, at } = input;
  const policyVersion = policy.version;
  const atMs = toMs(at);
  const windowDays = policy.reviews.windowDays;

  if (!contractClosedAsOf(contract, at)) {
    return {
      allowed: false,
      reason: 'contract_open',
      policyVersion,
      explanation: `No review yet: the contract is still open; each party may review it for ${days(windowDays)} after it closes.`,
    };
  }
  const posted = finalReviewOf(input.reviews, contract.id, party, atMs);
  if (posted !== undefined) {
    return {
      allowed: false,
      reason: 'already_posted',
      policyVersion,
      explanation: `The ${party} already posted a review on ${instant(posted.postedAt)}; each party posts one review per contract.`,
    };
  }
  const windowEnd = reviewWindowEnd(contract.closedAt, policy);
  if (atMs < toMs(windowEnd)) {
    return {
      allowed: true,
      deadline: windowEnd,
      late: false,
      policyVersion,
      explanation: `The ${party} may post a review until ${instant(windowEnd)}, ${days(windowDays)} after the contract closed; it stays hidden until both parties have posted or the window ends.`,
    };
  }
  const covering = coveringExtension(input.extensions, contract.id, party, atMs, policy);
  if (covering !== null) {
    return {
      allowed: true,
      deadline: covering.end,
      late: true,
      policyVersion,
      explanation: `The ${party} may post a late review until ${instant(covering.end)} under the extension approved on ${instant(covering.approvedAt)}; it is published as soon as it is posted.`,
    };
  }
  const lapsed = lastLapsedExtension(input.extensions, contract.id, party, atMs, policy);
  if (lapsed !== null) {
    return {
      allowed: false,
      reason: 'window_closed',
      deadline: lapsed,
      policyVersion,
      explanation: `The ${party}'s extended review window ended on ${instant(lapsed)}; no further extension is possible.`,
    };
  }
  return {
    allowed: false,
    reason: 'window_closed',
    deadline: windowEnd,
    policyVersion,
    explanation: `The review window closed on ${instant(windowEnd)}, ${days(windowDays)} after the contract closed; the ${party} may ask the other party to extend it.`,
  };
}

/** The end of this party's approved extension that has already run out by `atMs`, if any. */
function lastLapsedExtension(
  extensions: readonly ExtensionFacts[],
  contractId: string,
  party: Party,
  atMs: number,
  policy: Policy,
): IsoTime | null {
  let latest: IsoTime | null = null;
  for (const extension of extensions) {
    if (extension.contractId !== contractId || extension.requestedBy !== party) continue;
    const end = extensionEnd(extension, policy);
    if (end === null || toMs(end) > atMs) continue;
    if (latest === null || toMs(end) > toMs(latest)) latest = end;
  }
  return latest;
}

export interface ExtensionRequestInput {
  contract: Pick<Contract, 'id' | 'closedAt'>;
  requestedBy: Party;
  extensions: readonly ExtensionFacts[];
  reviews: readonly ReviewFacts[];
  at: IsoTime;
}

/**
 * R8: may this party ask the other to extend its review window? Only once its ordinary window
 * has closed, only if it has not posted, and once per party per contract — a declined request
 * is not repeated, so the other party is asked at most once.
 */
export function extensionRequestCheck(input: ExtensionRequestInput, policy: Policy = DEFAULT_POLICY): ExtensionRequestVerdict {
  const { contract, requestedBy: party, at } = input;
  const policyVersion = policy.version;
  const atMs = toMs(at);
  const refuse = (reason: ExtensionRequestRefusal, explanation: string): ExtensionRequestVerdict => ({
    allowed: false,
    reason,
    policyVersion,
    explanation,
  });

  if (!contractClosedAsOf(contract, at)) {
    return refuse('contract_open', 'No extension: the contract is still open, and its review window has not started.');
  }
  const posted = finalReviewOf(input.reviews, contract.id, party, atMs);
  if (posted !== undefined) {
    return refuse('already_posted', `No extension: the ${party} already posted a review on ${instant(posted.postedAt)}.`);
  }
  const windowEnd = reviewWindowEnd(contract.closedAt, policy);
  if (atMs < toMs(windowEnd)) {
    return refuse('window_open', `No extension needed: the ${party} may still post a review until ${instant(windowEnd)}.`);
  }
  const earlier = input.extensions.find(
    (x) => x.contractId === contract.id && x.requestedBy === party && toMs(x.requestedAt) <= atMs,
  );
  if (earlier !== undefined) {
    return refuse(
      'already_requested',
      `No extension: the ${party} already asked on ${instant(earlier.requestedAt)} (${earlier.status}); a party asks once per contract.`,
    );
  }
  const other: Party = party === 'client' ? 'designer' : 'client';
  return {
    allowed: true,
    policyVersion,
    explanation: `The ${party} may ask the ${other} to extend the review window, which closed on ${instant(windowEnd)}; if approved, the ${party} has ${days(policy.reviews.extensionDays)} from the approval to post.`,
  };
}

export interface PublicationInput {
  contract: Pick<Contract, 'id' | 'closedAt'>;
  reviews: readonly ReviewFacts[];
  extensions: readonly ExtensionFacts[];
}

/**
 * R8: when each final review of the contract is published (null: never, or not yet knowable).
 * Replayed in posting order as the platform applies events: a party's first review posted in
 * its window, or under its approved extension, is accepted; any other would have been refused
 * and is never published. Both parties in the window → both at the later posting; only one →
 * at closedAt + windowDays; a late review under an extension → when posted. An open contract
 * has nothing published yet. Interim reviews (R10) are not double-blind and are left out.
 */
export function reviewPublication(input: PublicationInput, policy: Policy = DEFAULT_POLICY): Record<string, IsoTime | null> {
  const { contract } = input;
  const finals = input.reviews
    .filter((r) => r.contractId === contract.id && r.kind === 'final')
    .map((r) => ({ review: r, postedMs: toMs(r.postedAt) }))
    .sort((a, b) => a.postedMs - b.postedMs || (a.review.id < b.review.id ? -1 : a.review.id > b.review.id ? 1 : 0));

  const published: Record<string, IsoTime | null> = {};
  for (const { review } of finals) published[review.id] = null;
  if (contract.closedAt === undefined) return published;

  const closedMs = toMs(contract.closedAt);
  const windowEnd = reviewWindowEnd(contract.closedAt, policy);
  const windowEndMs = toMs(windowEnd);
  const inWindow: { id: string; postedAt: IsoTime }[] = [];
  const accepted = new Set<Party>();

  for (const { review, postedMs } of finals) {
    if (accepted.has(review.authorRole)) continue;
    if (postedMs >= closedMs && postedMs < windowEndMs) {
      accepted.add(review.authorRole);
      inWindow.push({ id: review.id, postedAt: review.postedAt });
    } else if (postedMs >= windowEndMs && coveringExtension(input.extensions, contract.id, review.authorRole, postedMs, policy) !== null) {
      accepted.add(review.authorRole);
      published[review.id] = review.postedAt;
    }
  }

  // inWindow is in posting order, so the second entry is the later posting.
  const [first, second] = inWindow;
  if (first !== undefined && second !== undefined) {
    published[first.id] = second.postedAt;
    published[second.id] = second.postedAt;
  } else if (first !== undefined) {
    published[first.id] = windowEnd;
  }
  return published;
}
