// Reference platform benchmarks (platform/README.md, "Speed"): replay of a generated event log
// through the engine (events/s and peak RSS), a full pull of the feed over loopback
// (entities/s, streamed from the store), decision round-trips (p50/p95), and the latency that
// fault injection adds (and does not add to /v1/dev/*) — measured here, never asserted in tests.
// BENCH_PLATFORM_SIZE=large replays the large log (millions of events; minutes); the default
// is medium, which finishes in about a minute here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClock } from '../platform/engine/clock';
import { Engine } from '../platform/engine/engine';
import { readEventLog, writeEventLog, type SizeName } from '../platform/generator';
import { startPlatform } from '../platform/server';
import { openStore } from '../platform/store/store';
import type { Figure } from './lib';

const END = '2026-11-02T08:00:00.000Z';

function sizeFromEnv(): SizeName {
  const size = process.env.BENCH_PLATFORM_SIZE;
  return size === 'large' || size === 'small' ? size : 'medium';
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * CPU seconds (user + system, every thread of the process: SQLite works in libuv's pool) since
 * `from`: unlike wall time, barely moved by other work on the machine, so a figure taken on a
 * busy machine can still be compared with another.
 */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return `CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`;
};

async function replayFigure(size: SizeName, dir: string): Promise<{ figures: Figure[]; storePath: string }> {
  const logPath = join(dir, `${size}.json`);
  const genStart = performance.now();
  const written = await writeEventLog(logPath, { size, seed: 1, start: END });
  const genSeconds = (performance.now() - genStart) / 1000;

  const storePath = join(dir, `${size}.sqlite`);
  const store = await openStore(storePath);
  const engine = await Engine.open({ store, clock: createClock({ startMs: 0, rate: 0 }) });
  const rssBefore = peakRssMb();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await engine.replay(readEventLog(logPath), 5000);
  const seconds = (performance.now() - start) / 1000;
  await engine.close();
  const cpuUsed = cpuSince(cpu);
  await store.close();
  const events = result.applied + result.refused.length;
  return {
    storePath,
    figures: [
      { name: `generate the ${size} event log to a file`, rows: written.events, unit: 'events', seconds: genSeconds, perSecond: written.events / genSeconds, note: `${Math.round(written.bytes / 1e6)} MB` },
      {
        name: `replay the ${size} log through the engine (read, validate, rules, detection, SQLite)`,
        rows: events,
        unit: 'events',
        seconds,
        perSecond: events / seconds,
        note: `${result.refused.length} refused; ${cpuUsed}; peak RSS ${peakRssMb()} MB (${rssBefore} MB before the replay)`,
      },
    ],
  };
}

async function pullFigure(storePath: string, size: SizeName): Promise<Figure[]> {
  const loadCpu = process.cpuUsage();
  const loadStart = performance.now();
  const platform = await startPlatform({ dev: true, storePath, clock: END, port: 0 });
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const loadCpuUsed = cpuSince(loadCpu);
  try {
    const headers = { authorization: 'Bearer dev-auditor' };
    let after = 0;
    let entities = 0;
    let bytes = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let page = 0; page < 100_000; page++) {
      const res = await fetch(`${platform.url}/v1/changes?after=${after}&limit=5000`, { headers });
      const text = await res.text();
      bytes += text.length;
      const body: unknown = JSON.parse(text);
      if (typeof body !== 'object' || body === null || !('changes' in body) || !('last' in body) || !('hasMore' in body)) throw new Error('not a changes page');
      const { changes, last, hasMore } = body;
      if (!Array.isArray(changes) || typeof last !== 'number') throw new Error('not a changes page');
      entities += changes.length;
      after = last;
      if (hasMore !== true) break;
    }
    const seconds = (performance.now() - start) / 1000;
    const cpuUsed = cpuSince(cpu);
    return [
      { name: `restart on the ${size} store (load entities, indexes, timers)`, rows: entities, unit: 'entities', seconds: loadSeconds, perSecond: entities / loadSeconds, note: loadCpuUsed },
      {
        name: `full pull of the ${size} feed over loopback (pages of 5000, streamed)`,
        rows: entities,
        unit: 'entities',
        seconds,
        perSecond: entities / seconds,
        note: `${Math.round(bytes / 1e6)} MB of JSON, parsed by the client; ${cpuUsed}, server and client`,
      },
    ];
  } finally {
    await platform.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function decisionFigure(dir: string): Promise<Figure> {
  const n = 300;
  const platform = await startPlatform({ dev: true, storePath: join(dir, 'decisions.sqlite'), clock: END, port: 0 });
  try {
    const admin = { authorization: 'Bearer dev-admin', 'content-type': 'application/json' };
    const at = (minutes: number) => new Date(Date.parse(END) + minutes * 60_000).toISOString();
    const events: unknown[] = [
      { at: at(1), type: 'designer.joined', data: { id: 'bench-d', handle: 'bench', verification: 'unverified' } },
      { at: at(1), type: 'project.launched', data: { id: 'bench-p', customerId: 'bench-c', category: 'logo', kind: 'contest', endsAt: at(60 * 24 * 10) } },
    ];
    for (let i = 0; i < n; i++) events.push({ at: at(2), type: 'submission.created', data: { id: `bench-s${i}`, projectId: 'bench-p', designerId: 'bench-d', kind: 'original' } });
    const posted = await fetch(`${platform.url}/v1/dev/events`, { method: 'POST', headers: admin, body: JSON.stringify({ events }) });
    if (posted.status !== 200) throw new Error(`dev events: ${posted.status} ${await posted.text()}`);
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const body = { id: randomUUID(), subjectType: 'submission', subjectId: `bench-s${i}`, expectedRev: 1, outcome: i % 2 === 0 ? 'approve' : 'reject', reasonCode: i % 2 === 0 ? undefined : 'off_brief', decidedAt: at(3) };
      const t0 = performance.now();
      const res = await fetch(`${platform.url}/v1/decisions`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
      await res.text();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`decision ${i}: ${res.status}`);
    }
    const seconds = (performance.now() - start) / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    return {
      name: 'decision round-trip over loopback (validate, CAS, apply, fsync, answer)',
      rows: n,
      unit: 'decisions',
      seconds,
      perSecond: n / seconds,
      note: `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`,
    };
  } finally {
    await platform.close();
  }
}

/** Fault injection's added latency: what a console's reliability test sees, and that /v1/dev/* never waits. */
async function faultLatencyFigure(dir: string): Promise<Figure> {
  const n = 20;
  const latencyMs = 200;
  const platform = await startPlatform({ dev: true, storePath: join(dir, 'faults.sqlite'), dataset: 'none', clock: END, port: 0 });
  try {
    const headers = { authorization: 'Bearer dev-admin', 'content-type': 'application/json' };
    const set = await fetch(`${platform.url}/v1/dev/faults`, { method: 'POST', headers, body: JSON.stringify({ latencyMs }) });
    if (set.status !== 200) throw new Error(`dev faults: ${set.status}`);
    const timed = async (path: string): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const res = await fetch(`${platform.url}${path}`, { headers });
        await res.text();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b);
    };
    const start = performance.now();
    const delayed = await timed('/v1/meta');
    const seconds = (performance.now() - start) / 1000;
    const dev = await timed('/v1/dev/clock');
    return {
      name: `fault injection, latencyMs ${latencyMs}: GET /v1/meta round-trip (GET /v1/dev/clock beside it, never delayed)`,
      rows: n,
      unit: 'requests',
      seconds,
      perSecond: n / seconds,
      note: `meta min ${delayed[0]?.toFixed(1)} ms, p50 ${percentile(delayed, 50).toFixed(1)} ms; dev clock p50 ${percentile(dev, 50).toFixed(1)} ms, max ${dev.at(-1)?.toFixed(1)} ms`,
    };
  } finally {
    await platform.close();
  }
}

