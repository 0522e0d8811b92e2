// The marketplace's shape, fixed for every dataset: the categories with how much each is asked
// for and how its designers are rated, contest lengths, and the language mix.
import { CATEGORY_IDS, type Category } from '../../core/categories';
import type { Lang } from './text/fill';

export const CATEGORY_LIST: readonly Category[] = CATEGORY_IDS;
export const NCAT = CATEGORY_LIST.length;

/** How much each category is asked for, and how its designers are rated ("categories with their own rating distributions"). */
export const CATEGORY_PROFILE = {
  logo: { share: 0.3, mean: 3.55, sd: 0.55 },
  web: { share: 0.15, mean: 3.35, sd: 0.6 },
  app: { share: 0.07, mean: 3.45, sd: 0.55 },
  brand_identity: { share: 0.12, mean: 3.6, sd: 0.5 },
  print: { share: 0.1, mean: 3.75, sd: 0.5 },
  packaging: { share: 0.08, mean: 3.5, sd: 0.55 },
  illustration: { share: 0.08, mean: 3.85, sd: 0.6 },
  social_media: { share: 0.1, mean: 3.65, sd: 0.5 },
} satisfies Record<Category, { share: number; mean: number; sd: number }>;

export const CATEGORY_SHARES = CATEGORY_LIST.map((c) => CATEGORY_PROFILE[c].share);

/** Contest lengths in hours: 1 to 10 days, so launch windows (R2) run from 2.4 h to the 24 h cap. */
export const CONTEST_HOURS = [24, 36, 48, 72, 96, 120, 168, 240];
export const CONTEST_HOURS_WEIGHTS = [0.1, 0.05, 0.1, 0.2, 0.1, 0.15, 0.18, 0.12];
export const MINI_HOURS = [48, 72, 120, 168];

export const LANG_WEIGHTS = [0.6, 0.2, 0.2];
export const LANG_OF: readonly Lang[] = ['en', 'fr', 'es'];
