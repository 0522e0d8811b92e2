// RULES.md R12: the features the learned message scorer reads, shared by the scorer at run time
// and by the training script (scripts/train-detectors.ts), so the two can never disagree.
//
// The scorer reads the folded text (text-fold.ts) with punctuation as spaces: character 4-grams
// (they survive typos, inflections and "f1ve") and words. Every feature is a stretch
// of that text, so a feature that weighs in a decision is a stretch of the message a moderator
// can be shown. Concepts (scorer-lexicon.ts) carry what one language teaches to the others.
import { buildLexicon, CONCEPT_NAMES, conceptsAt, type Lexicon } from './scorer-lexicon';

/** The text the scorer reads, and where each of its characters came from in the folded text. */
export interface ScorerText {
  /** Words separated by single spaces, with a space at each end. */
  text: string;
  /** Folded-text offset where character i starts, and just after it ends (empty unless asked for). */
  from: readonly number[];
  to: readonly number[];
  /** Spaces of `text` that stand for a sentence's end: a highlight does not run across one. */
  breaks: ReadonlySet<number>;
}

/** Letters, digits, star glyphs, money and percent signs, and the slash of "5/5" are words; the rest separates them. */
const WORD_CHAR = /[\p{L}\p{N}★%€$£/]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SENTENCE_END = /[.!?…;\n]/;

const SEPARATOR = 0;
const WORD = 1;
const END = 2;
/** What each ASCII character is, read once: the folded text is nearly all ASCII. */
const ASCII_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c += 1) {
    const ch = String.fromCharCode(c);
    table[c] = WORD_CHAR.test(ch) ? WORD : SENTENCE_END.test(ch) ? END : SEPARATOR;
  }
  return table;
})();

/**
 * An emoji is a word of its own (🙏 pleads, 🎁 gifts), read as one character of a private-use
 * block so that no feature ever cuts a surrogate pair in half.
 */
const pictographChar = (cp: number): string => String.fromCharCode(0xe000 + (cp % 0x1000));

/**
 * The scorer's text of a folded message. `withOffsets` also maps each character back to the
 * folded text (for explanations); without it, `from` and `to` are empty and the text the same.
 */
export function scorerText(folded: string, withOffsets = true): ScorerText {
  let text = ' ';
  const from: number[] = [];
  const to: number[] = [];
  if (withOffsets) {
    from.push(0);
    to.push(0);
  }
  const breaks = new Set<number>();
  let lastIsSpace = true;
  // The word characters not yet copied run from `run` (or none when -1) to the current index.
  let run = -1;
  for (let i = 0; i < folded.length; ) {
    const c = folded.charCodeAt(i);
    let cls: number;
    let width = 1;
    let pictograph = -1;
    if (c < 128) cls = ASCII_CLASS[c] ?? SEPARATOR;
    else {
      const cp = folded.codePointAt(i) ?? c;
      width = cp > 0xffff ? 2 : 1;
      const ch = folded.slice(i, i + width);
      const word = WORD_CHAR.test(ch);
      if (!word && PICTOGRAPH.test(ch)) pictograph = cp;
      cls = word && width === 1 ? WORD : SENTENCE_END.test(ch) ? END : SEPARATOR;
    }
    if (cls === WORD && pictograph < 0) {
      if (run < 0) run = i;
      i += 1;
      continue;
    }
    if (run >= 0) {
      text += folded.slice(run, i);
      if (withOffsets) {
        for (let k = run; k < i; k += 1) {
          from.push(k);
          to.push(k + 1);
        }
      }
      lastIsSpace = false;
      run = -1;
    }
    if (!lastIsSpace) {
      text += ' ';
      if (withOffsets) {
        from.push(i);
        to.push(i);
      }
      lastIsSpace = true;
    }
    if (pictograph >= 0) {
      text += `${pictographChar(pictograph)} `;
      if (withOffsets) {
        from.push(i, i + width);
        to.push(i + width, i + width);
      }
    } else if (cls === END) breaks.add(text.length - 1);
    i += width;
  }
  if (run >= 0) {
    text += folded.slice(run);
    if (withOffsets) {
      for (let k = run; k < folded.length; k += 1) {
        from.push(k);
        to.push(k + 1);
      }
    }
    lastIsSpace = false;
  }
  if (!lastIsSpace) {
    text += ' ';
    if (withOffsets) {
      from.push(folded.length);
      to.push(folded.length);
    }
  }
  return { text, from, to, breaks };
}

