// Figures as moderators read them (UI.md, "Words and numbers"): a rating with two decimals and
// the count behind it, "2.31 (13)"; computed with the rule core's exact arithmetic.
import { formatFraction2, type Category } from '../../../core';
import type { RatingFigure } from '../../contract';

export function ratingFigure(category: Category | 'overall', sum: number | null | undefined, count: number | null | undefined): RatingFigure {
  const n = Number(count ?? 0);
  return { category, value: n === 0 ? null : formatFraction2(Number(sum ?? 0), n), count: n };
}
