// RULES.md R12: the learned message scorer beside the phrase rules. Three regularised logistic
// regressions over the features of message-features.ts: `manipulation` decides whether the
// message reads as feedback manipulation at all (trained on both labels together, so pressure
// and incentives teach one model), and `pressure_message` and `incentive_offer` say which
// detector a confident verdict belongs to. Their weights are data (message-scorer-weights.json),
// written by `npm run train:detectors` from the labelled corpus and checked in, so the core does
// no I/O. The scorer explains itself: the stretches of the message whose features weighed most
// towards its verdict.
import { z } from 'zod';
import { CHAR_KIND, collectFeatures, collectWordFeatures, FeatureList, gramCount, gramHash, hashKey, MIN_GRAM, scorerText, type ScorerText } from './message-features';
import type { Range } from './text-match';
import WEIGHTS from './message-scorer-weights.json' with { type: 'json' };

export const SCORED_LABELS = ['pressure_message', 'incentive_offer'] as const;
export type ScoredLabel = (typeof SCORED_LABELS)[number];

/** The scorer's three models: whether a message is manipulation, and which detector's it is. */
export const SCORER_MODELS = ['pressure_message', 'incentive_offer', 'manipulation'] as const;
export type ScorerModel = (typeof SCORER_MODELS)[number];

const modelSchema = z.object({ bias: z.number() });

export const scorerWeightsSchema = z.object({
  format: z.literal('message-scorer/2'),
  /** How the file was made: corpus, splits, seed and hyper-parameters, for the next person. */
  trainedOn: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Weights are integers: this many per unit. */
  scale: z.number().int().positive(),
  models: z.object({
    pressure_message: modelSchema,
    incentive_offer: modelSchema,
    /** The probability from which the scorer flags a message on its own. */
    manipulation: modelSchema.extend({ threshold: z.number().gt(0).lt(1) }),
  }),
  /** Each feature's key (message-features.ts) and its weight in the pressure, incentive and manipulation models. */
  features: z.array(z.tuple([z.string().min(3).max(64), z.number().int(), z.number().int(), z.number().int()])).max(100_000),
});
export type ScorerWeights = z.infer<typeof scorerWeightsSchema>;

export type Probabilities = Record<ScorerModel, number>;

/**
 * A confident verdict goes to the likelier label's detector, and to the other's too when its
 * model is at least this sure. (Claiming at 0.5 cost incentive precision out of fold, 0.89
 * against 0.95: the incentive model gives a plain request for five stars 0.6–0.7.)
 */
export const SECOND_LABEL_CLAIM = 0.9;
/** An incentive must be at least this likely to take a verdict: else it is pressure, the broader of the two. */
export const INCENTIVE_CLAIM = 0.5;

/** The detectors a scorer's verdict flags: none unless `manipulation` reaches the threshold. */
export function scoredLabels(p: Probabilities, threshold: number): ScoredLabel[] {
  if (p.manipulation < threshold) return [];
  const incentive = p.incentive_offer >= Math.max(p.pressure_message, INCENTIVE_CLAIM);
  const [first, second] = incentive ? ([SCORED_LABELS[1], SCORED_LABELS[0]] as const) : SCORED_LABELS;
  return p[second] >= SECOND_LABEL_CLAIM ? [first, second] : [first];
}

/** What weighed in one verdict: the probability and the stretches of folded text behind it. */
export interface ScorerExplanation {
  probability: number;
  /** In folded-text offsets, in text order; at most MAX_SPANS. */
  spans: Range[];
}

