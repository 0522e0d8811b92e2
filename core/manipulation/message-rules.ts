// RULES.md R12: the phrase rules behind pressure_message and incentive_offer. A message is read
// sentence by sentence (text-match.ts) on its folded text (text-fold.ts); the patterns of
// phrases/ give the clues, and four rules below turn clues into findings: a high rating asked
// for, a rating asked to change, a low rating warded off, and value tied to a rating.
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
  NAMES_A_RATING,
  OFFER,
  PAST_QUESTION,
  PREEMPT,
  PROMISED,
  PRONOUN_GOES,
  RAISE_TO,
  RATING_GOES,
  RATING_HINT,
  RATING_MENTION,
  RATING_OBJECT,
  REPORTED_QUOTE,
  REQUEST,
  REVIEWS_AS_MATERIAL,
  SELF_ASK,
  SELF_RATED,
  STAR_SCENE,
  THANKED,
  THANKED_RATING,
  THIRD_PARTY,
  TRADE,
  VALUE,
  VALUE_AS_REASON,
} from './phrases';
import { bySentence, inside, sentenceIndex, sentencesOf, type Pattern, type Range } from './text-match';

/** Why a message counts, for the hit's one-sentence summary. */
export type FindingKind =
  | 'asks_high_rating'
  | 'asks_rating_change'
  | 'asks_no_low_rating'
  | 'rating_for_value'
  | 'offers_value'
  | 'rewards_rating';

/** A finding in offsets of the folded text, before it is mapped back to the body. */
export interface RuleFinding {
  kind: FindingKind;
  ranges: Range[];
  /** What the summary quotes: the rating asked for, or the thing of value. */
  key: Range;
}

export interface RuleFindings {
  pressure: RuleFinding[];
  incentive: RuleFinding[];
}

/**
 * The phrase rules over one folded text. A text naming nothing rating-like is done at once:
 * most messages are design talk none of the rules can match.
 */
export function applyRules(text: string): RuleFindings {
  if (!RATING_HINT.test(text)) return { pressure: [], incentive: [] };
  const clues = new Clues(new Reading(text));
  const asked = new Set<number>();
  const pressure = [...asksHighRating(clues, asked), ...asksRatingChange(clues, asked), ...asksNoLowRating(clues, asked)];
  const traded = valueForRating(clues, asked);
  return { pressure: [...pressure, ...traded.pressure], incentive: traded.incentive };
}

// ---------------------------------------------------------------------------------------
// Reading a message sentence by sentence
// ---------------------------------------------------------------------------------------

/** A sentence this short ("Please!", "Five stars.") leans on its neighbour for its meaning. */
const SHORT_WORDS = 3;
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[a-z0-9★]/.test(w)).length;

/**
 * One message's folded text, cut into sentences. Each pattern runs at most once, over the whole
 * text (a run has a fixed cost that many short runs would multiply), and only when a rule asks
 * for it; its matches are then filed by the sentence they start in.
 */
class Reading {
  readonly sentences: readonly Range[];
  /** Sentences that name something rating-like: the rating patterns only count there. */
  private readonly hinted: readonly boolean[];
  private readonly filed = new Map<Pattern, Range[][]>();
  private quotedAreas: Range[] | undefined;

  constructor(readonly text: string) {
    this.sentences = sentencesOf(text);
    this.hinted = bySentence(this.sentences, RATING_HINT.all(text)).map((rs) => rs.length > 0);
  }

  get count(): number {
    return this.sentences.length;
  }

  sentence(i: number): string {
    const s = this.sentences[i];
    return s === undefined ? '' : this.text.slice(s.start, s.end);
  }

  namesARating(i: number): boolean {
    return this.hinted[i] === true;
  }

  /** The matches of a pattern that start in sentence i. */
  find(p: Pattern, i: number): Range[] {
    let rows = this.filed.get(p);
    if (rows === undefined) {
      rows = bySentence(this.sentences, p.all(this.text));
      this.filed.set(p, rows);
    }
    return rows[i] ?? [];
  }

