// Trust and safety's previews (RULES.md R12): what a set of sanctions would do to the designer
// (ratings per category before and after a void, the account status and a suspension's end),
// and the statement of reasons composed by the rule core from the facts the moderator ticked.
import {
  CATEGORY_IDS,
  applySanctions,
  composeStatement,
  formatFraction2,
  starRating,
  toIso,
  type Customer,
  type Flag,
  type Rating,
  type Sanction,
} from '../../../core';
import { NotFound, type QueryContext } from './context';
import { designerEntity, designerRatings } from './designers';
import { evidenceKey } from './items';

async function flagOf(ctx: QueryContext, flagId: string): Promise<Flag> {
  const row: { data: string } | undefined = await ctx.read('flags').where({ id: flagId }).first('data');
  if (row === undefined) throw new NotFound(`No flag ${flagId} in the cache.`);
  return JSON.parse(row.data) as Flag;
}

const figure = (sum: number, count: number) => ({ value: count === 0 ? null : formatFraction2(sum, count), count });

export async function previewSanctions(ctx: QueryContext, flagId: string, sanctions: readonly Sanction[]) {
  const flag = await flagOf(ctx, flagId);
  const designer = await designerEntity(ctx, flag.designerId);
  const ratings = await designerRatings(ctx, designer.id);
  const now = toIso(ctx.platformNow());
  const applied = applySanctions({ designer, ratings, sanctions, at: now, suspendFrom: now });
  // Half a millisecond later: a void takes effect at `now`, so "after" must look past it.
  const after = toIso(ctx.platformNow() + 1);
  const ratingsOut = CATEGORY_IDS.flatMap((category) => {
    const before = starRating(ratings, { designerId: designer.id, category, asOf: now }, ctx.policy());
    const afterRating = starRating(applied.ratings, { designerId: designer.id, category, asOf: after }, ctx.policy());
    if (before.count === 0 && afterRating.count === 0) return [];
    return [{ category, before: figure(before.sum, before.count), after: figure(afterRating.sum, afterRating.count) }];
  });
  const overallBefore = starRating(ratings, { designerId: designer.id, asOf: now }, ctx.policy());
  const overallAfter = starRating(applied.ratings, { designerId: designer.id, asOf: after }, ctx.policy());
  return {
    ratings: ratingsOut,
    overall: { before: figure(overallBefore.sum, overallBefore.count), after: figure(overallAfter.sum, overallAfter.count) },
    accountStatus: {
      before: designer.accountStatus,
      after: applied.designer.accountStatus,
      ...(applied.designer.suspendedUntil === undefined ? {} : { suspendedUntil: applied.designer.suspendedUntil }),
    },
    voided: applied.changed.ratings.map((r: Rating) => r.id),
  };
}

export interface StatementRequest {
  flagId: string;
  sanctions: readonly Sanction[];
  evidenceKeys: readonly string[];
  clauseId: string;
  explanation: string;
}

export async function statementFor(ctx: QueryContext, input: StatementRequest) {
  const flag = await flagOf(ctx, input.flagId);
  const designer = await designerEntity(ctx, flag.designerId);
  const ratings = await designerRatings(ctx, designer.id);
  const ticked = new Set(input.evidenceKeys);
  const tickedEvidence = flag.hits.flatMap((hit) => hit.evidence.items.filter((item) => ticked.has(evidenceKey(item))).map((item) => ({ kind: item.kind, id: item.id })));
  const customers: Customer[] = [];
  if (flag.customerId !== undefined) {
    const row: { data: string } | undefined = await ctx.read('customers').where({ id: flag.customerId }).first('data');
    if (row !== undefined) customers.push(JSON.parse(row.data) as Customer);
  }
  const statement = composeStatement(
    {
      designer,
      flag,
      tickedEvidence,
      sanctions: input.sanctions,
      ratings,
      clauseId: input.clauseId,
      explanation: input.explanation,
      decidedAt: toIso(ctx.platformNow()),
      moderatorId: ctx.moderatorId,
      customers,
    },
    ctx.policy(),
  );
  return { status: statement.status, parts: statement.parts, text: statement.text, missing: statement.missing, appealUntil: statement.appeal.until, policyVersion: statement.policyVersion };
}
