// Flags in the few words a badge or a cell has room for; the rule core's titles are the long
// form, shown on hover and on the flag itself.
import { DETECTOR_TITLES, DISMISS_REASONS, DISMISS_REASON_IDS, SANCTION_TITLES, type DetectorName, type DismissReason, type Sanction } from '../../../../core';
import { countOf } from '../time/words';

export const DETECTOR_SHORT: Record<DetectorName, string> = {
  pressure_message: 'Pressure',
  incentive_offer: 'Incentive',
  rating_raised_after_contact: 'Raised after contact',
  customer_report: 'Report',
  new_account_burst: 'New-account burst',
  single_designer_rater: 'Single-designer rater',
  feedback_change_pattern: 'Feedback changes',
  duplicate_review_text: 'Duplicate reviews',
};

export function detectorTitle(detector: DetectorName): string {
  return DETECTOR_TITLES[detector];
}

/** A flag's score as moderators read it: an integer (UI.md, "Words and numbers"). */
export function scoreWords(score: number): string {
  return String(Math.round(score));
}

/** The dismiss reasons numbered 1–3 in the core's order: the number is the key that picks it. */
export const DISMISS_CHOICES = DISMISS_REASON_IDS.map((code, i) => ({ code, title: DISMISS_REASONS[code], key: String(i + 1) }));

export function dismissReasonForKey(key: string): DismissReason | undefined {
  return DISMISS_CHOICES.find((c) => c.key === key)?.code;
}

export function isDismissReason(code: string): code is DismissReason {
  return Object.hasOwn(DISMISS_REASONS, code);
}

/** "Formal warning · 2 ratings voided · suspended 14 days" */
export function sanctionWords(sanctions: readonly Sanction[]): string {
  return sanctions
    .map((s) => {
      switch (s.type) {
        case 'warn':
          return SANCTION_TITLES.warn;
        case 'void_ratings':
          return `${countOf(s.ratingIds.length, 'rating')} voided`;
        case 'suspend':
          return `suspended ${countOf(s.days, 'day')}`;
        case 'ban':
          return 'banned';
      }
    })
    .join(' · ');
}

/** "★2 → ★5", "★1 → removed", "★5" (a first rating) */
export function starsWords(before: number | null | undefined, after: number | null | undefined): string {
  const star = (n: number | null | undefined) => (n === null || n === undefined ? 'removed' : `★${n}`);
  if (before === null || before === undefined) return after === null || after === undefined ? 'removed' : `★${after}`;
  return `${star(before)} → ${star(after)}`;
}

/** "15 h after the message", "40 min after the message" */
export function hoursSinceWords(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min after the designer’s message`;
  const whole = Math.round(hours * 10) / 10;
  return `${Number.isInteger(whole) ? whole.toFixed(0) : whole.toFixed(1)} h after the designer’s message`;
}