  /**
   * A rating pattern's matches: only in a sentence that names a rating (or right after one, when
   * `near`: "…your 2 stars. Could you remove it?"), and never inside someone else's words.
   */
  rated(p: Pattern, i: number, near = false): Range[] {
    if (!(this.namesARating(i) || (near && this.namesARating(i - 1)))) return [];
    const found = this.find(p, i);
    if (found.length === 0) return found;
    const quoted = this.quoted();
    return quoted.length === 0 ? found : found.filter((r) => !inside(r, quoted));
  }

  /** Text that is not the designer's ask: a quotation, or existing reviews asked for as material. */
  private quoted(): Range[] {
    return (this.quotedAreas ??= [...REPORTED_QUOTE.all(this.text), ...REVIEWS_AS_MATERIAL.all(this.text)]);
  }
}

// ---------------------------------------------------------------------------------------
// The clues the rules weigh, sentence by sentence
// ---------------------------------------------------------------------------------------

/**
 * Each clue of sentence i, as the rules read it: nothing outside the message, and nothing in a
 * sentence about someone else's customers ("your customers leave a review and get 10% off").
 */
class Clues {
  /** "As promised": a deal being kept somewhere in the message. */
  readonly promised: boolean;
  private afterTheFactMemo: boolean | undefined;

  constructor(readonly reading: Reading) {
    this.promised = reading.sentences.some((_, i) => reading.find(PROMISED, i).length > 0);
  }

  get count(): number {
    return this.reading.count;
  }

  private at(i: number, found: (i: number) => Range[]): Range[] {
    if (i < 0 || i >= this.reading.count) return [];
    const hits = found(i);
    return hits.length === 0 || this.reading.find(THIRD_PARTY, i).length > 0 ? [] : hits;
  }

  private any(p: Pattern, i: number): Range[] {
    return this.at(i, (k) => this.reading.find(p, k));
  }

  private rated(p: Pattern, i: number, near = false): Range[] {
    return this.at(i, (k) => this.reading.rated(p, k, near));
  }

  namesARating(i: number): boolean {
    return this.reading.namesARating(i);
  }

  isQuestion(i: number): boolean {
    return /[?¿]/.test(this.reading.sentence(i));
  }

  isShort(i: number): boolean {
    return i >= 0 && i < this.reading.count && wordCount(this.reading.sentence(i)) <= SHORT_WORDS;
  }

  /** Stars as a picture: a hotel sign, a night sky, a widget. */
  isStarScene(i: number): boolean {
    return this.reading.find(STAR_SCENE, i).length > 0;
  }

  // -- Ratings named --------------------------------------------------------------------

  /** High values named ("5 stars", "full marks"), but not the designer's own record ("I always get 5 stars"). */
  high(i: number): Range[] {
    return this.at(i, (k) => {
      const named = this.reading.rated(HIGH_RATING, k);
      const record = named.length === 0 ? [] : this.reading.find(SELF_RATED, k);
      return record.length === 0 ? named : named.filter((r) => !record.some((x) => r.start >= x.start && r.start < x.end));
    });
  }

  /** High values the designer asks for here: not a picture of stars, not thanks for ones given. */
  demandedHigh(i: number): Range[] {
    const high = this.high(i);
    if (high.length === 0 || this.isStarScene(i)) return [];
    const thanks = this.any(THANKED, i);
    return high.filter((h) => !thanks.some((d) => d.end <= h.start && h.start - d.end <= 12));
  }

  /** High values as a rating traded: stars thanked for still count, a reward for them is still one. */
  highTraded(i: number): Range[] {
    const high = this.high(i);
    return high.length === 0 || this.isStarScene(i) ? [] : high;
  }

  ratingObject = (i: number) => this.rated(RATING_OBJECT, i);
  ratingMention = (i: number) => this.rated(RATING_MENTION, i);
  /** The customer's thanks for a rating: a rating traded only when a deal is being kept. */
  thankedRating = (i: number) => (this.promised ? this.rated(THANKED_RATING, i) : []);

  // -- Asking ---------------------------------------------------------------------------

  /** Politeness, an imperative, or a condition: "please", "rate me", "if you liked it". */
  asks(i: number): Range[] {
    return [...this.any(REQUEST, i), ...this.any(IMPERATIVE, i), ...this.any(CONDITION, i)];
  }

  /** An ask, or a question that is not about what already happened ("did you change it?"). */
  asksOrQuestion(i: number): boolean {
    return this.asks(i).length > 0 || (this.isQuestion(i) && this.any(PAST_QUESTION, i).length === 0);
  }

