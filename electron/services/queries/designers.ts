// A designer as the item screen and the profile show them: R1 ratings per category with their
// counts (from the trigger-kept aggregate), the rating's trend, verification and account status
// with their history, R6 positive feedback, R11 private feedback at risk (staff only), and the
// decisions and flags on record.
import {
  CATEGORY_IDS,
  positiveFeedbackScore,
  describeFeedback,
  feedbackTally,
  privateFeedbackRisk,
  toMs,
  type Category,
  type Contract,
  type Designer,
  type Flag,
  type PrivateFeedback,
  type Project,
  type Rating,
  type Review,
  type Submission,
  DETECTORS,
} from '../../../core';
import type { DesignerBrief, DesignerCard, DesignerProfile } from '../../contract';
import { NotFound, type QueryContext } from './context';
import { ratingFigure } from './figures';

const MAX_RATINGS_READ = 20_000;

export async function designerEntity(ctx: QueryContext, designerId: string): Promise<Designer> {
  const row: { data: string } | undefined = await ctx.read('designers').where({ id: designerId }).first('data');
  if (row === undefined) throw new NotFound(`No designer ${designerId} in the cache.`);
  return JSON.parse(row.data) as Designer;
}

export async function designerRatings(ctx: QueryContext, designerId: string, category?: Category): Promise<Rating[]> {
  const query = ctx.read('ratings').where({ designer_id: designerId }).select('data').orderBy('changed_at', 'desc').limit(MAX_RATINGS_READ);
  if (category !== undefined) query.where({ category });
  const rows: Array<{ data: string }> = await query;
  return rows.map((row) => JSON.parse(row.data) as Rating);
}

interface ChangePoint {
  at: string;
  ms: number;
  ratingId: string;
  category: Category;
  stars: number | null;
}

/** Every rating change of the designer in time order, a void counting as a removal. */
function changePoints(ratings: readonly Rating[]): ChangePoint[] {
  const points: ChangePoint[] = [];
  for (const rating of ratings) {
    for (const change of rating.history) points.push({ at: change.at, ms: toMs(change.at), ratingId: rating.id, category: rating.category, stars: change.stars });
    if (rating.voidedAt !== undefined) points.push({ at: rating.voidedAt, ms: toMs(rating.voidedAt), ratingId: rating.id, category: rating.category, stars: null });
  }
  return points.sort((a, b) => a.ms - b.ms || a.ratingId.localeCompare(b.ratingId));
}

/** R1 after each change: the overall series, and one per category. */
function ratingSeries(ratings: readonly Rating[]): { overall: Array<{ at: string; value: number; count: number }>; byCategory: Map<Category, Array<{ at: string; value: number; count: number }>> } {
  const current = new Map<string, { category: Category; stars: number | null }>();
  const sums = new Map<Category, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  const overall: Array<{ at: string; value: number; count: number }> = [];
  const byCategory = new Map<Category, Array<{ at: string; value: number; count: number }>>();
  for (const point of changePoints(ratings)) {
    const before = current.get(point.ratingId)?.stars ?? null;
    const acc = sums.get(point.category) ?? { sum: 0, count: 0 };
    if (before !== null) {
      sum -= before;
      count -= 1;
      acc.sum -= before;
      acc.count -= 1;
    }
    if (point.stars !== null) {
      sum += point.stars;
      count += 1;
      acc.sum += point.stars;
      acc.count += 1;
    }
    sums.set(point.category, acc);
    current.set(point.ratingId, { category: point.category, stars: point.stars });
    if (count > 0) overall.push({ at: point.at, value: Math.round((sum / count) * 100) / 100, count });
    if (acc.count > 0) {
      const list = byCategory.get(point.category) ?? [];
      list.push({ at: point.at, value: Math.round((acc.sum / acc.count) * 100) / 100, count: acc.count });
      byCategory.set(point.category, list);
    }
  }
  return { overall, byCategory };
}

