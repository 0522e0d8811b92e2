// The rules of the confirm form, without a screen: which sanctions go out (and which the rule
// core would refuse), when a suspension ends, a ban asked twice, and the statement's letter —
// composed by the core, editable, never losing the moderator's own explanation.
import { describe, expect, it } from 'vitest';
import { EMPTY_SANCTIONS, sanctionProblems, sanctionReducer, sanctionsOf, suspensionEnd, type SanctionAction, type SanctionDraft } from '../../renderer/src/features/flags/sanctions';
import { EMPTY_STATEMENT, editIsStale, letterOf, missingWords, statementProblems, statementReducer, type ComposedStatement } from '../../renderer/src/features/flags/statement';

const apply = (...actions: SanctionAction[]): SanctionDraft => actions.reduce(sanctionReducer, EMPTY_SANCTIONS);

describe('sanctions', () => {
  it.each([
    ['nothing chosen', [], [], ['Choose at least one sanction: warn, void ratings, suspend or ban.']],
    ['a warning', [{ type: 'warn', on: true }], [{ type: 'warn' }], []],
    ['two ratings voided', [{ type: 'rating', id: 'r1', on: true }, { type: 'rating', id: 'r2', on: true }], [{ type: 'void_ratings', ratingIds: ['r1', 'r2'] }], []],
    ['a rating picked twice counts once', [{ type: 'rating', id: 'r1', on: true }, { type: 'rating', id: 'r1', on: true }], [{ type: 'void_ratings', ratingIds: ['r1'] }], []],
    ['a rating picked and unpicked', [{ type: 'rating', id: 'r1', on: true }, { type: 'rating', id: 'r1', on: false }], [], ['Choose at least one sanction: warn, void ratings, suspend or ban.']],
    ['a suspension of 14 days', [{ type: 'suspend', on: true }], [{ type: 'suspend', days: 14 }], []],
    ['a suspension of 0 days', [{ type: 'suspend', on: true }, { type: 'days', days: 0 }], [], ['Suspend for a whole number of days from 1 to 3650.']],
    ['a suspension of 2.5 days', [{ type: 'suspend', on: true }, { type: 'days', days: 2.5 }], [], ['Suspend for a whole number of days from 1 to 3650.']],
    ['a suspension of 3651 days', [{ type: 'suspend', on: true }, { type: 'days', days: 3651 }], [], ['Suspend for a whole number of days from 1 to 3650.']],
    ['a ban asked but not yet meant', [{ type: 'ban-ask' }], [], ['Say whether you really mean the ban, or take it back.']],
    ['a ban meant: the warning and suspension go (the core refuses them beside a ban)', [{ type: 'warn', on: true }, { type: 'suspend', on: true }, { type: 'rating', id: 'r1', on: true }, { type: 'ban-ask' }, { type: 'ban-arm' }], [{ type: 'void_ratings', ratingIds: ['r1'] }, { type: 'ban' }], []],
    ['a ban armed without being asked first is not a ban', [{ type: 'ban-arm' }], [], ['Choose at least one sanction: warn, void ratings, suspend or ban.']],
    ['a ban taken back', [{ type: 'ban-ask' }, { type: 'ban-arm' }, { type: 'ban-off' }], [], ['Choose at least one sanction: warn, void ratings, suspend or ban.']],
  ] satisfies Array<[string, SanctionAction[], unknown[], string[]]>)('%s', (_name, actions, sanctions, problems) => {
    const draft = apply(...actions);
    expect(sanctionsOf(draft)).toEqual(sanctions);
    expect(sanctionProblems(draft)).toEqual(problems);
  });

  it('keeps warn and suspend off while a ban is armed', () => {
    const armed = apply({ type: 'ban-ask' }, { type: 'ban-arm' });
    expect(sanctionReducer(armed, { type: 'warn', on: true }).warn).toBe(false);
    expect(sanctionReducer(armed, { type: 'suspend', on: true }).suspend).toBe(false);
  });

  it('ends a suspension N whole days after the decision, in platform time', () => {
    const decided = Date.parse('2026-11-02T12:00:00.000Z');
    expect(suspensionEnd(decided, 14)).toBe('2026-11-16T12:00:00.000Z');
    expect(suspensionEnd(Date.parse('2026-12-25T23:30:00.000Z'), 7)).toBe('2027-01-01T23:30:00.000Z');
    expect(suspensionEnd(decided, 0)).toBeNull();
  });
});