  invite = (i: number) => this.any(INVITE, i);
  selfAsk = (i: number) => this.any(SELF_ASK, i);
  condition = (i: number) => this.any(CONDITION, i);

  // -- Changing or removing a rating ----------------------------------------------------

  change = (i: number) => this.rated(CHANGE_RATING, i);
  raise = (i: number) => this.rated(RAISE_TO, i);
  goes = (i: number) => this.rated(RATING_GOES, i);
  pronounGoes = (i: number) => this.rated(PRONOUN_GOES, i, true);
  changePronoun = (i: number) => this.rated(CHANGE_PRONOUN, i, true);
  avoidLow = (i: number) => this.rated(AVOID_LOW, i);
  preempt = (i: number) => this.rated(PREEMPT, i);

  // -- Value ----------------------------------------------------------------------------

  value = (i: number) => this.any(VALUE, i);
  offers = (i: number) => this.any(OFFER, i);
  andOffer = (i: number) => this.any(AND_OFFER, i);
  forRating = (i: number) => this.rated(FOR_RATING, i);
  exchange = (i: number) => this.any(EXCHANGE, i);
  trade = (i: number) => this.any(TRADE, i);
  promisedAt = (i: number) => this.any(PROMISED, i);

  /** Every rating-like thing in sentence i a value can be traded for, in text order. */
  ratingsTraded(i: number): Range[] {
    if (i < 0 || i >= this.count) return [];
    return [
      ...this.highTraded(i),
      ...this.ratingObject(i),
      ...this.thankedRating(i),
      ...this.change(i),
      ...this.raise(i),
      ...this.goes(i),
      ...this.avoidLow(i),
      ...this.forRating(i),
    ].sort((a, b) => a.start - b.start);
  }

  /** A value named as already given or as a reason ("since the revisions were free"), not offered. */
  isReason(offer: Range): boolean {
    const { sentences, text } = this.reading;
    const s = sentences[sentenceIndex(sentences, offer)];
    return VALUE_AS_REASON.test(text.slice(Math.max(s?.start ?? 0, offer.start - 60), offer.start));
  }

  /** A thank-you or a kept promise, with nothing asked or traded: value given after the rating. */
  afterTheFact(): boolean {
    const { sentences } = this.reading;
    return (this.afterTheFactMemo ??=
      (this.promised || sentences.some((_, i) => this.reading.find(THANKED, i).length > 0)) &&
      !sentences.some((_, i) => this.asks(i).length > 0 || this.exchange(i).length > 0));
  }
}

// ---------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------

/** A rating of a given sentiment, asked for: "please give me 5 stars", "Five stars. Please." */
function asksHighRating(c: Clues, asked: Set<number>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (let i = 0; i < c.count; i += 1) {
    const first = c.demandedHigh(i)[0];
    if (first === undefined) continue;
    let ask = [...c.asks(i), ...c.invite(i), ...c.selfAsk(i)];
    // A short sentence leans on its neighbour: "Five stars. Please."
    if (ask.length === 0 && !c.isQuestion(i) && (c.isShort(i) || c.isShort(i - 1) || c.isShort(i + 1))) {
      ask = [...c.asks(i - 1), ...c.asks(i + 1)].filter((r) => c.isShort(sentenceIndex(c.reading.sentences, r)) || c.isShort(i));
    }
    if (ask.length === 0 && !c.isQuestion(i)) continue;
    out.push({ kind: 'asks_high_rating', ranges: joinNear([first, ...ask]), key: quotedValue(c, first) });
    asked.add(i);
  }
  return out;
}

