// The statement of reasons as the moderator works on it (RULES.md R12): the rule core composes
// the five parts and the letter from the sanctions, the ticked evidence, the clause and the
// moderator's explanation; the moderator may then edit the letter. The explanation is typed,
// required and never pre-filled; an edited letter is kept until its parts change under it, and
// then the moderator chooses between the new letter and their own, never silently.
import type { OutputOf } from '../../../../electron/contract';

export type ComposedStatement = OutputOf<'flags.composeStatement'>;

export const MAX_STATEMENT_CHARS = 50_000;

export interface StatementDraft {
  clauseId: string | null;
  /** The moderator's own words (part 4); starts empty for every flag. */
  explanation: string;
  /** The letter as the moderator edited it, or null while it is the core's. */
  edited: string | null;
  /** The core's letter the edit started from (or was last kept against). */
  basedOn: string | null;
}

export const EMPTY_STATEMENT: StatementDraft = { clauseId: null, explanation: '', edited: null, basedOn: null };

export type StatementAction =
  | { type: 'clause'; clauseId: string | null }
  | { type: 'explanation'; text: string }
  | { type: 'edit'; text: string; composed: string | null }
  | { type: 'take-new' }
  | { type: 'keep-mine'; composed: string }
  | { type: 'reset' };

export function statementReducer(draft: StatementDraft, action: StatementAction): StatementDraft {
  switch (action.type) {
    case 'clause':
      return { ...draft, clauseId: action.clauseId };
    case 'explanation':
      return { ...draft, explanation: action.text.slice(0, 20_000) };
    case 'edit':
      // Editing back to the core's very letter is no edit at all.
      if (action.composed !== null && action.text === action.composed) return { ...draft, edited: null, basedOn: null };
      return { ...draft, edited: action.text.slice(0, MAX_STATEMENT_CHARS), basedOn: draft.edited === null ? action.composed : draft.basedOn };
    case 'take-new':
      return { ...draft, edited: null, basedOn: null };
    case 'keep-mine':
      return draft.edited === null ? draft : { ...draft, basedOn: action.composed };
    case 'reset':
      return EMPTY_STATEMENT;
  }
}

/** The letter that would be sent: the moderator's edit, or the core's. */
export function letterOf(draft: StatementDraft, composed: ComposedStatement | undefined): string {
  return draft.edited ?? composed?.text ?? '';
}

/** The parts changed (evidence ticked, a sanction added…) after the moderator edited the letter. */
export function editIsStale(draft: StatementDraft, composed: ComposedStatement | undefined): boolean {
  return draft.edited !== null && composed !== undefined && draft.basedOn !== composed.text;
}

const PART_WORDS: Record<string, string> = {
  measure: 'Sanctions',
  facts: 'Facts',
  detection: 'Detection',
  ground: 'Ground',
  redress: 'Redress',
};

/** The core's "missing" lines ("ground: …") as a moderator reads them ("Ground: …"). */
export function missingWords(line: string): string {
  const colon = line.indexOf(':');
  if (colon === -1) return line;
  const part = PART_WORDS[line.slice(0, colon)];
  const rest = line.slice(colon + 1).trim();
  return part === undefined ? line : `${part}: ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

/** What still stops the statement from going out, in words (empty when it can). */
export function statementProblems(draft: StatementDraft, composed: ComposedStatement | undefined): string[] {
  const problems: string[] = [];
  const explanation = draft.explanation.trim();
  if (draft.clauseId === null) problems.push('Ground: pick the code-of-conduct clause the facts breach.');
  if (explanation === '') problems.push('Ground: write in your own words why the facts breach the clause.');
  if (composed === undefined) {
    problems.push('The statement is being composed…');
    return problems;
  }
  for (const line of composed.missing) {
    // The two above say it already, in the console's words.
    if (line.startsWith('ground:') && (draft.clauseId === null || explanation === '')) continue;
    problems.push(missingWords(line));
  }
  const letter = letterOf(draft, composed);
  if (letter.trim() === '') problems.push('The statement is empty: take the composed text back.');
  if (editIsStale(draft, composed)) problems.push('The parts changed after you edited the statement: take the new text or keep yours.');
  // The explanation is part of what the designer must read (DSA Art. 17(3)(d)); an edit may
  // reword around it, but not drop it.
  if (draft.edited !== null && explanation !== '' && !draft.edited.includes(explanation)) {
    problems.push('Your edited statement no longer holds your explanation: put it back, or change the explanation above.');
  }
  return problems;
}
