// A digest of everything the message rules say, to prove a refactor changed nothing:
// `npx tsx bench/detection-digest.ts [generated-log.json] [--out file.jsonl]` prints one
// SHA-256 per input set (the labelled corpus, a generated event log, seeded random bodies)
// over the rules' findings, the folded text and the two detectors' hits. Run it before and
// after a change and compare; `--out` writes every line, for a diff when they differ.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { analyseMessage, foldForMatching, incentiveOffer, pressureMessage } from '../core/manipulation/message-detectors';
import { DEFAULT_POLICY } from '../core/policy';
import type { Message } from '../core/wire/entities';
import { readCorpus } from './detector-quality';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const logPath = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1);

/** mulberry32: the same stream on every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function messagesOfLog(path: string): Message[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const events = typeof raw === 'object' && raw !== null && 'events' in raw && Array.isArray(raw.events) ? raw.events : [];
  const out: Message[] = [];
  for (const e of events as { type?: string; at?: string; data?: Record<string, unknown> }[]) {
    if (e.type !== 'message.sent' || e.data === undefined || typeof e.at !== 'string') continue;
    const d = e.data;
    out.push({
      id: String(d.id),
      rev: 1,
      designerId: String(d.designerId),
      customerId: String(d.customerId),
      fromRole: d.fromRole === 'customer' ? 'customer' : 'designer',
      body: String(d.body),
      sentAt: e.at,
    });
  }
  return out;
}

/** Bodies mixing real words with what the fold must survive: accents, emoji, stars, leet, spacing. */
function randomBodies(seedBodies: readonly string[], count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const words = [...new Set(seedBodies.flatMap((b) => b.split(/\s+/)).filter((w) => w.length > 0))].sort();
  const extras = [
    '⭐', '⭐️', '★', '☆', '🌟', '5★', '★★★★★', '🙏', '🥺', '😊', '👍🏽', '—', '–', '…', '«', '»', '“', '”', '’', '`',
    'É', 'ñ', 'Ç', 'ß', 'Œ', 'æ', 'ø', 'ł', 'İ', 'Σ', 'ΣΑΣ', '\u0301', '\u200b', '\u00a0', '\t', '\r\n', '\n', '  ',
    'st4rs', 'fiv3', '$tars', '5 $', 'f i v e', 's t a r s', 'fiiive', 'pleeease', '2/5', '3→5', '1 -> 5', '20%', '$15', '15€',
  ];
  const bodies: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const parts: string[] = [];
    const length = 1 + Math.floor(random() * 24);
    for (let k = 0; k < length; k += 1) {
      const r = random();
      let w = r < 0.8 ? pick(words) : pick(extras);
      if (random() < 0.05) w = w.toUpperCase();
      if (random() < 0.03) w = w.split('').join(' ');
      parts.push(w);
    }
    bodies.push(parts.join(random() < 0.9 ? ' ' : pick(['', '  ', '. ', '! ', '? ', '\n'])));
  }
  return bodies;
}

const lines: string[] = [];
function digest(name: string, bodies: readonly string[], messages: readonly Message[]): void {
  const hash = createHash('sha256');
  for (const body of bodies) {
    const line = JSON.stringify({ body, fold: foldForMatching(body), analysis: analyseMessage(body) });
    hash.update(line);
    hash.update('\n');
    if (out !== undefined) lines.push(line);
  }
  if (messages.length > 0) {
    const facts = { designers: [], customers: [], messages, ratings: [], reviews: [], reports: [], contracts: [] };
    const context = { asOf: '2100-01-01T00:00:00.000Z' };
    for (const detector of [pressureMessage, incentiveOffer]) {
      for (const hit of detector(facts, context, DEFAULT_POLICY)) {
        const line = JSON.stringify(hit);
        hash.update(line);
        hash.update('\n');
        if (out !== undefined) lines.push(line);
      }
    }
  }
  const found = bodies.filter((b) => {
    const a = analyseMessage(b);
    return a.pressure.length > 0 || a.incentive.length > 0;
  }).length;
  console.log(`${name.padEnd(28)} ${String(bodies.length).padStart(7)} bodies ${String(found).padStart(6)} with findings  ${hash.digest('hex')}`);
}

const corpus = readCorpus().map((m) => m.body);
const corpusMessages: Message[] = corpus.map((body, i) => ({
  id: `c${i}`,
  rev: 1,
  designerId: 'd1',
  customerId: 'c1',
  fromRole: 'designer',
  body,
  sentAt: '2026-11-02T08:00:00.000Z',
}));
digest('corpus', corpus, corpusMessages);
const generated = logPath === undefined ? [] : messagesOfLog(logPath);
if (logPath !== undefined) digest(`log ${logPath.split('/').pop() ?? ''}`, generated.map((m) => m.body), generated);
digest('random (seed 11)', randomBodies([...corpus, ...generated.slice(0, 5_000).map((m) => m.body)], 100_000, 11), []);
if (out !== undefined) writeFileSync(out, `${lines.join('\n')}\n`);
