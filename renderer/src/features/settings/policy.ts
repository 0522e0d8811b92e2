// The policy in force, as rows a moderator can read (rule, what, value), from the versioned
// policy the platform sent: the numbers every queue and verdict in the console follows.
import { DETECTOR_TITLES, type Policy } from '../../../../core';

export interface PolicyRow {
  rule: string;
  what: string;
  value: string;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function policyRows(policy: Policy): PolicyRow[] {
  const d = policy.detectors;
  return [
    { rule: 'R3', what: 'Held when the designer’s category rating is below', value: policy.rating.benchmark.toFixed(2) },
    { rule: 'R2', what: 'Launch window', value: `${pct(policy.launchWindow.fraction)} of the project, between ${policy.launchWindow.minHours} h and ${policy.launchWindow.maxHours} h` },
    {
      rule: 'R4',
      what: 'Review of unverified designers',
      value: `within ${policy.verification.reviewSlaHours} h; due soon from ${Math.round(policy.verification.reviewSlaHours * policy.verification.warnFraction * 10) / 10} h`,
    },
    { rule: 'R7', what: 'Mini contests', value: `${policy.miniContest.maxDesigners} designers, rating ≥ ${policy.miniContest.minRating}, positive feedback ≥ ${policy.miniContest.minPositiveFeedbackPct}%` },
    { rule: 'R8', what: 'Double-blind review window', value: `${policy.reviews.windowDays} days (+${policy.reviews.extensionDays} on request)` },
    { rule: 'R9', what: 'Feedback change', value: `within ${policy.feedbackChange.windowDays} days, ${policy.feedbackChange.maxPerContract} per contract` },
    { rule: 'R11', what: 'Private feedback at risk below', value: String(policy.privateFeedback.atRiskBelow) },
    { rule: 'R12', what: 'Hits that join one flag', value: `within ${d.flagJoinDays} days` },
    {
      rule: 'R12',
      what: 'Detector scores',
      value: [
        `${DETECTOR_TITLES.pressure_message} ${d.pressureMessage.score}`,
        `${DETECTOR_TITLES.incentive_offer} ${d.incentiveOffer.score}`,
        `${DETECTOR_TITLES.customer_report} ${d.customerReport.score}`,
      ].join(' · '),
    },
    { rule: 'R12', what: 'Appeals', value: `${policy.appeals.windowDays} days from the decision` },
  ];
}