/**
 * Kinds of feature, each its own key space: character n-grams, words, concepts of
 * scorer-lexicon.ts, and two concepts close together.
 */
export const FEATURE_KINDS = ['c', 'w', 'k', 'p'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];
const CHAR = 0;
/** The kind of a character 4-gram occurrence in a FeatureList. */
export const CHAR_KIND = CHAR;
const WORDS = 1;
const CONCEPT = 2;
const PAIR = 3;

/**
 * Character 4-grams: on the corpus's dev split, 3-, 4- and 5-grams together ranked no better
 * than 4-grams alone, at three times the work.
 */
export const CHAR_GRAM_SIZES = [4] as const;
export const MIN_GRAM = 4;
/** Words longer than this are noise (a pasted link, a file name), not language. */
const MAX_WORD = 24;
/** Two concepts this many words apart or closer make a pair ("remove … review"). */
const PAIR_WORDS = 6;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_OFFSET = 0x9e3779b9;
const MIX_PRIME = 0x5bd1e995;

/**
 * Two independent 32-bit hashes of a key, FNV-1a and a multiply-xorshift: a key of the
 * vocabulary and an unknown feature agree on both only by a 1-in-2^64 accident.
 */
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

/** The hash state after a kind's "x:" prefix, so a stretch of text is hashed in place. */
function prefixState(kind: string): [number, number] {
  let a = FNV_OFFSET;
  let b = MIX_OFFSET;
  for (const ch of [kind.charCodeAt(0), 0x3a]) {
    a = Math.imul(a ^ ch, FNV_PRIME);
    b = Math.imul(b ^ ch, MIX_PRIME);
    b ^= b >>> 13;
  }
  return [a, b];
}
const [CHAR_A, CHAR_B] = prefixState('c');
const [WORD_A, WORD_B] = prefixState('w');

/** Concept and pair keys, by concept index, with their hashes: a concept's key is no stretch of the text. */
const CONCEPT_KEYS = CONCEPT_NAMES.map((c) => `k:${c}`);
const PAIR_KEYS = CONCEPT_NAMES.map((x) => CONCEPT_NAMES.map((y) => (x < y ? `p:${x}+${y}` : `p:${y}+${x}`)));
let lexicon: Lexicon | undefined;
let conceptHashes: Uint32Array | undefined;
let pairHashes: Uint32Array | undefined;

/**
 * The feature occurrences of one scorer text, in text order: kind, stretch [start, end) of the
 * text, and the two hashes of the key. Growable typed arrays, refilled for each text: a caller
 * reads them before it collects the next.
 */
export class FeatureList {
  count = 0;
  kind = new Uint8Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  h1 = new Uint32Array(256);
  h2 = new Uint32Array(256);
  /** For a concept or a pair: the index of its key in CONCEPT_KEYS, or of the pair. */
  concept = new Int32Array(256);

  push(kind: number, start: number, end: number, h1: number, h2: number, concept: number): void {
    if (this.count === this.kind.length) this.grow();
    const i = this.count;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.h1[i] = h1;
    this.h2[i] = h2;
    this.concept[i] = concept;
    this.count = i + 1;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const copy = <T extends Uint8Array | Int32Array | Uint32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.kind = copy(this.kind, new Uint8Array(n));
    this.start = copy(this.start, new Int32Array(n));
    this.end = copy(this.end, new Int32Array(n));
    this.h1 = copy(this.h1, new Uint32Array(n));
    this.h2 = copy(this.h2, new Uint32Array(n));
    this.concept = copy(this.concept, new Int32Array(n));
  }

