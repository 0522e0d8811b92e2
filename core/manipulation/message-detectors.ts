// RULES.md R12: the two message detectors, pressure_message and incentive_offer: the phrase
// rules' findings (message-rules.ts) mapped back to the designer's own words, the spans a
// moderator sees, and the hits they raise.
import { formatDate } from '../explain';
import type { Policy } from '../policy';
import { toMs } from '../time';
import type { DetectorName, Message, TextSpan } from '../wire/entities';
import { applyRules, type FindingKind, type RuleFinding } from './message-rules';
import { messageScorer, type MessageScorer, type Probabilities, type ScoredLabel, type ScorerModel } from './message-scorer';
import { foldText, foldWithOffsets, type FoldedText } from './text-fold';
import type { Range } from './text-match';
import type { Detector, DetectionContext, Hit, ManipulationFacts } from './types';

export type { FindingKind } from './message-rules';

/** A finding of the phrase rules, in the body's own offsets. */
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

/** The phrase rules over one message body. */
export function analyseMessage(body: string): MessageAnalysis {
  return analyseFolded(body, foldText(body));
}

/**
 * The phrase rules over a body and its folded text. The offsets back to the body are built
 * only for a message with a finding: most messages have none, and never need them.
 */
function analyseFolded(body: string, folded: string): MessageAnalysis {
  const found = applyRules(folded);
  if (found.pressure.length === 0 && found.incentive.length === 0) return { pressure: [], incentive: [] };
  const f = foldWithOffsets(body);
  const toFinding = (x: RuleFinding): Finding => ({ kind: x.kind, spans: toSpans(body, f, x.ranges), key: slice(body, f, x.key) });
  return { pressure: dedupe(found.pressure.map(toFinding)), incentive: dedupe(found.incentive.map(toFinding)) };
}

/** What both halves of R12's message detection make of one body: the phrase rules and the scorer. */
export interface MessageReading {
  analysis: MessageAnalysis;
  probabilities: Probabilities;
}

/** The phrase rules and the learned scorer over one body, on one fold. */
export function readMessage(body: string, scorer: MessageScorer = messageScorer()): MessageReading {
  const folded = foldText(body);
  return { analysis: analyseFolded(body, folded), probabilities: scorer.score(folded) };
}

/** The stretches of a body that weighed most in the scorer's verdict (by default, `manipulation`'s), as spans. */
export function explainScore(body: string, model: ScorerModel = 'manipulation', scorer: MessageScorer = messageScorer()): { probability: number; spans: TextSpan[] } {
  const f = foldWithOffsets(body);
  const { probability, spans } = scorer.explain(f.text, model);
  return { probability, spans: toSpans(body, f, spans) };
}

/** The folded text the phrase patterns read (text-fold.ts); other detectors comparing text can use it too. */
export const foldForMatching = foldText;