const MAX_SPANS = 3;
/** A highlight longer than this many words is cut to its heaviest window. */
const MAX_SPAN_WORDS = 8;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A scorer over one set of weights. Pure: the same text always gets the same answer. */
export class MessageScorer {
  /** The `manipulation` probability from which the scorer flags a message on its own. */
  readonly threshold: number;
  private readonly mask: number;
  /**
   * Every feature but the narrow 4-grams (below), by open addressing on the key's first hash,
   * the second confirming the match: slot s holds the two hashes at 4s and 4s + 1 and the
   * feature at 4s + 2 (-1: empty).
   */
  private readonly slots: Int32Array;
  private readonly gramMask: number;
  /**
   * Character 4-grams of the vocabulary whose four characters are all under 256, by the four
   * characters packed into 32 bits: an exact key that rolls along the text a character at a
   * time, so the common 4-gram needs neither hashing nor a second check. Slot s holds the
   * packed key at 2s and the feature at 2s + 1 (-1: empty), so a probe reads one cache line.
   */
  private readonly gramTable: Int32Array;
  private readonly scratchHash = new Uint32Array(2);
  /** One text's running sums of the three models' weights. */
  private readonly sums = new Float64Array(3);
  /** Per feature, the three models' weights side by side: [pressure, incentive, manipulation]. */
  private readonly weights: Float64Array;
  private readonly bias: readonly [number, number, number];
  /**
   * Which features one message already counted, marked with the message's number: scratch that
   * every call fills and reads before it returns, so no call ever sees another's marks.
   */
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** Scratch for one text's feature occurrences, and for an explanation the feature of each, likewise. */
  private readonly list = new FeatureList();
  private occurrence = new Int32Array(256);

  constructor(data: ScorerWeights) {
    const n = data.features.length;
    this.weights = new Float64Array(n * 3);
    const { pressure_message: p, incentive_offer: i, manipulation: m } = data.models;
    data.features.forEach(([, pressure, incentive, manipulation], f) => {
      this.weights[3 * f] = pressure / data.scale;
      this.weights[3 * f + 1] = incentive / data.scale;
      this.weights[3 * f + 2] = manipulation / data.scale;
    });
    // Each feature in one table: a 4-gram of narrow characters by its packed characters, every
    // other by its hashes. Two small tables stay in the cache where one large one would not.
    const packed = data.features.map(([key]) => packedGram(key));
    const byHash = data.features.flatMap(([key], f) => (packed[f] === undefined ? [[key, f] as const] : []));
    const byGram = packed.flatMap((key, f) => (key === undefined ? [] : [[key, f] as const]));
    this.mask = tableSize(byHash.length) - 1;
    this.slots = new Int32Array((this.mask + 1) * 4).fill(-1);
    for (const [key, f] of byHash) {
      const [a, b] = hashKey(key);
      let slot = a & this.mask;
      while (this.slots[4 * slot + 2] !== -1) slot = (slot + 1) & this.mask;
      this.slots[4 * slot] = a | 0;
      this.slots[4 * slot + 1] = b | 0;
      this.slots[4 * slot + 2] = f;
    }
    this.gramMask = tableSize(byGram.length) - 1;
    this.gramTable = new Int32Array((this.gramMask + 1) * 2).fill(-1);
    for (const [key, f] of byGram) {
      let slot = gramSlot(key) & this.gramMask;
      while (this.gramTable[2 * slot + 1] !== -1) slot = (slot + 1) & this.gramMask;
      this.gramTable[2 * slot] = key | 0;
      this.gramTable[2 * slot + 1] = f;
    }
    this.bias = [p.bias, i.bias, m.bias];
    this.threshold = m.threshold;
    this.seen = new Uint32Array(n);
  }

