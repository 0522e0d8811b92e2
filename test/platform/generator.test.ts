// The dataset generator (platform/generator): determinism, time order, validity, the streamed
// file layout, sizes, the planted cases against the log itself, and the few events it expects
// the rules to refuse — checked by an independent replay of the rules that decide them.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_IDS, DAY_MS, DEFAULT_POLICY, HOUR_MS, marketplaceEventSchema, toMs, type MarketplaceEvent } from '../../core';
import {
  EventLogError,
  SIZES,
  TARGET_SHARES,
  eventLogChunks,
  generateDataset,
  liveTick,
  readEventLog,
  writeEventLog,
  type DatasetOptions,
  type GroundTruth,
} from '../../platform/generator';
import { fill, slotsOf, LANGS } from '../../platform/generator/text/fill';
import { MESSAGES, SLOTS } from '../../platform/generator/text/messages';
import { Rng } from '../../platform/generator/rng';
import { DUPLICATE_REVIEW_BASES, DUPLICATE_REVIEW_ENDINGS } from '../../platform/generator/text/reviews';

const START = '2026-11-02T08:00:00Z';
const SMALL: DatasetOptions = { size: 'small', seed: 42, start: START };
const policy = DEFAULT_POLICY;

function generate(options: DatasetOptions): { events: MarketplaceEvent[]; truth: GroundTruth } {
  const run = generateDataset(options);
  const events = [...run.events()];
  return { events, truth: run.truth() };
}

function digest(options: DatasetOptions): string {
  const hash = createHash('sha256');
  for (const chunk of eventLogChunks(generateDataset(options).events())) hash.update(chunk);
  return hash.digest('hex');
}

let events: MarketplaceEvent[] = [];
let truth: GroundTruth;

beforeAll(() => {
  ({ events, truth } = generate(SMALL));
});

function ofType<T extends MarketplaceEvent['type']>(type: T): Extract<MarketplaceEvent, { type: T }>[] {
  return events.filter((e): e is Extract<MarketplaceEvent, { type: T }> => e.type === type);
}

describe('determinism', () => {
  it('gives the same log, byte for byte, for the same seed and size', () => {
    expect(digest(SMALL)).toBe(digest(SMALL));
  });

  it('gives a different log for a different seed', () => {
    expect(digest({ ...SMALL, seed: 43 })).not.toBe(digest(SMALL));
  });

  it('writes every event with its keys in one order', () => {
    for (const event of events.slice(0, 200)) expect(Object.keys(event)).toEqual(['at', 'type', 'data']);
    const sent = ofType('message.sent')[0];
    expect(Object.keys(sent?.data ?? {}).slice(0, 5)).toEqual(['id', 'designerId', 'customerId', 'fromRole', 'body']);
  });
});

