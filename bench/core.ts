// Rule-core benchmarks at the scale PRODUCT.md names: star ratings over 1.5 million ratings,
// intake of 2 million submissions, detectors over 500,000 messages.
import {
  CATEGORY_IDS,
  HOUR_MS,
  intakeSubmission,
  starRating,
  starRatingsByDesigner,
  toStarRating,
  type Category,
  type Designer,
  type Message,
  type Project,
  type Rating,
} from '../core';
import { detectManipulation, scanMessage } from '../core/manipulation';
import { readMessage } from '../core/manipulation/message-detectors';
import { messageScorer } from '../core/manipulation/message-scorer';
import { generateDataset } from '../platform/generator';
import { measure, prng, type Figure } from './lib';

const START = Date.parse('2026-08-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

export function makeRatings(count: number, designers: number, seed = 1): Rating[] {
  const rnd = prng(seed);
  const ratings: Rating[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const at = START + Math.floor(rnd() * 90 * 24) * HOUR_MS;
    const stars = 1 + Math.floor(rnd() * 5);
    const changed = rnd() < 0.2;
    const history = changed
      ? [{ stars, at: iso(at) }, { stars: rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 5), at: iso(at + 36 * HOUR_MS) }]
      : [{ stars, at: iso(at) }];
    ratings[i] = {
      id: `r${i}`,
      rev: history.length,
      submissionId: `s${i}`,
      designerId: `d${Math.floor(rnd() * designers)}`,
      customerId: `c${Math.floor(rnd() * designers * 2)}`,
      category: CATEGORY_IDS[Math.floor(rnd() * CATEGORY_IDS.length)] as Category,
      stars: history[history.length - 1]?.stars ?? null,
      history,
    };
  }
  return ratings;
}

export function benchStarRatings(): { figures: Figure[]; ratio: number } {
  const ratings = makeRatings(1_500_000, 100_000);
  const asOf = '2026-11-01T00:00:00.000Z';
  const onePass = measure('star ratings, every designer × category in one pass', ratings.length, 'ratings', () => starRatingsByDesigner(ratings, asOf));

  // What one pass saves: answering per designer by rescanning the list (quadratic overall).
  const sample = ratings.slice(0, 30_000);
  const designers = [...new Set(sample.map((r) => r.designerId))].slice(0, 2_000);
  const rescan = measure('star ratings, one rescan per designer (for comparison)', designers.length * sample.length, 'rating checks', () =>
    designers.map((designerId) => starRating(sample, { designerId, category: 'logo', asOf })),
  );
  const perPass = measure('star ratings, one pass over the same sample', sample.length, 'ratings', () => starRatingsByDesigner(sample, asOf));
  const ratio = rescan.figure.seconds / perPass.figure.seconds;
  return { figures: [onePass.figure, rescan.figure, perPass.figure], ratio };
}

export function benchIntake(): Figure {
  const rnd = prng(2);
  const designerCount = 100_000;
  const designers: Designer[] = Array.from({ length: designerCount }, (_, i) => {
    const verification = rnd() < 0.12 ? 'unverified' : 'verified';
    return {
      id: `d${i}`,
      rev: 1,
      handle: `d${i}`,
      displayName: '',
      country: '',
      joinedAt: iso(START),
      verification,
      accountStatus: 'active',
      history: [{ at: iso(START), verification, accountStatus: 'active' }],
    };
  });
  const projects: Project[] = Array.from({ length: 200_000 }, (_, i) => {
    const launchedAt = START + i * 30_000;
    return {
      id: `p${i}`,
      rev: 1,
      customerId: `c${i}`,
      title: '',
      category: CATEGORY_IDS[i % CATEGORY_IDS.length] as Category,
      kind: 'contest',
      launchedAt: iso(launchedAt),
      endsAt: iso(launchedAt + (1 + (i % 10)) * 24 * HOUR_MS),
      status: 'open',
    };
  });
  // The platform replays in time order and keeps a running sum and count per designer × category.
  const sums = new Map<string, { sum: number; count: number }>();
  const n = 2_000_000;
  const inputs = Array.from({ length: n }, (_, i) => {
    const project = projects[Math.floor(i / 10)] as Project;
    return { project, designer: designers[Math.floor(rnd() * designerCount)] as Designer, offset: Math.floor(rnd() * 20 * HOUR_MS), stars: 1 + Math.floor(rnd() * 5) };
  });
  return measure('intake of submissions (R3/R4) with running rating aggregates', n, 'submissions', () => {
    let held = 0;
    for (const { project, designer, offset, stars } of inputs) {
      const key = `${designer.id}|${project.category}`;
      const acc = sums.get(key) ?? { sum: 0, count: 0 };
      const verdict = intakeSubmission({
        submission: { kind: 'original', submittedAt: iso(Date.parse(project.launchedAt) + offset) },
        project,
        designer,
        ratings: toStarRating(acc.sum, acc.count),
      });
      if (verdict.status === 'held') held++;
      acc.sum += stars;
      acc.count += 1;
      sums.set(key, acc);
    }
    return held;
  }).figure;
}

/**
 * Detectors over half a million designer and customer messages in the generator's en/fr/es
 * texts (pressure and incentives planted at its rate). The generator's templates repeat, and
 * the message detectors memoise per body, so each body gets a unique suffix: real messages
 * are all different, and the figure must not flatter.
 */
export function benchDetectors(): Figure[] {
  const run = generateDataset({ size: { designers: 20_000, submissions: 40_000, messages: 500_000 }, seed: 7, start: '2026-11-01T00:00:00Z' });
  const sent: Message[] = [];
  for (const event of run.events()) {
    if (event.type !== 'message.sent') continue;
    sent.push({ ...event.data, rev: 1, sentAt: event.at });
  }
  const n = 500_000;
  const messages: Message[] = Array.from({ length: n }, (_, i) => {
    const m = sent[i % sent.length] as Message;
    return { ...m, id: `m${i}`, body: `${m.body} [#${i.toString(36)}]` };
  });
  const ratings = makeRatings(300_000, 20_000, 4);
  const empty = { designers: [], customers: [], reviews: [], reports: [], contracts: [] };
  const asOf = '2026-12-01T00:00:00.000Z';
  const scan = measure('message scan alone (pressure and incentive phrases)', n, 'messages', () => {
    let hits = 0;
    for (const m of messages) {
      const found = scanMessage(m.body);
      if (found.pressure.length > 0 || found.incentive.length > 0) hits++;
    }
    return hits;
  });
  const scorer = messageScorer();
  const read = measure('message reading: phrase rules and the learned scorer (three models)', n, 'messages', () => {
    let flagged = 0;
    for (const m of messages) {
      const { analysis, probabilities } = readMessage(m.body, scorer);
      if (analysis.pressure.length > 0 || analysis.incentive.length > 0 || probabilities.manipulation >= scorer.threshold) flagged++;
    }
    return flagged;
  });
  const messagesOnly = measure('all eight detectors over the messages', n, 'messages', () =>
    detectManipulation({ ...empty, messages, ratings: [] }, { asOf }),
  );
  const withRatings = measure('all eight detectors over the messages and 300,000 ratings', n + ratings.length, 'facts', () =>
    // A fresh list: the message detectors' memo is per list, and this run must scan again.
    detectManipulation({ ...empty, messages: [...messages], ratings }, { asOf }),
  );
  return [scan.figure, read.figure, messagesOnly.figure, withRatings.figure];
}