/** The large world needs about 5 GB of heap: its replay runs in a child with room for it. */
const LARGE_HEAP_MB = 16_384;

function replayInChild(size: SizeName, dir: string): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${LARGE_HEAP_MB}`, fileURLToPath(import.meta.url)],
      { env: { ...process.env, BENCH_PLATFORM_CHILD: `${size}:${dir}` }, maxBuffer: 1 << 20, timeout: 3_600_000 },
      (error, stdout) => {
        if (error !== null) return reject(error);
        const line = stdout.trim().split('\n').pop() ?? '[]';
        const figures: unknown = JSON.parse(line);
        resolve(Array.isArray(figures) ? figures.filter(isFigure) : []);
      },
    );
  });
}

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'name' in value && 'rows' in value && 'perSecond' in value;
}

export async function benchPlatform(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-platform-'));
  try {
    const size = sizeFromEnv();
    const needsChild = size === 'large' && getHeapStatistics().heap_size_limit < (LARGE_HEAP_MB / 2) * 1024 * 1024;
    const replay = needsChild ? { figures: await replayInChild(size, dir), storePath: join(dir, `${size}.sqlite`) } : await replayFigure(size, dir);
    // The feed is measured on the medium dataset whatever the replay's size (the issue's figure).
    const pullStore = size === 'medium' ? replay.storePath : (await replayFigure('medium', dir)).storePath;
    const pull = await pullFigure(pullStore, 'medium');
    const decisions = await decisionFigure(dir);
    const faults = await faultLatencyFigure(dir);
    return [...replay.figures, ...pull, decisions, faults];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run as the child of replayInChild: replay one size and print its figures as one JSON line.
const child = process.env.BENCH_PLATFORM_CHILD;
if (child !== undefined && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [size, dir] = child.split(':');
  if ((size === 'small' || size === 'medium' || size === 'large') && dir !== undefined) {
    const { figures } = await replayFigure(size, dir);
    console.log(JSON.stringify(figures));
  }
}
