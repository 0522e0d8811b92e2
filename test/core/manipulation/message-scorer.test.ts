// RULES.md R12: the learned message scorer — its checked-in weights, its features, its
// explanations, and the hits the detectors raise when it alone is confident.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import { createMessageDetectors, explainScore } from '../../../core/manipulation/message-detectors';
import { collectFeatures, FEATURE_KINDS, FeatureList, hashKey, scorerText } from '../../../core/manipulation/message-features';
import { MessageScorer, messageScorer, scoredLabels, scorerWeightsSchema, type ScorerWeights } from '../../../core/manipulation/message-scorer';
import { foldText } from '../../../core/manipulation/text-fold';
import type { ManipulationFacts } from '../../../core/manipulation/types';
import WEIGHTS from '../../../core/manipulation/message-scorer-weights.json' with { type: 'json' };
import { HOSTILE_BODIES } from '../../../bench/detector-worst-case';
import { T0, makeMessage } from '../builders';

const facts = (body: string): ManipulationFacts => ({
  designers: [],
  customers: [],
  messages: [makeMessage(body, { id: 'm1', sentAt: T0 })],
  ratings: [],
  reviews: [],
  reports: [],
  contracts: [],
});
const asOf = { asOf: '2026-11-30T00:00:00.000Z' };

/** A scorer that reads two concepts only: asking support to remove something. */
const tiny: ScorerWeights = {
  format: 'message-scorer/2',
  trainedOn: { note: 'by hand, for the tests' },
  scale: 10_000,
  models: { pressure_message: { bias: -3 }, incentive_offer: { bias: -9 }, manipulation: { bias: -3, threshold: 0.5 } },
  features: [
    ['k:REMOVE', 250_000, 0, 250_000],
    ['k:SUPPORT', 250_000, 0, 250_000],
  ],
};

describe('the checked-in weights', () => {
  const data = scorerWeightsSchema.parse(WEIGHTS);

  it('are a valid file: known feature kinds, each key once and in order, a threshold between 0 and 1', () => {
    const keys = data.features.map(([key]) => key);
    expect(keys.every((k) => (FEATURE_KINDS as readonly string[]).includes(k.charAt(0)) && k.charAt(1) === ':')).toBe(true);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(data.features.every(([, p, i, m]) => p !== 0 || i !== 0 || m !== 0)).toBe(true);
    expect(data.models.manipulation.threshold).toBeGreaterThan(0.5);
    expect(data.models.manipulation.threshold).toBeLessThan(1);
  });

  it('say how they were made, and read no split but train and dev', () => {
    expect(data.trainedOn.corpus).toMatch(/\(train, dev\).*\(dev\)$/);
    expect(JSON.stringify(data.trainedOn)).not.toMatch(/test split|\(test\)|holdout/);
  });

  it('score as the listed features add up, whatever the characters (property)', () => {
    // score() reads the common 4-grams by their packed characters, explain() lists every feature
    // by hash: the two must agree, on Latin text and on emoji, CJK and accents alike.
    const scorer = messageScorer();
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.array(fc.constantFrom('please', 'rate', '5', 'stars', 'review', '⭐', '🙏', 'ñ', 'é', '評価', 'ulasan', 'bintang', ' ', '!', 'f1ve'), { maxLength: 30 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, (body) => {
        const folded = foldText(body);
        const p = scorer.score(folded);
        return (['pressure_message', 'incentive_offer', 'manipulation'] as const).every((m) => Math.abs(p[m] - scorer.explain(folded, m).probability) < 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('give a scorer that answers the same whatever it scored before (property)', () => {
    const scorer = messageScorer();
    const again = new MessageScorer(data);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 6 }), (bodies) => {
        const first = bodies.map((b) => scorer.score(foldText(b)));
        const reversed = [...bodies].reverse().map((b) => again.score(foldText(b))).reverse();
        return JSON.stringify(first) === JSON.stringify(reversed);
      }),
      { numRuns: 200 },
    );
  });
});

describe('which detector a confident verdict goes to', () => {
  const p = (manipulation: number, pressure_message: number, incentive_offer: number) => ({ manipulation, pressure_message, incentive_offer });

  it('none below the threshold, whatever the label models say', () => {
    expect(scoredLabels(p(0.79, 0.99, 0.99), 0.8)).toEqual([]);
  });

  it('the likelier label takes it (an incentive only from 0.5), and the other too when its model is at least 0.9 sure', () => {
    expect(scoredLabels(p(0.8, 0.9, 0.2), 0.8)).toEqual(['pressure_message']);
    expect(scoredLabels(p(0.9, 0.6, 0.7), 0.8)).toEqual(['incentive_offer']);
    expect(scoredLabels(p(0.9, 0.1, 0.6), 0.8)).toEqual(['incentive_offer']);
    // Neither sure: pressure, the broader detector, takes it.
    expect(scoredLabels(p(0.9, 0.1, 0.3), 0.8)).toEqual(['pressure_message']);
    expect(scoredLabels(p(0.9, 0.2, 0.2), 0.8)).toEqual(['pressure_message']);
    expect(scoredLabels(p(0.95, 0.99, 0.9), 0.8)).toEqual(['pressure_message', 'incentive_offer']);
    expect(scoredLabels(p(0.95, 0.91, 0.97), 0.8)).toEqual(['incentive_offer', 'pressure_message']);
  });

  it('a confident verdict always names a detector, and only a confident one does (property)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, (m, pr, inc, t) => {
        const labels = scoredLabels(p(m, pr, inc), t);
        return m >= t ? labels.length >= 1 && labels.length <= 2 : labels.length === 0;
      }),
    );
  });
});