  private featureOf(a: number, b: number): number {
    const sa = a | 0;
    const sb = b | 0;
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const f = this.slots[4 * slot + 2] ?? -1;
      if (f === -1) return -1;
      if (this.slots[4 * slot] === sa && this.slots[4 * slot + 1] === sb) return f;
    }
  }

  /**
   * The distinct known features of a scorer text (indexes into the weights), each once, and the
   * length normalisation: 1/√(feature occurrences, known or not), so a long message is not more
   * suspect for being long, and leaving a feature out of the file changes no other's weight.
   * With `record`, `occurrence` holds each occurrence's feature index, or -1 for an unknown one.
   */
  private featuresOf(text: string, record = false): { found: number[]; norm: number } {
    const list = this.list;
    collectFeatures(text, list);
    if (record && this.occurrence.length < list.count) this.occurrence = new Int32Array(list.count);
    const feature = record ? this.occurrence : undefined;
    const stamp = this.nextStamp();
    const found: number[] = [];
    for (let k = 0; k < list.count; k += 1) {
      const gram = list.kind[k] === CHAR_KIND ? packedAt(text, list.start[k] ?? 0) : undefined;
      const f = gram === undefined ? this.featureOf(list.h1[k] ?? 0, list.h2[k] ?? 0) : this.gramFeatureOf(gram);
      if (feature !== undefined) feature[k] = f;
      if (f < 0 || this.seen[f] === stamp) continue;
      this.seen[f] = stamp;
      found.push(f);
    }
    return { found, norm: list.count === 0 ? 0 : 1 / Math.sqrt(list.count) };
  }

  /** A fresh mark for one text's features in `seen`; the marks start over when the counter wraps. */
  private nextStamp(): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }

  private gramFeatureOf(key: number): number {
    const signed = key | 0;
    for (let slot = gramSlot(key) & this.gramMask; ; slot = (slot + 1) & this.gramMask) {
      const f = this.gramTable[2 * slot + 1] ?? -1;
      if (f === -1 || this.gramTable[2 * slot] === signed) return f;
    }
  }

  /**
   * The three models' probabilities for a folded message text. The same sums as `featuresOf`
   * gives, in the same order (4-grams in text order, then the rest), without listing the
   * 4-grams: this runs on every designer message, `explain` only on a flagged one.
   */
  score(folded: string): Probabilities {
    const text = scorerText(folded, false).text;
    const stamp = this.nextStamp();
    const sums = this.sums.fill(0);
    let packed = 0;
    // The last position holding a character of 256 or more: a 4-gram over it goes by hash.
    let wide = -MIN_GRAM;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text.charCodeAt(i);
      if (ch > 0xff) wide = i;
      packed = ((packed << 8) | (ch & 0xff)) >>> 0;
      const start = i - MIN_GRAM + 1;
      if (start < 0) continue;
      if (wide >= start) {
        gramHash(text, start, this.scratchHash);
        this.add(this.featureOf(this.scratchHash[0] ?? 0, this.scratchHash[1] ?? 0), stamp, sums);
      } else this.add(this.gramFeatureOf(packed), stamp, sums);
    }
    const list = this.list;
    list.count = 0;
    collectWordFeatures(text, list);
    for (let k = 0; k < list.count; k += 1) this.add(this.featureOf(list.h1[k] ?? 0, list.h2[k] ?? 0), stamp, sums);
    const occurrences = gramCount(text) + list.count;
    const norm = occurrences === 0 ? 0 : 1 / Math.sqrt(occurrences);
    return {
      pressure_message: sigmoid(this.bias[0] + (sums[0] ?? 0) * norm),
      incentive_offer: sigmoid(this.bias[1] + (sums[1] ?? 0) * norm),
      manipulation: sigmoid(this.bias[2] + (sums[2] ?? 0) * norm),
    };
  }

  /** Adds a feature's three weights to `sums`, once per text (`stamp`); -1 is no feature. */
  private add(f: number, stamp: number, sums: Float64Array): void {
    if (f < 0 || this.seen[f] === stamp) return;
    this.seen[f] = stamp;
    sums[0] = (sums[0] ?? 0) + (this.weights[3 * f] ?? 0);
    sums[1] = (sums[1] ?? 0) + (this.weights[3 * f + 1] ?? 0);
    sums[2] = (sums[2] ?? 0) + (this.weights[3 * f + 2] ?? 0);
  }

  /** The detectors this scorer flags a folded text for on its own (see `scoredLabels`). */
  labelsOf(p: Probabilities): ScoredLabel[] {
    return scoredLabels(p, this.threshold);
  }

  /**
   * The stretches of a folded text that weighed most towards `model`'s verdict: each feature's
   * weight is spread over the characters of its occurrences, words add up their characters, and
   * the heaviest runs of words that pull the same way are the explanation.
   */
  explain(folded: string, model: ScorerModel): ScorerExplanation {
    const st = scorerText(folded);
    const side = SCORER_MODELS.indexOf(model);
    const heat = new Float64Array(st.text.length);
    const list = this.list;
    const { found, norm } = this.featuresOf(st.text, true);
    const count = new Map<number, number>();
    const occurrences = this.occurrence.subarray(0, list.count);
    for (const f of occurrences) if (f >= 0) count.set(f, (count.get(f) ?? 0) + 1);
    occurrences.forEach((f, k) => {
      if (f < 0) return;
      const start = list.start[k] ?? 0;
      const end = list.end[k] ?? start + 1;
      const share = ((this.weights[3 * f + side] ?? 0) * norm) / ((count.get(f) ?? 1) * (end - start));
      for (let c = start; c < end; c += 1) heat[c] = (heat[c] ?? 0) + share;
    });
    let z = this.bias[side] ?? 0;
    for (const f of found) z += (this.weights[3 * f + side] ?? 0) * norm;
    return { probability: sigmoid(z), spans: heaviestRuns(st, heat) };
  }
}

