// One item as the item screen shows it: the rule core's sentence for why it is here (computed
// now from the cached records, as the platform computed it at arrival), the designer, the
// project, the decision on record or the one waiting here, and who else is looking. A flag comes
// with its evidence timeline: messages with the matched spans, rating changes with before and
// after, reports and reviews, each tickable as a fact relied on.
import {
  DETECTOR_TITLES,
  DECIDABLE_STATUSES,
  SUBMISSION_STATUS_TITLES,
  explainFlag,
  formatTime,
  intakeSubmission,
  launchWindow,
  reviewSla,
  REVIEW_SLA_TITLES,
  toIso,
  toMs,
  HOUR_MS,
  type Customer,
  type Designer,
  type DetectorName,
  type EvidenceItem,
  type Flag,
  type Message,
  type Project,
  type Rating,
  type Report,
  type Review,
  type Submission,
} from '../../../core';
import type { DecisionOnRecord, FlagItem, SubmissionItem, TimelineEntry } from '../../contract';
import { designerCard, designerEntity, designerRatings } from './designers';
import { NotFound, type QueryContext } from './context';
import { lookersOf } from './lookers';

async function entityById<T>(ctx: QueryContext, table: string, id: string): Promise<T | undefined> {
  const row: { data: string } | undefined = await ctx.read(table).where({ id }).first('data');
  return row === undefined ? undefined : (JSON.parse(row.data) as T);
}

async function moderatorName(ctx: QueryContext, id: string): Promise<string> {
  const row: { display_name: string } | undefined = await ctx.read('moderators').where({ id }).first('display_name');
  return row?.display_name ?? id;
}

async function pendingOf(ctx: QueryContext, subjectType: 'submission' | 'flag', id: string) {
  const row: { decision_id: string; request: string; state: 'queued' | 'sending'; send_after_ms: number } | undefined = await ctx
    .read('outbox')
    .where({ subject_type: subjectType, subject_id: id })
    .first('decision_id', 'request', 'state', 'send_after_ms');
  if (row === undefined) return undefined;
  const request = JSON.parse(row.request) as { outcome: 'approve' | 'reject' | 'dismiss' | 'confirm' };
  return { decisionId: row.decision_id, outcome: request.outcome, state: row.state, sendsAt: toIso(row.send_after_ms) };
}

/** The verification that held at a time, from the designer's history (SYNC-API `history`). */
export function verificationAt(designer: Designer, at: string): Designer['verification'] {
  const atMs = toMs(at);
  let verification: Designer['verification'] | undefined;
  for (const entry of designer.history) {
    if (toMs(entry.at) > atMs) break;
    verification = entry.verification;
  }
  return verification ?? designer.verification;
}

/** Why a submission is here, or where it went: the rule core's words with their numbers. */
export function submissionExplanation(ctx: QueryContext, submission: Submission, project: Project, designer: Designer, ratings: readonly Rating[]): { text: string; policyVersion: string } {
  const policy = ctx.policy();
  const intake = intakeSubmission(
    { submission, project, designer: { id: designer.id, verification: verificationAt(designer, submission.submittedAt) }, ratings },
    policy,
  );
  const now = toIso(ctx.platformNow());
  if (submission.status === 'pending_review' && submission.reviewDueAt !== undefined) {
    const sla = reviewSla(submission.submittedAt, now, policy);
    const late = sla === 'overdue' ? ` Overdue since ${formatTime(submission.reviewDueAt, now)}.` : sla === 'due_soon' ? ` ${REVIEW_SLA_TITLES.due_soon}.` : '';
    return { text: `${intake.explanation}${late}`, policyVersion: policy.version };
  }
  if (submission.status === 'held') return { text: intake.explanation, policyVersion: policy.version };
  const status = SUBMISSION_STATUS_TITLES[submission.status];
  const decided = submission.decision === undefined ? '' : ` Decided ${submission.decision.outcome === 'approve' ? 'approve' : 'reject'} at ${formatTime(submission.decision.at, now)}.`;
  return { text: `${status}.${decided} At arrival: ${intake.explanation}`, policyVersion: policy.version };
}

