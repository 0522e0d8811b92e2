// Dataset sizes. `large` is the scale PRODUCT.md says the console must hold (100,000
// designers, 2 million submissions, 1.5 million ratings, half a million messages); the other
// entities scale with it at the same ratios, so a smaller size is the same marketplace, smaller.

export type SizeName = 'small' | 'medium' | 'large';

/** Targets, not exact counts: the simulation reaches them within a few percent (see the report's figures). */
export interface SizeCounts {
  designers: number;
  customers: number;
  projects: number;
  submissions: number;
  /** Submissions that carry a rating (rating entities); `rating.set` events are a little more, with changes. */
  ratings: number;
  messages: number;
  contracts: number;
}

/** A custom size: `designers` and `submissions` set the scale; the rest default to the same ratios as the presets. */
export type CustomSize = Pick<SizeCounts, 'designers' | 'submissions'> & Partial<SizeCounts>;

export const SIZES: Record<SizeName, SizeCounts> = {
  // The demo: generates and replays in about a second.
  small: { designers: 500, customers: 400, projects: 250, submissions: 5_000, ratings: 3_750, messages: 1_250, contracts: 150 },
  medium: {
    designers: 10_000,
    customers: 8_000,
    projects: 10_000,
    submissions: 200_000,
    ratings: 150_000,
    messages: 50_000,
    contracts: 3_000,
  },
  large: {
    designers: 100_000,
    customers: 80_000,
    projects: 100_000,
    submissions: 2_000_000,
    ratings: 1_500_000,
    messages: 500_000,
    contracts: 30_000,
  },
};

export function resolveSize(size: SizeName | CustomSize): SizeCounts {
  if (typeof size === 'string') return { ...SIZES[size] };
  const { designers, submissions } = size;
  if (!Number.isInteger(designers) || designers < 20) throw new RangeError('a custom size needs at least 20 designers');
  if (!Number.isInteger(submissions) || submissions < 100) throw new RangeError('a custom size needs at least 100 submissions');
  return {
    designers,
    submissions,
    customers: size.customers ?? Math.round(designers * 0.8),
    projects: size.projects ?? Math.max(10, Math.round(submissions / 20)),
    ratings: size.ratings ?? Math.round(submissions * 0.75),
    messages: size.messages ?? Math.round(submissions * 0.25),
    contracts: size.contracts ?? Math.max(10, Math.round(designers * 0.3)),
  };
}
