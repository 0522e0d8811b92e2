// RULES.md R12, "Phrase matching": running a phrase pattern over folded text, and cutting that
// text into sentences, the unit the message rules reason about.

/** A stretch [start, end) of folded text. */
export interface Range {
  start: number;
  end: number;
}

/**
 * A phrase pattern, compiled once. Its RegExp is private: every search starts from the text's
 * beginning and runs to its end before returning, so no caller ever sees or shares a
 * half-finished search (a global RegExp's lastIndex), and no call recompiles a large pattern
 * (as matchAll's copy of it would).
 */
export class Pattern {
  readonly #re: RegExp;

  constructor(source: string) {
    this.#re = new RegExp(source, 'gu');
  }

  get source(): string {
    return this.#re.source;
  }

  /** Every match, left to right; an empty match is skipped. */
  all(text: string): Range[] {
    const re = this.#re;
    const out: Range[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length });
    }
    re.lastIndex = 0;
    return out;
  }

  /** Whether the pattern matches anywhere in the text. */
  test(text: string): boolean {
    const re = this.#re;
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0;
    return hit;
  }
}

/** A pattern from its alternatives, each a regular-expression source. */
export const pattern = (...alternatives: readonly string[]): Pattern => new Pattern(alternatives.join('|'));

const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+/g;

/** The sentences of a folded text: up to and with their end mark, or a line break. */
export function sentencesOf(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** For each sentence, the matches that start in it (both lists are in text order). */
export function bySentence(sentences: readonly Range[], found: readonly Range[]): Range[][] {
  const out: Range[][] = sentences.map(() => []);
  let s = 0;
  for (const r of found) {
    while (s < sentences.length - 1 && r.start >= (sentences[s]?.end ?? 0)) s += 1;
    out[s]?.push(r);
  }
  return out;
}

/** The sentence a range starts in, or -1. */
export function sentenceIndex(sentences: readonly Range[], r: Range): number {
  return sentences.findIndex((s) => r.start >= s.start && r.start < s.end);
}

export const inside = (r: Range, areas: readonly Range[]): boolean => areas.some((a) => r.start >= a.start && r.end <= a.end);