export function designerBrief(designer: Designer): DesignerBrief {
  return { id: designer.id, handle: designer.handle, displayName: designer.displayName, verification: designer.verification, accountStatus: designer.accountStatus };
}

export async function designerCard(ctx: QueryContext, designerId: string): Promise<DesignerCard> {
  const designer = await designerEntity(ctx, designerId);
  const [aggregates, ratings, decided, pending, flags] = await Promise.all([
    ctx.read('designer_ratings').where({ designer_id: designerId }).select('category', 'sum', 'count') as Promise<Array<{ category: Category; sum: number; count: number }>>,
    designerRatings(ctx, designerId),
    ctx.read('submissions').where({ designer_id: designerId }).whereNotNull('decided_at').select(ctx.read.raw("json_extract(data, '$.decision.outcome') as outcome")).count({ n: '*' }).groupBy('outcome') as Promise<Array<{ outcome: string; n: number }>>,
    ctx.read('submissions').where({ designer_id: designerId }).whereNotNull('pending_decision_id').count({ n: '*' }).first() as Promise<{ n: number } | undefined>,
    ctx.read('flags').where({ designer_id: designerId }).select('status').count({ n: '*' }).groupBy('status') as Promise<Array<{ status: string; n: number }>>,
  ]);
  let sum = 0;
  let count = 0;
  for (const a of aggregates) {
    sum += a.sum;
    count += a.count;
  }
  const series = ratingSeries(ratings);
  const byOutcome = new Map(decided.map((d) => [d.outcome, Number(d.n)]));
  const byStatus = new Map(flags.map((f) => [f.status, Number(f.n)]));
  return {
    ...designerBrief(designer),
    country: designer.country,
    joinedAt: designer.joinedAt,
    ...(designer.suspendedUntil === undefined ? {} : { suspendedUntil: designer.suspendedUntil }),
    overall: ratingFigure('overall', sum, count),
    ratings: CATEGORY_IDS.flatMap((category) => {
      const a = aggregates.find((x) => x.category === category);
      return a === undefined || a.count === 0 ? [] : [ratingFigure(category, a.sum, a.count)];
    }),
    trend: series.overall.slice(-200).map(({ at, value }) => ({ at, value })),
    decisions: { approved: byOutcome.get('approve') ?? 0, rejected: byOutcome.get('reject') ?? 0, pending: Number(pending?.n ?? 0) },
    flags: { open: byStatus.get('open') ?? 0, confirmed: byStatus.get('confirmed') ?? 0, dismissed: byStatus.get('dismissed') ?? 0 },
  };
}

