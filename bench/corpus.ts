// The labelled message corpora, read and checked: the multilingual corpus of
// test/fixtures/corpus/ (train/dev/test, see its README) and the older en/fr/es fixture
// test/fixtures/manipulation-messages.json (dev/holdout). The training script asks for train
// and dev only; the test split is read by the benchmark alone.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import VERSIONS from '../test/fixtures/corpus/versions.json' with { type: 'json' };

export const LABELS = ['pressure_message', 'incentive_offer'] as const;
export type Label = (typeof LABELS)[number];

export const CORPUS_DIR = fileURLToPath(new URL('../test/fixtures/corpus/', import.meta.url));
export const OLD_CORPUS_PATH = fileURLToPath(new URL('../test/fixtures/manipulation-messages.json', import.meta.url));

export const CORPUS_SPLITS = ['train', 'dev', 'test'] as const;
export type CorpusSplit = (typeof CORPUS_SPLITS)[number];

export interface LabelledMessage {
  id: string;
  lang: string;
  labels: Label[];
  family: string;
  hard: boolean;
  split: CorpusSplit | 'dev' | 'holdout';
  body: string;
  /** The corpus version that added it (1, 2, 3 …; versions.json); 0 outside the corpus. */
  version: number;
}

/** A corpus message's version, from its id number and the last id of each version. */
export function versionOf(id: string): number {
  const match = /^([a-z]{2})-(\d{4})$/.exec(id);
  if (match === null) return 1;
  const [, lang = '', digits = ''] = match;
  const lasts = Object.values(VERSIONS.lastId).map((byLang) => (byLang as Record<string, number>)[lang] ?? Infinity);
  const n = Number(digits);
  const before = lasts.findIndex((last) => n <= last);
  return before === -1 ? lasts.length + 1 : before + 1;
}

const corpusLine = z.object({
  id: z.string().min(1),
  lang: z.string().min(2).max(3),
  labels: z.array(z.enum(LABELS)),
  family: z.string().min(1),
  hard: z.boolean(),
  split: z.enum(CORPUS_SPLITS),
  body: z.string().min(1).max(1_200),
});

/**
 * The multilingual corpus, only the splits asked for: messages of any other split are dropped
 * as each line is read, so a caller that never asks for `test` never holds a test message.
 */
export function readCorpusSplits(splits: readonly CorpusSplit[], dir = CORPUS_DIR): LabelledMessage[] {
  const wanted = new Set<string>(splits);
  const out: LabelledMessage[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(`${dir}${file}`, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = corpusLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'malformed'}`);
      if (wanted.has(parsed.data.split)) out.push({ ...parsed.data, version: versionOf(parsed.data.id) });
    });
  }
  return out;
}

const oldCorpus = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      lang: z.string(),
      labels: z.array(z.enum(LABELS)),
      hard: z.boolean(),
      split: z.enum(['dev', 'holdout']),
      body: z.string(),
    }),
  ),
});

/** The older en/fr/es corpus: dev (the rules were tuned on it) and holdout. */
export function readOldCorpus(path = OLD_CORPUS_PATH): LabelledMessage[] {
  const parsed = oldCorpus.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'malformed'}`);
  return parsed.data.messages.map((m) => ({ ...m, family: m.labels.length === 0 ? (m.hard ? 'benign_hard' : 'benign_plain') : 'old', version: 0 }));
}
