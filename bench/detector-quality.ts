// Precision and recall of the two R12 message detectors, `npm run bench -- quality`: the phrase
// rules alone, the learned scorer alone, and both (what the detectors flag), per detector, per
// language and per family, on the multilingual corpus's test split, the older corpus and the
// generator's messages. Tuning reads train and dev only (bench/train-detectors.ts); the test
// split is read here, for the figures. `npx tsx bench/detector-quality.ts --errors` lists the
// dev split's misses and false alarms, for whoever tunes next.
import { fileURLToPath } from 'node:url';
import { readMessage } from '../core/manipulation/message-detectors';
import { INCENTIVE_CLAIM, messageScorer, SECOND_LABEL_CLAIM, type Probabilities, type ScoredLabel } from '../core/manipulation/message-scorer';
import { generateDataset } from '../platform/generator';
import { LABELS, readCorpusSplits, readOldCorpus, type CorpusSplit, type Label, type LabelledMessage } from './corpus';

export const SYSTEMS = ['rules', 'scorer', 'both'] as const;
export type System = (typeof SYSTEMS)[number];

/** What the rules and the scorer make of one labelled message. */
export interface Judged {
  message: LabelledMessage;
  rules: Record<Label, boolean>;
  probabilities: Probabilities;
  /** The detectors the scorer flags it for on its own. */
  scored: ScoredLabel[];
}

export function judge(messages: readonly LabelledMessage[]): Judged[] {
  return messages.map((message) => {
    const { analysis, probabilities } = readMessage(message.body);
    const rules = { pressure_message: analysis.pressure.length > 0, incentive_offer: analysis.incentive.length > 0 };
    return { message, rules, probabilities, scored: messageScorer().labelsOf(probabilities) };
  });
}

export function fired(j: Judged, label: Label, system: System): boolean {
  const scored = j.scored.includes(label);
  return system === 'rules' ? j.rules[label] : system === 'scorer' ? scored : j.rules[label] || scored;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);
export const precision = (c: Counts) => ratio(c.tp, c.tp + c.fp);
export const recall = (c: Counts) => ratio(c.tp, c.tp + c.fn);

/** Counts for one detector; `'either'` asks whether a manipulative message got a flag at all. */
export function count(judged: readonly Judged[], label: Label | 'either', system: System): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const j of judged) {
    const truth = label === 'either' ? j.message.labels.length > 0 : j.message.labels.includes(label);
    const flagged = label === 'either' ? LABELS.some((l) => fired(j, l, system)) : fired(j, label, system);
    if (flagged && truth) c.tp += 1;
    else if (flagged) c.fp += 1;
    else if (truth) c.fn += 1;
  }
  return c;
}

const figures = (c: Counts) => `${c.tp} | ${c.fp} | ${c.fn} | ${precision(c).toFixed(3)} | ${recall(c).toFixed(3)}`;
const pr = (c: Counts) => `${precision(c).toFixed(2)} / ${recall(c).toFixed(2)}`;

/** The generator's medium dataset (seed 42): every designer message, labelled by its ground truth. */
export function generatorMessages(seed = 42): LabelledMessage[] {
  const run = generateDataset({ size: 'medium', seed, start: '2026-11-01T00:00:00Z' });
  const bodies: { id: string; body: string }[] = [];
  for (const event of run.events()) {
    if (event.type === 'message.sent' && event.data.fromRole === 'designer') bodies.push({ id: event.data.id, body: event.data.body });
  }
  const truth = run.truth();
  const lang = new Map(truth.messages.planted.map((p) => [p.id, p.lang]));
  const pressure = new Set(truth.messages.pressure);
  const incentive = new Set(truth.messages.incentive);
  return bodies.map(({ id, body }) => {
    // The generator counts an incentive as pressure too (generator/score.ts).
    const labels: Label[] = incentive.has(id) ? ['pressure_message', 'incentive_offer'] : pressure.has(id) ? ['pressure_message'] : [];
    return { id, lang: lang.get(id) ?? '', labels, family: labels.length > 0 ? 'planted' : 'organic', hard: false, split: 'test', body, version: 0 };
  });
}

