// Reads everything an R13 audit needs out of a workspace's cache, in chunks (each a separate
// read), reporting progress as it goes.
import type { Knex } from 'knex';
import type { AuditRecords } from '../../../core';

const CHUNK = 5000;
const TABLES = ['designers', 'projects', 'submissions', 'ratings', 'contracts', 'reviews', 'review_extensions', 'flags'] as const;
type Table = (typeof TABLES)[number];

export async function countRecords(db: Knex): Promise<number> {
  let total = 0;
  for (const table of TABLES) {
    const row: { n: number } | undefined = await db(table).count<{ n: number }[]>({ n: '*' }).first();
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** Every row of a keyset read, CHUNK at a time in id order (each chunk a separate read). */
async function inChunks<R extends { id: string }>(read: (after: string) => Promise<R[]>, onRows: (rows: readonly R[]) => void): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await read(after);
    onRows(rows);
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

async function readAll<T>(db: Knex, table: Table, onRows: (n: number) => void): Promise<T[]> {
  const out: T[] = [];
  await inChunks<{ id: string; data: string }>(
    (after) => db(table).where('id', '>', after).orderBy('id').limit(CHUNK).select('id', 'data'),
    (rows) => {
      for (const row of rows) out.push(JSON.parse(row.data) as T);
      onRows(rows.length);
    },
  );
  return out;
}

/** When this machine first saw each held submission visible (migration 0008). */
async function readShownSeen(db: Knex): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  await inChunks<{ id: string; shown_seen_at: string }>(
    (after) => db('submissions').where('id', '>', after).whereNotNull('shown_seen_at').orderBy('id').limit(CHUNK).select('id', 'shown_seen_at'),
    (rows) => {
      for (const row of rows) seen.set(row.id, row.shown_seen_at);
    },
  );
  return seen;
}

export async function loadAuditRecords(db: Knex, onProgress: (done: number) => void): Promise<AuditRecords> {
  let done = 0;
  const tick = (n: number) => {
    done += n;
    onProgress(done);
  };
  return {
    designers: await readAll(db, 'designers', tick),
    projects: await readAll(db, 'projects', tick),
    submissions: await readAll(db, 'submissions', tick),
    ratings: await readAll(db, 'ratings', tick),
    contracts: await readAll(db, 'contracts', tick),
    reviews: await readAll(db, 'reviews', tick),
    extensions: await readAll(db, 'review_extensions', tick),
    flags: await readAll(db, 'flags', tick),
    shownSeen: await readShownSeen(db),
  };
}
