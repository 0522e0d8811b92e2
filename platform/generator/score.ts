// Scores R12 detection against a generated dataset's ground truth: per detector, planted cases
// found (recall) and hits that point at a planted case (precision); and per message for the
// two message detectors, against the list of planted messages.
import { DETECTORS, type DetectorName, type Flag } from '../../core/wire/entities';
import type { GroundTruth, PlantedCase } from './truth';

export interface DetectorScore {
  detector: DetectorName;
  /** Planted cases of this kind, and how many of them a hit found. */
  planted: number;
  found: number;
  /** Hits of this detector, and how many point at a planted case. */
  hits: number;
  trueHits: number;
  precision: number;
  recall: number;
}

export interface MessageScore {
  detector: 'pressure_message' | 'incentive_offer';
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface DetectionScore {
  cases: DetectorScore[];
  messages: MessageScore[];
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

/**
 * A hit finds a case when detector and designer agree, the customer agrees where the case has
 * one, and the hit's evidence names at least one of the case's records: a second, organic hit
 * on the same designer is not credited to the planted case.
 */
function matches(flag: Flag, detector: DetectorName, recordIds: ReadonlySet<string>, c: PlantedCase): boolean {
  // A planted incentive offer asks for the rating too, so the pressure detector finding it is right.
  const kindAgrees = c.kind === detector || (detector === 'pressure_message' && c.kind === 'incentive_offer');
  if (!kindAgrees || c.designerId !== flag.designerId) return false;
  if (c.customerId !== undefined && flag.customerId !== undefined && c.customerId !== flag.customerId) return false;
  return c.records.some((r) => recordIds.has(r.id));
}

export function scoreDetection(flags: readonly Flag[], truth: GroundTruth): DetectionScore {
  const casesByDesigner = new Map<string, PlantedCase[]>();
  for (const c of truth.cases) {
    const list = casesByDesigner.get(c.designerId) ?? [];
    list.push(c);
    casesByDesigner.set(c.designerId, list);
  }
  const found = new Set<string>();
  const hits = new Map<DetectorName, { hits: number; trueHits: number }>(DETECTORS.map((d) => [d, { hits: 0, trueHits: 0 }]));
  const flaggedMessages = { pressure_message: new Set<string>(), incentive_offer: new Set<string>() };

  for (const flag of flags) {
    for (const hit of flag.hits) {
      const recordIds = new Set(hit.evidence.items.map((item) => item.id));
      const tally = hits.get(hit.detector);
      if (tally === undefined) continue;
      tally.hits += 1;
      let isTrue = false;
      for (const c of casesByDesigner.get(flag.designerId) ?? []) {
        if (!matches(flag, hit.detector, recordIds, c)) continue;
        found.add(c.caseId);
        isTrue = true;
      }
      if (isTrue) tally.trueHits += 1;
      if (hit.detector === 'pressure_message' || hit.detector === 'incentive_offer') {
        for (const item of hit.evidence.items) if (item.kind === 'message') flaggedMessages[hit.detector].add(item.id);
      }
    }
  }

  const cases: DetectorScore[] = DETECTORS.map((detector) => {
    // Recall is over the detector's own kind: the pressure detector is not asked to find incentives.
    const planted = truth.cases.filter((c) => c.kind === detector);
    const foundCount = planted.filter((c) => found.has(c.caseId)).length;
    const { hits: h, trueHits } = hits.get(detector) ?? { hits: 0, trueHits: 0 };
    return { detector, planted: planted.length, found: foundCount, hits: h, trueHits, precision: ratio(trueHits, h), recall: ratio(foundCount, planted.length) };
  });

  // An incentive offer also asks for a rating (the generator's labels), so it is pressure too.
  const expected = {
    pressure_message: new Set([...truth.messages.pressure, ...truth.messages.incentive]),
    incentive_offer: new Set(truth.messages.incentive),
  };
  const messages = (['pressure_message', 'incentive_offer'] as const).map((detector): MessageScore => {
    const flagged = flaggedMessages[detector];
    const want = expected[detector];
    const tp = [...flagged].filter((id) => want.has(id)).length;
    const fp = flagged.size - tp;
    const fn = [...want].filter((id) => !flagged.has(id)).length;
    return { detector, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
  });
  return { cases, messages };
}

/** The score as Markdown tables, for the test log and `npm run bench`. */
export function formatDetectionScore(score: DetectionScore): string {
  const lines = ['| detector | planted | found | recall | hits | on a planted case | precision |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const s of score.cases) {
    lines.push(`| ${s.detector} | ${s.planted} | ${s.found} | ${s.recall.toFixed(3)} | ${s.hits} | ${s.trueHits} | ${s.precision.toFixed(3)} |`);
  }
  lines.push('', '| message detector | TP | FP | FN | precision | recall |', '|---|---:|---:|---:|---:|---:|');
  for (const m of score.messages) {
    lines.push(`| ${m.detector} | ${m.tp} | ${m.fp} | ${m.fn} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} |`);
  }
  return lines.join('\n');
}
