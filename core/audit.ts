// RULES.md R13: replay the rule core over the platform's own records and list every place
// where the platform's state differs from what the rules say, with rule, record and policy.
import type { Category } from './categories';
import { miniContestEligibility } from './contests';
import { formatTime } from './explain';
import { intakeSubmission, type IntakeVerdict } from './intake';
import { DEFAULT_POLICY, type Policy } from './policy';
import { toStarRating } from './ratings';
import { reviewPublication } from './reviews';
import { REJECT_REASONS } from './submissions';
import { canonicalTime, toIso, toMs, type IsoTime } from './time';
import type {
  Contract,
  Designer,
  Flag,
  Project,
  Rating,
  Review,
  ReviewExtension,
  Submission,
} from './wire/entities';

export const AUDIT_FINDINGS = {
  shown_should_hold: { rule: 'R3', title: 'Shown although the low-rating hold applied' },
  held_should_show: { rule: 'R3', title: 'Held although no hold applied' },
  wrong_release_time: { rule: 'R3', title: 'Held with the wrong release time' },
  shown_before_release: { rule: 'R3', title: 'Held design shown before its release' },
  review_skipped: { rule: 'R4', title: 'Unverified designer’s submission not sent to review' },
  wrong_review_due: { rule: 'R4', title: '48-hour review due at the wrong time' },
  late_review: { rule: 'R4', title: '48-hour review decided late' },
  review_overdue: { rule: 'R4', title: '48-hour review still undecided after its deadline' },
  shown_without_review: { rule: 'R4', title: 'Unverified designer’s submission shown without its review' },
  contest_over_capacity: { rule: 'R7', title: 'Mini contest entrant beyond the maximum' },
  ineligible_entrant: { rule: 'R7', title: 'Ineligible designer entered a mini contest' },
  review_published_early: { rule: 'R8', title: 'Review published before the rules allow' },
  review_unpublished: { rule: 'R8', title: 'Review not published when the rules say it was due' },
  decision_without_reason: { rule: 'R5', title: 'Decision without a reason code' },
  shown_although_rejected: { rule: 'R5', title: 'Rejected design shown or scheduled' },
  confirmation_without_statement: { rule: 'R12', title: 'Sanction without a statement of reasons' },
} as const;
export type AuditFindingKind = keyof typeof AUDIT_FINDINGS;

export interface AuditFinding {
  kind: AuditFindingKind;
  rule: (typeof AUDIT_FINDINGS)[AuditFindingKind]['rule'];
  recordType: 'submission' | 'project' | 'review' | 'flag';
  recordId: string;
  /** When the difference arose (the record's time), which decides whether it is in the period. */
  at: IsoTime;
  explanation: string;
  policyVersion: string;
}

/** A designer's verification or account status from a time on (the platform's event history). */
export interface DesignerStateChange {
  designerId: string;
  at: IsoTime;
  verification?: Designer['verification'];
  accountStatus?: Designer['accountStatus'];
  suspendedUntil?: IsoTime | null;
}

export interface AuditRecords {
  designers: readonly Designer[];
  projects: readonly Project[];
  submissions: readonly Submission[];
  ratings: readonly Rating[];
  contracts?: readonly Contract[];
  reviews?: readonly Review[];
  extensions?: readonly ReviewExtension[];
  flags?: readonly Flag[];
  /**
   * How designers' verification and status changed over time, when the caller keeps it apart
   * from the designers. Without it the audit reads each designer's own `history` (which the
   * platform's feed carries), never the current state as if it had always held.
   */
  designerHistory?: readonly DesignerStateChange[];
  /**
   * When the console first saw a held submission (one whose record keeps its hold reason)
   * visible: a platform time read after it saw it, so the design was visible by then. The feed
   * says what a record is, not when it changed; without this a held design shown early reads as
   * released on time, and the audit does not judge it.
   */
  shownSeen?: ReadonlyMap<string, IsoTime>;
}

