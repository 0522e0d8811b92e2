// The reject reasons as the decision bar offers them: the rule core's codes and titles, numbered
// 1–6 in the core's order (the number is the key that picks it).
import { REJECT_REASONS, REJECT_REASON_IDS, type RejectReason } from '../../../../core';

export const REJECT_REASON_CHOICES = REJECT_REASON_IDS.map((code, i) => ({ code, title: REJECT_REASONS[code], key: String(i + 1) }));

export function isRejectReason(code: string): code is RejectReason {
  return Object.hasOwn(REJECT_REASONS, code);
}

export function rejectReasonTitle(code: string): string {
  return isRejectReason(code) ? REJECT_REASONS[code] : code;
}

/** The reason a number key picks, if any. */
export function reasonForKey(key: string): RejectReason | undefined {
  return REJECT_REASON_CHOICES.find((r) => r.key === key)?.code;
}

/** A reject needs a reason; `other` needs a note as well (RULES R5, checked again by the service). */
export function missingForReject(reasonCode: string | undefined, note: string): string | null {
  if (reasonCode === undefined) return 'Pick a reason (1–6).';
  if (reasonCode === 'other' && note.trim().length === 0) return 'Write a note: “Other” needs one.';
  return null;
}
