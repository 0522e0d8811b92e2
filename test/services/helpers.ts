// Consoles under test: the real console service (real SQLite files under a temp folder) signed
// in to a real reference platform on loopback, with short poll periods so tests stay quick.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodName, OutputOf, InputOf, ConsoleEvent, ConsoleProblem } from '../../electron/contract';
import { createConsole, type ConsoleService, type ConsoleOptions } from '../../electron/services/console/console';
import { memorySecrets } from '../../electron/services/console/secrets';

export { TOKENS } from '../platform/contract/helpers';

export interface TestConsole {
  service: ConsoleService;
  dataDir: string;
  events: ConsoleEvent[];
  /** Calls a method and returns its output; a problem fails the test with its detail. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Calls a method and returns the problem it answered (fails when it answered normally). */
  problem<M extends MethodName>(method: M, input: unknown): Promise<ConsoleProblem>;
  close(): Promise<void>;
  /** Closes and removes the data folder. */
  dispose(): Promise<void>;
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'console-test-'));
}

export async function startConsole(platformUrl: string | null, token: string, options: Partial<ConsoleOptions> & { dataDir?: string } = {}): Promise<TestConsole> {
  const dataDir = options.dataDir ?? (await newDataDir());
  const service = createConsole({ secrets: memorySecrets(), pollMs: 200, settingsOverrides: { undoSeconds: 0 }, ...options, dataDir });
  const events: ConsoleEvent[] = [];
  service.events.subscribe((event) => {
    if (events.length < 10_000) events.push(event);
  });
  if (platformUrl !== null) await service.signIn(platformUrl, token);
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= service.close());
  return {
    service,
    dataDir,
    events,
    async call(method, input) {
      const result = await service.call(method, input);
      if (!result.ok) throw new Error(`${method} answered ${result.problem.status}: ${result.problem.detail}`);
      return result.value;
    },
    async problem(method, input) {
      const result = await service.call(method, input);
      if (result.ok) throw new Error(`${method} answered normally, not with a problem: ${JSON.stringify(result.value).slice(0, 300)}`);
      return result.problem;
    },
    close,
    async dispose() {
      await close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
}
