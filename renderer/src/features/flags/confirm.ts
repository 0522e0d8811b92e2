// Everything a flag's decision is made of while the moderator works on it: the evidence ticked
// in the timeline, the dismiss reason, the sanctions, the statement of reasons, the previews the
// console computes from them, and what still stops each outcome from going out. One hook, so
// the timeline, the composer and the decision bar all read the same state.
import { useMemo, useReducer, useState } from 'react';
import type { DismissReason } from '../../../../core';
import type { FlagItem } from '../../../../electron/contract';
import { useComposedStatement, useSanctionPreview } from './flags';
import { EMPTY_SANCTIONS, sanctionProblems, sanctionReducer, sanctionsOf, type SanctionAction, type SanctionDraft } from './sanctions';
import { EMPTY_STATEMENT, letterOf, statementProblems, statementReducer, type StatementAction, type StatementDraft } from './statement';

export type FlagMode = 'dismiss' | 'confirm' | null;

export interface FlagDraft {
  mode: FlagMode;
  setMode: (mode: FlagMode) => void;
  ticked: ReadonlySet<string>;
  tick: (key: string, on: boolean) => void;
  dismissReason: DismissReason | null;
  setDismissReason: (code: DismissReason | null) => void;
  note: string;
  setNote: (note: string) => void;
  sanctions: SanctionDraft;
  sanction: (action: SanctionAction) => void;
  statement: StatementDraft;
  editStatement: (action: StatementAction) => void;
  preview: ReturnType<typeof useSanctionPreview>;
  composed: ReturnType<typeof useComposedStatement>;
  /** The letter that would be sent. */
  letter: string;
  /** What stops a dismissal, or a confirmation, in words (empty: it can go). */
  dismissProblems: string[];
  confirmProblems: string[];
  reset: () => void;
}

export function useFlagDraft(item: FlagItem, canDecide: boolean): FlagDraft {
  const [mode, setMode] = useState<FlagMode>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [dismissReason, setDismissReason] = useState<DismissReason | null>(null);
  const [note, setNote] = useState('');
  const [sanctions, sanction] = useReducer(sanctionReducer, EMPTY_SANCTIONS);
  const [statement, editStatement] = useReducer(statementReducer, EMPTY_STATEMENT);

  const confirming = canDecide && item.decidable && mode === 'confirm';
  const chosen = useMemo(() => sanctionsOf(sanctions), [sanctions]);
  // The evidence in timeline order, whatever order it was ticked in.
  const evidenceKeys = useMemo(() => item.timeline.filter((e) => ticked.has(e.key)).map((e) => e.key), [item.timeline, ticked]);
  const request = useMemo(() => ({ sanctions: chosen, evidenceKeys, clauseId: statement.clauseId ?? '', explanation: statement.explanation }), [chosen, evidenceKeys, statement.clauseId, statement.explanation]);
  const preview = useSanctionPreview(item.id, chosen, confirming);
  const composed = useComposedStatement(item.id, request, confirming);
  const current = composed.current ? composed.data : undefined;

  const confirmProblems = useMemo(() => {
    const fromSanctions = sanctionProblems(sanctions);
    const fromStatement = statementProblems(statement, current).filter((line) => !(fromSanctions.length > 0 && line.startsWith('Sanctions:')));
    return [...fromSanctions, ...fromStatement];
  }, [sanctions, statement, current]);

  return {
    mode,
    setMode,
    ticked,
    tick: (key, on) =>
      setTicked((before) => {
        const next = new Set(before);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    dismissReason,
    setDismissReason,
    note,
    setNote: (text) => setNote(text.slice(0, 5000)),
    sanctions,
    sanction,
    statement,
    editStatement,
    preview,
    composed,
    letter: letterOf(statement, composed.data),
    dismissProblems: dismissReason === null ? ['Pick a reason (1–3).'] : [],
    confirmProblems,
    reset: () => {
      setMode(null);
      setTicked(new Set());
      setDismissReason(null);
      setNote('');
      sanction({ type: 'reset' });
      editStatement({ type: 'reset' });
    },
  };
}
