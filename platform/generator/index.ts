// The reference platform's dataset generator: a realistic marketplace written as an event log
// (SYNC-API.md), the ground truth of what it planted, and a live feed for the demo.
//
//   const run = generateDataset({ size: 'small', seed: 7, start: '2026-11-02T08:00:00Z' });
//   for (const event of run.events()) …;   const truth = run.truth();
//   await writeEventLog('/tmp/small.json', { size: 'small', seed: 7, start });  // + .truth.json
//   for await (const event of readEventLog('/tmp/small.json')) …;
//   const live = run.liveState();  liveTick(live, platformNow)  → the next few events
import { writeFile } from 'node:fs/promises';
import { toMs, type IsoTime } from '../../core/time';
import type { MarketplaceEvent } from '../../core/wire/events';
import { writeEvents } from './log-file';
import { schedulePlants } from './plants';
import { Simulation, type PlantPlan } from './simulation';
import { resolveSize, type CustomSize, type SizeCounts, type SizeName } from './sizes';
import { datasetStats } from './stats';
import type { GroundTruth } from './truth';
import { registerLiveState, type LiveState } from './live';

export { EventLogError, LOG_FOOTER, LOG_HEADER, eventLogChunks, readEventLog, writeEvents, type WrittenLog } from './log-file';
export { liveTick, type LiveState, type LiveTick, type LiveTickOptions } from './live';
export { SIZES, resolveSize, type CustomSize, type SizeCounts, type SizeName } from './sizes';
export { plantPlan, type PlantPlan } from './simulation';
export { Rng } from './rng';
export { TARGET_SHARES, type DatasetStats, type Decoy, type ExpectedRefusal, type GroundTruth, type PlantedCase, type PlantedMessage, type RecordRef, type RecordType } from './truth';

export interface DatasetOptions {
  size: SizeName | CustomSize;
  seed: number;
  /** The dataset's clock ends here: the last event is at or before it. */
  start: IsoTime;
  /** Days of marketplace history before `start` (default 90; 45–365). */
  spanDays?: number;
}

export interface DatasetRun {
  readonly targets: SizeCounts;
  readonly plan: PlantPlan;
  /** The events in time order, generated as they are consumed. A run yields its events once. */
  events(): Generator<MarketplaceEvent>;
  /** What was planted and what the rules should refuse; complete once `events()` is exhausted. */
  truth(): GroundTruth;
  /** The running marketplace, for `liveTick` (after `events()` is exhausted). */
  liveState(): LiveState;
}

export const DEFAULT_SPAN_DAYS = 90;

export function generateDataset(options: DatasetOptions): DatasetRun {
  const targets = resolveSize(options.size);
  const spanDays = options.spanDays ?? DEFAULT_SPAN_DAYS;
  if (!Number.isFinite(spanDays) || spanDays < 45 || spanDays > 365) throw new RangeError('spanDays must be between 45 and 365');
  if (!Number.isInteger(options.seed)) throw new RangeError('seed must be an integer');
  const endMs = toMs(options.start);
  const sim = new Simulation({
    seed: options.seed,
    counts: targets,
    endMs,
    spanDays,
  });
  sim.start();
  schedulePlants(sim);
  let state: 'fresh' | 'running' | 'done' = 'fresh';
  const finishedOnly = (what: string): void => {
    if (state !== 'done') throw new Error(`${what} is available once events() has been read to the end`);
  };
  return {
    targets,
    plan: sim.plan,
    events: function* () {
      if (state !== 'fresh') throw new Error('a dataset run yields its events once; start another run for another pass');
      state = 'running';
      yield* sim.run(endMs);
      state = 'done';
    },
    truth: () => {
      finishedOnly('truth()');
      return buildTruth(sim, options, targets, spanDays);
    },
    liveState: () => {
      finishedOnly('liveState()');
      return registerLiveState(sim);
    },
  };
}

function buildTruth(sim: Simulation, options: DatasetOptions, targets: SizeCounts, spanDays: number): GroundTruth {
  const planted = [...sim.plantedMessages];
  return {
    format: 'marketplace-ground-truth/1',
    generator: {
      seed: options.seed,
      size: typeof options.size === 'string' ? options.size : 'custom',
      targets,
      start: options.start,
      spanDays,
    },
    cases: sim.cases.map((c) => ({ ...c, records: [...c.records] })),
    messages: {
      pressure: planted.filter((m) => m.label === 'pressure').map((m) => m.id),
      incentive: planted.filter((m) => m.label === 'incentive').map((m) => m.id),
      planted,
    },
    expectedRefusals: [...sim.refusals],
    decoys: [...sim.decoys],
    stats: datasetStats(sim),
  };
}

export interface WriteSummary {
  path: string;
  truthPath: string;
  events: number;
  bytes: number;
  truth: GroundTruth;
}

/** Generates a dataset straight to `path` (streamed) and its ground truth to `<path>.truth.json`. */
export async function writeEventLog(path: string, options: DatasetOptions): Promise<WriteSummary> {
  const run = generateDataset(options);
  const written = await writeEvents(path, run.events());
  const truth = run.truth();
  const truthPath = `${path}.truth.json`;
  await writeFile(truthPath, `${JSON.stringify(truth, null, 2)}\n`, 'utf8');
  return { path, truthPath, events: written.events, bytes: written.bytes, truth };
}
