// RULES.md R12: the two message detectors, pressure_message and incentive_offer, and the
// scan behind them that finds, in a designer's own words, the spans a moderator sees.
import { formatDate } from '../explain';
import type { Policy } from '../policy';
import { toMs } from '../time';
import type { DetectorName, Message, TextSpan } from '../wire/entities';
import {
  AND_OFFER,
  AVOID_LOW,
  CHANGE_PRONOUN,
  CHANGE_RATING,
  CONDITION,
  EXCHANGE,
  FOR_RATING,
  HIGH_CORE,
  HIGH_RATING,
  IMPERATIVE,
  INVITE,
  OFFER,
  PAST_QUESTION,
  PREEMPT,
  PRONOUN_GOES,
  PROMISED,
  RATING_HINT,
  RAISE_TO,
  RATING_GOES,
  RATING_MENTION,
  RATING_OBJECT,
  REPORTED_QUOTE,
  REQUEST,
  REVIEWS_AS_MATERIAL,
  SELF_ASK,
  SELF_RATED,
  STAR_SCENE,
  STAR,
  THANKED,
  THANKED_RATING,
  THIRD_PARTY,
  TRADE,
  VALUE,
  VALUE_AS_REASON,
} from './phrases';
import type { Detector, DetectionContext, Hit, ManipulationFacts } from './types';

// ---------------------------------------------------------------------------------------
// Normalising, with a way back to the original offsets
// ---------------------------------------------------------------------------------------

/** Lowercased, accent-free text; char i came from body[from(i)] up to body[to(i)]. */
interface Folded {
  text: string;
  from: (i: number) => number;
  to: (i: number) => number;
}

const mapped = (text: string, from: readonly number[], to: readonly number[]): Folded => ({
  text,
  from: (i) => from[i] ?? 0,
  to: (i) => to[i] ?? 0,
});

const STAR_GLYPHS = new Set([0x2605, 0x2606, 0x2b50, 0x2b51, 0x272a, 0x272b, 0x272c, 0x272d, 0x272e, 0x272f, 0x2730, 0x2729, 0x1f31f, 0x1f320, 0x2bea, 0x2beb]);
/** Invisible joiners and variation selectors: "⭐️" is "⭐" to a reader. */
const INVISIBLE = new Set([0xfe0e, 0xfe0f, 0x200b, 0x200c, 0x200d, 0x2060, 0xad]);
const FOLD: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u00b4': "'", '`': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '\u2039': '"', '\u203a': '"',
  // An em dash joins clauses ("happy — just promise me 5 stars"), an en dash joins numbers.
  '\u2014': ';', '\u2015': ';', '\u2013': '-', '\u2012': '-', '\u2010': '-', '\u2011': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\t': ' ', '\r': ' ',
  '\u00e6': 'ae', '\u0153': 'oe', '\u00df': 'ss', '\u00f8': 'o', '\u0142': 'l', '\u2026': '…', '\uff0f': '/',
};
/** Digits typed for letters inside a word ("st4rs", "fiv3"); 8 stays, "r8" is spelled out in the patterns. */
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's' };
const COMBINING = /\p{M}/gu;

function foldChar(ch: string, cp: number): string {
  if (cp < 0x80) return ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : (FOLD[ch] ?? ch);
  if (STAR_GLYPHS.has(cp)) return STAR;
  if (INVISIBLE.has(cp)) return '';
  const folded = FOLD[ch];
  if (folded !== undefined) return folded;
  return ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

const isLetter = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';

/** Printable ASCII folds one character to one, so offsets need no table. */
const PLAIN = /^[\x20-\x7e\n]*$/;

function fold(body: string): Folded {
  if (PLAIN.test(body)) {
    const text = body.toLowerCase().replaceAll('`', "'");
    return despace(squeeze(unleet({ text, from: (i) => i, to: (i) => i + 1 })));
  }
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < body.length; ) {
    const cp = body.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const out = foldChar(body.slice(i, i + width), cp);
    // One entry per UTF-16 unit of the output, so offsets into `text` index `from`/`to`.
    for (let k = 0; k < out.length; k += 1) {
      from.push(i);
      to.push(i + width);
    }
    text += out;
    i += width;
  }
  return despace(squeeze(unleet(mapped(text, from, to))));
}