interface Word {
  start: number;
  end: number;
  heat: number;
  /** A sentence ends just before this word. */
  afterBreak: boolean;
}

function heaviestRuns(st: ScorerText, heat: Float64Array): Range[] {
  const words: Word[] = [];
  for (let i = 1; i < st.text.length; ) {
    const end = st.text.indexOf(' ', i);
    if (end <= i) {
      i += 1;
      continue;
    }
    let h = ((heat[i - 1] ?? 0) + (heat[end] ?? 0)) / 2;
    for (let c = i; c < end; c += 1) h += heat[c] ?? 0;
    words.push({ start: i, end, heat: h, afterBreak: st.breaks.has(i - 1) });
    i = end + 1;
  }
  // Runs of consecutive words in one sentence that pull towards the verdict; a word that pulls
  // away only a little ("the old 1 star rating") does not cut a run in two.
  const pulls = (k: number): boolean => {
    const w = words[k];
    if (w === undefined) return false;
    if (w.heat > 0) return true;
    const before = words[k - 1];
    const after = words[k + 1];
    return (
      before !== undefined && after !== undefined && before.heat > 0 && after.heat > 0 && !after.afterBreak && w.heat > -0.5 * Math.min(before.heat, after.heat)
    );
  };
  const runs: Word[][] = [];
  let run: Word[] = [];
  words.forEach((w, k) => {
    if (run.length > 0 && (w.afterBreak || !pulls(k))) {
      runs.push(run);
      run = [];
    }
    if (pulls(k) && (run.length > 0 || w.heat > 0)) run.push(w);
  });
  if (run.length > 0) runs.push(run);
  const weighed = runs.map((r) => heaviestWindow(r)).map((r) => ({ r, heat: r.reduce((s, w) => s + w.heat, 0) }));
  const top = weighed.sort((a, b) => b.heat - a.heat || (a.r[0]?.start ?? 0) - (b.r[0]?.start ?? 0)).slice(0, MAX_SPANS);
  return top
    .map(({ r }) => ({ start: st.from[r[0]?.start ?? 0] ?? 0, end: st.to[(r[r.length - 1]?.end ?? 1) - 1] ?? 0 }))
    .sort((a, b) => a.start - b.start);
}

function heaviestWindow(run: readonly Word[]): Word[] {
  if (run.length <= MAX_SPAN_WORDS) return [...run];
  let best = 0;
  let bestHeat = -Infinity;
  for (let s = 0; s + MAX_SPAN_WORDS <= run.length; s += 1) {
    const h = run.slice(s, s + MAX_SPAN_WORDS).reduce((sum, w) => sum + w.heat, 0);
    if (h > bestHeat) {
      bestHeat = h;
      best = s;
    }
  }
  return run.slice(best, best + MAX_SPAN_WORDS);
}

/** The four characters of a text from `start` packed into 32 bits, when each is under 256. */
function packedAt(text: string, start: number): number | undefined {
  if (start + MIN_GRAM > text.length) return undefined;
  let packed = 0;
  for (let i = start; i < start + MIN_GRAM; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch > 0xff) return undefined;
    packed = ((packed << 8) | ch) >>> 0;
  }
  return packed;
}

/** A `c:` key's four characters packed, when each is under 256 (the key of the 4-gram table). */
const packedGram = (key: string): number | undefined => (key.startsWith('c:') && key.length === 2 + MIN_GRAM ? packedAt(key, 2) : undefined);

/** Open addressing at most half full: the power of two above twice the keys. */
function tableSize(keys: number): number {
  let size = 1;
  while (size < keys * 2 + 1) size *= 2;
  return size;
}

/** Spreads packed 4-grams over the table's slots (Knuth's multiplicative hash). */
const gramSlot = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 7;

let defaultScorer: MessageScorer | undefined;

/** The scorer of the checked-in weights, built on first use (the file is checked once, then). */
export function messageScorer(): MessageScorer {
  return (defaultScorer ??= new MessageScorer(scorerWeightsSchema.parse(WEIGHTS)));
}