describe('features', () => {
  it('hash each key in place as the vocabulary hashes it whole, on the same text with or without offsets (property)', () => {
    const list = new FeatureList();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (body) => {
        const folded = foldText(body);
        const { text } = scorerText(folded);
        if (scorerText(folded, false).text !== text) return false;
        collectFeatures(text, list);
        for (let i = 0; i < list.count; i += 1) {
          const [a, b] = hashKey(list.keyOf(i, text));
          if (a !== list.h1[i] || b !== list.h2[i]) return false;
        }
        return true;
      }),
    );
  });

  it('read the words, the concepts they name, and concepts near each other', () => {
    const list = new FeatureList();
    const { text } = scorerText(foldText('Bitte beim Support melden, damit die Rezension gelöscht wird 🙏'));
    collectFeatures(text, list);
    const keys = Array.from({ length: list.count }, (_, i) => list.keyOf(i, text));
    expect(keys).toEqual(expect.arrayContaining(['w:support', 'w:rezension', 'k:SUPPORT', 'k:RATING', 'k:REMOVE', 'k:PLEASE', 'p:RATING+REMOVE', 'c:losc']));
  });
});

describe('explanations', () => {
  it('point into the original text, whatever it holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 160 }), (body) => {
        const { spans } = explainScore(body, 'pressure_message');
        return spans.length <= 3 && spans.every((s) => s.start < s.end && body.slice(s.start, s.end) === s.text);
      }),
      { numRuns: 300 },
    );
  });

  it('stay whole on long hostile bodies: a probability, at most three spans, each inside the body', () => {
    const scorer = messageScorer();
    for (const [name, body] of HOSTILE_BODIES) {
      const p = scorer.score(foldText(body)).manipulation;
      expect(p, name).toBeGreaterThanOrEqual(0);
      expect(p, name).toBeLessThanOrEqual(1);
      const { spans } = explainScore(body);
      expect(spans.length, name).toBeLessThanOrEqual(3);
      for (const s of spans) expect(body.slice(s.start, s.end), name).toBe(s.text);
    }
  });

  it('name the words that weighed, within one sentence', () => {
    const body = 'Thanks for choosing my logo! Could you write to support and have them remove the review? It hurt.';
    const { spans } = explainScore(body, 'pressure_message', new MessageScorer(tiny));
    expect(spans.map((s) => s.text).join(' | ')).toMatch(/support/);
    expect(spans.map((s) => s.text).join(' | ')).not.toMatch(/Thanks|hurt/);
    expect(spans.every((s) => !/[.!?]\s/.test(s.text))).toBe(true);
  });
});

describe('the detectors with a scorer', () => {
  const { pressureMessage, incentiveOffer } = createMessageDetectors(() => new MessageScorer(tiny));

  it('flag a message the rules miss when the scorer is confident, with its probability, its spans and a share of the score', () => {
    const body = 'Could you write to the support desk so that they remove it?';
    const [hit, ...rest] = pressureMessage(facts(body), asOf, DEFAULT_POLICY);
    expect(rest).toEqual([]);
    expect(hit?.evidence.summary).toMatch(
      /^Designer's message of 2 November 2026 reads as pressure for a rating or review \(message scorer [01]\.\d\d, no phrase rule matched\): "/,
    );
    const p = Number(/scorer ([01]\.\d\d)/.exec(hit?.evidence.summary ?? '')?.[1]);
    expect(hit?.score).toBeLessThan(DEFAULT_POLICY.detectors.pressureMessage.score);
    expect(Math.abs((hit?.score ?? 0) - DEFAULT_POLICY.detectors.pressureMessage.score * p)).toBeLessThanOrEqual(1);
    const spans = hit?.evidence.items[0]?.spans ?? [];
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(incentiveOffer(facts(body), asOf, DEFAULT_POLICY)).toEqual([]);
  });

  it('say when the rules fired and the scorer did not', () => {
    const [hit] = pressureMessage(facts('Please give me 5 stars!'), asOf, DEFAULT_POLICY);
    expect(hit?.score).toBe(DEFAULT_POLICY.detectors.pressureMessage.score);
    expect(hit?.evidence.summary).toMatch(/\(phrase rules; message scorer 0\.\d\d\)$/);
  });

  it('say when both fired, quoting the scorer', () => {
    const [hit] = pressureMessage(facts('Please remove the 1 star review, support can do it.'), asOf, DEFAULT_POLICY);
    expect(hit?.score).toBe(DEFAULT_POLICY.detectors.pressureMessage.score);
    expect(hit?.evidence.summary).toMatch(/; the message scorer agrees \([01]\.\d\d: ".+"\)$/);
  });

  it('give a confident verdict to the detector the label models find likelier, and to it alone', () => {
    // The same `manipulation` verdict as `tiny`, but the incentive model is the likelier one.
    const leaning: ScorerWeights = {
      ...tiny,
      models: { ...tiny.models, pressure_message: { bias: -9 }, incentive_offer: { bias: -3 } },
      features: tiny.features.map(([key, , , m]) => [key, 0, m, m]),
    };
    const detectors = createMessageDetectors(() => new MessageScorer(leaning));
    const body = 'Could you write to the support desk so that they remove it?';
    expect(detectors.pressureMessage(facts(body), asOf, DEFAULT_POLICY)).toEqual([]);
    const [hit] = detectors.incentiveOffer(facts(body), asOf, DEFAULT_POLICY);
    expect(hit?.evidence.summary).toMatch(/reads as something of value offered for a rating or review \(message scorer/);
  });

  it('flag nothing when neither fires', () => {
    expect(pressureMessage(facts('Here are the files, in CMYK and RGB.'), asOf, DEFAULT_POLICY)).toEqual([]);
  });
});
