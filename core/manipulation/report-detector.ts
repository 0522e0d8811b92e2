// RULES.md R12: `customer_report` — a customer reports rating pressure, an incentive, or a
// request to remove a rating. The customer's own account is the strongest single signal we get.
import type { Policy } from '../policy';
import { formatDate } from '../explain';
import { toMs } from '../time';
import type { Report } from '../wire/entities';
import { excerpt } from './evidence';
import type { DetectionContext, Hit, ManipulationFacts } from './types';

/**
 * The report categories that claim manipulation, with the words a hit uses for them. `other`
 * is left out on purpose: it claims nothing about ratings, and a detector that fired on it
 * would put every complaint about a designer (late delivery, rudeness) in the trust-and-safety
 * queue with a manipulation score. Such a report reaches a person by the platform's general
 * report handling instead.
 */
export const MANIPULATION_REPORT_CATEGORIES = {
  rating_pressure: 'pressure for a rating',
  incentive_offer: 'an incentive offered for a rating',
  remove_rating_request: 'a request to remove a rating',
} as const satisfies Partial<Record<Report['category'], string>>;

function isManipulationCategory(category: Report['category']): category is keyof typeof MANIPULATION_REPORT_CATEGORIES {
  return Object.hasOwn(MANIPULATION_REPORT_CATEGORIES, category);
}

/**
 * One hit per report. Neither the summary nor the item's detail names the reporting customer:
 * RULES.md R12's statement of reasons names a reporter only when strictly necessary, and the
 * statement is built from these lines; the customer stays on the hit as `customerId`.
 */
export function customerReport(facts: ManipulationFacts, context: DetectionContext, policy: Policy): Hit[] {
  const asOfMs = toMs(context.asOf);
  const score = policy.detectors.customerReport.score;
  const hits: Hit[] = [];
  for (const report of facts.reports) {
    if (!isManipulationCategory(report.category) || toMs(report.createdAt) > asOfMs) continue;
    const what = MANIPULATION_REPORT_CATEGORIES[report.category];
    hits.push({
      detector: 'customer_report',
      designerId: report.designerId,
      customerId: report.customerId,
      score,
      at: report.createdAt,
      evidence: {
        summary: `A customer reported ${what} by designer ${report.designerId} on ${formatDate(report.createdAt)}.`,
        items: [{ kind: 'report', id: report.id, at: report.createdAt, detail: `${what}: ${excerpt(report.body, 160)}` }],
      },
    });
  }
  return hits;
}