export async function submissionItem(ctx: QueryContext, id: string): Promise<SubmissionItem> {
  const submission = await entityById<Submission>(ctx, 'submissions', id);
  if (submission === undefined) throw new NotFound(`No submission ${id} in the cache.`);
  const [project, designer] = await Promise.all([entityById<Project>(ctx, 'projects', submission.projectId), designerEntity(ctx, submission.designerId)]);
  if (project === undefined) throw new NotFound(`The project ${submission.projectId} of submission ${id} is not in the cache yet.`);
  const [ratings, card, customer, pending, lookers] = await Promise.all([
    designerRatings(ctx, designer.id, project.category),
    designerCard(ctx, designer.id),
    entityById<Customer>(ctx, 'customers', project.customerId),
    pendingOf(ctx, 'submission', id),
    lookersOf(ctx, 'submission', [id]),
  ]);
  const explanation = submissionExplanation(ctx, submission, project, designer, ratings);
  let decision: DecisionOnRecord | undefined;
  if (submission.decision !== undefined) decision = { ...submission.decision, moderatorName: await moderatorName(ctx, submission.decision.moderatorId) };
  return {
    subjectType: 'submission',
    id: submission.id,
    rev: submission.rev,
    status: submission.status,
    kind: submission.kind,
    explanation: explanation.text,
    policyVersion: explanation.policyVersion,
    ...(submission.holdReason === undefined ? {} : { holdReason: submission.holdReason }),
    submittedAt: submission.submittedAt,
    ...(submission.releaseAt === undefined ? {} : { releaseAt: submission.releaseAt }),
    ...(submission.reviewDueAt === undefined ? {} : { reviewDueAt: submission.reviewDueAt }),
    assetId: submission.assetId,
    designer: card,
    project: {
      id: project.id,
      title: project.title,
      category: project.category,
      kind: project.kind,
      status: project.status,
      launchedAt: project.launchedAt,
      endsAt: project.endsAt,
      launchWindowEndsAt: launchWindow(project, ctx.policy()).endsAt,
      ...(customer === undefined ? {} : { customer: { id: customer.id, displayName: customer.displayName } }),
    },
    ...(decision === undefined ? {} : { decision }),
    ...(pending === undefined ? {} : { pending }),
    decidable: DECIDABLE_STATUSES.includes(submission.status) && pending === undefined,
    lookers: lookers.get(id) ?? [],
  };
}

// ---------------------------------------------------------------------------------------
// Flags

export const evidenceKey = (item: Pick<EvidenceItem, 'kind' | 'id' | 'at'>): string => `${item.kind}:${item.id}:${item.at}`;

async function byIds<T>(ctx: QueryContext, table: string, ids: readonly string[]): Promise<Map<string, T>> {
  const map = new Map<string, T>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows: Array<{ id: string; data: string }> = await ctx.read(table).whereIn('id', unique.slice(i, i + 500)).select('id', 'data');
    for (const row of rows) map.set(row.id, JSON.parse(row.data) as T);
  }
  return map;
}

function starsAround(rating: Rating, atMs: number): { before: number | null; after: number | null } {
  let before: number | null = null;
  let after: number | null = null;
  for (const change of rating.history) {
    const ms = toMs(change.at);
    if (ms < atMs) before = change.stars;
    else if (ms === atMs) after = change.stars;
  }
  if (rating.voidedAt !== undefined && toMs(rating.voidedAt) === atMs) after = null;
  return { before, after };
}

