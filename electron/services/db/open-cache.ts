// Opens a workspace's SQLite file: one writer connection (pool.max 1: more break SQLite writes
// silently, knex#3176) whose transactions begin IMMEDIATE, and a small pool of read-only
// connections so the screens' queries never wait behind a sync page being written (WAL lets
// readers and the writer run side by side). synchronous=FULL: the outbox is irreplaceable, and
// a page of the feed is one transaction, so the fsync per commit is cheap where it matters.
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrationSource } from '../../../migrations';
import { ImmediateSqliteClient } from './immediate-client';

/**
 * What a write transaction needs from the disk. `durable` (synchronous=FULL): anything of the
 * outbox, the decisions or the journal — irreplaceable, fsynced at commit. `cache`
 * (synchronous=NORMAL): a page of the feed — rebuildable, and safe against a crash of the
 * process in WAL mode (only a power cut may lose the last pages, and the next sync fetches them
 * again). A durable commit syncs the whole WAL, so what was written before it is durable too.
 */
export type Durability = 'durable' | 'cache';

/**
 * The writer's page cache and WAL: a page of the feed writes into a dozen indexes at random
 * places, and with SQLite's defaults (2 MiB of cache, a checkpoint every 1,000 WAL pages) nearly
 * every commit of a first sync ran a checkpoint that rewrote and synced the database file: the
 * medium dataset's pull took 140–167 s that way against 96 s with these (`.scratch` runs under
 * the same load, 2026-12-02). The WAL is checkpointed at the end of a long pull and at close,
 * and cut back to `WAL_KEPT_BYTES` after each checkpoint.
 */
const WRITER_CACHE_KIB = -65_536;
const WAL_CHECKPOINT_PAGES = 32_768;
const WAL_KEPT_BYTES = 64 * 1024 * 1024;

export interface CacheDb {
  readonly file: string;
  /** The one writer. Writes that matter go through `transaction`. */
  readonly write: Knex;
  /**
   * A write transaction (begun IMMEDIATE) with the durability it needs. Transactions run one at
   * a time through here, so the synchronous mode set for one is the mode it commits with.
   */
  transaction<T>(durability: Durability, work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  /** Read-only connections for queries. */
  readonly read: Knex;
  /** The last run did not close the file (a crash or kill -9): quick_check ran at open. */
  readonly uncleanExit: boolean;
  /** quick_check found the file damaged: the irreplaceable tables were carried to a new file. */
  readonly recovered: { from: string; rows: number } | null;
  close(): Promise<void>;
}

interface RawConnection {
  exec(sql: string, callback: (error: Error | null) => void): void;
}

const BUSY_TIMEOUT_MS = 5000;

function withPragmas(pragmas: string): (conn: RawConnection, done: (error: Error | null, conn: RawConnection) => void) => void {
  return (conn, done) => conn.exec(pragmas, (error) => done(error, conn));
}

function writer(file: string): Knex {
  return knexFactory({
    client: ImmediateSqliteClient,
    connection: { filename: file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: withPragmas(
        `PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; ` +
          `PRAGMA cache_size = ${WRITER_CACHE_KIB}; PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}; PRAGMA journal_size_limit = ${WAL_KEPT_BYTES};`,
      ),
    },
  });
}

function reader(file: string): Knex {
  return knexFactory({
    client: 'sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: { min: 0, max: 2, afterCreate: withPragmas(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA query_only = ON;`) },
  });
}

/** The tables only this machine holds: carried over whole when the file has to be rebuilt. */
export const IRREPLACEABLE_TABLES = ['decisions', 'outbox', 'journal', 'conflicts'] as const;

async function quickCheck(db: Knex): Promise<boolean> {
  try {
    const rows: Array<{ quick_check: string }> = await db.raw('PRAGMA quick_check');
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  }
}

async function tableExists(db: Knex, table: string): Promise<boolean> {
  const rows: unknown[] = await db.raw("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
  return rows.length > 0;
}

/**
 * Reads what can still be read of the irreplaceable tables out of a damaged file, moves the file
 * aside (kept for a person to look at), and writes those rows into a fresh file. The cache and
 * the cursor start from nothing: the next sync pulls everything again.
 */
async function rebuildFrom(file: string, damaged: Knex): Promise<{ from: string; rows: number }> {
  const salvaged: Array<{ table: string; rows: Record<string, unknown>[] }> = [];
  let identity: Record<string, unknown> | undefined;
  for (const table of IRREPLACEABLE_TABLES) {
    try {
      if (await tableExists(damaged, table)) salvaged.push({ table, rows: await damaged(table).select('*') });
    } catch {
      // A table that cannot be read is lost with the file; the others are still worth keeping.
    }
  }
  try {
    identity = await damaged('sync_state').first('platform_url', 'moderator_id');
  } catch {
    identity = undefined;
  }
  await damaged.destroy();
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    try {
      renameSync(`${file}${suffix}`, `${aside}${suffix}`);
    } catch {
      // No such side file.
    }
  }
  const fresh = writer(file);
  await fresh.migrate.latest({ migrationSource });
  let rows = 0;
  await fresh.transaction(async (trx) => {
    if (identity !== undefined) await trx('sync_state').insert({ id: 1, platform_url: identity['platform_url'], moderator_id: identity['moderator_id'] });
    // decisions before outbox and conflicts (foreign keys).
    for (const { table, rows: list } of salvaged) {
      for (let i = 0; i < list.length; i += 100) await trx(table).insert(list.slice(i, i + 100));
      rows += list.length;
    }
  });
  await fresh.destroy();
  return { from: aside, rows };
}

export async function openCache(file: string): Promise<CacheDb> {
  mkdirSync(dirname(file), { recursive: true });
  let write = writer(file);
  let recovered: CacheDb['recovered'] = null;
  let uncleanExit = false;
  try {
    await write.migrate.latest({ migrationSource });
    const state: { clean_shutdown: number } | undefined = await write('sync_state').first('clean_shutdown');
    uncleanExit = state !== undefined && state.clean_shutdown === 0;
    if (uncleanExit && !(await quickCheck(write))) {
      recovered = await rebuildFrom(file, write);
      write = writer(file);
    }
  } catch (error) {
    // A file too damaged to migrate or read: rebuild from whatever can be read.
    if (!(await quickCheck(write))) {
      recovered = await rebuildFrom(file, write);
      write = writer(file);
      await write.migrate.latest({ migrationSource });
    } else {
      await write.destroy();
      throw error;
    }
  }
  await write('sync_state').update({ clean_shutdown: 0 });
  const read = reader(file);
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  let mode: 'FULL' | 'NORMAL' = 'FULL';
  const writer_ = write;
  return {
    file,
    write,
    read,
    transaction(durability, work) {
      const run = queue.then(async () => {
        const wanted = durability === 'durable' ? 'FULL' : 'NORMAL';
        if (mode !== wanted) {
          await writer_.raw(`PRAGMA synchronous = ${wanted}`);
          mode = wanted;
        }
        return writer_.transaction(work);
      });
      queue = run.catch(() => undefined);
      return run;
    },
    uncleanExit,
    recovered,
    async close() {
      if (closed) return;
      closed = true;
      await read.destroy();
      try {
        await write('sync_state').update({ clean_shutdown: 1 });
        // Fresh statistics for the query planner, as SQLite advises before closing.
        await write.raw('PRAGMA optimize');
        await write.raw('PRAGMA wal_checkpoint(TRUNCATE)');
      } finally {
        await write.destroy();
      }
    },
  };
}
