// The flags of `npm run platform` (cli.ts) → startPlatform's options: apart from cli.ts, so
// they can be read and tested without starting anything.
import { parseArgs } from 'node:util';
import { DEV_BREACH_KINDS, devBreachRequestSchema, type DevBreachRequest } from '../core';
import { DATASET_NAMES, type DatasetName } from './datasets';
import type { PlatformOptions } from './server';

export const HELP = `Reference platform (SYNC-API v1)

usage: npm run platform -- [options]

  --port P            port on the host (default: a free port)
  --host H            address to listen on (default 127.0.0.1; loopback only with --dev)
  --dev               development mode: fixed tokens, /v1/dev/events, /v1/dev/clock, /v1/dev/breaches, /v1/dev/faults
  --dataset NAME      none | small | medium | large | demo (default: small); loaded into a new store only;
                      demo: the small marketplace ending in a busy week, every queue full at the start
  --seed N            dataset seed (default 1)
  --clock ISO         start the platform clock here (stopped unless --clock-rate is given)
  --clock-rate R      simulated seconds per real second (default: stopped with --clock, real time without)
  --live, --no-live   keep a generated marketplace moving (default: on with a dataset and a running clock)
  --store FILE        SQLite file to keep the state in (default: a fresh temp file)
  --latency MS        dev: added latency per request
  --error-rate X      dev: share of requests answered 500 (0..1)
  --drop-rate X       dev: share of connections dropped after the work is done (0..1)
  --truncate-rate X   dev: share of bodies cut short (0..1)
  --breach KIND[:ID]  development mode: break a rule at a record once loaded (repeatable; no ID: the
                      first record it applies to): show_held_early, release_held_early,
                      publish_review_early, sixth_mini_contest_entrant, reject_without_reason
                      (also POST /v1/dev/breaches)
  --help              this text

With no flags: the small dataset, live, on a free port. On an existing --store the
stored marketplace is served: --dataset is not loaded, and the clock goes on from the
store's if --clock is behind it (the start says so).`;

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: ${value}`);
  return n;
}

function isDataset(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

export function parseCli(argv: readonly string[]): PlatformOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowNegative: true,
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
      breach: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return 'help';
  const dataset = values.dataset ?? 'small';
  if (!isDataset(dataset)) throw new Error(`--dataset: one of ${DATASET_NAMES.join(', ')}, not ${dataset}`);
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
  };
  if (values.clock !== undefined) options.clock = values.clock;
  const rate = number('clock-rate', values['clock-rate']);
  if (rate !== undefined) options.clockRate = rate;
  // A generated marketplace moves unless told not to, or unless its clock is stopped (where
  // nothing would ever arrive): a quiet `--port 8787` must not serve a market that never moves.
  const stopped = values.clock !== undefined && (rate ?? 0) === 0;
  options.live = values.live ?? (dataset !== 'none' && !stopped);
  if (values.store !== undefined) options.storePath = values.store;
  const given = Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length > 0) {
    if (options.dev !== true) throw new Error('fault injection (--latency, --error-rate, --drop-rate, --truncate-rate) needs --dev');
    options.faults = given;
  }
  if (values.breach !== undefined && values.breach.length > 0) {
    if (options.dev !== true) throw new Error('--breach needs --dev');
    options.breaches = values.breach.map(parseBreach);
  }
  return options;
}

/** `--breach KIND[:RECORD]`, validated as the dev endpoint validates its body. */
function parseBreach(value: string): DevBreachRequest {
  const colon = value.indexOf(':');
  const body = colon < 0 ? { rule: value } : { rule: value.slice(0, colon), recordId: value.slice(colon + 1) };
  const parsed = devBreachRequestSchema.safeParse(body);
  if (!parsed.success) throw new Error(`--breach: one of ${DEV_BREACH_KINDS.join(', ')}, optionally :RECORD_ID; not ${value.slice(0, 200)}`);
  return parsed.data;
}
