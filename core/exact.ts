// Exact arithmetic for star averages (RULES.md, Policy): an average is the fraction
// sum / count, compared and rounded in integers, never in floating point.

/** Policy thresholds are given in stars with at most two decimals (2.5, 2.75). */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

/** sum / count < threshold, decided as sum * 100 < threshold * 100 * count. */
export function fractionBelow(sum: number, count: number, threshold: number): boolean {
  return sum * 100 < toHundredths(threshold) * count;
}

/** The fraction rounded half up to two decimals, as a number (2.305 → 2.31). */
export function roundHalfUp2(sum: number, count: number): number {
  // floor((200·sum + count) / (2·count)) is round-half-up of 100·sum/count in integers.
  return Math.floor((200 * sum + count) / (2 * count)) / 100;
}

/** "2.31": the fraction with two decimals, half up, for explanations. */
export function formatFraction2(sum: number, count: number): string {
  return roundHalfUp2(sum, count).toFixed(2);
}
