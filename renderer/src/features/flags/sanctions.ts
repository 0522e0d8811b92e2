// The sanctions a confirmation carries (RULES.md R12: warn, void named ratings, suspend for N
// days, ban), as the confirm form builds them. The rule core checks them again when the
// decision is made (checkFlagDecision); this only keeps the form from offering what it refuses.
// A ban is permanent, so it is asked twice: once here (armed), once more when sending.
import { DAY_MS, type Sanction } from '../../../../core';

export const MAX_SUSPEND_DAYS = 3650;
export const DEFAULT_SUSPEND_DAYS = 14;

export interface SanctionDraft {
  warn: boolean;
  /** Ratings named to void; an empty list means no void. */
  ratingIds: readonly string[];
  suspend: boolean;
  /** As typed; checked by sanctionProblems. */
  days: number;
  /** off → asked (the form asks "are you sure") → armed (it will be sent, after one more ask). */
  ban: 'off' | 'asked' | 'armed';
}

export const EMPTY_SANCTIONS: SanctionDraft = { warn: false, ratingIds: [], suspend: false, days: DEFAULT_SUSPEND_DAYS, ban: 'off' };

export type SanctionAction =
  | { type: 'warn'; on: boolean }
  | { type: 'rating'; id: string; on: boolean }
  | { type: 'suspend'; on: boolean }
  | { type: 'days'; days: number }
  | { type: 'ban-ask' }
  | { type: 'ban-arm' }
  | { type: 'ban-off' }
  | { type: 'reset' };

export function sanctionReducer(draft: SanctionDraft, action: SanctionAction): SanctionDraft {
  switch (action.type) {
    case 'warn':
      return draft.ban === 'armed' ? draft : { ...draft, warn: action.on };
    case 'rating': {
      const has = draft.ratingIds.includes(action.id);
      if (action.on === has) return draft;
      return { ...draft, ratingIds: action.on ? [...draft.ratingIds, action.id] : draft.ratingIds.filter((id) => id !== action.id) };
    }
    case 'suspend':
      return draft.ban === 'armed' ? draft : { ...draft, suspend: action.on };
    case 'days':
      return { ...draft, days: action.days };
    case 'ban-ask':
      return draft.ban === 'off' ? { ...draft, ban: 'asked' } : draft;
    case 'ban-arm':
      // The core lets a ban combine only with voided ratings (ban_combined): the rest goes.
      return draft.ban === 'asked' ? { ...draft, ban: 'armed', warn: false, suspend: false } : draft;
    case 'ban-off':
      return { ...draft, ban: 'off' };
    case 'reset':
      return EMPTY_SANCTIONS;
  }
}

export function validDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_SUSPEND_DAYS;
}

/** The sanctions as the console API takes them, in the core's order; invalid parts are left out. */
export function sanctionsOf(draft: SanctionDraft): Sanction[] {
  const out: Sanction[] = [];
  if (draft.warn && draft.ban !== 'armed') out.push({ type: 'warn' });
  if (draft.ratingIds.length > 0) out.push({ type: 'void_ratings', ratingIds: [...draft.ratingIds] });
  if (draft.suspend && draft.ban !== 'armed' && validDays(draft.days)) out.push({ type: 'suspend', days: draft.days });
  if (draft.ban === 'armed') out.push({ type: 'ban' });
  return out;
}

/** What still stops the sanctions from going out, in words (empty when they can). */
export function sanctionProblems(draft: SanctionDraft): string[] {
  const problems: string[] = [];
  if (draft.suspend && draft.ban !== 'armed' && !validDays(draft.days)) problems.push(`Suspend for a whole number of days from 1 to ${MAX_SUSPEND_DAYS}.`);
  if (draft.ban === 'asked') problems.push('Say whether you really mean the ban, or take it back.');
  if (sanctionsOf(draft).length === 0 && problems.length === 0) problems.push('Choose at least one sanction: warn, void ratings, suspend or ban.');
  return problems;
}

/** When a suspension of `days` from `fromMs` (platform time) ends, as the platform counts it. */
export function suspensionEnd(fromMs: number, days: number): string | null {
  if (!validDays(days)) return null;
  return new Date(fromMs + days * DAY_MS).toISOString();
}