function toSpans(body: string, f: FoldedText, rs: readonly Range[]): TextSpan[] {
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

const slice = (body: string, f: FoldedText, r: Range) => body.slice(f.from(r.start), f.to(r.end - 1));

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

/** Which half of the detection fired on a message: the phrase rules, the scorer, or both. */
export type MessageSource = 'rules' | 'scorer' | 'both';

/** What a hit says about a message that depends on its body alone. */
interface MessageEvidence {
  source: MessageSource;
  summary: (date: string) => string;
  detail: string;
  spans: TextSpan[];
  /** The share of the policy's score the hit carries: all of it when a rule fired, else the scorer's probability. */
  share: number;
}

interface BodyScan {
  reading: MessageReading;
  /** The detectors the scorer flags this body for on its own, and whether it is confident at all. */
  scored: readonly ScoredLabel[];
  /** The scorer's explanation, made once per body when a hit first needs it. */
  why?: { probability: number; spans: TextSpan[] };
  evidence: Map<DetectorName, MessageEvidence | null>;
}

/**
 * Scans by body, for one list of messages. A designer who pastes one message to many
 * customers is scanned once, and the two detectors run over the same list share the work.
 * A scan depends on the body alone, so a cached one is never stale, and the WeakMap lets the
 * cache go with the list: the detectors stay pure functions of their arguments.
 */
type ScanCache = WeakMap<readonly Message[], Map<string, BodyScan>>;
function scanOf(cache: ScanCache, scorer: MessageScorer, messages: readonly Message[], body: string): BodyScan {
  let byBody = cache.get(messages);
  if (byBody === undefined) {
    byBody = new Map();
    cache.set(messages, byBody);
  }
  let scan = byBody.get(body);
  if (scan === undefined) {
    const reading = readMessage(body, scorer);
    scan = { reading, scored: scorer.labelsOf(reading.probabilities), evidence: new Map() };
    byBody.set(body, scan);
  }
  return scan;
}

const SCORER_READS: Record<ScoredLabel, string> = {
  pressure_message: 'reads as pressure for a rating or review',
  incentive_offer: 'reads as something of value offered for a rating or review',
};
/** A highlight quoted in a summary is cut to this many characters. */
const SUMMARY_QUOTE_MAX = 60;

const probability = (p: number) => p.toFixed(2);
const quoted = (spans: readonly TextSpan[]) =>
  spans
    .map((s) => {
      const text = s.text.replace(/\s+/g, ' ').trim();
      return `"${text.length > SUMMARY_QUOTE_MAX ? `${text.slice(0, SUMMARY_QUOTE_MAX - 1).trimEnd()}…` : text}"`;
    })
    .join(', ');

/** Spans of the rules, then the scorer's that add a stretch the rules did not cover. */
function unionSpans(rules: readonly TextSpan[], scorer: readonly TextSpan[]): TextSpan[] {
  const extra = scorer.filter((s) => !rules.some((r) => s.start < r.end && r.start < s.end));
  return [...rules, ...extra].sort((a, b) => a.start - b.start);
}

function evidenceOf(scan: BodyScan, scorer: MessageScorer, body: string, detector: ScoredLabel, findings: readonly Finding[]): MessageEvidence | null {
  const known = scan.evidence.get(detector);
  if (known !== undefined) return known;
  // The probability a summary shows is the `manipulation` model's: it is what decides.
  const p = scan.reading.probabilities.manipulation;
  const lead = findings[0];
  const explained = () => (scan.why ??= explainScore(body, 'manipulation', scorer));
  let evidence: MessageEvidence | null = null;
  if (lead !== undefined) {
    const ruleSpans = mergeSpans(findings);
    const key = lead.key.replace(/\s+/g, ' ').trim();
    const said = (date: string) => SUMMARY[lead.kind](key, date);
    // The scorer agrees when it finds manipulation at all, whichever detector it would name.
    if (scan.scored.length > 0) {
      const why = explained();
      const spans = unionSpans(ruleSpans, why.spans);
      evidence = {
        source: 'both',
        summary: (date) => `${said(date)}; the message scorer agrees (${probability(p)}: ${quoted(why.spans)})`,
        detail: quoteAround(body, spans),
        spans,
        share: 1,
      };
    } else {
      evidence = {
        source: 'rules',
        summary: (date) => `${said(date)} (phrase rules; message scorer ${probability(p)})`,
        detail: quoteAround(body, ruleSpans),
        spans: ruleSpans,
        share: 1,
      };
    }
  } else if (scan.scored.includes(detector)) {
    const why = explained();
    evidence = {
      source: 'scorer',
      summary: (date) => `Designer's message of ${date} ${SCORER_READS[detector]} (message scorer ${probability(p)}, no phrase rule matched): ${quoted(why.spans)}`,
      detail: quoteAround(body, why.spans),
      spans: why.spans,
      share: p,
    };
  }
  scan.evidence.set(detector, evidence);
  return evidence;
}

function messageDetector(
  detector: ScoredLabel,
  pick: (analysis: MessageAnalysis) => Finding[],
  score: (policy: Policy) => number,
  scorerOf: () => MessageScorer,
  cache: ScanCache,
): Detector {
  return (facts: ManipulationFacts, context: DetectionContext, policy: Policy): Hit[] => {
    const asOf = toMs(context.asOf);
    const scorer = scorerOf();
    const hits: Hit[] = [];
    for (const message of facts.messages) {
      if (message.fromRole !== 'designer' || toMs(message.sentAt) > asOf) continue;
      const scan = scanOf(cache, scorer, facts.messages, message.body);
      const findings = pick(scan.reading.analysis);
      if (findings.length === 0 && !scan.scored.includes(detector)) continue;
      const evidence = evidenceOf(scan, scorer, message.body, detector, findings);
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
    // A rule's finding carries the policy's score; the scorer alone, its probability's share of it.
    score: evidence.share === 1 ? score : Math.round(score * evidence.share),
    at: message.sentAt,
    evidence: {
      summary: evidence.summary(formatDate(message.sentAt)),
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

/**
 * The two message detectors over a given scorer (the checked-in one by default): R12
 * `pressure_message` — a designer asks for a high rating, or for a low one to change or go — and
 * `incentive_offer` — a designer ties something of value to a rating or review. Each fires when
 * the phrase rules find it, or when the scorer is confident.
 */
export function createMessageDetectors(scorerOf: () => MessageScorer = messageScorer, cache: ScanCache = new WeakMap()): { pressureMessage: Detector; incentiveOffer: Detector } {
  return { pressureMessage: pressureDetector(scorerOf, cache), incentiveOffer: incentiveDetector(scorerOf, cache) };
}

const pressureDetector = (scorerOf: () => MessageScorer, cache: ScanCache): Detector =>
  messageDetector('pressure_message', (a) => a.pressure, (p) => p.detectors.pressureMessage.score, scorerOf, cache);
const incentiveDetector = (scorerOf: () => MessageScorer, cache: ScanCache): Detector =>
  messageDetector('incentive_offer', (a) => a.incentive, (p) => p.detectors.incentiveOffer.score, scorerOf, cache);

// Marked pure: a bundle that needs only the rule core's names and schemas (the preload, through
// the contract) leaves the detectors, the scorer and its weights out.
const checkedInCache: ScanCache = new WeakMap();
/** R12 `pressure_message`, with the checked-in scorer. */
export const pressureMessage: Detector = /* @__PURE__ */ pressureDetector(messageScorer, checkedInCache);
/** R12 `incentive_offer`, with the checked-in scorer. */
export const incentiveOffer: Detector = /* @__PURE__ */ incentiveDetector(messageScorer, checkedInCache);