/** The quality report as Markdown. */
export function detectorQualityReport(): string {
  const out: string[] = [];
  const test = judge(readCorpusSplits(['test']));
  const old = judge(readOldCorpus());
  const generated = judge(generatorMessages());
  const sets: [string, Judged[]][] = [
    ['corpus test split', test],
    ['older corpus, dev', old.filter((j) => j.message.split === 'dev')],
    ['older corpus, holdout', old.filter((j) => j.message.split === 'holdout')],
    ['generator, medium seed 42', generated],
  ];
  out.push(
    `Scorer threshold: manipulation ${messageScorer().threshold} (chosen by cross-validation in \`npm run train:detectors\`); ` +
      `a confident verdict goes to the likelier label's detector (an incentive from ${INCENTIVE_CLAIM}, else pressure), ` +
      `and to the other's too when its label model reaches ${SECOND_LABEL_CLAIM}.`,
  );
  out.push('\n### Per detector\n');
  out.push('| messages | detector | system | TP | FP | FN | precision | recall |');
  out.push('|---|---|---|---:|---:|---:|---:|---:|');
  for (const [name, judged] of sets) {
    for (const label of [...LABELS, 'either'] as const) {
      for (const system of SYSTEMS) out.push(`| ${name} (${judged.length}) | ${label} | ${system} | ${figures(count(judged, label, system))} |`);
    }
  }

  out.push('\n### Per language, corpus test split (precision / recall)\n');
  out.push('`either`: a manipulative message flagged by at least one detector (both join one flag in R12).\n');
  const columns = [...LABELS, 'either'] as const;
  out.push(`| lang | messages | ${columns.flatMap((l) => SYSTEMS.map((s) => `${l} ${s}`)).join(' | ')} |`);
  out.push(`|---|---:|${columns.flatMap(() => SYSTEMS.map(() => '---:')).join('|')}|`);
  const langs = [...new Set(test.map((j) => j.message.lang))];
  for (const lang of langs) {
    const rows = test.filter((j) => j.message.lang === lang);
    out.push(`| ${lang} | ${rows.length} | ${columns.flatMap((l) => SYSTEMS.map((s) => pr(count(rows, l, s)))).join(' | ')} |`);
  }

  out.push('\n### Per corpus version, corpus test split, `either` (precision / recall)\n');
  out.push('Each version added messages with a split of their own (test/fixtures/corpus/README.md), so a version\'s figures compare across models.\n');
  out.push(`| version | messages | ${SYSTEMS.join(' | ')} |`);
  out.push(`|---|---:|${SYSTEMS.map(() => '---:').join('|')}|`);
  for (const version of [...new Set(test.map((j) => j.message.version))].sort()) {
    const rows = test.filter((j) => j.message.version === version);
    out.push(`| v${version} | ${rows.length} | ${SYSTEMS.map((s) => pr(count(rows, 'either', s))).join(' | ')} |`);
  }

  out.push('\n### Per family, corpus test split\n');
  out.push('Manipulation families: messages flagged by the detector(s) of their labels, of all. Benign families: messages flagged by either detector (false alarms), of all.\n');
  out.push(`| family | labels | messages | ${SYSTEMS.join(' | ')} |`);
  out.push(`|---|---|---:|${SYSTEMS.map(() => '---:').join('|')}|`);
  const families = [...new Set(test.map((j) => j.message.family))];
  for (const family of families) {
    const rows = test.filter((j) => j.message.family === family);
    const labels = [...new Set(rows.flatMap((j) => j.message.labels))];
    const cells = SYSTEMS.map((system) => {
      const caught = rows.filter((j) =>
        j.message.labels.length > 0 ? j.message.labels.every((l) => fired(j, l, system)) : LABELS.some((l) => fired(j, l, system)),
      ).length;
      return `${caught} of ${rows.length}`;
    });
    out.push(`| ${family} | ${labels.length === 0 ? 'none' : labels.map((l) => (l === 'pressure_message' ? 'P' : 'I')).join('+')} | ${rows.length} | ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

/** The dev split's misses and false alarms of the detectors as they stand (rules or scorer). */
function printDevErrors(): void {
  const dev = judge(readCorpusSplits(['dev'] satisfies CorpusSplit[]));
  for (const label of LABELS) {
    console.log(`\n## ${label}, dev split`);
    for (const j of dev) {
      const truth = j.message.labels.includes(label);
      if (fired(j, label, 'both') === truth) continue;
      const p = j.probabilities.manipulation.toFixed(2);
      console.log(`${truth ? 'missed     ' : 'false alarm'} ${j.message.id} ${j.message.family} p=${p}: ${j.message.body.slice(0, 120)}`);
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--errors')) printDevErrors();
  else console.log(detectorQualityReport());
}
