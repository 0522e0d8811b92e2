// Detection scored against the generator's ground truth: the small dataset replayed through the
// platform's engine (incremental detection, as in production), every planted case looked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DAY_MS, type Flag } from '../../core';
import { loadDataset } from '../../platform/datasets';
import { formatDetectionScore, scoreDetection, type DetectionScore } from '../../platform/generator/score';
import type { GroundTruth } from '../../platform/generator';
import { openEngine, tempDir, type TestEngine } from './helpers';

const END = Date.parse('2026-11-01T00:00:00.000Z');
let engine: TestEngine;
let dir: { dir: string; remove(): void };
let truth: GroundTruth;
let flags: Flag[];
let score: DetectionScore;

beforeAll(async () => {
  dir = tempDir();
  engine = await openEngine(join(dir.dir, 'p.sqlite'), new Date(END - 200 * DAY_MS).toISOString());
  const { run } = await loadDataset(engine.engine, 'small', 42, END);
  truth = run.truth();
  flags = [...engine.engine.world.tables.flag.values()];
  score = scoreDetection(flags, truth);
  console.log(`Detection on the small dataset (seed 42), against the generator's ground truth:\n\n${formatDetectionScore(score)}\n`);
});

afterAll(async () => {
  await engine.close();
  dir.remove();
});

describe('detection against the ground truth (small dataset)', () => {
  it('has planted cases of every detector to look for', () => {
    for (const s of score.cases) expect(s.planted, s.detector).toBeGreaterThan(0);
  });

  it('finds at least 85% of the planted cases of every detector', () => {
    for (const s of score.cases) expect(s.recall, s.detector).toBeGreaterThanOrEqual(0.85);
  });

  it('flags planted pressure and incentive messages with precision and recall of at least 0.9', () => {
    for (const m of score.messages) {
      expect(m.precision, m.detector).toBeGreaterThanOrEqual(0.9);
      expect(m.recall, m.detector).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('credits a hit only when its evidence names the planted records', () => {
    // The same flags scored against a truth whose records were renamed find nothing.
    const renamed: GroundTruth = { ...truth, cases: truth.cases.map((c) => ({ ...c, records: c.records.map((r) => ({ ...r, id: `${r.id}-x` })) })) };
    const none = scoreDetection(flags, renamed);
    for (const s of none.cases) expect(s.found, s.detector).toBe(0);
  });
});
