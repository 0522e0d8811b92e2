// Worst cases of the text detectors, measured rather than asserted in tests: the message scan
// and the learned scorer (its score, and the explanation of a flagged message) on long hostile
// bodies (a quadratic pattern would take seconds on 40,000 characters), and
// near-duplicate grouping for a designer with thousands of distinct reviews (12.5 million
// pairwise comparisons, which prefix filtering avoids).
import { nearDuplicateGroups, scanMessage, wordShingles } from '../core/manipulation';
import { explainScore } from '../core/manipulation/message-detectors';
import { messageScorer } from '../core/manipulation/message-scorer';
import { foldText } from '../core/manipulation/text-fold';
import { measure, prng, type Figure } from './lib';

export const HOSTILE_BODIES: readonly (readonly [string, string])[] = [
  ['digits', '1'.repeat(40_000)],
  ['fives', '5 '.repeat(20_000)],
  ['stars', '★ '.repeat(20_000)],
  ['change verbs', 'change the '.repeat(4_000)],
  ['asks', 'please give me '.repeat(3_000)],
  ['spaced letters', 'a '.repeat(20_000)],
  ['mixed', 'if you could change your 2 star review to 5 stars I will refund 20% '.repeat(600)],
  // Every word a concept of the scorer's lexicon: the most concept pairs a text can hold.
  ['concepts', 'review five change remove support again form unrated '.repeat(750)],
  ['emoji', '🙏⭐🎁 '.repeat(10_000)],
];

export function benchWorstCases(): Figure[] {
  const figures = HOSTILE_BODIES.map(([name, body]) =>
    measure(`message scan of one hostile body: ${name}`, body.length, 'characters', () => scanMessage(body)).figure,
  );
  const scorer = messageScorer();
  for (const [name, body] of HOSTILE_BODIES) {
    figures.push(measure(`message scorer of one hostile body: ${name}`, body.length, 'characters', () => scorer.score(foldText(body)).manipulation).figure);
    figures.push(measure(`scorer's explanation of one hostile body: ${name}`, body.length, 'characters', () => explainScore(body).spans.length).figure);
  }
  const random = prng(7);
  const vocabulary = Array.from({ length: 2_000 }, (_, i) => `w${i}`);
  const reviews = Array.from({ length: 5_000 }, () =>
    wordShingles(Array.from({ length: 30 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '), 3),
  );
  figures.push(measure('near-duplicate groups among one designer’s distinct reviews', reviews.length, 'reviews', () => nearDuplicateGroups(reviews, 0.8)).figure);
  return figures;
}