const composed = (text: string, missing: string[] = []): ComposedStatement => ({
  status: missing.length === 0 ? 'complete' : 'incomplete',
  parts: { measure: 'm', facts: 'f', detection: 'd', ground: 'g', redress: 'r' },
  text,
  missing,
  appealUntil: '2027-05-04T12:00:00.000Z',
  policyVersion: '2026-11.1',
});

describe('the statement of reasons', () => {
  const typed = [{ type: 'clause', clauseId: 'CoC-4.2' }, { type: 'explanation', text: 'Asking for five stars breaks it.' }] as const;
  const ready = typed.reduce(statementReducer, EMPTY_STATEMENT);

  it('starts with no explanation and no clause, and says both are needed', () => {
    expect(EMPTY_STATEMENT.explanation).toBe('');
    expect(statementProblems(EMPTY_STATEMENT, composed('Dear Ana,', ['ground: cite a clause of the code of conduct.', 'ground: the moderator’s own explanation of why the facts breach the clause.']))).toEqual([
      'Ground: pick the code-of-conduct clause the facts breach.',
      'Ground: write in your own words why the facts breach the clause.',
    ]);
  });

  it('sends the core’s letter until the moderator edits it, then the edit', () => {
    const c = composed('Dear Ana, … Asking for five stars breaks it. …');
    expect(letterOf(ready, c)).toBe(c.text);
    expect(statementProblems(ready, c)).toEqual([]);
    const edited = statementReducer(ready, { type: 'edit', text: 'Dear Ana, Asking for five stars breaks it. Appeal by 4 May.', composed: c.text });
    expect(letterOf(edited, c)).toBe('Dear Ana, Asking for five stars breaks it. Appeal by 4 May.');
    expect(statementProblems(edited, c)).toEqual([]);
    // Editing back to the core's very text is no edit.
    expect(statementReducer(edited, { type: 'edit', text: c.text, composed: c.text }).edited).toBeNull();
  });

  it('when the parts change under an edit, asks: the new letter, or keep mine', () => {
    const before = composed('Dear Ana, v1. Asking for five stars breaks it.');
    const after = composed('Dear Ana, v2 with one more fact. Asking for five stars breaks it.');
    const edited = statementReducer(ready, { type: 'edit', text: 'Mine. Asking for five stars breaks it.', composed: before.text });
    expect(editIsStale(edited, before)).toBe(false);
    expect(editIsStale(edited, after)).toBe(true);
    expect(statementProblems(edited, after)).toEqual(['The parts changed after you edited the statement: take the new text or keep yours.']);
    const kept = statementReducer(edited, { type: 'keep-mine', composed: after.text });
    expect(letterOf(kept, after)).toBe('Mine. Asking for five stars breaks it.');
    expect(statementProblems(kept, after)).toEqual([]);
    const taken = statementReducer(edited, { type: 'take-new' });
    expect(letterOf(taken, after)).toBe(after.text);
  });

  it('refuses an edit that drops the moderator’s explanation, or empties the letter', () => {
    const c = composed('Dear Ana, Asking for five stars breaks it.');
    const dropped = statementReducer(ready, { type: 'edit', text: 'Dear Ana, you broke the rules.', composed: c.text });
    expect(statementProblems(dropped, c)).toEqual(['Your edited statement no longer holds your explanation: put it back, or change the explanation above.']);
    const emptied = statementReducer(ready, { type: 'edit', text: '   ', composed: c.text });
    expect(statementProblems(emptied, c)).toContain('The statement is empty: take the composed text back.');
  });

  it('says what the core still misses, in the console’s words, and waits for it to compose', () => {
    expect(missingWords('facts: tick at least one piece of evidence to rely on.')).toBe('Facts: Tick at least one piece of evidence to rely on.');
    expect(missingWords('measure: choose at least one sanction.')).toBe('Sanctions: Choose at least one sanction.');
    expect(statementProblems(ready, undefined)).toEqual(['The statement is being composed…']);
  });
});
