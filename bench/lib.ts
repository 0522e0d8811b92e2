// Measuring helpers for `npm run bench`: wall time, rows per second, peak heap, and a seeded
// PRNG so every run measures the same synthetic data.
import { Rng } from '../platform/generator/rng';

export interface Figure {
  name: string;
  rows: number;
  unit: string;
  seconds: number;
  perSecond: number;
  note?: string;
}

export function measure<T>(name: string, rows: number, unit: string, fn: () => T, note?: string): { figure: Figure; result: T } {
  const start = process.hrtime.bigint();
  const result = fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { figure: { name, rows, unit, seconds, perSecond: rows / seconds, ...(note ? { note } : {}) }, result };
}

export async function measureAsync<T>(name: string, rows: number, unit: string, fn: () => Promise<T>, note?: string): Promise<{ figure: Figure; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { figure: { name, rows, unit, seconds, perSecond: rows / seconds, ...(note ? { note } : {}) }, result };
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatCount = (n: number) => fmt.format(n);

export function printFigures(title: string, figures: readonly Figure[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| measure | rows | time | rate |');
  console.log('|---|---:|---:|---:|');
  for (const f of figures) {
    const rate = `${formatCount(f.perSecond)} ${f.unit}/s`;
    console.log(`| ${f.name}${f.note ? ` (${f.note})` : ''} | ${formatCount(f.rows)} | ${f.seconds.toFixed(2)} s | ${rate} |`);
  }
}

export function printRatio(label: string, ratio: number): void {
  console.log(`- ${label}: **${ratio.toFixed(1)}×**`);
}

/** The generator's seeded PRNG, so every run measures the same synthetic data. */
export function prng(seed: number): () => number {
  const random = new Rng(seed);
  return () => random.next();
}

export function peakHeapMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
