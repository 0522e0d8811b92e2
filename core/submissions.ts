// RULES.md R5: submission states, and which moderator decisions a state accepts.
// A decision on any other state, or on a revision the moderator did not see, is a conflict.
import type { Submission, SubmissionStatus } from './wire/entities';

export const SUBMISSION_STATUS_TITLES = {
  pending_review: 'Waiting for review (unverified designer)',
  held: 'Held (low rating)',
  scheduled: 'Approved, shown when the launch window ends',
  visible: 'Visible to the customer',
  rejected: 'Rejected',
  expired: 'Expired (project ended)',
  withdrawn: 'Withdrawn by the designer',
} as const satisfies Record<SubmissionStatus, string>;

export const REJECT_REASONS = {
  below_quality_standard: 'Below the quality standard',
  off_brief: 'Does not answer the brief',
  copyright_concern: 'Copyright concern',
  inappropriate_content: 'Inappropriate content',
  duplicate_submission: 'Duplicate submission',
  other: 'Other (explain in the note)',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;
export const REJECT_REASON_IDS = Object.keys(REJECT_REASONS) as [RejectReason, ...RejectReason[]];

export const DECIDABLE_STATUSES: readonly SubmissionStatus[] = ['held', 'pending_review'];

export type SubmissionOutcome = 'approve' | 'reject';

export type DecisionCheck =
  | { ok: true }
  | { ok: false; kind: 'conflict' | 'invalid'; reason: string; explanation: string };

/**
 * May a moderator who saw revision `expectedRev` decide this submission now?
 * `invalid` is the moderator's input (422); `conflict` is the world having moved on (409).
 */
export function checkSubmissionDecision(
  submission: Pick<Submission, 'id' | 'rev' | 'status'>,
  decision: { expectedRev: number; outcome: SubmissionOutcome; reasonCode?: string; note?: string },
): DecisionCheck {
  if (decision.outcome === 'reject') {
    if (decision.reasonCode === undefined) {
      return { ok: false, kind: 'invalid', reason: 'reason_required', explanation: 'A rejection needs a reason code.' };
    }
    if (!Object.hasOwn(REJECT_REASONS, decision.reasonCode)) {
      return {
        ok: false,
        kind: 'invalid',
        reason: 'unknown_reason',
        explanation: `Unknown reject reason "${decision.reasonCode}"; use one of ${REJECT_REASON_IDS.join(', ')}.`,
      };
    }
    if (decision.reasonCode === 'other' && !decision.note?.trim()) {
      return { ok: false, kind: 'invalid', reason: 'note_required', explanation: 'Rejecting for "other" needs a note.' };
    }
  }
  if (!DECIDABLE_STATUSES.includes(submission.status)) {
    return {
      ok: false,
      kind: 'conflict',
      reason: 'not_decidable',
      explanation: `Submission ${submission.id} is ${SUBMISSION_STATUS_TITLES[submission.status].toLowerCase()}; only held and waiting submissions take a decision.`,
    };
  }
  if (submission.rev !== decision.expectedRev) {
    return {
      ok: false,
      kind: 'conflict',
      reason: 'stale_revision',
      explanation: `Submission ${submission.id} changed since it was shown (revision ${decision.expectedRev}, now ${submission.rev}).`,
    };
  }
  return { ok: true };
}
