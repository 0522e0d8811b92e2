// Writes a generated dataset to a file and its ground truth beside it, and prints the figures:
//   npx tsx platform/generator/cli.ts --size medium --seed 7 --start 2026-11-02T08:00:00Z --out /tmp/medium.json
import { parseArgs } from 'node:util';
import { writeEventLog } from './index';
import type { SizeName } from './sizes';

const SIZE_NAMES: readonly SizeName[] = ['small', 'medium', 'large'];

function isSizeName(value: string): value is SizeName {
  return SIZE_NAMES.some((name) => name === value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string' },
      span: { type: 'string', default: '90' },
      out: { type: 'string' },
    },
  });
  const size = values.size ?? 'small';
  if (!isSizeName(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  if (values.start === undefined || values.out === undefined) throw new Error('--start (ISO time) and --out (file) are required');
  const started = performance.now();
  const summary = await writeEventLog(values.out, {
    size,
    seed: Number(values.seed),
    start: values.start,
    spanDays: Number(values.span),
  });
  const seconds = (performance.now() - started) / 1000;
  const { truth } = summary;
  process.stdout.write(
    `${JSON.stringify(
      {
        path: summary.path,
        truthPath: summary.truthPath,
        events: summary.events,
        bytes: summary.bytes,
        seconds: Math.round(seconds * 10) / 10,
        eventsPerSecond: Math.round(summary.events / seconds),
        peakRssMB: Math.round(process.memoryUsage().rss / 1e6),
        cases: truth.cases.length,
        plantedMessages: truth.messages.planted.length,
        expectedRefusals: truth.expectedRefusals.length,
        decoys: truth.decoys.length,
        stats: truth.stats,
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
