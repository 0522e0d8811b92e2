// Project categories (RULES.md R1: a star rating is per category). Closed list: an unknown
// category is refused at the boundary rather than silently starting a rating of its own.
export const CATEGORIES = {
  logo: 'Logo',
  web: 'Web design',
  app: 'App design',
  brand_identity: 'Brand identity',
  print: 'Print',
  packaging: 'Packaging',
  illustration: 'Illustration',
  social_media: 'Social media',
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];