  /** The key of occurrence i, as the weights file lists it. */
  keyOf(i: number, text: string): string {
    const kind = this.kind[i] ?? CHAR;
    const concept = this.concept[i] ?? 0;
    if (kind === CONCEPT) return CONCEPT_KEYS[concept] ?? '';
    if (kind === PAIR) {
      const n = CONCEPT_NAMES.length;
      return PAIR_KEYS[Math.floor(concept / n)]?.[concept % n] ?? '';
    }
    return `${FEATURE_KINDS[kind] ?? 'c'}:${text.slice(this.start[i] ?? 0, this.end[i] ?? 0)}`;
  }
}

/** Fills `out` with every feature occurrence of a scorer text: its character 4-grams, then the rest. */
export function collectFeatures(text: string, out: FeatureList): void {
  out.count = 0;
  const hash = new Uint32Array(2);
  for (let i = 0; i + MIN_GRAM <= text.length; i += 1) {
    gramHash(text, i, hash);
    out.push(CHAR, i, i + MIN_GRAM, hash[0] ?? 0, hash[1] ?? 0, -1);
  }
  collectWordFeatures(text, out);
}

/** The two hashes of the key of the character 4-gram at `start`, into `out`. */
export function gramHash(text: string, start: number, out: Uint32Array): void {
  let a = CHAR_A;
  let b = CHAR_B;
  for (let i = start; i < start + MIN_GRAM; i += 1) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, FNV_PRIME);
    b = Math.imul(b ^ ch, MIX_PRIME);
    b ^= b >>> 13;
  }
  out[0] = a >>> 0;
  out[1] = b >>> 0;
}

/** How many character 4-grams a scorer text has: one at each position with four characters left. */
export const gramCount = (text: string): number => Math.max(0, text.length - MIN_GRAM + 1);

/**
 * Appends to `out` every feature occurrence of a scorer text but its character 4-grams, in text
 * order: words and the concepts they start, then pairs of concepts.
 */
export function collectWordFeatures(text: string, out: FeatureList): void {
  // Words, and the concepts they start.
  const lex = (lexicon ??= buildLexicon());
  const keys = (conceptHashes ??= hashAll(CONCEPT_KEYS));
  const pairKeys = (pairHashes ??= hashAll(PAIR_KEYS.flat()));
  const concepts: number[] = [];
  const named: number[] = [];
  let word = 0;
  for (let i = 1; i < text.length; ) {
    let end = i;
    let a = WORD_A;
    let b = WORD_B;
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
    if (end - i <= MAX_WORD) out.push(WORDS, i, end, a >>> 0, b >>> 0, -1);
    conceptsAt(lex, text, i, named);
    for (let k = 0; k < named.length; k += 2) {
      const id = named[k] ?? 0;
      const stop = named[k + 1] ?? end;
      out.push(CONCEPT, i, stop, keys[2 * id] ?? 0, keys[2 * id + 1] ?? 0, id);
      concepts.push(word, id, i, stop);
    }
    word += 1;
    i = end + 1;
  }
  // Two different concepts within PAIR_WORDS words of each other.
  const n = CONCEPT_NAMES.length;
  for (let x = 0; x < concepts.length; x += 4) {
    for (let y = x + 4; y < concepts.length; y += 4) {
      if ((concepts[y] ?? 0) - (concepts[x] ?? 0) > PAIR_WORDS) break;
      const cx = concepts[x + 1] ?? 0;
      const cy = concepts[y + 1] ?? 0;
      if (cx === cy) continue;
      const pair = cx * n + cy;
      const start = Math.min(concepts[x + 2] ?? 0, concepts[y + 2] ?? 0);
      const stop = Math.max(concepts[x + 3] ?? 0, concepts[y + 3] ?? 0);
      out.push(PAIR, start, stop, pairKeys[2 * pair] ?? 0, pairKeys[2 * pair + 1] ?? 0, pair);
    }
  }
}

function hashAll(keys: readonly string[]): Uint32Array {
  const out = new Uint32Array(keys.length * 2);
  keys.forEach((key, i) => {
    const [a, b] = hashKey(key);
    out[2 * i] = a;
    out[2 * i + 1] = b;
  });
  return out;
}
