// `npm run platform -- [flags]`: starts the reference platform and prints where it listens, the
// tokens it accepts and a one-line summary; SIGINT/SIGTERM close it cleanly. See README.md.
import { spawn } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { HELP, parseCli } from './cli-options';
import { startPlatform, type PlatformOptions } from './server';

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
  if (process.channel !== undefined) process.once('disconnect', () => child.kill('SIGTERM'));
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
  // Forked with an IPC channel (the console's demo), the platform lives as long as its parent:
  // the channel closes when the parent exits or is killed, and an orphan would go on serving.
  let onDisconnect: () => void = () => process.exit(0);
  if (process.channel !== undefined) process.once('disconnect', () => onDisconnect());
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
  onDisconnect = () => {
    // Nobody reads the pipes any more: a write to them must not end the close half-way.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
    stop('parent gone (IPC channel closed)');
  };
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
