// Detection quality on a generated marketplace: the medium dataset replayed through the
// platform's engine, scored against the generator's ground truth (platform/generator/score.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS } from '../core';
import { loadDataset } from '../platform/datasets';
import { createClock } from '../platform/engine/clock';
import { Engine } from '../platform/engine/engine';
import { formatDetectionScore, scoreDetection } from '../platform/generator/score';
import { openStore } from '../platform/store/store';

export async function detectionAgainstTruth(seed = 42): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-truth-'));
  const end = Date.parse('2026-11-01T00:00:00.000Z');
  const store = await openStore(join(dir, 'p.sqlite'));
  const engine = await Engine.open({ store, clock: createClock({ startMs: end - 200 * DAY_MS, rate: 0 }) });
  try {
    const { run } = await loadDataset(engine, 'medium', seed, end);
    return formatDetectionScore(scoreDetection([...engine.world.tables.flag.values()], run.truth()));
  } finally {
    await engine.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
