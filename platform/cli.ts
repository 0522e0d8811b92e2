// `npm run platform -- [flags]`: starts the reference platform and prints where it listens, the
// tokens it accepts and a one-line summary; SIGINT/SIGTERM close it cleanly. See README.md.
import { spawn } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { parseArgs } from 'node:util';
import { startPlatform, type PlatformOptions } from './server';

const HELP = `Reference platform (SYNC-API v1)

usage: npm run platform -- [options]

  --port P            port on the host (default: a free port)
  --host H            address to listen on (default 127.0.0.1; loopback only with --dev)
  --dev               development mode: fixed tokens, /v1/dev/events, /v1/dev/clock, /v1/dev/faults
  --dataset NAME      none | small | medium | large (default: small)
  --seed N            dataset seed (default 1)
  --clock ISO         start the platform clock here (stopped unless --clock-rate is given)
  --clock-rate R      simulated seconds per real second (default: stopped with --clock, real time without)
  --live              keep the simulated marketplace moving (default when no flag is given)
  --store FILE        SQLite file to keep the state in (default: a fresh temp file)
  --latency MS        dev: added latency per request
  --error-rate X      dev: share of requests answered 500 (0..1)
  --drop-rate X       dev: share of connections dropped after the work is done (0..1)
  --truncate-rate X   dev: share of bodies cut short (0..1)
  --help              this text

With no flags: the small dataset, live, on a free port.`;

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: ${value}`);
  return n;
}

const DATASETS = ['none', 'small', 'medium', 'large'] as const;
function isDataset(value: string): value is (typeof DATASETS)[number] {
  return (DATASETS as readonly string[]).includes(value);
}

export function parseCli(argv: readonly string[]): PlatformOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      dev: { type: 'boolean' },
      dataset: { type: 'string' },
      seed: { type: 'string' },
      clock: { type: 'string' },
      'clock-rate': { type: 'string' },
      live: { type: 'boolean' },
      store: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      'truncate-rate': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return 'help';
  const dataset = values.dataset ?? 'small';
  if (!isDataset(dataset)) throw new Error(`--dataset: one of ${DATASETS.join(', ')}, not ${dataset}`);
  const noFlags = argv.length === 0;
  const faults = {
    latencyMs: number('latency', values.latency),
    errorRate: number('error-rate', values['error-rate']),
    dropRate: number('drop-rate', values['drop-rate']),
    truncateRate: number('truncate-rate', values['truncate-rate']),
  };
  const options: PlatformOptions = {
    port: number('port', values.port) ?? 0,
    host: values.host ?? '127.0.0.1',
    dev: values.dev ?? false,
    dataset,
    seed: number('seed', values.seed) ?? 1,
    live: noFlags || values.live === true,
  };
  if (values.clock !== undefined) options.clock = values.clock;
  const rate = number('clock-rate', values['clock-rate']);
  if (rate !== undefined) options.clockRate = rate;
  if (values.store !== undefined) options.storePath = values.store;
  const given = Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length > 0) {
    if (options.dev !== true) throw new Error('fault injection (--latency, --error-rate, --drop-rate, --truncate-rate) needs --dev');
    options.faults = given;
  }
  return options;
}

/** The large dataset holds about 5 GB of entities in the engine's world: more than Node's default heap. */
const LARGE_HEAP_MB = 16_384;

/**
 * Runs this same command again in a child with a heap big enough for the large dataset, passing
 * signals on; returns false when no second run is needed.
 */
function rerunWithLargerHeap(options: PlatformOptions): boolean {
  if (options.dataset !== 'large' || process.env.PLATFORM_HEAP_RERUN === '1') return false;
  if (getHeapStatistics().heap_size_limit >= (LARGE_HEAP_MB / 2) * 1024 * 1024) return false;
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${LARGE_HEAP_MB}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, PLATFORM_HEAP_RERUN: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
  return true;
}

async function main(): Promise<void> {
  let options: PlatformOptions | 'help';
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error('Try --help.');
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(HELP);
    return;
  }
  if (rerunWithLargerHeap(options)) return;
  const platform = await startPlatform({ ...options, log: (line) => console.error(line) });
  console.log(`platform: ${platform.url}`);
  for (const { token, moderatorId } of platform.tokens) console.log(`token ${moderatorId}: ${token}`);
  console.log(`summary: ${platform.summary}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: closing…`);
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
