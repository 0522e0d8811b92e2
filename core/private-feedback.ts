// RULES.md R11: the client's private feedback on closing (why it ended, 1–10 recommend), posted
// once, never changed, never shown to the designer; below 9 it reads "at risk" to staff.
import { formatDate } from './explain';
import { DEFAULT_POLICY, type Policy } from './policy';
import { contractClosedAsOf } from './reviews';
import { toMs, type IsoTime } from './time';
import type { Contract, PrivateFeedback } from './wire/entities';

export const PRIVATE_FEEDBACK_REFUSALS = {
  contract_open: 'Contract still open',
  already_posted: 'Private feedback already posted (it cannot be changed)',
  out_of_range: 'Recommendation must be a whole number from 1 to 10',
} as const;
export type PrivateFeedbackRefusal = keyof typeof PRIVATE_FEEDBACK_REFUSALS;

export const RECOMMEND_MIN = 1;
export const RECOMMEND_MAX = 10;

interface CheckFacts {
  explanation: string;
  policyVersion: string;
}

export type PrivateFeedbackVerdict =
  | (CheckFacts & { allowed: true; reason?: undefined })
  | (CheckFacts & { allowed: false; reason: PrivateFeedbackRefusal });

export interface PrivateFeedbackInput {
  contract: Pick<Contract, 'id' | 'closedAt'>;
  /** Private feedback already recorded (any contract's; others are skipped). */
  existing: readonly Pick<PrivateFeedback, 'contractId' | 'postedAt'>[];
  recommend: number;
  at: IsoTime;
}

/**
 * R11: may the client post private feedback at `at`? Once per contract, after it closed. A
 * second posting is refused rather than applied as an edit, which is how "never changed after
 * posting" holds. RULES.md sets no deadline, so a closed contract accepts it at any later time.
 */
export function privateFeedbackCheck(input: PrivateFeedbackInput, policy: Policy = DEFAULT_POLICY): PrivateFeedbackVerdict {
  const { contract, at, recommend } = input;
  const policyVersion = policy.version;
  const refuse = (reason: PrivateFeedbackRefusal, explanation: string): PrivateFeedbackVerdict => ({
    allowed: false,
    reason,
    policyVersion,
    explanation,
  });

  if (!contractClosedAsOf(contract, at)) {
    return refuse('contract_open', 'No private feedback yet: the client answers privately when the contract closes.');
  }
  const atMs = toMs(at);
  const earlier = input.existing.find((f) => f.contractId === contract.id && toMs(f.postedAt) <= atMs);
  if (earlier !== undefined) {
    return refuse(
      'already_posted',
      `Private feedback refused: the client already answered on ${formatDate(earlier.postedAt)}, and private feedback cannot be changed after posting.`,
    );
  }
  if (!Number.isInteger(recommend) || recommend < RECOMMEND_MIN || recommend > RECOMMEND_MAX) {
    return refuse('out_of_range', `Private feedback refused: "how likely to recommend" is a whole number from ${RECOMMEND_MIN} to ${RECOMMEND_MAX}, not ${recommend}.`);
  }
  return {
    allowed: true,
    policyVersion,
    explanation: 'The client may post private feedback once; it is shown to staff only, never to the designer, and cannot be changed.',
  };
}

export interface PrivateFeedbackRisk {
  atRisk: boolean;
  explanation: string;
  policyVersion: string;
}

/** R11: staff see a recommendation below `atRiskBelow` (9) as "at risk"; 9 and 10 are not. */
export function privateFeedbackRisk(
  feedback: Pick<PrivateFeedback, 'recommend'>,
  policy: Policy = DEFAULT_POLICY,
): PrivateFeedbackRisk {
  const threshold = policy.privateFeedback.atRiskBelow;
  const atRisk = feedback.recommend < threshold;
  return {
    atRisk,
    policyVersion: policy.version,
    explanation: atRisk
      ? `At risk: the client would recommend the designer ${feedback.recommend} out of ${RECOMMEND_MAX}, below ${threshold}.`
      : `Not at risk: the client would recommend the designer ${feedback.recommend} out of ${RECOMMEND_MAX} (at risk below ${threshold}).`,
  };
}