/**
 * The text the patterns of phrases.ts read: lowercased, accents stripped, quotes and star glyphs
 * folded, "st4rs" and "f i v e" spelled out. Other detectors comparing text can use it too.
 */
export function foldForMatching(body: string): string {
  return fold(body).text;
}

/** "st4rs" → "stars", "fiv3" → "five": a digit glued after a letter stands for a letter. */
const GLUED_DIGIT = /[a-z][013457@]|\$[a-z]/;

function unleet(f: Folded): Folded {
  const text = unleetText(f.text);
  return text === f.text ? f : { ...f, text };
}

/** unleet on the text alone: one character for one, so offsets stay as they were. */
function unleetText(folded: string): string {
  if (!GLUED_DIGIT.test(folded)) return folded;
  let text = '';
  for (let i = 0; i < folded.length; i += 1) {
    const c = folded[i] ?? '';
    const swap = LEET[c];
    const before = folded[i - 1];
    const after = folded[i + 1];
    // "$15" stays money; "$tars" is letters, as is a digit glued after a letter ("st4rs").
    const glued = c === '$' ? isLetter(after) : isLetter(before);
    text += swap !== undefined && glued ? swap : c;
  }
  return text;
}

/** "fiiive staaars pleeease" → "five stars please": a letter held for emphasis is one letter. */
function squeeze(f: Folded): Folded {
  if (!/([a-z])\1\1/.test(f.text)) return f;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < f.text.length; i += 1) {
    const c = f.text[i] ?? '';
    if (isLetter(c) && c === f.text[i - 1] && c === f.text[i - 2]) continue;
    if (isLetter(c) && c === f.text[i + 1] && c === f.text[i + 2] && c !== f.text[i - 1]) {
      // The run is three or more: keep one letter, spanning the whole run in the original.
      let j = i;
      while (f.text[j + 1] === c) j += 1;
      text += c;
      from.push(f.from(i));
      to.push(f.to(j));
      i = j;
      continue;
    }
    text += c;
    from.push(f.from(i));
    to.push(f.to(i));
  }
  return mapped(text, from, to);
}

/** "f i v e  s t a r s" → "five stars": letters spaced out to slip past a filter. */
const SPACED_OUT = /(?<![a-z])[a-z](?: {1,2}[a-z]){4,}(?![a-z])/g;

function despace(f: Folded): Folded {
  const runs = matches(SPACED_OUT, f.text);
  if (runs.length === 0) return f;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let kept = 0;
  const keep = (end: number) => {
    for (; kept < end; kept += 1) {
      text += f.text[kept] ?? '';
      from.push(f.from(kept));
      to.push(f.to(kept));
    }
  };
  for (const m of runs) {
    keep(m.start);
    const end = m.end;
    for (let i = m.start; i < end; i += 1) {
      const c = f.text[i] ?? '';
      // One space separates letters of a word; two separate words.
      if (c === ' ' && f.text[i + 1] !== ' ') continue;
      if (c === ' ' && f.text[i + 1] === ' ') i += 1;
      text += c;
      from.push(f.from(i));
      to.push(f.to(i));
    }
    kept = end;
  }
  keep(f.text.length);
  return mapped(text, from, to);
}

/**
 * The same text as fold(body).text, without the offset tables: native string operations over
 * the whole body instead of a loop per character. Most messages are design talk that the first
 * look turns away, and they never need an offset; the tables are built only for a message with
 * a finding (analyseMessage checks the two texts agree, and rescans on the exact one if not).
 */
const SPECIAL = new RegExp(
  `[${[...Object.keys(FOLD), ...[...STAR_GLYPHS, ...INVISIBLE].map((cp) => String.fromCodePoint(cp))]
    .map((ch) => (/[\\\]^-]/.test(ch) ? `\\${ch}` : ch))
    .join('')}]`,
  'gu',
);
const NON_ASCII = /[\u0080-\uffff]/;
const foldSpecial = (ch: string): string => {
  const cp = ch.codePointAt(0) ?? 0;
  if (STAR_GLYPHS.has(cp)) return STAR;
  if (INVISIBLE.has(cp)) return '';
  return FOLD[ch] ?? ch;
};
const HELD_LETTER = /([a-z])\1{2,}/g;
const SPACES_IN_RUN = / {1,2}/g;

