// RULES.md R12: the two message detectors, pressure_message and incentive_offer: the phrase
// rules' findings (message-rules.ts) mapped back to the designer's own words, the spans a
// moderator sees, and the hits they raise.
import { formatDate } from '../explain';
import type { Policy } from '../policy';
import { toMs } from '../time';
import type { DetectorName, Message, TextSpan } from '../wire/entities';
import { applyRules, type FindingKind, type RuleFinding } from './message-rules';
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

/**
 * The phrase rules over one message body. The offsets back to the body are built only for a
 * message with a finding: most messages have none, and never need them.
 */
export function analyseMessage(body: string): MessageAnalysis {
  const found = applyRules(foldText(body));
  if (found.pressure.length === 0 && found.incentive.length === 0) return { pressure: [], incentive: [] };
  const folded = foldWithOffsets(body);
  const toFinding = (x: RuleFinding): Finding => ({ kind: x.kind, spans: toSpans(body, folded, x.ranges), key: slice(body, folded, x.key) });
  return { pressure: dedupe(found.pressure.map(toFinding)), incentive: dedupe(found.incentive.map(toFinding)) };
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