export async function flagItem(ctx: QueryContext, id: string): Promise<FlagItem> {
  const flag = await entityById<Flag>(ctx, 'flags', id);
  if (flag === undefined) throw new NotFound(`No flag ${id} in the cache.`);
  const entries = new Map<string, TimelineEntry>();
  const hitKeys: string[][] = [];
  for (const hit of flag.hits) {
    const keys: string[] = [];
    for (const item of hit.evidence.items) {
      const key = evidenceKey(item);
      keys.push(key);
      const existing = entries.get(key);
      if (existing === undefined) entries.set(key, { ...item, key, detectors: [hit.detector] });
      else {
        if (!existing.detectors.includes(hit.detector)) existing.detectors.push(hit.detector);
        // Two detectors may match different spans in one message: show them all.
        if (item.spans !== undefined) existing.spans = [...(existing.spans ?? []), ...item.spans.filter((s) => !existing.spans?.some((e) => e.start === s.start && e.end === s.end))];
      }
    }
    hitKeys.push(keys);
  }
  const list = [...entries.values()];
  const [messages, ratings, reports, reviews, card, customer, pending, lookers] = await Promise.all([
    byIds<Message>(ctx, 'messages', list.filter((e) => e.kind === 'message').map((e) => e.id)),
    byIds<Rating>(ctx, 'ratings', list.filter((e) => e.kind === 'rating' || e.kind === 'rating_change').map((e) => e.id)),
    byIds<Report>(ctx, 'reports', list.filter((e) => e.kind === 'report').map((e) => e.id)),
    byIds<Review>(ctx, 'reviews', list.filter((e) => e.kind === 'review').map((e) => e.id)),
    designerCard(ctx, flag.designerId),
    flag.customerId === undefined ? undefined : entityById<Customer>(ctx, 'customers', flag.customerId),
    pendingOf(ctx, 'flag', id),
    lookersOf(ctx, 'flag', [id]),
  ]);
  // The designer's messages to each customer, for "hours since the message" on rating changes.
  const customerIds = [...new Set([...ratings.values()].map((r) => r.customerId))];
  const designerMessages: Array<{ customer_id: string; sent_at: string }> =
    customerIds.length === 0
      ? []
      : await ctx
          .read('messages')
          .where({ designer_id: flag.designerId })
          .whereIn('customer_id', customerIds.slice(0, 500))
          .whereRaw("json_extract(data, '$.fromRole') = 'designer'")
          .orderBy('sent_at')
          .limit(5000)
          .select('customer_id', 'sent_at');
  for (const entry of list) {
    if (entry.kind === 'message') {
      const message = messages.get(entry.id);
      if (message !== undefined) {
        entry.body = message.body;
        entry.fromRole = message.fromRole;
      }
    } else if (entry.kind === 'report') {
      const report = reports.get(entry.id);
      if (report !== undefined) entry.body = report.body;
    } else if (entry.kind === 'review') {
      const review = reviews.get(entry.id);
      if (review !== undefined) entry.body = review.text;
    } else if (entry.kind === 'rating_change' || entry.kind === 'rating') {
      const rating = ratings.get(entry.id);
      if (rating !== undefined) {
        const atMs = toMs(entry.at);
        const { before, after } = starsAround(rating, atMs);
        entry.starsBefore = before;
        entry.starsAfter = after;
        const lastMessage = designerMessages.filter((m) => m.customer_id === rating.customerId && toMs(m.sent_at) <= atMs).at(-1);
        if (lastMessage !== undefined) entry.hoursSinceMessage = Math.round(((atMs - toMs(lastMessage.sent_at)) / HOUR_MS) * 10) / 10;
      }
    }
  }
  list.sort((a, b) => toMs(a.at) - toMs(b.at) || a.key.localeCompare(b.key));
  // What a void can pick from: the ratings in the evidence, and the flag customer's ratings of this designer.
  const pickable = new Map(ratings);
  if (flag.customerId !== undefined) {
    const rows: Array<{ id: string; data: string }> = await ctx.read('ratings').where({ designer_id: flag.designerId, customer_id: flag.customerId }).limit(1000).select('id', 'data');
    for (const row of rows) pickable.set(row.id, JSON.parse(row.data) as Rating);
  }
  let decision: FlagItem['decision'];
  if (flag.decision !== undefined) {
    decision = {
      decisionId: flag.decision.decisionId,
      outcome: flag.decision.outcome,
      ...(flag.decision.reasonCode === undefined ? {} : { reasonCode: flag.decision.reasonCode }),
      moderatorId: flag.decision.moderatorId,
      moderatorName: await moderatorName(ctx, flag.decision.moderatorId),
      at: flag.decision.at,
      ...(flag.decision.sanctions === undefined ? {} : { sanctions: flag.decision.sanctions }),
      ...(flag.decision.statementOfReasons === undefined ? {} : { statementOfReasons: flag.decision.statementOfReasons }),
    };
  }
  return {
    subjectType: 'flag',
    id: flag.id,
    rev: flag.rev,
    status: flag.status,
    score: flag.score,
    explanation: explainFlag(flag),
    policyVersion: flag.policyVersion,
    createdAt: flag.createdAt,
    designer: card,
    ...(customer === undefined ? {} : { customer: { id: customer.id, displayName: customer.displayName, createdAt: customer.createdAt } }),
    hits: flag.hits.map((hit, index) => ({
      detector: hit.detector,
      title: DETECTOR_TITLES[hit.detector as DetectorName],
      score: hit.score,
      summary: hit.evidence.summary,
      evidenceKeys: hitKeys[index] ?? [],
    })),
    timeline: list.slice(0, 1000),
    ratings: [...pickable.values()]
      .slice(0, 1000)
      .map((r) => ({ id: r.id, category: r.category, stars: r.stars, voided: r.voidedAt !== undefined, at: r.history.at(-1)?.at ?? r.history[0]?.at ?? flag.createdAt })),
    ...(decision === undefined ? {} : { decision }),
    ...(pending === undefined ? {} : { pending }),
    decidable: flag.status === 'open' && pending === undefined,
    lookers: lookers.get(id) ?? [],
  };
}
