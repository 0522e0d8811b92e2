// RULES.md R12, flags: hits on one designer (and customer) close in time join one flag, scored
// 100 × (1 − Π(1 − s/100)): independent signals, each short of proof, add up but never pass 100.
import { DEFAULT_POLICY, type Policy } from '../policy';
import { DAY_MS, toMs, type IsoTime } from '../time';
import type { DetectorHit } from '../wire/entities';
import { compareText } from './evidence';
import { pairKey } from './grouping';
import { DETECTOR_TITLES } from './titles';
import type { Hit } from './types';

/** A flag as the core raises it; the platform adds `id`, `rev`, `status` and `createdAt` (SYNC-API.md). */
export interface ManipulationFlag {
  designerId: string;
  customerId?: string;
  score: number;
  /** In time order, in the wire's hit shape. */
  hits: DetectorHit[];
  /** The earliest and latest hit's `at`. */
  firstAt: IsoTime;
  lastAt: IsoTime;
  policyVersion: string;
  /** One sentence: the score and the hits behind it (`explainFlag`). */
  explanation: string;
}

/** "Score 94 from 3 hits: customer report (70), pressure for a rating or review (60), …" — strongest first. */
export function explainFlag(flag: { score: number; hits: readonly Pick<DetectorHit, 'detector' | 'score'>[] }): string {
  const hits = [...flag.hits].sort((a, b) => b.score - a.score || compareText(a.detector, b.detector));
  const parts = hits.map((h) => `${DETECTOR_TITLES[h.detector].toLowerCase()} (${formatScore(h.score)})`);
  return `Score ${formatScore(flag.score)} from ${hits.length === 1 ? 'one hit' : `${hits.length} hits`}: ${parts.join(', ')}.`;
}

const formatScore = (score: number) => String(Number(score.toFixed(1)));

/**
 * 100 × (1 − Π(1 − s/100)) over the hits' scores; 0 for none. The scores are multiplied in
 * one fixed order (highest first), so the same scores in any order give the same figure to the
 * last bit, and adding a hit can only multiply in one more factor ≤ 1 at its place, so the
 * figure never falls. The result is also held between the highest single score and 100, where
 * rounding could otherwise leave it a hair outside. It rises strictly with every hit scoring
 * 0.01 or more until it is within 1e-9 of 100; closer than that, binary floating point has no
 * room left to show the difference (and at 100 there is nothing left to add).
 */
export function combineScores(scores: readonly number[]): number {
  let highest = 0;
  for (const score of scores) {
    if (!(score >= 0 && score <= 100)) throw new RangeError(`a detector score runs from 0 to 100, got ${score}`);
    highest = Math.max(highest, score);
  }
  let remaining = 1;
  for (const score of [...scores].sort((a, b) => b - a)) remaining *= 1 - score / 100;
  return Math.min(100, Math.max(highest, 100 * (1 - remaining)));
}

interface TimedHit {
  ms: number;
  hit: Hit;
}

/** Time, then fixed tie-breaks down to the evidence itself, so no input order leaks into a flag. */
function compareHits(a: TimedHit, b: TimedHit): number {
  return (
    a.ms - b.ms ||
    compareText(a.hit.detector, b.hit.detector) ||
    b.hit.score - a.hit.score ||
    compareText(a.hit.evidence.summary, b.hit.evidence.summary) ||
    compareText(JSON.stringify(a.hit.evidence.items), JSON.stringify(b.hit.evidence.items))
  );
}

function compareFlags(a: ManipulationFlag, b: ManipulationFlag): number {
  return (
    b.score - a.score ||
    toMs(a.firstAt) - toMs(b.firstAt) ||
    toMs(a.lastAt) - toMs(b.lastAt) ||
    compareText(a.designerId, b.designerId) ||
    compareText(a.customerId ?? '', b.customerId ?? '')
  );
}

/**
 * Joins hits into flags. Hits join when they name the same designer and the same customer,
 * or the same designer and no customer: a customer-less hit (`new_account_burst`,
 * `feedback_change_pattern`, `duplicate_review_text`) is about the designer's dealings with many
 * customers, so it joins other customer-less hits of that designer and never a customer's
 * flag. Folding it into every customer's flag would count one fact several times; folding it
 * into one would be arbitrary.
 *
 * In time order, a hit joins the open flag when it comes less than `flagJoinDays` after that
 * flag's latest hit, else it opens a new flag: a chain, so steady pressure over months stays one
 * flag, while the same behaviour after a quiet spell is a new case. The window is half-open like
 * every window of the rules (docs/rules-readings.md): exactly 14 days after opens a new flag.
 * Flags come out by score, highest first, then the oldest first.
 */
export function joinHits(hits: readonly Hit[], policy: Policy = DEFAULT_POLICY): ManipulationFlag[] {
  const joinMs = policy.detectors.flagJoinDays * DAY_MS;
  const byParty = new Map<string, TimedHit[]>();
  for (const hit of hits) {
    // Customer ids are never empty, so the designer-only key cannot meet a pair's key.
    const key = pairKey(hit.designerId, hit.customerId ?? '');
    const entry = { ms: toMs(hit.at), hit };
    const list = byParty.get(key);
    if (list === undefined) byParty.set(key, [entry]);
    else list.push(entry);
  }

  const flags: ManipulationFlag[] = [];
  for (const list of byParty.values()) {
    list.sort(compareHits);
    let group: TimedHit[] = [];
    for (const entry of list) {
      const latest = group[group.length - 1];
      if (latest !== undefined && entry.ms - latest.ms >= joinMs) {
        flags.push(flagOf(group, policy.version));
        group = [];
      }
      group.push(entry);
    }
    if (group.length > 0) flags.push(flagOf(group, policy.version));
  }
  return flags.sort(compareFlags);
}

function flagOf(group: readonly TimedHit[], policyVersion: string): ManipulationFlag {
  const first = group[0];
  const last = group[group.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('a flag has at least one hit');
  const { designerId, customerId } = first.hit;
  const score = combineScores(group.map(({ hit }) => hit.score));
  const hits = group.map(({ hit }) => ({ detector: hit.detector, score: hit.score, evidence: hit.evidence }));
  return {
    designerId,
    ...(customerId === undefined ? {} : { customerId }),
    score,
    hits,
    firstAt: first.hit.at,
    lastAt: last.hit.at,
    policyVersion,
    explanation: explainFlag({ score, hits }),
  };
}
