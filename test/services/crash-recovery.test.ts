// After an unclean exit the file is checked (PRAGMA quick_check). A damaged one is set aside and
// what only this machine knows — decisions, outbox, journal, conflicts — is carried into a new
// file; the cache starts empty and the next sync refills it.
import { existsSync } from 'node:fs';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../electron/services/db/open-cache';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seeded(file: string): Promise<void> {
  const db = await openCache(file);
  await db.write('sync_state').insert({ id: 1, platform_url: 'http://127.0.0.1:1', moderator_id: 'mod-quality', cursor: 42, clean_shutdown: 0 });
  await db.write('decisions').insert({ decision_id: 'dec-1', subject_type: 'submission', subject_id: 's1', outcome: 'approve', decided_at: '2026-11-02T10:00:00.000Z', decided_local: '2026-11-02T10:00:00.000Z', moderator_id: 'mod-quality', state: 'queued' });
  await db.write('outbox').insert({ decision_id: 'dec-1', subject_type: 'submission', subject_id: 's1', request: '{"id":"dec-1"}', send_after_ms: 0 });
  await db.write('journal').insert({ n: 1, kind: 'decided', decision_id: 'dec-1', at_platform: 'x', at_local: 'y', moderator_id: 'mod-quality', payload: '{}', prev_hash: '0', hash: 'h' });
  // Enough cache rows that the messages table spans many pages.
  await db.write.transaction(async (trx) => {
    for (let i = 0; i < 2000; i += 100) {
      await trx('messages').insert(
        Array.from({ length: 100 }, (_, k) => ({ id: `m${i + k}`, rev: 1, designer_id: 'd', customer_id: 'c', sent_at: '2026-11-02T10:00:00.000Z', data: JSON.stringify({ body: 'x'.repeat(400) }) })),
      );
    }
  });
  await db.write.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  // An unclean exit: the connections go without close() marking a clean shutdown.
  await db.read.destroy();
  await db.write.destroy();
}

describe('a damaged workspace file', () => {
  it('is rebuilt with the irreplaceable rows, the cache empty', async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-crash-'));
    const file = join(dir, 'w.sqlite');
    await seeded(file);
    // Overwrite pages in the middle of the messages table's b-tree.
    const handle = await open(file, 'r+');
    const { size } = await handle.stat();
    const pageSize = 4096;
    const garbage = Buffer.alloc(pageSize * 4, 0xa5);
    await handle.write(garbage, 0, garbage.length, Math.floor(size / 2 / pageSize) * pageSize);
    await handle.close();

    const db = await openCache(file);
    try {
      expect(db.uncleanExit).toBe(true);
      expect(db.recovered).not.toBeNull();
      expect(await db.read('decisions').select('decision_id')).toEqual([{ decision_id: 'dec-1' }]);
      expect(await db.read('outbox').select('decision_id', 'request')).toEqual([{ decision_id: 'dec-1', request: '{"id":"dec-1"}' }]);
      expect(await db.read('journal').count<{ n: number }[]>({ n: '*' }).first()).toEqual({ n: 1 });
      expect(await db.read('messages').count<{ n: number }[]>({ n: '*' }).first()).toEqual({ n: 0 });
      // The workspace is the same one, its cursor back at the start.
      expect(await db.read('sync_state').first('platform_url', 'moderator_id', 'cursor')).toEqual({ platform_url: 'http://127.0.0.1:1', moderator_id: 'mod-quality', cursor: 0 });
      const quick: Array<{ quick_check: string }> = await db.read.raw('PRAGMA quick_check');
      expect(quick).toEqual([{ quick_check: 'ok' }]);
    } finally {
      await db.close();
    }
    // The damaged file is kept beside it for a person to look at.
    expect((await readdir(dir)).some((name) => name.startsWith('w.sqlite.damaged-'))).toBe(true);
  });

  it('an unclean exit of a sound file keeps everything', async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-crash-'));
    const file = join(dir, 'w.sqlite');
    await seeded(file);
    const db = await openCache(file);
    try {
      expect(db.uncleanExit).toBe(true);
      expect(db.recovered).toBeNull();
      expect(await db.read('messages').count<{ n: number }[]>({ n: '*' }).first()).toEqual({ n: 2000 });
      expect(await db.read('sync_state').first('cursor')).toEqual({ cursor: 42 });
    } finally {
      await db.close();
    }
    expect(existsSync(file)).toBe(true);
  });
});
