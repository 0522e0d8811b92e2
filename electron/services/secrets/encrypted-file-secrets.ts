// The SecretStore of the desktop app: platform tokens in one file in userData, encrypted as a
// whole by a cipher the caller provides — Electron's safeStorage in main, which this file never
// imports (it runs under plain Node in tests). The file holds nothing readable: not the
// tokens, not which platforms they are for. Written atomically, readable by the user only.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../console/secrets';

export interface SecretCipher {
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<string>;
}

const MAX_ENTRIES = 200;
const MAX_VALUE_LENGTH = 10_000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const contentSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string().max(500), z.string().max(MAX_VALUE_LENGTH)),
});

export function encryptedFileSecrets(file: string, cipher: SecretCipher, log: (line: string) => void = () => undefined): SecretStore {
  let entries: Map<string, string> | null = null;
  // Reads and writes one at a time, in call order.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Map<string, string>> {
    if (entries !== null) return entries;
    let raw: Buffer | null = null;
    try {
      raw = readFileSync(file);
    } catch {
      // No file yet: nothing kept.
    }
    entries = new Map();
    if (raw === null) return entries;
    try {
      if (raw.length > MAX_FILE_BYTES) throw new Error(`${raw.length} bytes is more than a token file holds`);
      const parsed = contentSchema.parse(JSON.parse(await cipher.decrypt(raw)));
      entries = new Map(Object.entries(parsed.entries));
    } catch (error) {
      // Another user's file, a changed OS keyring, a damaged file: the tokens are lost and the
      // moderator signs in again; the next write replaces the file.
      log(`the kept platform tokens could not be read (${error instanceof Error ? error.message : String(error)}); sign in again`);
    }
    return entries;
  }

  async function save(current: Map<string, string>): Promise<void> {
    const encrypted = await cipher.encrypt(JSON.stringify({ version: 1, entries: Object.fromEntries(current) }));
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, encrypted, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  }

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    get: (key) => serial(async () => (await load()).get(key)),
    set: (key, value) =>
      serial(async () => {
        if (value.length > MAX_VALUE_LENGTH) throw new RangeError(`a secret of ${value.length} characters is longer than ${MAX_VALUE_LENGTH}`);
        const current = new Map(await load());
        current.delete(key);
        current.set(key, value);
        // The oldest entries give way first (a Map keeps insertion order; a set moves its key last).
        while (current.size > MAX_ENTRIES) {
          const oldest = current.keys().next().value;
          if (oldest === undefined) break;
          current.delete(oldest);
        }
        await save(current);
        entries = current;
      }),
    delete: (key) =>
      serial(async () => {
        const current = new Map(await load());
        if (!current.delete(key)) return;
        await save(current);
        entries = current;
      }),
  };
}
