// What the desktop app opens at start: the last workspace if it can be resumed, otherwise the
// demo workspace. A demo workspace is never resumed: its platform lived in the previous run's
// utility process, on a port that is gone. So main remembers which workspace was the demo
// (demo-workspace.json), and at the next start throws that cache and its token away instead.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../services/console/secrets';
import { workspaceFile } from '../services/console/workspace';

const recordSchema = z.object({
  platformUrl: z.string().max(500),
  moderatorId: z.string().max(200),
  /** The secret-store keys the demo's sign-in wrote (its dev token). */
  secretKeys: z.array(z.string().max(500)).max(20),
});
export type DemoRecord = z.infer<typeof recordSchema>;

export interface LastWorkspace {
  platformUrl: string;
  moderatorId: string;
}

export type StartPlan = 'resume' | 'demo';

/** Resume the last workspace unless there is none or it was the (now gone) demo. */
export function planStart(last: LastWorkspace | null, demo: DemoRecord | null): StartPlan {
  if (last === null) return 'demo';
  if (demo !== null && demo.platformUrl === last.platformUrl && demo.moderatorId === last.moderatorId) return 'demo';
  return 'resume';
}

export function readDemoRecord(file: string): DemoRecord | null {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeDemoRecord(file: string, record: DemoRecord | null): void {
  if (record === null) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(recordSchema.parse(record)));
  renameSync(temp, file);
}

/** Deletes an old demo workspace's cache file (with its WAL) and the token its sign-in kept. */
export async function discardDemoWorkspace(dataDir: string, record: DemoRecord, secrets: SecretStore): Promise<void> {
  const file = workspaceFile(dataDir, record.platformUrl, record.moderatorId);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  for (const key of record.secretKeys) await secrets.delete(key);
}

/**
 * A SecretStore that notes the keys written with one value (the demo's dev token) while
 * `recording` is on, so the demo's token can be deleted with its workspace.
 */
export function recordingSecrets(inner: SecretStore): SecretStore & { record(value: string | null): void; recorded(): string[] } {
  let watching: string | null = null;
  const keys = new Set<string>();
  return {
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    async set(key, value) {
      if (watching !== null && value === watching) keys.add(key);
      await inner.set(key, value);
    },
    record(value) {
      watching = value;
      keys.clear();
    },
    recorded: () => [...keys].slice(0, 20),
  };
}
