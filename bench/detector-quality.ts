// Precision and recall of the two R12 message detectors over the labelled corpus, per split.
// Tuning looks at the dev split only; holdout measures how well the patterns generalise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanMessage } from '../core/manipulation/message-detectors';

export const CORPUS_PATH = fileURLToPath(new URL('../test/fixtures/manipulation-messages.json', import.meta.url));

const LABELS = ['pressure_message', 'incentive_offer'] as const;
type Label = (typeof LABELS)[number];
const SPLITS = ['dev', 'holdout', 'all'] as const;
type Split = (typeof SPLITS)[number];

export interface CorpusMessage {
  id: string;
  lang: string;
  labels: Label[];
  hard: boolean;
  split: 'dev' | 'holdout';
  body: string;
  note?: string;
}

export interface QualityRow {
  detector: Label;
  split: Split;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Ids wrongly flagged and wrongly missed, for `--errors`. */
  falsePositives: string[];
  falseNegatives: string[];
}

const isLabel = (x: unknown): x is Label => x === 'pressure_message' || x === 'incentive_offer';

/** Reads and checks the corpus; a malformed entry fails loudly rather than skewing the figures. */
export function readCorpus(path = CORPUS_PATH): CorpusMessage[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof raw !== 'object' || raw === null || !('messages' in raw) || !Array.isArray(raw.messages)) {
    throw new Error(`${path}: expected {messages: [...]}`);
  }
  return raw.messages.map((m: unknown, i: number): CorpusMessage => {
    if (
      typeof m !== 'object' || m === null ||
      !('id' in m) || typeof m.id !== 'string' ||
      !('body' in m) || typeof m.body !== 'string' ||
      !('split' in m) || (m.split !== 'dev' && m.split !== 'holdout') ||
      !('labels' in m) || !Array.isArray(m.labels) || !m.labels.every(isLabel)
    ) {
      throw new Error(`${path}: message #${i} is not {id, body, split, labels}`);
    }
    return {
      id: m.id,
      body: m.body,
      split: m.split,
      labels: m.labels.filter(isLabel),
      lang: 'lang' in m && typeof m.lang === 'string' ? m.lang : '',
      hard: 'hard' in m && m.hard === true,
    };
  });
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

export function detectorQuality(corpus: readonly CorpusMessage[] = readCorpus()): QualityRow[] {
  const predicted = corpus.map((m) => {
    const scan = scanMessage(m.body);
    return { m, fired: { pressure_message: scan.pressure.length > 0, incentive_offer: scan.incentive.length > 0 } };
  });
  const rows: QualityRow[] = [];
  for (const detector of LABELS) {
    for (const split of SPLITS) {
      const row: QualityRow = { detector, split, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, falsePositives: [], falseNegatives: [] };
      for (const { m, fired } of predicted) {
        if (split !== 'all' && m.split !== split) continue;
        const truth = m.labels.includes(detector);
        if (fired[detector] && truth) row.tp += 1;
        else if (fired[detector]) {
          row.fp += 1;
          row.falsePositives.push(m.id);
        } else if (truth) {
          row.fn += 1;
          row.falseNegatives.push(m.id);
        }
      }
      row.precision = ratio(row.tp, row.tp + row.fp);
      row.recall = ratio(row.tp, row.tp + row.fn);
      rows.push(row);
    }
  }
  return rows;
}

function printTable(rows: readonly QualityRow[], errors: boolean): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(`${'detector'.padEnd(18)}${'split'.padEnd(9)}${'tp'.padStart(5)}${'fp'.padStart(5)}${'fn'.padStart(5)}  precision  recall`);
  for (const r of rows) {
    console.log(
      `${r.detector.padEnd(18)}${r.split.padEnd(9)}${String(r.tp).padStart(5)}${String(r.fp).padStart(5)}${String(r.fn).padStart(5)}  ${pct(r.precision)}    ${pct(r.recall)}`,
    );
  }
  if (!errors) return;
  for (const r of rows) {
    if (r.split === 'all') continue;
    console.log(`\n${r.detector} / ${r.split}`);
    console.log(`  false positives: ${r.falsePositives.join(' ') || '-'}`);
    console.log(`  false negatives: ${r.falseNegatives.join(' ') || '-'}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  printTable(detectorQuality(), process.argv.includes('--errors'));
}
