// RULES.md R12, "Phrase matching": the one fold every message pattern reads. Case, accents,
// typographic quotes, star glyphs, digits typed for letters, letters held or spaced out for
// emphasis: each is a named step below, and the same steps give either the folded text alone
// (fast, for the first look at every message) or the text with a way back to the body's
// offsets (for a message with a finding, whose spans a moderator sees highlighted).

/** The one star glyph ★, ⭐, ☆, 🌟 and the like are folded to. */
export const STAR = '★';

/** Folded text, and for each of its characters the stretch of the body it came from. */
export interface FoldedText {
  text: string;
  /** Body offset where folded character i starts. */
  from: (i: number) => number;
  /** Body offset just after folded character i. */
  to: (i: number) => number;
}

// ---------------------------------------------------------------------------------------
// What each character folds to
// ---------------------------------------------------------------------------------------

const STAR_GLYPHS: ReadonlySet<number> = new Set([
  0x2605, 0x2606, 0x2b50, 0x2b51, 0x272a, 0x272b, 0x272c, 0x272d, 0x272e, 0x272f, 0x2730, 0x2729, 0x1f31f, 0x1f320, 0x2bea, 0x2beb,
]);
/** Invisible joiners and variation selectors: "⭐️" is "⭐" to a reader. */
const INVISIBLE: ReadonlySet<number> = new Set([0xfe0e, 0xfe0f, 0x200b, 0x200c, 0x200d, 0x2060, 0xad]);
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u00b4': "'", '`': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '\u2039': '"', '\u203a': '"',
  // An em dash joins clauses ("happy — just promise me 5 stars"), an en dash joins numbers.
  '\u2014': ';', '\u2015': ';', '\u2013': '-', '\u2012': '-', '\u2010': '-', '\u2011': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\t': ' ', '\r': ' ',
  '\u00e6': 'ae', '\u0153': 'oe', '\u00df': 'ss', '\u00f8': 'o', '\u0142': 'l', '\u2026': '…', '\uff0f': '/',
};
const COMBINING = /\p{M}/gu;

/** A character outside printable ASCII, folded on its own: star, nothing, punctuation, or its base letter. */
function foldOther(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (STAR_GLYPHS.has(cp)) return STAR;
  if (INVISIBLE.has(cp)) return '';
  // Capital Œ, Æ, Ø and Ł fold as their small letters do.
  return PUNCTUATION[ch] ?? PUNCTUATION[ch.toLowerCase()] ?? ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

/** Latin letters with accents come up in every French or Spanish message: folded once, here. */
const LATIN_FOLDS: readonly string[] = Array.from({ length: 0x250 - 0x80 }, (_, k) => foldOther(String.fromCharCode(0x80 + k)));
const foldCharacter = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= 0x80 && code < 0x250 ? (LATIN_FOLDS[code - 0x80] ?? ch) : foldOther(ch);
};

/** Digits typed for letters inside a word ("st4rs", "fiv3"); 8 stays, "r8" is spelled out in the patterns. */
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

// ---------------------------------------------------------------------------------------
// The steps, in order
// ---------------------------------------------------------------------------------------

/** A stretch [start, end) of a step's input and what it becomes. */
interface Rewrite {
  start: number;
  end: number;
  to: string;
}

/**
 * A step either keeps one character for one (offsets unchanged), or rewrites stretches of the
 * text (offsets follow: what a stretch becomes comes from the whole stretch).
 */
type FoldStep =
  | { name: string; kind: 'chars'; apply: (text: string) => string }
  | { name: string; kind: 'stretches'; rewrites: (text: string) => Rewrite[] };

/** Anything but printable ASCII and newlines: the characters that need more than lowercasing. */
const NOT_PLAIN = /[^\x20-\x7e\n]/gu;
const HAS_NOT_PLAIN = /[^\x20-\x7e\n]/u;

/** Accents stripped, star glyphs to ★, invisible marks dropped, typographic punctuation to ASCII. */
const characters: FoldStep = {
  name: 'characters',
  kind: 'stretches',
  rewrites: (text) => {
    if (!HAS_NOT_PLAIN.test(text)) return [];
    const out: Rewrite[] = [];
    for (const m of text.matchAll(NOT_PLAIN)) {
      const to = foldCharacter(m[0]);
      if (to !== m[0]) out.push({ start: m.index, end: m.index + m[0].length, to });
    }
    return out;
  },
};

/**
 * Lowercase, and the backtick typed for an apostrophe. After `characters`, only ASCII letters
 * still have a case, so this keeps one character for one.
 */
const lowercase: FoldStep = { name: 'lowercase', kind: 'chars', apply: (text) => text.toLowerCase().replaceAll('`', "'") };

