// RULES.md R12: the features the learned message scorer reads, shared by the scorer at run time
// and by the training script (scripts/train-detectors.ts), so the two can never disagree.
//
// The scorer reads the folded text (text-fold.ts) with punctuation as spaces: character 3-, 4-
// and 5-grams (they survive typos, inflections and "f1ve") and words. Every
// feature is a stretch of that text, so a feature that weighs in a decision is a stretch of the
// message a moderator can be shown. Concepts (scorer-lexicon.ts) carry what one language
// teaches to the others.
import { buildLexicon, conceptsOfWord, secondWordMatches, type Concept, type Lexicon } from './scorer-lexicon';

/** The text the scorer reads, and where each of its characters came from in the folded text. */
export interface ScorerText {
  /** Words separated by single spaces, with a space at each end. */
  text: string;
  /** Folded-text offset where character i starts, and just after it ends. */
  from: readonly number[];
  to: readonly number[];
  /** Spaces of `text` that stand for a sentence's end: a highlight does not run across one. */
  breaks: ReadonlySet<number>;
}

/** Letters, digits, star glyphs, money and percent signs, and the slash of "5/5" are words; the rest separates them. */
const WORD_CHAR = /[\p{L}\p{N}★%€$£/]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SENTENCE_END = /[.!?…;\n]/;

/**
 * An emoji is a word of its own (🙏 pleads, 🎁 gifts), read as one character of a private-use
 * block so that no feature ever cuts a surrogate pair in half.
 */
const pictographChar = (cp: number): string => String.fromCharCode(0xe000 + (cp % 0x1000));

export function scorerText(folded: string): ScorerText {
  let text = ' ';
  const from: number[] = [0];
  const to: number[] = [0];
  const breaks = new Set<number>();
  const space = (at: number) => {
    if (text.endsWith(' ')) return;
    text += ' ';
    from.push(at);
    to.push(at);
  };
  for (let i = 0; i < folded.length; ) {
    const cp = folded.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const ch = folded.slice(i, i + width);
    if (PICTOGRAPH.test(ch) && !WORD_CHAR.test(ch)) {
      space(i);
      text += pictographChar(cp);
      from.push(i);
      to.push(i + width);
      space(i + width);
    } else if (WORD_CHAR.test(ch) && width === 1) {
      text += ch;
      from.push(i);
      to.push(i + 1);
    } else {
      space(i);
      if (SENTENCE_END.test(ch)) breaks.add(text.length - 1);
    }
    i += width;
  }
  space(folded.length);
  return { text, from, to, breaks };
}

/**
 * Kinds of feature, each its own key space: character n-grams, words, concepts of
 * scorer-lexicon.ts, and two concepts close together.
 */
