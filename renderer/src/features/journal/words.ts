// Decision states and reason codes in the journal's words.
import { DISMISS_REASONS, REJECT_REASONS } from '../../../../core';
import type { DecisionState } from '../../../../electron/contract';
import { isRejectReason } from '../decisions/reasons';
import { isDismissReason } from '../flags/words';

export const STATE_WORDS: Record<DecisionState, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  applied: { label: 'Applied', color: 'green' },
  conflict: { label: 'Conflict', color: 'red' },
  refused: { label: 'Refused', color: 'orange' },
  undone: { label: 'Undone', color: 'gray' },
};

/** A reject or dismiss reason's title, or the code itself when it is neither. */
export function reasonTitle(code: string): string {
  if (isDismissReason(code)) return DISMISS_REASONS[code];
  return isRejectReason(code) ? REJECT_REASONS[code] : code;
}
