// RULES.md R3 and R4: the status a submission takes when it arrives. R4 (unverified designers,
// 48-hour review) takes precedence; otherwise R3's low-rating hold is decided once, in order.
import { formatDuration, formatHours, formatLength, formatTime } from './explain';
import { fractionBelow } from './exact';
import { launchWindow } from './launch-window';
import { DEFAULT_POLICY, type Policy } from './policy';
import { describeRating, starRating, type StarRating } from './ratings';
import { toMs, type IsoTime } from './time';
import { needsManualReview, reviewDueAt } from './verification';
import type { Designer, HoldReason, Project, Rating, Submission } from './wire/entities';

export const INTAKE_REASONS = {
  unverified_review: 'Designer not verified: manual review within 48 hours',
  project_not_open: 'Project not open for submissions',
  revision_exempt: 'Revision at the customer’s request: never held',
  launch_period_over: 'Launch period over: not held',
  unrated: 'Designer unrated in this category: not held',
  rating_ok: 'Rating at or above the benchmark: not held',
  held_low_rating: 'Held: rating below the benchmark during the launch period',
} as const;
export type IntakeReason = keyof typeof INTAKE_REASONS;

export interface IntakeVerdict {
  status: 'pending_review' | 'held' | 'visible' | 'expired';
  reason: IntakeReason;
  /** Set when R3 decided (the designer is verified): the R3 reason. */
  holdReason?: HoldReason;
  releaseAt?: IsoTime;
  reviewDueAt?: IsoTime;
  /** The rating R3 used, when it got that far. */
  rating?: StarRating;
  explanation: string;
  policyVersion: string;
}

export interface IntakeInput {
  submission: Pick<Submission, 'kind' | 'submittedAt'>;
  project: Pick<Project, 'category' | 'kind' | 'launchedAt' | 'endsAt' | 'status'>;
  designer: Pick<Designer, 'id' | 'verification'>;
  /**
   * The designer's ratings (any designer's may be passed; others are skipped), or the
   * designer's rating in the project's category as of `submittedAt` when the caller keeps a
   * running aggregate (the platform does: it replays in time order).
   */
  ratings: readonly Rating[] | StarRating;
}

function projectNoun(project: IntakeInput['project']): string {
  const length = formatLength(toMs(project.endsAt) - toMs(project.launchedAt));
  return `${length} ${project.kind === 'mini_contest' ? 'mini contest' : 'contest'}`;
}

function isRatingList(ratings: IntakeInput['ratings']): ratings is readonly Rating[] {
  return Array.isArray(ratings);
}

function ratingOf(input: IntakeInput): StarRating {
  if (!isRatingList(input.ratings)) return input.ratings;
  return starRating(input.ratings, {
    designerId: input.designer.id,
    category: input.project.category,
    asOf: input.submission.submittedAt,
  });
}

export function intakeSubmission(input: IntakeInput, policy: Policy = DEFAULT_POLICY): IntakeVerdict {
  const { submission, project, designer } = input;
  const policyVersion = policy.version;
  const t = submission.submittedAt;
  const tMs = toMs(t);

  if (project.status !== 'open' || tMs < toMs(project.launchedAt) || tMs >= toMs(project.endsAt)) {
    return {
      status: 'expired',
      reason: 'project_not_open',
      policyVersion,
      explanation: `Not shown: the project ${project.status !== 'open' ? `is ${project.status}` : 'was not running'} when the design arrived.`,
    };
  }

  if (needsManualReview(designer)) {
    const due = reviewDueAt(t, policy);
    return {
      status: 'pending_review',
      reason: 'unverified_review',
      reviewDueAt: due,
      policyVersion,
      explanation: `Waiting for review: the designer is ${designer.verification}, so every submission is reviewed by hand, due by ${formatTime(due, t)} (${formatHours(policy.verification.reviewSlaHours)} after it arrived).`,
    };
  }

  const notHeld = (holdReason: HoldReason, explanation: string, rating?: StarRating): IntakeVerdict => ({
    status: 'visible',
    reason: holdReason,
    holdReason,
    ...(rating === undefined ? {} : { rating }),
    policyVersion,
    explanation,
  });

  if (submission.kind === 'customer_revision') {
    return notHeld('revision_exempt', 'Not held: a revision submitted at the customer’s request is never held.');
  }

  const window = launchWindow(project, policy);
  const noun = projectNoun(project);
  if (tMs >= toMs(window.endsAt)) {
    return notHeld(
      'launch_period_over',
      `Not held: the launch window of this ${noun} (${formatHours(window.hours)}) ended at ${formatTime(window.endsAt, t)}, before the design arrived.`,
    );
  }

  const rating = ratingOf(input);
  const category = project.category;
  if (rating.count === 0) {
    return notHeld('unrated', `Not held: the designer has ${describeRating(category, rating)}, and unrated is never below the benchmark.`, rating);
  }
  if (!fractionBelow(rating.sum, rating.count, policy.rating.benchmark)) {
    return notHeld('rating_ok', `Not held: ${describeRating(category, rating)} is not below ${policy.rating.benchmark}.`, rating);
  }
  return {
    status: 'held',
    reason: 'held_low_rating',
    holdReason: 'held_low_rating',
    releaseAt: window.endsAt,
    rating,
    policyVersion,
    explanation: `Held: ${describeRating(category, rating)} is below ${policy.rating.benchmark}; the launch window of this ${noun} ends ${formatTime(window.endsAt, t)}, ${formatDuration(toMs(window.endsAt) - tMs)} after it arrived.`,
  };
}
