// RULES.md R1: a designer's star rating per category, as of a time: the mean of the current
// ratings of the designer's submissions, leaving out unrated, removed and voided ones.
import type { Category } from './categories';
import { formatFraction2 } from './exact';
import { DEFAULT_POLICY, type Policy } from './policy';
import { toMs, type IsoTime } from './time';
import type { Rating } from './wire/entities';

export interface StarRating {
  /** sum / count, two decimals half up, or null when no rating counts ("unrated"). */
  average: number | null;
  sum: number;
  count: number;
}

export const UNRATED: StarRating = { average: null, sum: 0, count: 0 };

/** The stars a rating shows at `asOfMs`, or null when it did not exist yet, was removed or voided. */
export function starsAsOf(rating: Pick<Rating, 'history' | 'voidedAt'>, asOfMs: number): number | null {
  if (rating.voidedAt !== undefined && toMs(rating.voidedAt) <= asOfMs) return null;
  let stars: number | null = null;
  // History is oldest first; the last change at or before the time is in force.
  for (const change of rating.history) {
    if (toMs(change.at) > asOfMs) break;
    stars = change.stars;
  }
  return stars;
}

export function toStarRating(sum: number, count: number): StarRating {
  if (count === 0) return UNRATED;
  return { average: Number(formatFraction2(sum, count)), sum, count };
}

/**
 * R1 for one designer (and category, or all categories for the profile's overall rating).
 * R1 has no policy parameter; `policy` keeps the signature every rule shares.
 */
export function starRating(
  ratings: readonly Rating[],
  query: { designerId: string; category?: Category; asOf: IsoTime },
  _policy: Policy = DEFAULT_POLICY,
): StarRating {
  const asOfMs = toMs(query.asOf);
  let sum = 0;
  let count = 0;
  for (const rating of ratings) {
    if (rating.designerId !== query.designerId) continue;
    if (query.category !== undefined && rating.category !== query.category) continue;
    const stars = starsAsOf(rating, asOfMs);
    if (stars === null) continue;
    sum += stars;
    count += 1;
  }
  return toStarRating(sum, count);
}

/**
 * Every designer's rating per category as of one time, in a single pass over the ratings
 * (the platform and the benchmarks rate millions of rows: no per-designer rescans).
 */
export function starRatingsByDesigner(
  ratings: Iterable<Rating>,
  asOf: IsoTime,
): Map<string, Map<Category, StarRating>> {
  const asOfMs = toMs(asOf);
  const sums = new Map<string, Map<Category, { sum: number; count: number }>>();
  for (const rating of ratings) {
    const stars = starsAsOf(rating, asOfMs);
    if (stars === null) continue;
    let perCategory = sums.get(rating.designerId);
    if (perCategory === undefined) sums.set(rating.designerId, (perCategory = new Map()));
    const acc = perCategory.get(rating.category);
    if (acc === undefined) perCategory.set(rating.category, { sum: stars, count: 1 });
    else {
      acc.sum += stars;
      acc.count += 1;
    }
  }
  const result = new Map<string, Map<Category, StarRating>>();
  for (const [designerId, perCategory] of sums) {
    const out = new Map<Category, StarRating>();
    for (const [category, { sum, count }] of perCategory) out.set(category, toStarRating(sum, count));
    result.set(designerId, out);
  }
  return result;
}

/** "logo rating 2.31 over 13 rated designs" */
export function describeRating(category: Category | 'overall', rating: StarRating): string {
  if (rating.count === 0) return `no rated ${category} designs yet`;
  return `${category} rating ${formatFraction2(rating.sum, rating.count)} over ${rating.count} rated ${rating.count === 1 ? 'design' : 'designs'}`;
}