describe('the log', () => {
  it('is in time order, within the span, ending at or before start', () => {
    let previous = -Infinity;
    for (const event of events) {
      const t = toMs(event.at);
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
    }
    expect(previous).toBeLessThanOrEqual(toMs(START));
    expect(toMs(events[0]?.at ?? START)).toBeGreaterThanOrEqual(toMs(START) - 90 * DAY_MS);
    expect(toMs(START) - previous).toBeLessThan(DAY_MS);
  });

  it('holds only events valid under marketplaceEventSchema', () => {
    for (const event of events) expect(marketplaceEventSchema.safeParse(event).success).toBe(true);
  });

  it('has roughly the small size (±15%)', () => {
    const targets = SIZES.small;
    const near = (actual: number, target: number) => {
      expect(actual).toBeGreaterThan(target * 0.85);
      expect(actual).toBeLessThan(target * 1.15);
    };
    expect(ofType('designer.joined')).toHaveLength(targets.designers);
    near(ofType('customer.joined').length, targets.customers);
    near(ofType('project.launched').length, targets.projects);
    near(ofType('submission.created').length, targets.submissions);
    near(new Set(ofType('rating.set').map((e) => e.data.submissionId)).size, targets.ratings);
    near(ofType('message.sent').length, targets.messages);
    near(ofType('contract.started').length, targets.contracts);
    expect(truth.stats.events).toBe(events.length);
  });

  it('covers every kind of event and the behaviours the rules care about', () => {
    const types = new Set(events.map((e) => e.type));
    for (const type of marketplaceEventSchema.options.map((o) => o.shape.type.value)) expect(types, type).toContain(type);
    expect(ofType('submission.created').some((e) => e.data.kind === 'customer_revision')).toBe(true);
    expect(ofType('rating.set').some((e) => e.data.stars === null)).toBe(true);
    const rated = ofType('rating.set').map((e) => e.data.submissionId);
    expect(new Set(rated).size).toBeLessThan(rated.length);
    expect(ofType('project.launched').some((e) => e.data.kind === 'mini_contest')).toBe(true);
    const messages = ofType('message.sent');
    expect(messages.some((m) => m.data.fromRole === 'customer' && m.data.contractId !== undefined)).toBe(true);
    expect(messages.some((m) => m.data.fromRole === 'designer' && m.data.projectId !== undefined)).toBe(true);
    const reviews = ofType('review.posted');
    expect(reviews.some((r) => r.data.categories !== undefined)).toBe(true);
    expect(reviews.some((r) => r.data.overall !== undefined && r.data.categories === undefined)).toBe(true);
    expect(reviews.some((r) => r.data.kind === 'interim')).toBe(true);
    expect(reviews.some((r) => r.data.authorRole === 'designer')).toBe(true);
  });

  it('runs contests of 1 to 10 days', () => {
    const days = ofType('project.launched').map((e) => (toMs(e.data.endsAt) - toMs(e.at)) / DAY_MS);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...days)).toBeLessThanOrEqual(10);
    expect(new Set(days.map(Math.round)).size).toBeGreaterThan(4);
  });

  it('writes messages in English, French and Spanish', () => {
    const counts = { en: 0, fr: 0, es: 0 };
    const markers = {
      en: /\b(the|you|your|and|is|for|with)\b/gi,
      fr: /\b(vous|le|la|les|est|pour|avec|une|des)\b/gi,
      es: /\b(el|los|las|para|con|una|por|que|te|tu)\b/gi,
    };
    for (const { data } of ofType('message.sent')) {
      const score = LANGS.map((lang) => data.body.match(markers[lang])?.length ?? 0);
      const best = score.indexOf(Math.max(...score));
      const lang = LANGS[best];
      if (lang !== undefined && (score[best] ?? 0) > 0) counts[lang] += 1;
    }
    const total = ofType('message.sent').length;
    expect(counts.en / total).toBeGreaterThan(0.4);
    expect(counts.fr / total).toBeGreaterThan(0.08);
    expect(counts.es / total).toBeGreaterThan(0.08);
  });

  it('has the stated share of unverified or revoked designers, and some verification changes', () => {
    const verification = new Map<string, string>();
    for (const event of events) {
      if (event.type === 'designer.joined' || event.type === 'designer.verification_changed') verification.set(event.data.id, event.data.verification);
    }
    const share = [...verification.values()].filter((v) => v !== 'verified').length / verification.size;
    expect(share).toBeGreaterThanOrEqual(TARGET_SHARES.unverified.min);
    expect(share).toBeLessThanOrEqual(TARGET_SHARES.unverified.max);
    const changes = ofType('designer.verification_changed');
    expect(changes.some((e) => e.data.verification === 'verified')).toBe(true);
    expect(changes.some((e) => e.data.verification === 'revoked')).toBe(true);
    expect(truth.stats.unverifiedShare).toBeCloseTo(share, 3);
  });

  it('has the stated share of designers rated below 2.5 in a category (R3 holds)', () => {
    const project = new Map(ofType('project.launched').map((e) => [e.data.id, e.data.category]));
    const submission = new Map(ofType('submission.created').map((e) => [e.data.id, e.data]));
    const stars = new Map<string, number | null>();
    for (const { data } of ofType('rating.set')) stars.set(data.submissionId, data.stars);
    const tallies = new Map<string, { sum: number; count: number }>();
    for (const [id, value] of stars) {
      const sub = submission.get(id);
      if (value === null || sub === undefined) continue;
      const key = `${sub.designerId}|${project.get(sub.projectId)}`;
      const t = tallies.get(key) ?? { sum: 0, count: 0 };
      t.sum += value;
      t.count += 1;
      tallies.set(key, t);
    }
    const rated = new Set<string>();
    const below = new Set<string>();
    for (const [key, t] of tallies) {
      const designer = key.split('|')[0] ?? '';
      rated.add(designer);
      if (t.sum * 100 < 250 * t.count) below.add(designer);
    }
    const share = below.size / rated.size;
    expect(share).toBeGreaterThanOrEqual(TARGET_SHARES.heldWorthy.min);
    expect(share).toBeLessThanOrEqual(TARGET_SHARES.heldWorthy.max);
    // Each category has its own distribution: the category means are not all alike.
    const means = CATEGORY_IDS.map((c) => {
      let sum = 0;
      let count = 0;
      for (const [key, t] of tallies) {
        if (key.endsWith(`|${c}`)) {
          sum += t.sum;
          count += t.count;
        }
      }
      return sum / count;
    });
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(0.2);
  });
});

