// The demo workspace's reference platform in the desktop app: the platform's own command line,
// built with the app as out/main/platform.js, run as an Electron utilityProcess (a Node process
// Electron starts itself, so it works with the run-as-node fuse off). Main reads the address it
// prints, as the browser host does with its child process. The process is passed in, so tests
// drive this with a plain Node child instead of Electron.
import { DEMO_ARGS, DEMO_TOKEN } from '../services/demo/demo-platform';

/** What main needs of the running platform process (Electron's UtilityProcess fits). */
export interface DemoProcess {
  readonly pid?: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface RunningDemo {
  url: string;
  token: string;
  /** Ends the platform (SIGTERM, so it closes its store; a hard kill after `graceMs`). */
  stop(): Promise<void>;
}

export interface DemoLaunch {
  /** Starts the process: utilityProcess.fork(entry, args, {stdio: 'pipe'}) in the app. */
  start(entry: string, args: string[]): DemoProcess;
  entry: string;
  /** Extra arguments after the demo's own (`--store FILE`). */
  extraArgs?: string[];
  args?: string[];
  log?: (line: string) => void;
  timeoutMs?: number;
  graceMs?: number;
  /** Kills by pid when the process ignores SIGTERM (process.kill in the app). */
  hardKill?: (pid: number) => void;
  /** Quitting while the platform still starts: stop it and give up. */
  signal?: AbortSignal;
}

const ADDRESS_LINE = /^platform: (http:\/\/127\.0\.0\.1:\d+)\/?$/m;

/** The address the platform prints once it listens ("platform: http://127.0.0.1:P"). */
export function platformAddressIn(output: string): string | null {
  return ADDRESS_LINE.exec(output)?.[1] ?? null;
}

export function launchDemoPlatform(launch: DemoLaunch): Promise<RunningDemo> {
  const log = launch.log ?? (() => undefined);
  const child = launch.start(launch.entry, [...(launch.args ?? DEMO_ARGS), ...(launch.extraArgs ?? [])]);
  let exited = false;
  const exit = new Promise<number>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill();
    const graceful = await Promise.race([exit.then(() => true), delay(launch.graceMs ?? 5000).then(() => false)]);
    if (!graceful && child.pid !== undefined) {
      log(`demo platform: no exit ${launch.graceMs ?? 5000} ms after SIGTERM; killing it`);
      launch.hardKill?.(child.pid);
      await Promise.race([exit, delay(2000)]);
    }
  };

  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim() !== '') log(`demo platform: ${line.trim()}`.slice(0, 500));
  });

  return new Promise<RunningDemo>((resolve, reject) => {
    let buffered = '';
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => settle(() => void stop().then(() => reject(new Error('the demo platform did not start in time')))), launch.timeoutMs ?? 180_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffered = (buffered + chunk).slice(-10_000);
      const url = platformAddressIn(buffered);
      if (url !== null) settle(() => resolve({ url, token: DEMO_TOKEN, stop }));
    });
    void exit.then((code) => settle(() => reject(new Error(`the demo platform stopped before it was ready (exit ${code})`))));
    const abort = () => settle(() => void stop().then(() => reject(new Error('the demo platform was stopped before it was ready'))));
    if (launch.signal?.aborted === true) abort();
    else launch.signal?.addEventListener('abort', abort, { once: true });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