/** "st4rs" → "stars", "fiv3" → "five", "$tars" → "stars": a digit glued after a letter stands for a letter ("$15" stays money). */
const GLUED_DIGIT = /[a-z][013457@]|\$[a-z]/;
const LEET_CHARACTER = /(?<=[a-z])[013457@]|\$(?=[a-z])/g;
const unleet: FoldStep = {
  name: 'unleet',
  kind: 'chars',
  apply: (text) => (GLUED_DIGIT.test(text) ? text.replace(LEET_CHARACTER, (c) => LEET[c] ?? c) : text),
};

/** "fiiive staaars pleeease" → "five stars please": a letter held for emphasis is one letter. */
const HELD = /([a-z])\1\1/;
const HELD_LETTER = /([a-z])\1{2,}/g;
const squeeze: FoldStep = {
  name: 'squeeze',
  kind: 'stretches',
  rewrites: (text) =>
    HELD.test(text) ? [...text.matchAll(HELD_LETTER)].map((m) => ({ start: m.index, end: m.index + m[0].length, to: m[1] ?? '' })) : [],
};

/** "f i v e  s t a r s" → "five stars": letters spaced out to slip past a filter. One space separates letters, two separate words. */
const SPACED_OUT = /(?<![a-z])[a-z](?: {1,2}[a-z]){4,}(?![a-z])/g;
const HAS_SPACED_OUT = /(?<![a-z])[a-z](?: {1,2}[a-z]){4,}(?![a-z])/;
/** In a spaced-out run, the spaces to drop: every one but the second of a pair. */
const LETTER_SPACE = /(?<! ) /g;
const despace: FoldStep = {
  name: 'despace',
  kind: 'stretches',
  rewrites: (text) => {
    if (!HAS_SPACED_OUT.test(text)) return [];
    const out: Rewrite[] = [];
    for (const run of text.matchAll(SPACED_OUT)) {
      for (const space of run[0].matchAll(LETTER_SPACE)) out.push({ start: run.index + space.index, end: run.index + space.index + 1, to: '' });
    }
    return out;
  },
};

const STEPS: readonly FoldStep[] = [characters, lowercase, unleet, squeeze, despace];

// ---------------------------------------------------------------------------------------
// Running the steps
// ---------------------------------------------------------------------------------------

function rewrite(text: string, rewrites: readonly Rewrite[]): string {
  let out = '';
  let kept = 0;
  for (const r of rewrites) {
    out += text.slice(kept, r.start) + r.to;
    kept = r.end;
  }
  return out + text.slice(kept);
}

/**
 * The text the patterns of phrases/ read: lowercased, accents stripped, quotes and star glyphs
 * folded, "st4rs" and "f i v e" spelled out. Other detectors comparing text can use it too.
 */
export function foldText(body: string): string {
  let text = body;
  for (const step of STEPS) {
    if (step.kind === 'chars') text = step.apply(text);
    else {
      const rewrites = step.rewrites(text);
      if (rewrites.length > 0) text = rewrite(text, rewrites);
    }
  }
  return text;
}

/** The same text as foldText, with each character's stretch of the body. */
export function foldWithOffsets(body: string): FoldedText {
  let text = body;
  // from[i]/to[i]: the body stretch of character i of the current text; null while the text is
  // still the body, one for one.
  let from: number[] | null = null;
  let to: number[] | null = null;
  for (const step of STEPS) {
    if (step.kind === 'chars') {
      text = step.apply(text);
      continue;
    }
    const rewrites = step.rewrites(text);
    if (rewrites.length === 0) continue;
    const nextFrom: number[] = [];
    const nextTo: number[] = [];
    const fromOf = (i: number) => (from === null ? i : (from[i] ?? 0));
    const toOf = (i: number) => (to === null ? i + 1 : (to[i] ?? 0));
    const keep = (start: number, end: number) => {
      for (let i = start; i < end; i += 1) {
        nextFrom.push(fromOf(i));
        nextTo.push(toOf(i));
      }
    };
    let kept = 0;
    for (const r of rewrites) {
      keep(kept, r.start);
      for (let k = 0; k < r.to.length; k += 1) {
        nextFrom.push(fromOf(r.start));
        nextTo.push(toOf(r.end - 1));
      }
      kept = r.end;
    }
    keep(kept, text.length);
    text = rewrite(text, rewrites);
    from = nextFrom;
    to = nextTo;
  }
  const f = from;
  const t = to;
  return {
    text,
    from: f === null ? (i) => i : (i) => f[i] ?? 0,
    to: t === null ? (i) => i + 1 : (i) => t[i] ?? 0,
  };
}