export const FEATURE_KINDS = ['c', 'w', 'k', 'p'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

export const CHAR_GRAM_SIZES = [3, 4, 5] as const;
/** Words longer than this are noise (a pasted link, a file name), not language. */
const MAX_WORD = 24;
/** Two concepts this many words apart or closer make a pair ("remove … review"). */
const PAIR_WORDS = 6;

let lexicon: Lexicon | undefined;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_OFFSET = 0x9e3779b9;
const MIX_PRIME = 0x5bd1e995;
const COLON = 0x3a;

/**
 * Visits every feature occurrence of a scorer text, in text order: its kind, its stretch
 * [start, end) of `text` (the key is `kind + ':' + text.slice(start, end)`), and two
 * independent 32-bit hashes of that key, FNV-1a and a multiply-xorshift, computed in place as
 * the stretch grows (no key string is built at run time). A key of the vocabulary and an
 * unknown feature agree on both hashes only by a 1-in-2^64 accident.
 */
export function forEachFeature(
  text: string,
  visit: (kind: FeatureKind, start: number, end: number, h1: number, h2: number, key?: string) => void,
): void {
  const c0 = 'c'.charCodeAt(0);
  const w0 = 'w'.charCodeAt(0);
  const startA = (k: number) => Math.imul(Math.imul(FNV_OFFSET ^ k, FNV_PRIME) ^ COLON, FNV_PRIME);
  const startB = (k: number) => {
    let b = Math.imul(MIX_OFFSET ^ k, MIX_PRIME);
    b ^= b >>> 13;
    b = Math.imul(b ^ COLON, MIX_PRIME);
    return b ^ (b >>> 13);
  };
  const cA = startA(c0);
  const cB = startB(c0);
  const maxGram = CHAR_GRAM_SIZES[CHAR_GRAM_SIZES.length - 1] ?? 0;
  const minGram = CHAR_GRAM_SIZES[0] ?? 0;
  for (let i = 0; i + minGram <= text.length; i += 1) {
    let a = cA;
    let b = cB;
    for (let n = 1; n <= maxGram && i + n <= text.length; n += 1) {
      const ch = text.charCodeAt(i + n - 1);
      a = Math.imul(a ^ ch, FNV_PRIME);
      b = Math.imul(b ^ ch, MIX_PRIME);
      b ^= b >>> 13;
      if (n >= minGram) visit('c', i, i + n, a >>> 0, b >>> 0);
    }
  }
  const wA = startA(w0);
  const wB = startB(w0);
  const words: [number, number][] = [];
  for (let i = 1; i < text.length; ) {
    let end = i;
    let a = wA;
    let b = wB;
    while (end < text.length && text.charCodeAt(end) !== 0x20) {
      const ch = text.charCodeAt(end);
      a = Math.imul(a ^ ch, FNV_PRIME);
      b = Math.imul(b ^ ch, MIX_PRIME);
      b ^= b >>> 13;
      end += 1;
    }
    if (end === i) {
      i += 1;
      continue;
    }
    words.push([i, end]);
    if (end - i <= MAX_WORD) visit('w', i, end, a >>> 0, b >>> 0);
    i = end + 1;
  }
  forEachConcept(text, words, visit);
}

/** Concepts named by the words (and two-word entries), then concepts that meet within PAIR_WORDS words. */
function forEachConcept(
  text: string,
  words: readonly [number, number][],
  visit: (kind: FeatureKind, start: number, end: number, h1: number, h2: number, key: string) => void,
): void {
  const lex = (lexicon ??= buildLexicon());
  const found: { word: number; concept: Concept; start: number; end: number }[] = [];
  words.forEach(([start, end], w) => {
    const word = text.slice(start, end);
    for (const concept of conceptsOfWord(lex, word)) found.push({ word: w, concept, start, end });
    const next = words[w + 1];
    if (next === undefined) return;
    for (const [second, concept] of lex.pairs.get(word) ?? []) {
      if (secondWordMatches(second, text.slice(next[0], next[1]))) found.push({ word: w, concept, start, end: next[1] });
    }
  });
  for (const f of found) {
    const key = `k:${f.concept}`;
    const [a, b] = hashKey(key);
    visit('k', f.start, f.end, a, b, key);
  }
  for (let i = 0; i < found.length; i += 1) {
    const x = found[i];
    if (x === undefined) continue;
    for (let j = i + 1; j < found.length; j += 1) {
      const y = found[j];
      if (y === undefined || y.word - x.word > PAIR_WORDS) break;
      if (y.concept === x.concept) continue;
      const key = x.concept < y.concept ? `p:${x.concept}+${y.concept}` : `p:${y.concept}+${x.concept}`;
      const [a, b] = hashKey(key);
      visit('p', Math.min(x.start, y.start), Math.max(x.end, y.end), a, b, key);
    }
  }
}

/** A feature's key, as the weights file lists it. */
export const featureKey = (kind: FeatureKind, text: string, start: number, end: number): string => `${kind}:${text.slice(start, end)}`;

/** The two hashes forEachFeature gives a key, from the key itself (for the vocabulary). */
export function hashKey(key: string): [number, number] {
  let a = FNV_OFFSET;
  let b = MIX_OFFSET;
  for (let i = 0; i < key.length; i += 1) {
    const ch = key.charCodeAt(i);
    a = Math.imul(a ^ ch, FNV_PRIME);
    b = Math.imul(b ^ ch, MIX_PRIME);
    b ^= b >>> 13;
  }
  return [a >>> 0, b >>> 0];
}
