// The reference platform (SYNC-API.md): the program the demo, development and every sync test
// run against. Starts the store, the engine and the HTTP server on loopback; see README.md.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevBreachRequest, Moderator } from '../core';
import { createClock, type PlatformClock } from './engine/clock';
import type { ApplyContext } from './engine/context';
import { Engine } from './engine/engine';
import { moderatorsFor, tokenTable } from './http/auth';
import { Faults } from './http/faults';
import { createHandler } from './http/routes';
import { loadDataset, loadDemo, type DatasetName } from './datasets';
import type { LiveState } from './generator';
import { startLive, type LiveHandle } from './live';
import { openStore, type Store } from './store/store';

export interface PlatformOptions {
  port?: number;
  host?: string;
  dev?: boolean;
  /**
   * The store to serve, already open; the platform closes it when it closes. Without it, the
   * store at `storePath` is opened (a fresh temporary file when that is absent too).
   */
  store?: Store;
  storePath?: string;
  clock?: string;
  clockRate?: number;
  dataset?: DatasetName;
  seed?: number;
  live?: boolean;
  faults?: { latencyMs?: number; errorRate?: number; dropRate?: number; truncateRate?: number; seed?: number };
  /**
   * Development mode: rules broken on purpose once the marketplace is loaded (the same as
   * `POST /v1/dev/breaches` by the admin); a breach that does not apply stops the start.
   */
  breaches?: readonly DevBreachRequest[];
  log?: (line: string) => void;
  /** SSE heartbeat period; SYNC-API says 15 s, tests may shorten it. */
  heartbeatMs?: number;
}

export interface RunningPlatform {
  url: string;
  port: number;
  /** The tokens this run accepts (fixed in development mode, minted per start otherwise). */
  tokens: ReadonlyArray<{ token: string; moderatorId: string }>;
  /** One line for the console: what was loaded and where the clock stands. */
  summary: string;
  close(): Promise<void>;
}

/** Who plants the breaches asked for at start (the admin's moderator, in both modes). */
const ADMIN_MODERATOR_ID = 'mod-admin';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** How often a running clock fires what it has passed. */
const TICK_MS = 250;

function configuredClock(options: PlatformOptions): PlatformClock {
  if (options.clock !== undefined) {
    const startMs = Date.parse(options.clock);
    if (Number.isNaN(startMs)) throw new Error(`--clock: not an ISO time: ${options.clock}`);
    return createClock({ startMs, rate: options.clockRate ?? 0 });
  }
  return createClock({ startMs: Date.now(), rate: options.clockRate && options.clockRate > 0 ? options.clockRate : 1 });
}

/** The moderators this run's tokens stand for, on the feed as entities; a changed one gets a new rev. */
function putModerators(ctx: ApplyContext, moderators: readonly Moderator[]): void {
  for (const moderator of moderators) {
    const current = ctx.world.tables.moderator.get(moderator.id);
    if (current !== undefined && current.displayName === moderator.displayName && current.roles.join() === moderator.roles.join()) continue;
    ctx.world.put('moderator', current === undefined ? moderator : { ...moderator, rev: current.rev + 1 });
  }
}

/**
 * What a store that already holds a marketplace does not take from the options: a dataset is
 * loaded into a new store only, and the clock never goes back behind the store's. Said at start,
 * so a restart with other flags does not look as if it had taken them.
 */
function ignoredOnAStore(options: PlatformOptions, storeClockMs: number | null): string[] {
  const notices: string[] = [];
  if (options.dataset !== undefined && options.dataset !== 'none') {
    notices.push(`--dataset ${options.dataset} not loaded: the store already holds a marketplace (a dataset goes into a new store only)`);
  }
  if (options.clock !== undefined && storeClockMs !== null && Date.parse(options.clock) < storeClockMs) {
    notices.push(`--clock ${options.clock} is behind the store's clock (${new Date(storeClockMs).toISOString()}), which goes on from there`);
  }
  return notices;
}

