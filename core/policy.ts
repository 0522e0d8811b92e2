// RULES.md, "Policy": every number a rule uses, as one plain, versioned, JSON-serialisable
// object. Each verdict names `policy.version`, so an audit can replay it under that policy.
import { z } from 'zod';

const positive = z.number().positive();
const share = z.number().min(0).max(1);
const score = z.number().min(0).max(100);
const whole = z.number().int().min(0);

export const conductClauseSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  text: z.string().min(1),
});
export type ConductClause = z.infer<typeof conductClauseSchema>;

export const policySchema = z.object({
  version: z.string().min(1),
  rating: z.object({ benchmark: positive }),
  launchWindow: z.object({ fraction: share, minHours: positive, maxHours: positive }),
  verification: z.object({ reviewSlaHours: positive, warnFraction: share }),
  miniContest: z.object({
    maxDesigners: z.number().int().positive(),
    minRating: positive,
    minPositiveFeedbackPct: score,
  }),
  feedback: z.object({ minTextLetters: whole, positiveMinStars: z.number().min(1).max(5) }),
  reviews: z.object({ windowDays: positive, extensionDays: positive }),
  feedbackChange: z.object({ windowDays: positive, maxPerContract: z.number().int().positive() }),
  feedbackRequest: z.object({ minContractDays: positive }),
  privateFeedback: z.object({ atRiskBelow: z.number().int().min(1).max(11) }),
  detectors: z.object({
    /** Hits on the same designer (and customer) within this many days join one flag. */
    flagJoinDays: positive,
    pressureMessage: z.object({ score }),
    incentiveOffer: z.object({ score }),
    ratingRaisedAfterContact: z.object({
      maxLowStars: z.number().int().min(1).max(5),
      minRaise: z.number().int().min(1).max(4),
      withinHours: positive,
      score,
    }),
    customerReport: z.object({ score }),
    newAccountBurst: z.object({
      minRatings: z.number().int().positive(),
      withinHours: positive,
      maxAccountAgeDays: positive,
      score,
    }),
    singleDesignerRater: z.object({
      minRatings: z.number().int().positive(),
      minProjects: z.number().int().positive(),
      maxOtherStars: z.number().int().min(1).max(5),
      score,
    }),
    feedbackChangePattern: z.object({
      minContracts: z.number().int().positive(),
      withinDays: positive,
      score,
    }),
    duplicateReviewText: z.object({
      minReviews: z.number().int().min(2),
      shingleWords: z.number().int().positive(),
      minJaccard: share,
      score,
    }),
  }),
  conduct: z.object({ clauses: z.array(conductClauseSchema).min(1) }),
  appeals: z.object({ windowDays: positive }),
});

export type Policy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: Policy = {
  version: '2026-11.1',
  rating: { benchmark: 2.5 },
  launchWindow: { fraction: 0.1, minHours: 2, maxHours: 24 },
  verification: { reviewSlaHours: 48, warnFraction: 0.75 },
  miniContest: { maxDesigners: 5, minRating: 2.75, minPositiveFeedbackPct: 75 },
  feedback: { minTextLetters: 4, positiveMinStars: 5 },
  reviews: { windowDays: 14, extensionDays: 14 },
  feedbackChange: { windowDays: 14, maxPerContract: 1 },
  feedbackRequest: { minContractDays: 30 },
  privateFeedback: { atRiskBelow: 9 },
  detectors: {
    flagJoinDays: 14,
    // Scores are ours (RULES.md R12 "detector thresholds"): a message in the designer's own
    // words weighs more than a pattern in numbers that can arise innocently.
    pressureMessage: { score: 60 },
    incentiveOffer: { score: 80 },
    ratingRaisedAfterContact: { maxLowStars: 2, minRaise: 2, withinHours: 72, score: 50 },
    customerReport: { score: 70 },
    newAccountBurst: { minRatings: 5, withinHours: 24, maxAccountAgeDays: 7, score: 75 },
    singleDesignerRater: { minRatings: 5, minProjects: 3, maxOtherStars: 2, score: 55 },
    feedbackChangePattern: { minContracts: 3, withinDays: 30, score: 50 },
    duplicateReviewText: { minReviews: 3, shingleWords: 3, minJaccard: 0.8, score: 65 },
  },
  conduct: {
    clauses: [
      {
        id: 'CoC-4.2',
        title: 'Honest ratings and feedback',
        text:
          'Designers must not pressure customers into giving a high star rating or review, ' +
          'or into changing or removing a low one.',
      },
      {
        id: 'CoC-4.3',
        title: 'No incentives for ratings',
        text:
          'Designers must not offer or give money, discounts, refunds, free work or any other ' +
          'thing of value in exchange for a rating or review.',
      },
      {
        id: 'CoC-4.4',
        title: 'No fake or coordinated ratings',
        text:
          'Designers must not have ratings or reviews posted by accounts they control or ' +
          'coordinate with, nor take part in rating rings.',
      },
    ],
  },
  appeals: { windowDays: 183 },
};

/** Checks a policy from outside (the platform's /v1/meta, a settings file); throws a zod error. */
export function parsePolicy(input: unknown): Policy {
  return policySchema.parse(input);
}
