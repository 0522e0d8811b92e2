// How much planted manipulation and how many deliberately refused events a dataset carries,
// scaled with its number of designers.
import type { SizeCounts } from './sizes';

/** Planted and refused work the dataset must carry, scaled with its size. */
export interface PlantPlan {
  pressure: number;
  incentive: number;
  ratingRaised: number;
  bursts: number;
  rings: number;
  feedbackChangePatterns: number;
  duplicateTexts: number;
  benignRaiseDecoys: number;
  unfoundedReports: number;
  contestFull: number;
  lateReviews: number;
  secondEnablings: number;
  lateChanges: number;
}

export function plantPlan(counts: SizeCounts): PlantPlan {
  const per1000 = (rate: number, min: number): number => Math.max(min, Math.round((counts.designers / 1000) * rate));
  return {
    pressure: per1000(30, 12),
    incentive: per1000(12, 6),
    ratingRaised: per1000(10, 5),
    bursts: per1000(3, 2),
    rings: per1000(3, 2),
    feedbackChangePatterns: per1000(3, 2),
    duplicateTexts: per1000(3, 2),
    benignRaiseDecoys: per1000(4, 2),
    unfoundedReports: per1000(2, 1),
    contestFull: per1000(1, 2),
    lateReviews: per1000(1, 2),
    secondEnablings: per1000(1, 2),
    lateChanges: per1000(0.5, 1),
  };
}