/** A breach asked for at start, as the admin would plant it; one that does not apply fails the start. */
async function plantAtStart(engine: Engine, request: DevBreachRequest): Promise<string> {
  const outcome = await engine.plantBreach(ADMIN_MODERATOR_ID, request);
  if (outcome.kind === 'refused') throw new Error(`--breach ${request.rule}${request.recordId === undefined ? '' : `:${request.recordId}`}: ${outcome.detail}`);
  return `${outcome.breach.rule} at ${outcome.breach.recordType} ${outcome.breach.recordId}`;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const host = options.host ?? '127.0.0.1';
  const dev = options.dev ?? false;
  const log = options.log ?? (() => undefined);
  if (dev && !isLoopback(host)) throw new Error(`development mode listens on loopback only, not on ${host}`);
  if ((options.breaches?.length ?? 0) > 0 && !dev) throw new Error('planted breaches (--breach) need development mode (--dev)');
  const planted: string[] = [];

  const store = options.store ?? (await openStore(options.storePath));
  const clock = configuredClock(options);
  const fresh = store.eventCount === 0 && store.lastSeq === 0;
  const dataset = options.dataset ?? 'none';
  const notices = fresh ? [] : ignoredOnAStore(options, store.clockMs);
  let engine: Engine;
  let loaded: string;
  let liveState: LiveState | null = null;
  try {
    if (fresh && dataset !== 'none') {
      // The log is replayed on its own times first; the configured clock takes over after it.
      engine = await Engine.open({ store, clock: createClock({ startMs: 0, rate: 0 }), log });
      const started = performance.now();
      const seed = options.seed ?? 1;
      const dataLoaded = dataset === 'demo' ? await loadDemo(engine, seed, clock.nowMs()) : await loadDataset(engine, dataset, seed, clock.nowMs());
      const { result } = dataLoaded;
      loaded = `${dataset} dataset (seed ${options.seed ?? 1}): ${result.applied} events applied, ${result.refused.length} refused in ${((performance.now() - started) / 1000).toFixed(1)} s`;
      await engine.useClock(clock);
      if (options.live === true) liveState = 'run' in dataLoaded ? dataLoaded.run.liveState() : dataLoaded.liveState();
    } else {
      engine = await Engine.open({ store, clock, log });
      loaded = fresh ? 'empty marketplace' : `store ${store.path}: feed at seq ${store.lastSeq}`;
    }
    await engine.execute((ctx) => putModerators(ctx, moderatorsFor(dev)));
    await engine.catchUp();
    for (const request of options.breaches ?? []) planted.push(await plantAtStart(engine, request));
  } catch (error) {
    await store.close();
    throw error;
  }

  const tokens = tokenTable(dev);
  const faults = new Faults(dev ? (options.faults ?? {}) : {});
  const server: Server = createServer(createHandler({ engine, store, tokens, dev, faults, heartbeatMs: options.heartbeatMs ?? 15_000, log }));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const ticker = clock.rate > 0 ? setInterval(() => void engine.catchUp().catch((e: unknown) => log(`tick failed: ${String(e)}`)), TICK_MS) : null;
  if (options.live === true && liveState === null) log('live: needs a dataset generated in this run (not --dataset none, not a restarted store); staying still');
  const live: LiveHandle | null = liveState === null ? null : startLive(engine, liveState, { log });
  for (const notice of notices) log(`note: ${notice}`);
  const summary = [
    loaded,
    `clock ${new Date(engine.nowMs()).toISOString()}${clock.rate > 0 ? ` running ×${clock.rate}` : ' stopped'}`,
    ...(live !== null ? ['live'] : []),
    ...(dev ? ['development mode'] : []),
    ...(planted.length > 0 ? [`breaches planted: ${planted.join(', ')}`] : []),
    ...notices,
  ].join('; ');
  log(`platform listening on ${url} — ${summary}`);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    tokens: tokens.byModerator,
    summary,
    close: () =>
      (closing ??= (async () => {
        if (ticker !== null) clearInterval(ticker);
        await live?.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await engine.close();
        await store.close();
      })()),
  };
}