/** A rating to change, raise or remove: "could you update your rating?", "can you take it down?" */
function asksRatingChange(c: Clues, asked: Set<number>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (let i = 0; i < c.count; i += 1) {
    // "It" needs a rating named here or just before to stand for.
    const referent = c.ratingMention(i).length > 0 || c.ratingMention(i - 1).length > 0;
    // In a sentence about a hotel sign, "remove the 5 stars" is a design edit; "your rating" never is.
    const starsOnly = (r: Range) => c.isStarScene(i) && !NAMES_A_RATING.test(c.reading.text.slice(r.start, r.end));
    const found = [...c.change(i), ...c.raise(i), ...c.goes(i), ...(referent ? [...c.pronounGoes(i), ...c.changePronoun(i)] : [])]
      .filter((r) => !starsOnly(r))
      .sort((a, b) => a.start - b.start);
    const first = found[0];
    if (first === undefined || !(c.asksOrQuestion(i) || c.invite(i).length > 0)) continue;
    out.push({ kind: 'asks_rating_change', ranges: joinNear([first, ...c.asks(i), ...c.invite(i)]), key: first });
    asked.add(i);
  }
  return out;
}

/** Asking not to leave a low rating, or to come to the designer before rating. */
function asksNoLowRating(c: Clues, asked: Set<number>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (let i = 0; i < c.count; i += 1) {
    const first = c.avoidLow(i)[0] ?? c.preempt(i)[0];
    if (first === undefined) continue;
    out.push({ kind: 'asks_no_low_rating', ranges: [first], key: first });
    asked.add(i);
  }
  return out;
}

/**
 * Something of value tied to a rating, in the same sentence or the next: an offer for a rating
 * to come (also pressure: paying for a rating is asking for it), or a reward for one given.
 */
function valueForRating(c: Clues, asked: ReadonlySet<number>): RuleFindings {
  const pressure: RuleFinding[] = [];
  const incentive: RuleFinding[] = [];
  // Across a sentence break, value and rating are tied by words that trade one for the other, or
  // because the other sentence asks for the rating outright ("Leave me 5 stars. Free mockup for
  // you."), unless the value is named as already given or as a reason.
  const linked = (i: number, j: number, offer: Range) =>
    (asked.has(j) && !c.isReason(offer)) ||
    [i, j].some((k) => c.promisedAt(k).length > 0 || c.exchange(k).length > 0 || c.condition(k).length > 0);
  // Within a sentence, the same: trading words, or an ask with a value not named as a reason.
  const trades = (k: number) =>
    c.promisedAt(k).length > 0 ||
    c.exchange(k).length > 0 ||
    c.condition(k).length > 0 ||
    c.trade(k).length > 0 ||
    c.offers(k).length > 0;
  for (let i = 0; i < c.count; i += 1) {
    if (!c.namesARating(i - 1) && !c.namesARating(i) && !c.namesARating(i + 1)) continue;
    // "I'll send the source files in exchange for a review": anything offered is value when traded,
    // as is anything given "and" after a rating asked for ("rate it 5 stars and I'll send you…").
    const askedFirst = asked.has(i) ? c.ratingsTraded(i)[0] : undefined;
    const traded =
      c.forRating(i)[0] !== undefined
        ? c.offers(i)[0]
        : askedFirst === undefined
          ? undefined
          : c.andOffer(i).find((r) => r.start >= askedFirst.end);
    const offer = c.value(i)[0] ?? traded;
    if (offer === undefined) continue;
    const here = c.ratingsTraded(i)[0];
    const tiedHere = here !== undefined && (trades(i) || (asked.has(i) && !c.isReason(offer)));
    const rating =
      (tiedHere ? here : undefined) ??
      (linked(i, i - 1, offer) ? c.ratingsTraded(i - 1)[0] : undefined) ??
      (linked(i, i + 1, offer) ? c.ratingsTraded(i + 1)[0] : undefined);
    // A thank-you for a rating next to a price list is no deal; "as promised" makes it one.
    if (rating === undefined || (c.afterTheFact() && !c.promised)) continue;
    const ranges = [offer, rating];
    incentive.push({ kind: c.afterTheFact() ? 'rewards_rating' : 'offers_value', ranges, key: offer });
    // Paying for a rating to come is asking for it; a reward for one already given is not.
    if (!c.afterTheFact()) pressure.push({ kind: 'rating_for_value', ranges, key: quotedValue(c, rating) });
  }
  return { pressure, incentive };
}

/** Quote the value itself ("5 stars"), not the verb that asked for it ("rate me 5 stars"). */
function quotedValue(c: Clues, r: Range): Range {
  const core = HIGH_CORE.all(c.reading.text.slice(r.start, r.end))[0];
  return core === undefined ? r : { start: r.start + core.start, end: r.start + core.end };
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