// -------------------------------------------------------------------------------------------
// An independent replay of the rules that refuse events (R7, R8, R9, R10), written from
// RULES.md for this test: it must find exactly the refusals the ground truth expects, and
// nothing else wrong with the ordinary events.

interface Replay {
  refused: { index: number; reasonCode: string }[];
  violations: string[];
  held: number;
  pending: number;
}

function replayRules(log: readonly MarketplaceEvent[]): Replay {
  const refused: Replay['refused'] = [];
  const violations: string[] = [];
  const designers = new Map<string, { verification: string; active: boolean }>();
  const customers = new Set<string>();
  const projects = new Map<string, { category: string; kind: string; launchedAt: number; endsAt: number; status: string; entrants: Set<string> }>();
  const submissions = new Map<string, { designerId: string; projectId: string; withdrawn: boolean }>();
  const stars = new Map<string, number | null>();
  const tallies = new Map<string, { sum: number; count: number }>();
  interface ReviewState { contractId: string; role: string; kind: string; publishedAt: number | null; positive: boolean }
  const contracts = new Map<string, { designerId: string; startedAt: number; closedAt: number | null; enabledAt: number | null; requested: boolean; client?: ReviewState; designer?: ReviewState }>();
  const contractsOf = new Map<string, string[]>();
  const reviews = new Map<string, ReviewState>();
  const extensions = new Map<string, { contractId: string; by: string; decidedAt: number | null; approved: boolean }>();
  const asked = new Set<string>();
  const windowQueue: string[] = [];
  const windowMs = policy.reviews.windowDays * DAY_MS;
  let held = 0;
  let pending = 0;

  const positive = (overall: number | undefined, categories: Record<string, number | undefined> | undefined, text: string): boolean => {
    const values = categories === undefined ? [overall ?? 0] : Object.values(categories).map((v) => v ?? 0);
    return values.every((v) => v >= 5) && (text.match(/\p{L}/gu)?.length ?? 0) >= policy.feedback.minTextLetters;
  };
  const publishDue = (t: number): void => {
    while (windowQueue.length > 0) {
      const contract = contracts.get(windowQueue[0] ?? '');
      if (contract === undefined || contract.closedAt === null || contract.closedAt + windowMs > t) break;
      windowQueue.shift();
      for (const review of [contract.client, contract.designer]) {
        if (review !== undefined && review.publishedAt === null) review.publishedAt = contract.closedAt + windowMs;
      }
    }
  };
  const feedback = (designerId: string, t: number): { counted: number; positive: number } => {
    let counted = 0;
    let pos = 0;
    for (const id of contractsOf.get(designerId) ?? []) {
      const review = contracts.get(id)?.client;
      if (review === undefined || review.publishedAt === null || review.publishedAt > t) continue;
      counted += 1;
      if (review.positive) pos += 1;
    }
    return { counted, positive: pos };
  };

  log.forEach((event, index) => {
    const t = toMs(event.at);
    publishDue(t);
    const refuse = (reasonCode: string): void => {
      refused.push({ index, reasonCode });
    };
    const wrong = (what: string): void => {
      violations.push(`${index} ${event.type}: ${what}`);
    };
    switch (event.type) {
      case 'designer.joined':
        designers.set(event.data.id, { verification: event.data.verification, active: true });
        break;
      case 'designer.verification_changed': {
        const d = designers.get(event.data.id);
        if (d === undefined) wrong('unknown designer');
        else d.verification = event.data.verification;
        break;
      }
      case 'designer.status_changed': {
        const d = designers.get(event.data.id);
        if (d === undefined) wrong('unknown designer');
        else d.active = event.data.accountStatus === 'active' || event.data.accountStatus === 'warned';
        break;
      }
      case 'customer.joined':
        customers.add(event.data.id);
        break;
      case 'project.launched':
        if (!customers.has(event.data.customerId)) wrong('unknown customer');
        projects.set(event.data.id, { category: event.data.category, kind: event.data.kind, launchedAt: t, endsAt: toMs(event.data.endsAt), status: 'open', entrants: new Set() });
        break;
      case 'project.closed':
      case 'project.cancelled': {
        const p = projects.get(event.data.id);
        if (p === undefined || p.status !== 'open') wrong('not an open project');
        else p.status = event.type === 'project.closed' ? 'closed' : 'cancelled';
        break;
      }
      case 'submission.created': {
        const p = projects.get(event.data.projectId);
        const d = designers.get(event.data.designerId);
        if (p === undefined || d === undefined) {
          wrong('unknown project or designer');
          break;
        }
        if (p.status !== 'open' || t < p.launchedAt || t >= p.endsAt) wrong('project not open');
        const tally = tallies.get(`${event.data.designerId}|${p.category}`) ?? { sum: 0, count: 0 };
        if (p.kind === 'mini_contest') {
          const fb = feedback(event.data.designerId, t);
          const others = [...p.entrants].filter((x) => x !== event.data.designerId).length;
          let reason: string | null = null;
          if (!d.active) reason = 'account_inactive';
          else if (tally.count === 0) reason = 'unrated';
          else if (tally.sum * 100 < 275 * tally.count) reason = 'rating_below_minimum';
          else if (fb.counted === 0) reason = 'no_feedback';
          else if (fb.positive * 100 * 100 < 7500 * fb.counted) reason = 'feedback_below_minimum';
          else if (others >= policy.miniContest.maxDesigners) reason = 'contest_full';
          if (reason !== null) {
            refuse(reason);
            break;
          }
        }
        if (d.verification !== 'verified') pending += 1;
        else if (event.data.kind === 'original') {
          const launchEnd = p.launchedAt + Math.min(24 * HOUR_MS, Math.max(2 * HOUR_MS, 0.1 * (p.endsAt - p.launchedAt)));
          if (t < launchEnd && tally.count > 0 && tally.sum * 100 < 250 * tally.count) held += 1;
        }
        p.entrants.add(event.data.designerId);
        submissions.set(event.data.id, { designerId: event.data.designerId, projectId: event.data.projectId, withdrawn: false });
        break;
      }
      case 'submission.withdrawn': {
        const s = submissions.get(event.data.id);
        if (s === undefined || s.withdrawn) wrong('not a live submission');
        else s.withdrawn = true;
        break;
      }
      case 'rating.set': {
        const s = submissions.get(event.data.submissionId);
        if (s === undefined || s.withdrawn) {
          wrong('rating of no live submission');
          break;
        }
        const key = `${s.designerId}|${projects.get(s.projectId)?.category}`;
        const tally = tallies.get(key) ?? { sum: 0, count: 0 };
        const old = stars.get(event.data.submissionId);
        if (old !== undefined && old !== null) {
          tally.sum -= old;
          tally.count -= 1;
        }
        if (event.data.stars !== null) {
          tally.sum += event.data.stars;
          tally.count += 1;
        }
        tallies.set(key, tally);
        stars.set(event.data.submissionId, event.data.stars);
        break;
      }
      case 'contract.started':
        contracts.set(event.data.id, { designerId: event.data.designerId, startedAt: t, closedAt: null, enabledAt: null, requested: false });
        contractsOf.set(event.data.designerId, [...(contractsOf.get(event.data.designerId) ?? []), event.data.id]);
        break;
      case 'contract.closed': {
        const c = contracts.get(event.data.id);
        if (c === undefined || c.closedAt !== null) wrong('not an open contract');
        else {
          c.closedAt = t;
          windowQueue.push(event.data.id);
        }
        break;
      }
      case 'review.posted': {
        const c = contracts.get(event.data.contractId);
        if (c === undefined) {
          wrong('unknown contract');
          break;
        }
        const review: ReviewState = {
          contractId: event.data.contractId,
          role: event.data.authorRole,
          kind: event.data.kind ?? 'final',
          publishedAt: null,
          positive: positive(event.data.overall, event.data.categories, event.data.text),
        };
        if (review.kind === 'interim') {
          if (!c.requested || c.closedAt !== null) wrong('interim review without an open request');
          reviews.set(event.data.id, review);
          break;
        }
        const party = event.data.authorRole === 'client' ? 'client' : 'designer';
        if (c.closedAt === null || c[party] !== undefined) {
          wrong('final review on an open contract or posted twice');
          break;
        }
        if (t < c.closedAt + windowMs) {
          const other = c[party === 'client' ? 'designer' : 'client'];
          if (other !== undefined && other.publishedAt === null) {
            other.publishedAt = t;
            review.publishedAt = t;
          }
        } else {
          const extension = [...extensions.values()].find((x) => x.contractId === event.data.contractId && x.by === party && x.approved && x.decidedAt !== null && x.decidedAt <= t && t < x.decidedAt + policy.reviews.extensionDays * DAY_MS);
          if (extension === undefined) {
            refuse('window_closed');
            break;
          }
          review.publishedAt = t;
        }
        c[party] = review;
        reviews.set(event.data.id, review);
        break;
      }
      case 'review.changed': {
        const review = reviews.get(event.data.id);
        const c = review === undefined ? undefined : contracts.get(review.contractId);
        if (review === undefined || c === undefined) {
          wrong('unknown review');
          break;
        }
        if (c.enabledAt === null) {
          refuse('not_enabled');
          break;
        }
        if (t >= c.enabledAt + policy.feedbackChange.windowDays * DAY_MS) {
          refuse('window_closed');
          break;
        }
        review.positive = positive(event.data.overall, event.data.categories, event.data.text ?? '');
        break;
      }
      case 'review.extension_requested': {
        const c = contracts.get(event.data.contractId);
        const key = `${event.data.contractId}|${event.data.requestedBy}`;
        if (c === undefined || c.closedAt === null || t < c.closedAt + windowMs || c[event.data.requestedBy] !== undefined || asked.has(key)) wrong('extension request not allowed');
        asked.add(key);
        extensions.set(event.data.id, { contractId: event.data.contractId, by: event.data.requestedBy, decidedAt: null, approved: false });
        break;
      }
      case 'review.extension_decided': {
        const x = extensions.get(event.data.id);
        if (x === undefined || x.decidedAt !== null) wrong('no pending extension');
        else {
          x.decidedAt = t;
          x.approved = event.data.approved;
        }
        break;
      }
      case 'feedback_change.enabled': {
        const c = contracts.get(event.data.contractId);
        if (c === undefined || c.closedAt === null || c.client === undefined) {
          wrong('feedback change without a closed contract and client review');
          break;
        }
        if (c.enabledAt !== null) {
          refuse('already_enabled');
          break;
        }
        c.enabledAt = t;
        break;
      }
      case 'feedback.requested': {
        const c = contracts.get(event.data.contractId);
        if (c === undefined || c.closedAt !== null || t - c.startedAt < policy.feedbackRequest.minContractDays * DAY_MS) wrong('interim request not allowed');
        else c.requested = true;
        break;
      }
      case 'private_feedback.posted': {
        const c = contracts.get(event.data.contractId);
        if (c === undefined || c.closedAt === null) wrong('private feedback on an open contract');
        break;
      }
      case 'message.sent':
        if (!designers.has(event.data.designerId) || !customers.has(event.data.customerId)) wrong('unknown party');
        if (event.data.projectId !== undefined && !projects.has(event.data.projectId)) wrong('unknown project');
        if (event.data.contractId !== undefined && !contracts.has(event.data.contractId)) wrong('unknown contract');
        break;
      case 'report.filed':
        if (!designers.has(event.data.designerId) || !customers.has(event.data.customerId)) wrong('unknown party');
        break;
    }
  });
  return { refused, violations, held, pending };
}