export async function designerProfile(ctx: QueryContext, designerId: string): Promise<DesignerProfile> {
  const card = await designerCard(ctx, designerId);
  const designer = await designerEntity(ctx, designerId);
  const ratings = await designerRatings(ctx, designerId);
  const series = ratingSeries(ratings);
  const contracts: Contract[] = ((await ctx.read('contracts').where({ designer_id: designerId }).select('data').limit(5000)) as Array<{ data: string }>).map((r) => JSON.parse(r.data) as Contract);
  const contractIds = contracts.map((c) => c.id);
  const reviews: Review[] = [];
  const privateFeedback: PrivateFeedback[] = [];
  for (let i = 0; i < contractIds.length; i += 500) {
    const ids = contractIds.slice(i, i + 500);
    const [r, p]: Array<Array<{ data: string }>> = await Promise.all([ctx.read('reviews').whereIn('contract_id', ids).select('data'), ctx.read('private_feedback').whereIn('contract_id', ids).select('data')]);
    reviews.push(...(r ?? []).map((x) => JSON.parse(x.data) as Review));
    privateFeedback.push(...(p ?? []).map((x) => JSON.parse(x.data) as PrivateFeedback));
  }
  const now = new Date(ctx.platformNow()).toISOString();
  const clientReviews = reviews.filter((r) => r.authorRole === 'client');
  const tally = feedbackTally(clientReviews, ctx.policy(), { asOf: now });
  const atRisk = privateFeedback.filter((p) => privateFeedbackRisk(p, ctx.policy()).atRisk).sort((a, b) => b.postedAt.localeCompare(a.postedAt));
  const submissionRows: Array<{ data: string; pdata: string | null; status: string }> = await ctx
    .read('submissions as s')
    .leftJoin('projects as p', 'p.id', 's.project_id')
    .where('s.designer_id', designerId)
    .orderBy('s.submitted_at', 'desc')
    .limit(100)
    .select('s.data', 'p.data as pdata', 's.status');
  const byStatus: Array<{ status: string; n: number }> = await ctx.read('submissions').where({ designer_id: designerId }).select('status').count({ n: '*' }).groupBy('status');
  const moderatorNames = new Map(((await ctx.read('moderators').select('id', 'display_name')) as Array<{ id: string; display_name: string }>).map((m) => [m.id, m.display_name]));
  const flagRows: Array<{ data: string }> = await ctx.read('flags').where({ designer_id: designerId }).orderBy('created_at', 'desc').limit(100).select('data');
  return {
    ...card,
    history: designer.history.slice(-500),
    ratingSeries: [...series.byCategory].map(([category, points]) => ({ category, points: points.slice(-500) })),
    positiveFeedback: { score: positiveFeedbackScore(clientReviews, ctx.policy(), { asOf: now }), positive: tally.positive, counted: tally.counted, explanation: describeFeedback(tally) },
    privateFeedbackAtRisk: {
      atRisk: atRisk.length,
      total: privateFeedback.length,
      items: atRisk.slice(0, 50).map((p) => ({ contractId: p.contractId, recommend: p.recommend, postedAt: p.postedAt, reasonEnded: p.reasonEnded })),
    },
    submissions: {
      byStatus: Object.fromEntries(byStatus.map((s) => [s.status, Number(s.n)])),
      recent: submissionRows.map((row) => {
        const s = JSON.parse(row.data) as Submission;
        const p = row.pdata === null ? null : (JSON.parse(row.pdata) as Project);
        return {
          id: s.id,
          status: s.status,
          submittedAt: s.submittedAt,
          projectTitle: p?.title ?? s.projectId,
          category: p?.category ?? 'logo',
          ...(s.decision === undefined ? {} : { decision: { ...s.decision, moderatorName: moderatorNames.get(s.decision.moderatorId) ?? s.decision.moderatorId } }),
        };
      }),
    },
    flagList: flagRows.map((row) => {
      const f = JSON.parse(row.data) as Flag;
      return {
        id: f.id,
        status: f.status,
        score: f.score,
        createdAt: f.createdAt,
        detectors: DETECTORS.filter((d) => f.hits.some((h) => h.detector === d)),
        ...(f.decision === undefined
          ? {}
          : {
              decision: {
                decisionId: f.decision.decisionId,
                outcome: f.decision.outcome,
                ...(f.decision.reasonCode === undefined ? {} : { reasonCode: f.decision.reasonCode }),
                moderatorId: f.decision.moderatorId,
                moderatorName: moderatorNames.get(f.decision.moderatorId) ?? f.decision.moderatorId,
                at: f.decision.at,
                ...(f.decision.sanctions === undefined ? {} : { sanctions: f.decision.sanctions }),
              },
            }),
      };
    }),
  };
}

export async function searchDesigners(ctx: QueryContext, query: string, limit: number): Promise<DesignerBrief[]> {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows: Array<{ data: string }> = await ctx
    .read('designers')
    .where((w) => w.whereRaw("handle LIKE ? ESCAPE '\\'", [like]).orWhereRaw("display_name LIKE ? ESCAPE '\\'", [like]).orWhere('id', query))
    .orderByRaw('CASE WHEN lower(handle) = lower(?) THEN 0 WHEN handle LIKE ? THEN 1 ELSE 2 END, handle', [query, `${query}%`])
    .limit(limit)
    .select('data');
  return rows.map((row) => designerBrief(JSON.parse(row.data) as Designer));
}