export interface AuditPeriod {
  from: IsoTime;
  /** Exclusive; also the audit's "now" for what should have happened by then. */
  to: IsoTime;
}

export interface AuditReport {
  period: AuditPeriod;
  policyVersion: string;
  findings: AuditFinding[];
  /** Records examined per type, so "no findings" can be told from "nothing looked at". */
  examined: { submissions: number; projects: number; reviews: number; flags: number };
}

type DesignerAsOf = Pick<Designer, 'id' | 'verification' | 'accountStatus' | 'suspendedUntil'>;

/**
 * The designer as of a time. From `designerHistory` when the caller gives one (the current
 * entity rewound through the recorded changes); otherwise from each designer's own `history`
 * (SYNC-API.md), so the platform's feed alone is enough for a faithful replay.
 */
function designerTimeline(records: AuditRecords): (designerId: string, at: number) => DesignerAsOf | undefined {
  return records.designerHistory === undefined ? ownHistories(records.designers) : givenHistory(records.designers, records.designerHistory);
}

function ownHistories(designers: readonly Designer[]): (designerId: string, at: number) => DesignerAsOf | undefined {
  const timelines = new Map(designers.map((d) => [d.id, { designer: d, states: d.history.map((state) => ({ at: toMs(state.at), state })) }]));
  return (designerId, at) => {
    const timeline = timelines.get(designerId);
    if (timeline === undefined) return undefined;
    // Before its first entry (which is at joinedAt) nothing of the designer can be audited; its
    // first state stands for it rather than the current one.
    let state = timeline.states[0]?.state ?? timeline.designer;
    for (const entry of timeline.states) {
      if (entry.at > at) break;
      state = entry.state;
    }
    return { id: designerId, verification: state.verification, accountStatus: state.accountStatus, ...(state.suspendedUntil === undefined ? {} : { suspendedUntil: state.suspendedUntil }) };
  };
}

function givenHistory(designers: readonly Designer[], history: readonly DesignerStateChange[]): (designerId: string, at: number) => DesignerAsOf | undefined {
  const current = new Map(designers.map((d) => [d.id, d]));
  const changes = new Map<string, { at: number; change: DesignerStateChange }[]>();
  for (const change of history) {
    const list = changes.get(change.designerId) ?? [];
    list.push({ at: toMs(change.at), change });
    changes.set(change.designerId, list);
  }
  for (const list of changes.values()) list.sort((a, b) => a.at - b.at);
  return (designerId, at) => {
    const designer = current.get(designerId);
    const list = changes.get(designerId);
    if (designer === undefined || list === undefined) return designer;
    let state: DesignerAsOf = { id: designerId, verification: 'unverified', accountStatus: 'active' };
    for (const { at: changedAt, change } of list) {
      if (changedAt > at) break;
      state = {
        ...state,
        ...(change.verification ? { verification: change.verification } : {}),
        ...(change.accountStatus ? { accountStatus: change.accountStatus } : {}),
        ...(change.suspendedUntil === undefined ? {} : change.suspendedUntil === null ? { suspendedUntil: undefined } : { suspendedUntil: change.suspendedUntil }),
      };
    }
    return state;
  };
}

/** Rating changes as signed deltas to (sum, count), in time order, for a one-pass sweep. */
function ratingDeltas(ratings: readonly Rating[]): { at: number; key: string; dSum: number; dCount: number }[] {
  const deltas: { at: number; key: string; dSum: number; dCount: number }[] = [];
  for (const rating of ratings) {
    const key = `${rating.designerId}|${rating.category}`;
    const voidedAt = rating.voidedAt === undefined ? Infinity : toMs(rating.voidedAt);
    let previous: number | null = null;
    for (const change of rating.history) {
      const at = toMs(change.at);
      if (at >= voidedAt) break;
      deltas.push({ at, key, dSum: (change.stars ?? 0) - (previous ?? 0), dCount: (change.stars === null ? 0 : 1) - (previous === null ? 0 : 1) });
      previous = change.stars;
    }
    if (previous !== null && voidedAt !== Infinity) deltas.push({ at: voidedAt, key, dSum: -previous, dCount: -1 });
  }
  return deltas.sort((a, b) => a.at - b.at);
}