describe('rules the generator expects to hold, and to break on purpose', () => {
  let replay: Replay;
  beforeAll(() => {
    replay = replayRules(events);
  });

  it('sends ordinary events the rules accept', () => {
    expect(replay.violations).toEqual([]);
  });

  it('lists exactly the events the rules refuse as expectedRefusals, with their reason codes', () => {
    expect(replay.refused).toEqual(truth.expectedRefusals.map((r) => ({ index: r.index, reasonCode: r.reasonCode })));
    const reasons = new Set(truth.expectedRefusals.map((r) => `${r.type}:${r.reasonCode}`));
    expect(reasons).toContain('submission.created:contest_full');
    expect(reasons).toContain('review.posted:window_closed');
    expect(reasons).toContain('feedback_change.enabled:already_enabled');
    for (const r of truth.expectedRefusals) expect(events[r.index]?.at).toBe(r.at);
  });

  it('makes R3 holds and R4 reviews happen, as the ground truth predicts', () => {
    expect(replay.held).toBe(truth.stats.predictedHeld);
    expect(replay.pending).toBe(truth.stats.predictedPendingReview);
    expect(replay.held).toBeGreaterThan(20);
    expect(replay.pending).toBeGreaterThan(200);
  });
});

describe('ground truth', () => {
  const index = () => {
    const ids = new Map<string, Set<string>>();
    const add = (type: string, id: string) => {
      const set = ids.get(type) ?? new Set<string>();
      set.add(id);
      ids.set(type, set);
    };
    for (const e of events) {
      if (e.type === 'message.sent') add('message', e.data.id);
      if (e.type === 'rating.set') add('rating', e.data.submissionId);
      if (e.type === 'review.posted') add('review', e.data.id);
      if (e.type === 'contract.started') add('contract', e.data.id);
      if (e.type === 'report.filed') add('report', e.data.id);
      if (e.type === 'customer.joined') add('customer', e.data.id);
      if (e.type === 'designer.joined') add('designer', e.data.id);
    }
    return ids;
  };

  it('plants every kind of manipulation, as planned', () => {
    const byKind = new Map<string, number>();
    for (const c of truth.cases) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
    const plan = generateDataset(SMALL).plan;
    expect(byKind.get('pressure_message') ?? 0).toBeGreaterThanOrEqual(plan.pressure);
    expect(byKind.get('incentive_offer') ?? 0).toBeGreaterThanOrEqual(plan.incentive);
    expect(byKind.get('rating_raised_after_contact')).toBe(plan.ratingRaised);
    expect(byKind.get('customer_report') ?? 0).toBeGreaterThanOrEqual(2);
    expect(byKind.get('new_account_burst')).toBe(plan.bursts);
    expect(byKind.get('single_designer_rater')).toBe(plan.rings);
    expect(byKind.get('feedback_change_pattern')).toBe(plan.feedbackChangePatterns);
    expect(byKind.get('duplicate_review_text')).toBe(plan.duplicateTexts);
  });

  it('refers only to records that exist in the log, at the time of the case', () => {
    const ids = index();
    const atOf = new Map<string, number>();
    // When each record was created (later events, such as review.changed, reuse the id).
    for (const e of events) if ('id' in e.data && !atOf.has(e.data.id)) atOf.set(e.data.id, toMs(e.at));
    for (const c of [...truth.cases, ...truth.decoys]) {
      expect(ids.get('designer')?.has(c.designerId), c.designerId).toBe(true);
      if (c.customerId !== undefined) expect(ids.get('customer')?.has(c.customerId)).toBe(true);
      expect(c.records.length).toBeGreaterThan(0);
      for (const r of c.records) {
        expect(ids.get(r.type)?.has(r.id), `${c.kind} ${r.type} ${r.id}`).toBe(true);
        const recordAt = atOf.get(r.id);
        if (recordAt !== undefined) expect(recordAt).toBeLessThanOrEqual(toMs(c.at));
      }
    }
  });

  it('labels every planted message, sent by the designer it names', () => {
    const messages = new Map(ofType('message.sent').map((e) => [e.data.id, e.data]));
    const planted = [...truth.messages.pressure, ...truth.messages.incentive];
    expect(new Set(planted).size).toBe(planted.length);
    expect(truth.messages.planted.map((m) => m.id).sort()).toEqual([...planted].sort());
    for (const c of truth.cases.filter((x) => x.kind === 'pressure_message' || x.kind === 'incentive_offer')) {
      const id = c.records[0]?.id ?? '';
      const m = messages.get(id);
      expect(m?.fromRole).toBe('designer');
      expect(m?.designerId).toBe(c.designerId);
      expect(m?.customerId).toBe(c.customerId);
      expect((c.kind === 'incentive_offer' ? truth.messages.incentive : truth.messages.pressure)).toContain(id);
    }
    const langs = new Set(truth.messages.planted.map((m) => m.lang));
    expect(langs).toEqual(new Set(['en', 'fr', 'es']));
  });

  it('raises each planted low rating by two stars or removes it, within 72 hours after the message', () => {
    const sentAt = new Map(ofType('message.sent').map((e) => [e.data.id, toMs(e.at)]));
    for (const c of truth.cases.filter((x) => x.kind === 'rating_raised_after_contact')) {
      const ratingId = c.records.find((r) => r.type === 'rating')?.id;
      const messageId = c.records.find((r) => r.type === 'message')?.id ?? '';
      const history = ofType('rating.set').filter((e) => e.data.submissionId === ratingId);
      const [low, raised] = history;
      const t = sentAt.get(messageId) ?? NaN;
      expect(low?.data.stars).toBeLessThanOrEqual(2);
      expect(toMs(low?.at ?? '')).toBeLessThan(t);
      const stars = raised?.data.stars;
      expect(stars === null || (stars ?? 0) >= (low?.data.stars ?? 9) + 2).toBe(true);
      expect(toMs(raised?.at ?? '') - t).toBeLessThanOrEqual(72 * HOUR_MS);
    }
  });

  it('plants bursts of five-star ratings within a day from accounts under a week old', () => {
    const joined = new Map(ofType('customer.joined').map((e) => [e.data.id, toMs(e.at)]));
    const projectCustomer = new Map(ofType('project.launched').map((e) => [e.data.id, e.data.customerId]));
    const subProject = new Map(ofType('submission.created').map((e) => [e.data.id, e.data]));
    for (const c of truth.cases.filter((x) => x.kind === 'new_account_burst')) {
      const ratings = ofType('rating.set').filter((e) => c.records.some((r) => r.type === 'rating' && r.id === e.data.submissionId));
      expect(ratings.length).toBeGreaterThanOrEqual(5);
      const times = ratings.map((e) => toMs(e.at));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(24 * HOUR_MS);
      for (const rating of ratings) {
        const sub = subProject.get(rating.data.submissionId);
        expect(rating.data.stars).toBe(5);
        expect(sub?.designerId).toBe(c.designerId);
        const customer = projectCustomer.get(sub?.projectId ?? '') ?? '';
        expect(toMs(rating.at) - (joined.get(customer) ?? 0)).toBeLessThan(7 * DAY_MS);
      }
    }
  });

  it('plants single-designer raters: five stars for one designer, at most two for the rest', () => {
    const subs = new Map(ofType('submission.created').map((e) => [e.data.id, e.data]));
    const projectCustomer = new Map(ofType('project.launched').map((e) => [e.data.id, e.data.customerId]));
    for (const c of truth.cases.filter((x) => x.kind === 'single_designer_rater')) {
      const given = ofType('rating.set').filter((e) => projectCustomer.get(subs.get(e.data.submissionId)?.projectId ?? '') === c.customerId);
      expect(given.length).toBeGreaterThanOrEqual(5);
      expect(new Set(given.map((e) => subs.get(e.data.submissionId)?.projectId)).size).toBeGreaterThanOrEqual(3);
      for (const e of given) {
        if (subs.get(e.data.submissionId)?.designerId === c.designerId) expect(e.data.stars).toBe(5);
        else expect(e.data.stars).toBeLessThanOrEqual(2);
      }
    }
  });

  it('plants feedback-change patterns: three or more enablings within 30 days', () => {
    const enabledAt = new Map(ofType('feedback_change.enabled').map((e) => [e.data.contractId, toMs(e.at)]));
    for (const c of truth.cases.filter((x) => x.kind === 'feedback_change_pattern')) {
      const times = c.records.filter((r) => r.type === 'contract').map((r) => enabledAt.get(r.id) ?? NaN);
      expect(times.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThan(30 * DAY_MS);
    }
  });

  it('plants near-identical review texts (word 3-shingle Jaccard ≥ 0.8) from different customers', () => {
    const reviews = new Map(ofType('review.posted').map((e) => [e.data.id, e.data]));
    const customerOf = new Map(ofType('contract.started').map((e) => [e.data.id, e.data.customerId]));
    for (const c of truth.cases.filter((x) => x.kind === 'duplicate_review_text')) {
      const posted = c.records.map((r) => reviews.get(r.id));
      expect(new Set(posted.map((r) => customerOf.get(r?.contractId ?? ''))).size).toBe(posted.length);
      for (const a of posted) for (const b of posted) expect(jaccard(a?.text ?? '', b?.text ?? '')).toBeGreaterThanOrEqual(0.8);
    }
    // Every ending the generator may use keeps the copies near-identical.
    for (const base of DUPLICATE_REVIEW_BASES) {
      for (const ending of DUPLICATE_REVIEW_ENDINGS) expect(jaccard(base, base + ending)).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('states the dataset it describes', () => {
    expect(truth.generator).toEqual({ seed: 42, size: 'small', targets: SIZES.small, start: START, spanDays: 90 });
    expect(truth.stats.designers).toBe(SIZES.small.designers);
    expect(truth.stats.messagesByLang.en + truth.stats.messagesByLang.fr + truth.stats.messagesByLang.es).toBe(ofType('message.sent').length);
  });
});

function jaccard(a: string, b: string): number {
  const shingles = (text: string): Set<string> => {
    const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const out = new Set<string>();
    for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '));
    return out;
  };
  const x = shingles(a);
  const y = shingles(b);
  let both = 0;
  for (const s of x) if (y.has(s)) both += 1;
  return both / (x.size + y.size - both);
}

describe('message templates', () => {
  it('fill every slot in every language', () => {
    const rng = new Rng(1);
    for (const lang of LANGS) {
      for (const [kind, templates] of Object.entries(MESSAGES[lang])) {
        expect(templates.length, `${lang} ${kind}`).toBeGreaterThan(2);
        for (const template of templates) {
          for (const slot of slotsOf(template)) expect(SLOTS[lang][slot], `${lang} ${kind} {${slot}}`).toBeDefined();
          expect(fill(rng, template, SLOTS[lang])).not.toMatch(/[{}]/);
        }
      }
    }
  });
});

describe('the event-log file', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'generator-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams in the line layout, is plain JSON, and reads back event for event', async () => {
    const path = join(dir, 'small.json');
    const summary = await writeEventLog(path, SMALL);
    expect(summary.events).toBe(events.length);
    const text = await readFile(path, 'utf8');
    expect(summary.bytes).toBe(Buffer.byteLength(text));
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"events": [');
    expect(lines.at(-2)).toBe(']}');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -2);
    expect(body).toHaveLength(events.length);
    body.forEach((line, i) => expect(line.endsWith(',')).toBe(i < body.length - 1));
    expect(JSON.parse(text)).toEqual({ events });

    const read: MarketplaceEvent[] = [];
    for await (const event of readEventLog(path)) read.push(event);
    expect(read).toEqual(events);

    const written = JSON.parse(await readFile(summary.truthPath, 'utf8'));
    expect(written).toEqual(truth);
  });

  it('names the line of an invalid event', async () => {
    const path = join(dir, 'bad.json');
    const good = JSON.stringify(events[0]);
    const bad = JSON.stringify({ at: START, type: 'rating.set', data: { submissionId: 's1', stars: 7 } });
    await writeFile(path, `{"events": [\n${good},\n${good},\n${bad}\n]}\n`);
    const read = async () => {
      for await (const _event of readEventLog(path)) {
        // drain
      }
    };
    await expect(read()).rejects.toThrow(EventLogError);
    await expect(read()).rejects.toThrow(/bad\.json:4: event 2 is invalid: data\.stars/);
  });

  it('refuses a truncated log', async () => {
    const path = join(dir, 'truncated.json');
    await writeFile(path, `{"events": [\n${JSON.stringify(events[0])},\n${JSON.stringify(events[1])},\n`);
    const read = async () => {
      for await (const _event of readEventLog(path)) {
        // drain
      }
    };
    await expect(read()).rejects.toThrow(/truncated/);
  });

  it('reads other JSON layouts of small files whole', async () => {
    const path = join(dir, 'pretty.json');
    await writeFile(path, JSON.stringify({ events: events.slice(0, 25) }, null, 2));
    const read: MarketplaceEvent[] = [];
    for await (const event of readEventLog(path)) read.push(event);
    expect(read).toEqual(events.slice(0, 25));
  });

  it('writes an empty log that still parses', async () => {
    const chunks = [...eventLogChunks([])].join('');
    expect(chunks).toBe('{"events": [\n]}\n');
    expect(JSON.parse(chunks)).toEqual({ events: [] });
  });
});

describe('live mode', () => {
  it('continues the generated marketplace with valid events in time order, every few seconds', () => {
    const run = generateDataset({ size: { designers: 120, submissions: 1_000 }, seed: 5, start: START });
    const ids = new Set<string>();
    let last = '';
    for (const event of run.events()) {
      if ('id' in event.data) ids.add(`${event.type.split('.')[0]}:${event.data.id}`);
      last = event.at;
    }
    const state = run.liveState();
    let clock = toMs(START);
    const live: MarketplaceEvent[] = [];
    for (let tick = 0; tick < 40; tick++) {
      clock += 5_000;
      const now = new Date(clock).toISOString();
      const { events: batch } = liveTick(state, now);
      for (const event of batch) {
        expect(marketplaceEventSchema.safeParse(event).success).toBe(true);
        expect(toMs(event.at)).toBeLessThanOrEqual(clock);
        expect(event.at >= last).toBe(true);
        last = event.at;
        if ('id' in event.data && event.type.endsWith('.joined')) expect(ids.has(`${event.type.split('.')[0]}:${event.data.id}`)).toBe(false);
      }
      live.push(...batch);
    }
    expect(live.length).toBeGreaterThan(40);
    const types = new Set(live.map((e) => e.type));
    expect(types).toContain('submission.created');
    expect(types).toContain('rating.set');
    expect(types).toContain('message.sent');
    expect(liveTick(state, START).events).toEqual([]);
  });

  it('is only available once the dataset has been generated', () => {
    const run = generateDataset(SMALL);
    expect(() => run.liveState()).toThrow(/events\(\)/);
    expect(() => run.truth()).toThrow(/events\(\)/);
  });
});