function quickFold(body: string): string {
  let text: string;
  if (PLAIN.test(body)) {
    text = body.toLowerCase().replaceAll('`', "'");
  } else {
    text = body.replace(SPECIAL, foldSpecial);
    if (NON_ASCII.test(text)) text = text.normalize('NFD').replace(COMBINING, '');
    text = text.toLowerCase();
  }
  text = unleetText(text);
  if (/([a-z])\1\1/.test(text)) text = text.replace(HELD_LETTER, '$1');
  SPACED_OUT.lastIndex = 0;
  if (SPACED_OUT.test(text)) text = text.replace(SPACED_OUT, (run) => run.replace(SPACES_IN_RUN, (sp) => (sp.length === 2 ? ' ' : '')));
  SPACED_OUT.lastIndex = 0;
  return text;
}

// ---------------------------------------------------------------------------------------
// Sentences and pattern matches
// ---------------------------------------------------------------------------------------

interface Range {
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+/g;

function sentencesOf(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of matches(SENTENCE_END, text)) {
    const end = m.end;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function matches(re: RegExp, text: string): Range[] {
  // exec on the module's own compiled pattern: matchAll would clone it, recompiling a large
  // pattern on every call. Scans never nest, so resetting lastIndex first is enough.
  const out: Range[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** For each sentence, the matches that start in it (both lists are in text order). */
function bySentence(sentences: readonly Range[], found: readonly Range[]): Range[][] {
  const out: Range[][] = sentences.map(() => []);
  let s = 0;
  for (const r of found) {
    while (s < sentences.length - 1 && r.start >= (sentences[s]?.end ?? 0)) s += 1;
    out[s]?.push(r);
  }
  return out;
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

const inside = (r: Range, areas: readonly Range[]) => areas.some((a) => r.start >= a.start && r.end <= a.end);

// ---------------------------------------------------------------------------------------
// The scan
// ---------------------------------------------------------------------------------------

/** Why a message counts, for the hit's one-sentence summary. */
export type FindingKind =
  | 'asks_high_rating'
  | 'asks_rating_change'
  | 'asks_no_low_rating'
  | 'rating_for_value'
  | 'offers_value'
  | 'rewards_rating';

export interface Finding {
  kind: FindingKind;
  spans: TextSpan[];
  /** The words the summary quotes: the rating asked for, or the thing of value. */
  key: string;
}

export interface MessageAnalysis {
  pressure: Finding[];
  incentive: Finding[];
}

const NAMES_A_RATING = /rating|review|score|feedback|avis|note|nota|resena|valoracion|calificacion|opinion|evaluation|puntuacion|comment/g;

/** A sentence this short ("Please!", "Five stars.") leans on its neighbour for its meaning. */
const SHORT_WORDS = 3;
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[a-z0-9★]/.test(w)).length;

/** A finding in offsets of the folded text, before it is mapped back to the body. */
interface RawFinding {
  kind: FindingKind;
  ranges: Range[];
  key: Range;
}

export function analyseMessage(body: string): MessageAnalysis {
  const text = quickFold(body);
  // A message naming nothing rating-like is done here, before sentences or offset tables: most
  // messages are design talk none of the rating rules can match.
  if (!test(RATING_HINT, text)) return { pressure: [], incentive: [] };
  const found = analyseText(text);
  if (found.pressure.length === 0 && found.incentive.length === 0) return { pressure: [], incentive: [] };
  const f = fold(body);
  // The quick fold agrees with the exact one but for exotic text; then the offsets are the exact one's.
  const exact = f.text === text ? found : analyseText(f.text);
  const toFinding = (x: RawFinding): Finding => ({ kind: x.kind, spans: toSpans(body, f, x.ranges), key: slice(body, f, x.key) });
  return { pressure: dedupe(exact.pressure.map(toFinding)), incentive: dedupe(exact.incentive.map(toFinding)) };
}

function analyseText(text: string): { pressure: RawFinding[]; incentive: RawFinding[] } {
  const sentences = sentencesOf(text);
  const n = sentences.length;
  const sentenceText = (i: number) => {
    const s = sentences[i];
    return s === undefined ? '' : text.slice(s.start, s.end);
  };

  // The rating rules only look at sentences that name something rating-like (most of a long
  // message is design talk none of them can match).
  const hinted: boolean[] = bySentence(sentences, matches(RATING_HINT, text)).map((rs) => rs.length > 0);
  // Text that is not the designer's ask: a quotation of someone else, or existing reviews asked
  // for as material ("send me the five-star reviews you want on the flyer").
  let quotedMemo: Range[] | undefined;
  const quoted = () => (quotedMemo ??= [...matches(REPORTED_QUOTE, text), ...matches(REVIEWS_AS_MATERIAL, text)]);
  // Each pattern runs at most once, over the whole text (a run has a fixed cost that many
  // short runs would multiply), and only when a rule needs it.
  const memo = new Map<RegExp, Range[][]>();
  const find = (re: RegExp, i: number): Range[] => {
    let rows = memo.get(re);
    if (rows === undefined) {
      rows = bySentence(sentences, matches(re, text));
      memo.set(re, rows);
    }
    return rows[i] ?? [];
  };
  type Rows = (i: number) => Range[];
  /** Any sentence, for the words around a candidate (asks, values, vetoes). */
  const per = (re: RegExp): Rows => (i) => find(re, i);
  /** Only sentences that name a rating, and never inside a quotation of someone else. */
  const rated = (re: RegExp, near = false): Rows => (i) => {
    if (!(hinted[i] === true || (near && hinted[i - 1] === true))) return [];
    const found = find(re, i);
    return found.length === 0 || quoted().length === 0 ? found : found.filter((r) => !inside(r, quoted()));
  };

  const selfRated = per(SELF_RATED);
  const highRaw = rated(HIGH_RATING);
  const high: Rows = (i) => {
    const told = highRaw(i).length === 0 ? [] : selfRated(i);
    return told.length === 0 ? highRaw(i) : highRaw(i).filter((r) => !told.some((x) => r.start >= x.start && r.start < x.end));
  };
  const request = per(REQUEST);
  const imperative = per(IMPERATIVE);
  const condition = per(CONDITION);
  const invite = per(INVITE);
  const selfAsk = per(SELF_ASK);
  const pastQuestion = per(PAST_QUESTION);
  const thanked = per(THANKED);
  const change = rated(CHANGE_RATING);
  const raise = rated(RAISE_TO);
  const goes = rated(RATING_GOES);
  const pronounGoes = rated(PRONOUN_GOES, true);
  const changePronoun = rated(CHANGE_PRONOUN, true);
  const mention = rated(RATING_MENTION);
  const avoid = rated(AVOID_LOW);
  const preempt = rated(PREEMPT);
  const offers = per(OFFER);
  const andOffer = per(AND_OFFER);
  const forRating = rated(FOR_RATING);
  const value = per(VALUE);
  const object = rated(RATING_OBJECT);
  const exchange = per(EXCHANGE);
  const trade = per(TRADE);
  const promisedAt = per(PROMISED);
  const promised = sentences.some((_, i) => promisedAt(i).length > 0);
  const thankedRating: Rows = promised ? rated(THANKED_RATING) : () => [];
  const scene = (i: number) => per(STAR_SCENE)(i).length > 0;
  const thirdParty = (i: number) => per(THIRD_PARTY)(i).length > 0;

  const at = (rows: Rows, i: number): Range[] => {
    if (i < 0 || i >= n) return [];
    const found = rows(i);
    return found.length === 0 || thirdParty(i) ? [] : found;
  };
  const isQuestion = (i: number) => /[?¿]/.test(sentenceText(i));
  const asks = (i: number): Range[] => [...at(request, i), ...at(imperative, i), ...at(condition, i)];
  const asksOrQuestion = (i: number) => asks(i).length > 0 || (isQuestion(i) && at(pastQuestion, i).length === 0);
  const isShort = (i: number) => i >= 0 && i < n && wordCount(sentenceText(i)) <= SHORT_WORDS;
  /** High values the designer asks for here: not a picture of stars, not thanks for ones given. */
  const demandedAt = (i: number) =>
    at(high, i).length === 0 || scene(i) ? [] : at(high, i).filter((h) => !at(thanked, i).some((d) => d.end <= h.start && h.start - d.end <= 12));

  const pressure: RawFinding[] = [];
  const incentive: RawFinding[] = [];
  /** Sentences that ask for a rating of a given sentiment, or for one to change. */
  const asked = new Set<number>();
  const valueOf = (r: Range): Range => {
    // Quote the value itself ("5 stars"), not the verb that asked for it ("rate me 5 stars").
    const core = matches(HIGH_CORE, text.slice(r.start, r.end))[0];
    return core === undefined ? r : { start: r.start + core.start, end: r.start + core.end };
  };

  // A rating of a given sentiment, asked for.
  for (let i = 0; i < n; i += 1) {
    const first = demandedAt(i)[0];
    if (first === undefined) continue;
    let ask = [...asks(i), ...at(invite, i), ...at(selfAsk, i)];
    if (ask.length === 0 && !isQuestion(i) && (isShort(i) || isShort(i - 1) || isShort(i + 1))) {
      ask = [...asks(i - 1), ...asks(i + 1)].filter((r) => isShort(sentenceIndex(sentences, r)) || isShort(i));
    }
    if (ask.length === 0 && !isQuestion(i)) continue;
    pressure.push({ kind: 'asks_high_rating', ranges: joinNear([first, ...ask]), key: valueOf(first) });
    asked.add(i);
  }

  // A rating to change, raise or remove.
  for (let i = 0; i < n; i += 1) {
    const referent = at(mention, i).length > 0 || at(mention, i - 1).length > 0;
    // In a sentence about a hotel sign, "remove the 5 stars" is a design edit; "your rating" never is.
    const starsOnly = (r: Range) => scene(i) && !test(NAMES_A_RATING, text.slice(r.start, r.end));
    const found = [
      ...at(change, i),
      ...at(raise, i),
      ...at(goes, i),
      ...(referent ? [...at(pronounGoes, i), ...at(changePronoun, i)] : []),
    ]
      .filter((r) => !starsOnly(r))
      .sort((a, b) => a.start - b.start);
    const first = found[0];
    if (first === undefined || !(asksOrQuestion(i) || at(invite, i).length > 0)) continue;
    pressure.push({ kind: 'asks_rating_change', ranges: joinNear([first, ...asks(i), ...at(invite, i)]), key: first });
    asked.add(i);
  }

  // Asking not to leave a low one, or to come to the designer before rating.
  for (let i = 0; i < n; i += 1) {
    const first = at(avoid, i)[0] ?? at(preempt, i)[0];
    if (first === undefined) continue;
    pressure.push({ kind: 'asks_no_low_rating', ranges: [first], key: first });
    asked.add(i);
  }

  // Something of value tied to a rating, in the same or the next sentence.
  const ratingAt = (i: number): Range[] =>
    i < 0 || i >= n
      ? []
      : [
          // Stars thanked for still count here: a reward for them is still a reward for a rating.
          ...(at(high, i).length === 0 || scene(i) ? [] : at(high, i)),
          ...at(object, i),
          ...at(thankedRating, i),
          ...at(change, i),
          ...at(raise, i),
          ...at(goes, i),
          ...at(avoid, i),
          ...at(forRating, i),
        ].sort((a, b) => a.start - b.start);
  let afterTheFactMemo: boolean | undefined;
  const afterTheFact = () =>
    (afterTheFactMemo ??=
      (promised || sentences.some((_, i) => thanked(i).length > 0)) &&
      !sentences.some((_, i) => asks(i).length > 0 || at(exchange, i).length > 0));
  const asReason = (r: Range) => {
    const s = sentences[sentenceIndex(sentences, r)];
    return VALUE_AS_REASON.test(text.slice(Math.max(s?.start ?? 0, r.start - 60), r.start));
  };
  // Across a sentence break, value and rating are tied by words that trade one for the other, or
  // because the other sentence asks for the rating outright ("Leave me 5 stars. Free mockup for
  // you."), unless the value is named as already given or as a reason.
  const linked = (i: number, j: number, offer: Range) =>
    (asked.has(j) && !asReason(offer)) ||
    [i, j].some((k) => at(promisedAt, k).length > 0 || at(exchange, k).length > 0 || at(condition, k).length > 0);
  // Within a sentence, the same: trading words, or an ask with a value not named as a reason.
  const trades = (k: number) =>
    at(promisedAt, k).length > 0 || at(exchange, k).length > 0 || at(condition, k).length > 0 || at(trade, k).length > 0 || at(offers, k).length > 0;
  for (let i = 0; i < n; i += 1) {
    if (hinted[i - 1] !== true && hinted[i] !== true && hinted[i + 1] !== true) continue;
    // "I'll send the source files in exchange for a review": anything offered is value when traded,
    // as is anything given "and" after a rating asked for ("rate it 5 stars and I'll send you…").
    const askedFirst = asked.has(i) ? ratingAt(i)[0] : undefined;
    const traded =
      at(forRating, i)[0] !== undefined
        ? at(offers, i)[0]
        : askedFirst === undefined
          ? undefined
          : at(andOffer, i).find((r) => r.start >= askedFirst.end);
    const offer = at(value, i)[0] ?? traded;
    if (offer === undefined) continue;
    const here = ratingAt(i)[0];
    const tiedHere = here !== undefined && (trades(i) || (asked.has(i) && !asReason(offer)));
    const rating =
      (tiedHere ? here : undefined) ??
      (linked(i, i - 1, offer) ? ratingAt(i - 1)[0] : undefined) ??
      (linked(i, i + 1, offer) ? ratingAt(i + 1)[0] : undefined);
    // A thank-you for a rating next to a price list is no deal; "as promised" makes it one.
    if (rating === undefined || (afterTheFact() && !promised)) continue;
    const ranges = [offer, rating];
    incentive.push({ kind: afterTheFact() ? 'rewards_rating' : 'offers_value', ranges, key: offer });
    // Paying for a rating to come is asking for it; a reward for one already given is not.
    if (!afterTheFact()) pressure.push({ kind: 'rating_for_value', ranges, key: valueOf(rating) });
  }

  return { pressure, incentive };
}

function sentenceIndex(sentences: readonly Range[], r: Range): number {
  return sentences.findIndex((s) => r.start >= s.start && r.start < s.end);
}

/** The trigger and the ask beside it as one highlight ("please give me 5 stars"), when close. */
const NEAR = 60;
function joinNear(rs: readonly Range[]): Range[] {
  const [anchor, ...rest] = rs;
  if (anchor === undefined) return [];
  let joined = { ...anchor };
  const apart: Range[] = [];
  for (const r of [...rest].sort((a, b) => a.start - b.start)) {
    const gap = r.end <= joined.start ? joined.start - r.end : r.start - joined.end;
    if (gap <= NEAR) joined = { start: Math.min(joined.start, r.start), end: Math.max(joined.end, r.end) };
    else apart.push(r);
  }
  return [joined, ...apart.slice(0, 1)];
}

function toSpans(body: string, f: Folded, rs: readonly Range[]): TextSpan[] {
  const out: TextSpan[] = [];
  for (const r of [...rs].sort((a, b) => a.start - b.start)) {
    const start = f.from(r.start);
    const end = f.to(r.end - 1);
    const last = out[out.length - 1];
    if (last !== undefined && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.text = body.slice(last.start, last.end);
    } else {
      out.push({ start, end, text: body.slice(start, end) });
    }
  }
  return out;
}

const slice = (body: string, f: Folded, r: Range) => body.slice(f.from(r.start), f.to(r.end - 1));

/** One finding per kind and place: the rules overlap on purpose, the moderator needs each once. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((x) => {
    const k = `${x.kind}:${x.spans.map((s) => `${s.start}-${s.end}`).join(',')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The spans a moderator sees highlighted, in UTF-16 offsets of the original body. */
export function scanMessage(body: string): { pressure: TextSpan[]; incentive: TextSpan[] } {
  const { pressure, incentive } = analyseMessage(body);
  return { pressure: mergeSpans(pressure), incentive: mergeSpans(incentive) };
}

function mergeSpans(findings: readonly Finding[]): TextSpan[] {
  const all = findings.flatMap((x) => x.spans).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextSpan[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end, text: last.text + s.text.slice(last.end - s.start) };
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The detectors
// ---------------------------------------------------------------------------------------

const QUOTE_MAX = 160;

/** The sentence around the first span, trimmed to a quote a moderator can read at a glance. */
function quoteAround(body: string, spans: readonly TextSpan[]): string {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first === undefined || last === undefined) return '';
  let start = first.start;
  while (start > 0 && !/[.!?\n]/.test(body[start - 1] ?? '')) start -= 1;
  let end = last.end;
  while (end < body.length && !/[.!?\n]/.test(body[end] ?? '')) end += 1;
  if (end < body.length) end += 1;
  let quote = body.slice(start, end).replace(/\s+/g, ' ').trim();
  if (quote.length > QUOTE_MAX) {
    const lead = Math.max(0, first.start - start - 40);
    quote = `${lead > 0 ? '…' : ''}${quote.slice(lead, lead + QUOTE_MAX - 2).trim()}…`;
  }
  return quote;
}

const SUMMARY: Record<FindingKind, (key: string, date: string) => string> = {
  asks_high_rating: (key, date) => `Designer asked the customer for "${key}" on ${date}`,
  asks_rating_change: (key, date) => `Designer asked the customer to change or remove a rating ("${key}") on ${date}`,
  asks_no_low_rating: (key, date) => `Designer asked the customer not to leave a low rating ("${key}") on ${date}`,
  rating_for_value: (key, date) => `Designer asked the customer for a rating ("${key}") in return for something of value on ${date}`,
  offers_value: (key, date) => `Designer offered "${key}" in return for a rating or review on ${date}`,
  rewards_rating: (key, date) => `Designer gave "${key}" in return for a rating or review on ${date}`,
};

/** What a hit says about a message that depends on its body alone. */
interface MessageEvidence {
  kind: FindingKind;
  key: string;
  detail: string;
  spans: TextSpan[];
}

interface BodyScan {
  analysis: MessageAnalysis;
  evidence: Map<DetectorName, MessageEvidence | null>;
}

/**
 * Scans by body, for one list of messages. A designer who pastes one message to many
 * customers is scanned once, and the two detectors run over the same list share the work.
 * A scan depends on the body alone, so a cached one is never stale, and the WeakMap lets the
 * cache go with the list: the detectors stay pure functions of their arguments.
 */
const scansByList = new WeakMap<readonly Message[], Map<string, BodyScan>>();
function scanOf(messages: readonly Message[], body: string): BodyScan {
  let byBody = scansByList.get(messages);
  if (byBody === undefined) {
    byBody = new Map();
    scansByList.set(messages, byBody);
  }
  let scan = byBody.get(body);
  if (scan === undefined) {
    scan = { analysis: analyseMessage(body), evidence: new Map() };
    byBody.set(body, scan);
  }
  return scan;
}

function evidenceOf(scan: BodyScan, body: string, detector: DetectorName, findings: readonly Finding[]): MessageEvidence | null {
  const known = scan.evidence.get(detector);
  if (known !== undefined) return known;
  const lead = findings[0];
  const spans = mergeSpans(findings);
  const evidence =
    lead === undefined
      ? null
      : { kind: lead.kind, key: lead.key.replace(/\s+/g, ' ').trim(), detail: quoteAround(body, spans), spans };
  scan.evidence.set(detector, evidence);
  return evidence;
}

function messageDetector(
  detector: DetectorName,
  pick: (analysis: MessageAnalysis) => Finding[],
  score: (policy: Policy) => number,
): Detector {
  return (facts: ManipulationFacts, context: DetectionContext, policy: Policy): Hit[] => {
    const asOf = toMs(context.asOf);
    const hits: Hit[] = [];
    for (const message of facts.messages) {
      if (message.fromRole !== 'designer' || toMs(message.sentAt) > asOf) continue;
      const scan = scanOf(facts.messages, message.body);
      const findings = pick(scan.analysis);
      if (findings.length === 0) continue;
      const evidence = evidenceOf(scan, message.body, detector, findings);
      if (evidence !== null) hits.push(hitOf(detector, message, evidence, score(policy)));
    }
    return hits;
  };
}

function hitOf(detector: DetectorName, message: Message, evidence: MessageEvidence, score: number): Hit {
  return {
    detector,
    designerId: message.designerId,
    customerId: message.customerId,
    score,
    at: message.sentAt,
    evidence: {
      summary: SUMMARY[evidence.kind](evidence.key, formatDate(message.sentAt)),
      items: [
        {
          kind: 'message',
          id: message.id,
          at: message.sentAt,
          detail: evidence.detail,
          // Each hit owns its spans: a consumer that edits one must not edit another's.
          spans: evidence.spans.map((span) => ({ ...span })),
        },
      ],
    },
  };
}

/** R12 `pressure_message`: a designer asks for a high rating, or for a low one to change or go. */
export const pressureMessage: Detector = messageDetector(
  'pressure_message',
  (a) => a.pressure,
  (p) => p.detectors.pressureMessage.score,
);

/** R12 `incentive_offer`: a designer ties something of value to a rating or review. */
export const incentiveOffer: Detector = messageDetector(
  'incentive_offer',
  (a) => a.incentive,
  (p) => p.detectors.incentiveOffer.score,
);
