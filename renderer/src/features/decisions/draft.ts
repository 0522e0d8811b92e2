// The decision being composed in the decision bar: approve goes at once; reject waits for its
// reason (1–6) and, for "other", a note, then ⏎ sends it and opens the next item.
import type { RejectReason } from '../../../../core';
import { missingForReject, reasonForKey } from './reasons';

export interface Draft {
  outcome: 'approve' | 'reject' | null;
  reasonCode?: RejectReason;
  note: string;
}

export type DraftAction = { type: 'reject' } | { type: 'reason'; key: string } | { type: 'pick'; code: RejectReason } | { type: 'note'; text: string } | { type: 'reset' };

export const EMPTY_DRAFT: Draft = { outcome: null, note: '' };

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'reject':
      return { ...draft, outcome: 'reject' };
    case 'reason': {
      const code = reasonForKey(action.key);
      return code === undefined ? draft : { ...draft, outcome: 'reject', reasonCode: code };
    }
    case 'pick':
      return { ...draft, outcome: 'reject', reasonCode: action.code };
    case 'note':
      return { ...draft, note: action.text.slice(0, 5000) };
    case 'reset':
      return EMPTY_DRAFT;
  }
}

/** What still stops ⏎ from sending the draft, in words; null when it can go. */
export function draftProblem(draft: Draft): string | null {
  if (draft.outcome === null) return 'Press A to approve or R to reject.';
  if (draft.outcome === 'reject') return missingForReject(draft.reasonCode, draft.note);
  return null;
}