export function auditRecords(records: AuditRecords, period: AuditPeriod, policy: Policy = DEFAULT_POLICY): AuditReport {
  const policyVersion = policy.version;
  const from = toMs(period.from);
  const to = toMs(period.to);
  const inPeriod = (at: IsoTime) => {
    const t = toMs(at);
    return t >= from && t < to;
  };
  const findings: AuditFinding[] = [];
  // Finding times in the one canonical format (SYNC-API.md), whatever the records wrote.
  const add = (kind: AuditFindingKind, recordType: AuditFinding['recordType'], recordId: string, at: IsoTime, explanation: string) =>
    findings.push({ kind, rule: AUDIT_FINDINGS[kind].rule, recordType, recordId, at: canonicalTime(at), explanation, policyVersion });

  const projects = new Map(records.projects.map((p) => [p.id, p]));
  const designerAt = designerTimeline(records);

  // R3/R4: sweep submissions in time order, applying rating changes up to each one.
  const submissions = [...records.submissions].sort((a, b) => toMs(a.submittedAt) - toMs(b.submittedAt));
  const deltas = ratingDeltas(records.ratings);
  const sums = new Map<string, { sum: number; count: number }>();
  let next = 0;
  let examinedSubmissions = 0;
  for (const submission of submissions) {
    const t = toMs(submission.submittedAt);
    for (; next < deltas.length && (deltas[next]?.at ?? Infinity) <= t; next++) {
      const d = deltas[next];
      if (d === undefined) break;
      const acc = sums.get(d.key) ?? { sum: 0, count: 0 };
      acc.sum += d.dSum;
      acc.count += d.dCount;
      sums.set(d.key, acc);
    }
    if (!inPeriod(submission.submittedAt)) continue;
    const project = projects.get(submission.projectId);
    const designer = designerAt(submission.designerId, t);
    if (project === undefined || designer === undefined) continue;
    examinedSubmissions++;
    const acc = sums.get(`${submission.designerId}|${project.category}`) ?? { sum: 0, count: 0 };
    // Replay intake against the project as it stood then: it was open if the submission was taken.
    const verdict = intakeSubmission(
      { submission, project: { ...project, status: 'open' }, designer, ratings: toStarRating(acc.sum, acc.count) },
      policy,
    );
    const seen = records.shownSeen?.get(submission.id);
    auditSubmission(submission, verdict, to, seen === undefined ? undefined : toMs(seen), add);
  }

  // R7: mini contests, entrants in order of their first submission.
  let examinedProjects = 0;
  const byProject = groupBy(submissions, (s) => s.projectId);
  const reviews = records.reviews ?? [];
  const contracts = records.contracts ?? [];
  const ratingsByDesigner = groupBy(records.ratings, (r) => r.designerId);
  const contractsByDesigner = groupBy(contracts, (c) => c.designerId);
  for (const project of records.projects) {
    if (project.kind !== 'mini_contest') continue;
    const entrants: string[] = [];
    for (const s of byProject.get(project.id) ?? []) {
      if (entrants.includes(s.designerId)) continue;
      const entrantCount = entrants.length;
      entrants.push(s.designerId);
      if (!inPeriod(s.submittedAt)) continue;
      examinedProjects++;
      if (entrantCount >= policy.miniContest.maxDesigners) {
        add('contest_over_capacity', 'project', project.id, s.submittedAt, `Designer ${s.designerId} entered mini contest ${project.id} as entrant ${entrantCount + 1}; the maximum is ${policy.miniContest.maxDesigners}.`);
        continue;
      }
      const designer = designerAt(s.designerId, toMs(s.submittedAt));
      if (designer === undefined) continue;
      const designerContracts = contractsByDesigner.get(s.designerId) ?? [];
      const verdict = miniContestEligibility(
        {
          designer,
          category: project.category as Category,
          ratings: ratingsByDesigner.get(s.designerId) ?? [],
          reviews,
          contracts: designerContracts,
          entrantCount,
          asOf: s.submittedAt,
        },
        policy,
      );
      if (!verdict.eligible) {
        add('ineligible_entrant', 'project', project.id, s.submittedAt, `Designer ${s.designerId} entered mini contest ${project.id} but was not eligible: ${verdict.explanation}`);
      }
    }
  }

  // R8: publication times against the double-blind rule.
  let examinedReviews = 0;
  const reviewsByContract = groupBy(reviews, (r) => r.contractId);
  const extensionsByContract = groupBy(records.extensions ?? [], (x) => x.contractId);
  for (const contract of contracts) {
    const contractReviews = reviewsByContract.get(contract.id);
    if (contractReviews === undefined) continue;
    const expected = reviewPublication({ contract, reviews: contractReviews, extensions: extensionsByContract.get(contract.id) ?? [] }, policy);
    for (const review of contractReviews) {
      if (review.kind !== 'final' || !inPeriod(review.postedAt)) continue;
      examinedReviews++;
      const due = expected[review.id] ?? null;
      if (review.publishedAt !== undefined && (due === null || toMs(review.publishedAt) < toMs(due))) {
        add('review_published_early', 'review', review.id, review.postedAt, `Review ${review.id} was published at ${review.publishedAt}; the double-blind rule allows ${due === null ? 'no publication yet' : `publication at ${due}`}.`);
      } else if (review.publishedAt === undefined && due !== null && toMs(due) < to) {
        add('review_unpublished', 'review', review.id, review.postedAt, `Review ${review.id} should have been published at ${due} but is still hidden.`);
      }
    }
  }

  // R12: flag decisions need their reasons.
  let examinedFlags = 0;
  for (const flag of records.flags ?? []) {
    const decision = flag.decision;
    if (decision === undefined || !inPeriod(decision.at)) continue;
    examinedFlags++;
    if (decision.outcome === 'dismiss' && !decision.reasonCode) {
      add('decision_without_reason', 'flag', flag.id, decision.at, `Flag ${flag.id} was dismissed by ${decision.moderatorId} without a reason code.`);
    }
    if (decision.outcome === 'confirm' && !decision.statementOfReasons?.trim()) {
      add('confirmation_without_statement', 'flag', flag.id, decision.at, `Flag ${flag.id} was confirmed by ${decision.moderatorId} without a statement of reasons.`);
    }
  }

  findings.sort((a, b) => toMs(a.at) - toMs(b.at) || a.recordId.localeCompare(b.recordId) || a.kind.localeCompare(b.kind));
  return {
    period,
    policyVersion,
    findings,
    examined: { submissions: examinedSubmissions, projects: examinedProjects, reviews: examinedReviews, flags: examinedFlags },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

function sameInstant(a: IsoTime | undefined, b: IsoTime | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return toMs(a) === toMs(b);
}

/** Shown: the customer sees it, or will without anyone deciding again. */
const SHOWN: ReadonlySet<Submission['status']> = new Set(['visible', 'scheduled']);

/**
 * How far before its release time a held design must have been seen visible to be shown early:
 * the seen time is the platform's own clock read just after, so this is a margin, not a guess.
 */
const RELEASE_MARGIN_MS = 60_000;

function auditSubmission(
  submission: Submission,
  verdict: IntakeVerdict,
  auditEnd: number,
  /** A time by which it was visible, as the console saw it (AuditRecords.shownSeen). */
  shownBy: number | undefined,
  add: (kind: AuditFindingKind, recordType: 'submission', recordId: string, at: IsoTime, explanation: string) => void,
): void {
  const id = submission.id;
  const at = submission.submittedAt;
  const decision = submission.decision;
  if (decision?.outcome === 'reject' && (!decision.reasonCode || !Object.hasOwn(REJECT_REASONS, decision.reasonCode))) {
    add('decision_without_reason', 'submission', id, decision.at, `Submission ${id} was rejected by ${decision.moderatorId} without a valid reason code.`);
  }
  if (decision?.outcome === 'reject' && SHOWN.has(submission.status)) {
    add('shown_although_rejected', 'submission', id, decision.at, `Submission ${id} was rejected by ${decision.moderatorId} at ${formatTime(decision.at)}, but the platform has it ${submission.status}.`);
  }
  if (submission.status === 'withdrawn' && decision === undefined) return;

  if (verdict.status === 'pending_review') {
    if (submission.reviewDueAt === undefined) {
      add('review_skipped', 'submission', id, at, `Submission ${id} came from a designer who was not verified, but the platform gave it no 48-hour review. ${verdict.explanation}`);
      return;
    }
    // Compared as instants: "…00Z" and "…00.000Z" are the same deadline (SYNC-API does not fix the precision).
    if (!sameInstant(submission.reviewDueAt, verdict.reviewDueAt)) {
      add('wrong_review_due', 'submission', id, at, `Submission ${id} was due for review at ${submission.reviewDueAt}; the rules say ${verdict.reviewDueAt}.`);
    }
    if (decision === undefined && SHOWN.has(submission.status)) {
      add('shown_without_review', 'submission', id, at, `Submission ${id} came from a designer who was not verified and nobody reviewed it, but the platform has it ${submission.status}.`);
    }
    const due = toMs(verdict.reviewDueAt ?? at);
    if (decision !== undefined && toMs(decision.at) > due) {
      add('late_review', 'submission', id, decision.at, `Submission ${id} was reviewed at ${formatTime(decision.at, verdict.reviewDueAt)}, after its deadline of ${formatTime(verdict.reviewDueAt ?? at)}.`);
    } else if (decision === undefined && submission.status === 'pending_review' && auditEnd > due) {
      add('review_overdue', 'submission', id, verdict.reviewDueAt ?? at, `Submission ${id} is still waiting for review after its deadline of ${verdict.reviewDueAt}.`);
    }
    return;
  }

  const platformHeld = submission.holdReason === 'held_low_rating';
  if (verdict.status === 'held' && !platformHeld) {
    add('shown_should_hold', 'submission', id, at, `Submission ${id} was not held (${submission.holdReason ?? submission.status}), but the rules hold it. ${verdict.explanation}`);
  } else if (verdict.status !== 'held' && platformHeld) {
    add('held_should_show', 'submission', id, at, `Submission ${id} was held, but the rules do not hold it. ${verdict.explanation}`);
  } else if (verdict.status === 'held' && !sameInstant(submission.releaseAt, verdict.releaseAt)) {
    // A wrong release time is the finding, even when the design was shown by it.
    add('wrong_release_time', 'submission', id, at, `Submission ${id} was held until ${submission.releaseAt ?? 'no time'}; the launch window ends at ${verdict.releaseAt}.`);
  } else if (verdict.status === 'held' && decision === undefined && shownBy !== undefined && verdict.releaseAt !== undefined && shownBy + RELEASE_MARGIN_MS < toMs(verdict.releaseAt)) {
    // Held with the right release time and nobody approved it, yet seen visible before it.
    add('shown_before_release', 'submission', id, at, `Submission ${id} was held until ${formatTime(verdict.releaseAt ?? at, at)} and nobody approved it, but it was already visible at ${formatTime(toIso(shownBy), verdict.releaseAt)}. ${verdict.explanation}`);
  }
}
