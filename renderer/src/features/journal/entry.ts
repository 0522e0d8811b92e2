// A journal entry's payload in the words the detail panel shows: what the moderator was shown
// when deciding, the request that went to the platform, and the platform's answer. Payloads are
// the entries as hashed (canonical JSON of any shape), so every field is read defensively.
import type { JournalRecord } from '../../../../electron/contract';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export interface Shown {
  explanation?: string | undefined;
  policyVersion?: string | undefined;
  rating?: { category: string; value: string | null; count: number } | undefined;
  evidenceKeys: string[];
}

export interface Answer {
  status?: number | undefined;
  result?: string | undefined;
  problemType?: string | undefined;
  detail?: string | undefined;
  entities: string[];
}

export interface EntryStory {
  shown?: Shown;
  statement?: string;
  note?: string;
  answer?: Answer;
}

function shownOf(payload: Json): Shown | undefined {
  const shown = payload.shown;
  if (!isRecord(shown)) return undefined;
  const rating = isRecord(shown.rating) ? shown.rating : undefined;
  const value = rating?.value;
  return {
    explanation: str(shown.explanation),
    policyVersion: str(shown.policyVersion),
    rating: rating !== undefined && str(rating.category) !== undefined && num(rating.count) !== undefined ? { category: str(rating.category) ?? '', value: typeof value === 'string' ? value : null, count: num(rating.count) ?? 0 } : undefined,
    evidenceKeys: strings(shown.evidenceKeys),
  };
}

function answerOf(payload: Json): Answer {
  const entities = Array.isArray(payload.entities)
    ? payload.entities.filter(isRecord).map((e) => `${str(e.type) ?? '?'} ${str(e.id) ?? '?'}${num(e.rev) === undefined ? '' : ` (rev ${num(e.rev)})`}`)
    : [];
  return { status: num(payload.status), result: str(payload.result), problemType: str(payload.problemType), detail: str(payload.detail), entities };
}

/** The decision's story from its journal entries, oldest first. */
export function storyOf(entries: readonly JournalRecord[]): EntryStory {
  const story: EntryStory = {};
  for (const e of entries) {
    if (e.kind === 'decided') {
      const shown = shownOf(e.payload);
      if (shown !== undefined) story.shown = shown;
      const request = isRecord(e.payload.request) ? e.payload.request : undefined;
      const statement = str(request?.statementOfReasons);
      if (statement !== undefined) story.statement = statement;
      const note = str(request?.note);
      if (note !== undefined) story.note = note;
    } else if (e.kind === 'answered') {
      story.answer = answerOf(e.payload);
    }
  }
  return story;
}

export const JOURNAL_KIND_WORDS: Record<JournalRecord['kind'], string> = {
  decided: 'Decided here',
  undone: 'Undone',
  sent: 'Left the machine',
  answered: 'The platform answered',
};
