// RULES.md R12: the two message detectors, pressure_message and incentive_offer.
// A designer's own words asking for a rating of a given sentiment, or paying for one.
import type { Policy } from '../policy';
import { toMs } from '../time';
import { formatDate } from '../explain';
import type { DetectorName, Message, TextSpan } from '../wire/entities';
import type { Detector, DetectionContext, Hit, ManipulationFacts } from './types';
import { RATING_OBJECT, VALUE_OBJECT } from './phrases';

function spansOf(re: RegExp, body: string): TextSpan[] {
  const lower = body.toLowerCase();
  const out: TextSpan[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: body.slice(m.index, m.index + m[0].length) });
  }
  return out;
}

export function scanMessage(body: string): { pressure: TextSpan[]; incentive: TextSpan[] } {
  const rating = spansOf(RATING_OBJECT, body);
  const value = spansOf(VALUE_OBJECT, body);
  return { pressure: rating, incentive: rating.length > 0 && value.length > 0 ? [...value, ...rating] : [] };
}

function detect(
  detector: DetectorName,
  pick: (scan: ReturnType<typeof scanMessage>) => TextSpan[],
  score: (policy: Policy) => number,
): Detector {
  return (facts: ManipulationFacts, context: DetectionContext, policy: Policy): Hit[] => {
    const asOf = toMs(context.asOf);
    const hits: Hit[] = [];
    for (const message of facts.messages) {
      if (message.fromRole !== 'designer' || toMs(message.sentAt) > asOf) continue;
      const spans = pick(scanMessage(message.body));
      if (spans.length > 0) hits.push(hitOf(detector, message, spans, score(policy)));
    }
    return hits;
  };
}

function hitOf(detector: DetectorName, message: Message, spans: TextSpan[], score: number): Hit {
  const quote = spans.map((s) => s.text).join(' … ');
  return {
    detector,
    designerId: message.designerId,
    customerId: message.customerId,
    score,
    at: message.sentAt,
    evidence: {
      summary: `Designer wrote "${quote}" to the customer on ${formatDate(message.sentAt)}`,
      items: [{ kind: 'message', id: message.id, at: message.sentAt, detail: quote, spans }],
    },
  };
}

export const pressureMessage: Detector = detect('pressure_message', (s) => s.pressure, (p) => p.detectors.pressureMessage.score);
export const incentiveOffer: Detector = detect('incentive_offer', (s) => s.incentive, (p) => p.detectors.incentiveOffer.score);
