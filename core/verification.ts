// RULES.md R4: submissions of unverified (or revoked) designers wait for a manual review due
// within 48 hours; approval shows the design now, at the end of the launch window, or never.
import { formatDuration, formatTime } from './explain';
import { launchWindow } from './launch-window';
import { DEFAULT_POLICY, type Policy } from './policy';
import { HOUR_MS, toIso, toMs, type IsoTime } from './time';
import type { Designer, Project } from './wire/entities';

export function needsManualReview(designer: Pick<Designer, 'verification'>): boolean {
  return designer.verification !== 'verified';
}

export function reviewDueAt(submittedAt: IsoTime, policy: Policy = DEFAULT_POLICY): IsoTime {
  return toIso(toMs(submittedAt) + policy.verification.reviewSlaHours * HOUR_MS);
}

export type ReviewSla = 'on_time' | 'due_soon' | 'overdue';

export const REVIEW_SLA_TITLES = {
  on_time: 'On time',
  due_soon: 'Due soon',
  overdue: 'Overdue (SLA breached)',
} as const satisfies Record<ReviewSla, string>;

/**
 * Where a waiting review stands at `now`: due soon from warnFraction × SLA after submission
 * (36 h by default), overdue strictly after reviewDueAt (at 48 h exactly it is still on time).
 */
export function reviewSla(submittedAt: IsoTime, now: IsoTime, policy: Policy = DEFAULT_POLICY): ReviewSla {
  const start = toMs(submittedAt);
  const t = toMs(now);
  const slaMs = policy.verification.reviewSlaHours * HOUR_MS;
  if (t > start + slaMs) return 'overdue';
  if (t >= start + Math.round(policy.verification.warnFraction * slaMs)) return 'due_soon';
  return 'on_time';
}

export interface ApprovalOutcome {
  status: 'visible' | 'scheduled' | 'expired';
  releaseAt?: IsoTime;
  explanation: string;
  policyVersion: string;
}

/** R4: what approving a waiting submission at `approvedAt` does. */
export function approvalOutcome(
  input: { project: Pick<Project, 'launchedAt' | 'endsAt' | 'status'>; approvedAt: IsoTime },
  policy: Policy = DEFAULT_POLICY,
): ApprovalOutcome {
  const { project, approvedAt } = input;
  const at = toMs(approvedAt);
  const policyVersion = policy.version;
  if (project.status !== 'open') {
    return { status: 'expired', policyVersion, explanation: `Expired: the project is ${project.status}, so the design will never be shown.` };
  }
  if (at >= toMs(project.endsAt)) {
    return { status: 'expired', policyVersion, explanation: `Expired: the project ended at ${formatTime(project.endsAt, approvedAt)}, before the approval.` };
  }
  const window = launchWindow(project, policy);
  if (at < toMs(window.endsAt)) {
    return {
      status: 'scheduled',
      releaseAt: window.endsAt,
      policyVersion,
      explanation: `Scheduled: approved during the launch window, shown when it ends at ${formatTime(window.endsAt, approvedAt)}, in ${formatDuration(toMs(window.endsAt) - at)}.`,
    };
  }
  return { status: 'visible', policyVersion, explanation: 'Visible now: approved after the launch window, while the project is open.' };
}
