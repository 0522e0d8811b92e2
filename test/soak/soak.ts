// Crash soak (issue 11): a browser host deciding through its API is killed with SIGKILL at a
// random moment — mid-pull, mid-push, mid-transaction — while the platform injects faults
// (500s, latency, dropped connections, truncated bodies); then it starts again on the same data
// and drains its outbox. Counted on the platform: a decision the console acknowledged that never
// arrived is lost; a subject the console decided under a second id is doubled. Aim: 0 and 0.
//
//   npm run soak -- --runs N [--seed S] [--per-run K]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { TOKENS, dataOf, fold, parseEntity, postHeldSubmission, pullAll, setFaults, startTestPlatform, NO_FAULTS, type TestPlatform } from '../platform/contract/helpers';

export interface SoakOptions {
  runs: number;
  seed: number;
  /** Decisions attempted per run. */
  perRun: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  runs: number;
  acknowledged: number;
  lost: number;
  doubled: number;
  kills: number;
  seconds: number;
  failures: string[];
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Host {
  child: ChildProcess;
  url: string;
  token: string;
}

/**
 * The host bundled once into plain JavaScript: it starts in a fraction of a second instead of
 * the seconds tsx needs to compile it, which is most of a run's time.
 */
async function bundleHost(dir: string): Promise<string> {
  const outfile = join(dir, 'host-cli.mjs');
  await build({ entryPoints: ['electron/host/cli.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

function startHost(entry: string, platformUrl: string, dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [entry, '--platform', platformUrl, '--data', dataDir, '--undo-seconds', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CONSOLE_PLATFORM_TOKEN: TOKENS.quality },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the host did not start within 60 s'));
    }, 60_000);
    child.stderr?.on('data', (chunk: Buffer) => { if (process.env['SOAK_DEBUG'] === '1') process.stderr.write(chunk); });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/m.exec(out);
      if (match?.[1] !== undefined && match[2] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: match[1], token: match[2] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before it was ready`));
    });
  });
}

async function call(host: Host, method: string, input: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function kill(host: Host): Promise<void> {
  return new Promise((resolve) => {
    if (host.child.exitCode !== null || host.child.signalCode !== null) return resolve();
    host.child.once('exit', () => resolve());
    host.child.kill('SIGKILL');
  });
}

async function oneRun(entry: string, platform: TestPlatform, random: () => number, perRun: number, index: number, result: SoakResult, log: (line: string) => void): Promise<void> {
  const admin = platform.api(TOKENS.admin);
  const held: string[] = [];
  for (let i = 0; i < perRun; i++) held.push((await postHeldSubmission(admin, `soak${index}-${i}`)).submissionId);
  const faults = { latencyMs: Math.floor(random() * 30), errorRate: 0.1, dropRate: 0.05, truncateRate: 0.05, seed: Math.floor(random() * 1e9) };
  const dataDir = await mkdtemp(join(tmpdir(), 'console-soak-'));
  const acknowledged = new Map<string, string>();
  const t0 = Date.now();
  const mark = (what: string) => log(`  run ${index}: ${what} at ${Date.now() - t0} ms`);
  let host = await startHost(entry, platform.url, dataDir);
  mark('host up');
  try {
    // The cache holds everything the platform had (retried: sign-in and the first pull race the call).
    for (let tries = 0; tries < 100; tries++) {
      const synced = await call(host, 'sync.now', {}).catch(() => null);
      if (synced?.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    mark('cache filled');
    // Faults once the cache is filled: the decisions' pushes and the live pulls meet them.
    await setFaults(admin, faults);
    const killAfter = Math.floor(random() * perRun);
    let killed = false;
    const deciding = (async () => {
      for (const [i, subjectId] of held.entries()) {
        if (i === killAfter) {
          // Kill it a random few milliseconds later: in the middle of whatever it is doing.
          setTimeout(() => void kill(host).then(() => (killed = true)), Math.floor(random() * 40));
        }
        const outcome = random() < 0.5 ? { outcome: 'approve' } : { outcome: 'reject', reasonCode: 'off_brief' };
        const answer = await call(host, 'decisions.decide', { subjectType: 'submission', subjectId, ...outcome }).catch(() => null);
        if (answer?.status === 200 && typeof answer.body['decisionId'] === 'string') acknowledged.set(subjectId, answer.body['decisionId']);
        if (answer === null) return;
      }
    })();
    await deciding;
    if (!killed) await kill(host);
    result.kills += 1;
    mark('killed');
    await setFaults(admin, NO_FAULTS);
    host = await startHost(entry, platform.url, dataDir);
    mark('host up again');
    for (let tries = 0; tries < 600; tries++) {
      const status = await call(host, 'sync.status', {}).catch(() => null);
      if (status !== null && status.body['outbox'] === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    mark('outbox drained');
    // The cache agrees with the platform after the crash: what the platform holds, the queue holds.
    await call(host, 'sync.now', {});
    const counts = await call(host, 'queues.counts', {});
    const platformNow = fold((await pullAll(admin, 0, 5000)).changes);
    const platformHeld = held.filter((id) => parseEntity('submission', dataOf(platformNow.get(`submission/${id}`))).status === 'held').length;
    if (Number(counts.body['held']) !== platformHeld) result.failures.push(`run ${index}: the cache shows ${String(counts.body['held'])} held, the platform ${platformHeld}`);
    const journal = await call(host, 'journal.verify', {});
    if (journal.body['ok'] !== true) result.failures.push(`run ${index}: the journal does not verify: ${String(journal.body['reason'])}`);
    const { changes } = await pullAll(admin, 0, 5000);
    const state = fold(changes);
    const ours = await call(host, 'decisions.list', { limit: 500 });
    const decisions = (ours.body['items'] as Array<{ decisionId: string; subjectId: string; state: string }>) ?? [];
    for (const [subjectId, decisionId] of acknowledged) {
      result.acknowledged += 1;
      const submission = parseEntity('submission', dataOf(state.get(`submission/${subjectId}`)));
      if (submission.decision?.decisionId !== decisionId) {
        result.lost += 1;
        result.failures.push(`run ${index}: ${subjectId} acknowledged as ${decisionId}, the platform has ${submission.decision?.decisionId ?? 'no decision'} (${submission.status})`);
      }
    }
    const bySubject = new Map<string, number>();
    for (const d of decisions) if (d.state !== 'undone') bySubject.set(d.subjectId, (bySubject.get(d.subjectId) ?? 0) + 1);
    for (const [subjectId, n] of bySubject) {
      if (n > 1) {
        result.doubled += 1;
        result.failures.push(`run ${index}: ${subjectId} was decided ${n} times here`);
      }
    }
    log(`run ${index}: ${acknowledged.size} acknowledged, killed after decision ${killAfter}`);
  } finally {
    await kill(host);
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed);
  const started = Date.now();
  const result: SoakResult = { runs: 0, acknowledged: 0, lost: 0, doubled: 0, kills: 0, seconds: 0, failures: [] };
  const platform = await startTestPlatform();
  await mkdir(join(process.cwd(), 'out'), { recursive: true });
  // Inside the project, so the bundle's packages resolve from node_modules.
  const bundleDir = await mkdtemp(join(process.cwd(), 'out', 'soak-host-'));
  try {
    const entry = await bundleHost(bundleDir);
    for (let index = 0; index < options.runs; index++) {
      await oneRun(entry, platform, random, options.perRun, index, result, log);
      result.runs += 1;
    }
  } finally {
    await platform.dispose();
    await rm(bundleDir, { recursive: true, force: true });
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' }, 'per-run': { type: 'string', default: '8' } } });
  const result = await soak({ runs: Number(values.runs), seed: Number(values.seed), perRun: Number(values['per-run']), log: (line) => console.error(line) });
  console.log(
    `soak: ${result.runs} runs, ${result.kills} kills, ${result.acknowledged} decisions acknowledged, ${result.lost} lost, ${result.doubled} doubled, in ${result.seconds} s`,
  );
  for (const failure of result.failures.slice(0, 50)) console.log(`  ${failure}`);
  process.exitCode = result.lost === 0 && result.doubled === 0 && result.failures.length === 0 ? 0 : 1;
}

if (process.argv[1]?.endsWith('soak.ts')) void main();
