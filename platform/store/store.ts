// The platform's durable state (SQLite through knex, WAL). One writer connection takes the
// engine's batches, one reader serves the feed, so a long pull never waits on a replay batch.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrationSource } from './migration-source';

export interface EntityWrite {
  type: string;
  id: string;
  /** JSON of the entity, or null for a deletion (a tombstone the feed reports as `op: delete`). */
  data: string | null;
}

export interface EventRecord {
  n: number;
  at: string;
  type: string;
  status: 'applied' | 'refused';
  reasonCode: string | null;
  event: string;
}

export interface DecisionRecord {
  id: string;
  request: string;
  status: number;
  response: string;
  at: string;
}

export interface Batch {
  entities: EntityWrite[];
  events: EventRecord[];
  decisions: DecisionRecord[];
  aux: Array<{ key: string; value: string }>;
  clockMs: number;
}

export interface FeedRow {
  seq: number;
  type: string;
  id: string;
  deleted: number;
  data: string | null;
}

export interface StoredEntity {
  type: string;
  id: string;
  data: string;
}

export interface Store {
  readonly path: string;
  /**
   * The identity of this store's change feed (SYNC-API.md `feedId`): made once with the store,
   * so a console holding a cursor of another feed (a store reset or replaced) is told to resync.
   */
  readonly feedId: string;
  /** The last seq written; the next batch continues after it. */
  readonly lastSeq: number;
  readonly eventCount: number;
  readonly clockMs: number | null;
  write(batch: Batch): Promise<{ firstSeq: number; lastSeq: number }>;
  /** Live entities in seq order, in chunks, so a restart never holds the raw rows and the objects at once. */
  eachEntity(chunk: number, onRows: (rows: StoredEntity[]) => void): Promise<void>;
  aux(): Promise<Map<string, string>>;
  feedRows(after: number, limit: number): Promise<FeedRow[]>;
  decision(id: string): Promise<DecisionRecord | undefined>;
  events(after: number, limit: number): Promise<EventRecord[]>;
  /**
   * FULL (default): every commit is on disk before it returns. NORMAL (bulk replay): in WAL mode
   * a commit survives a crash of the process, and only an OS crash may lose the last ones.
   */
  setSynchronous(level: 'FULL' | 'NORMAL'): Promise<void>;
  close(): Promise<void>;
}

function connect(filename: string, pragmas: string[]): Knex {
  return knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: { exec(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) => {
        conn.exec(pragmas.map((p) => `PRAGMA ${p};`).join(' '), (err) => done(err, conn));
      },
    },
  });
}

/** Rows per multi-row statement: 5 columns × 500 stays well under SQLite's 32,766 variables. */
const CHUNK = 500;

function placeholders(rows: number, columns: number): string {
  const one = `(${new Array<string>(columns).fill('?').join(',')})`;
  return new Array<string>(rows).fill(one).join(',');
}

export async function openStore(path?: string): Promise<Store> {
  const file = path ?? join(mkdtempSync(join(tmpdir(), 'platform-')), 'platform.sqlite');
  // synchronous=FULL: a decision is on disk before its answer leaves (SYNC-API: never lose one).
  const writer = connect(file, ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 10000']);
  await writer.migrate.latest({ migrationSource });
  const reader = connect(file, ['journal_mode = WAL', 'busy_timeout = 10000', 'query_only = ON']);

  const metaRows: Array<{ key: string; value: string }> = await writer('meta').select('key', 'value');
  const meta = new Map(metaRows.map((r) => [r.key, r.value]));
  let lastSeq = Number(meta.get('seq') ?? 0);
  let eventCount = Number(meta.get('events') ?? 0);
  let clockMs: number | null = meta.has('clock') ? Number(meta.get('clock')) : null;
  let feedId = meta.get('feedId');
  if (feedId === undefined) {
    // A new store (or one written before feeds had an identity): its feed starts here.
    feedId = randomUUID();
    await writer('meta').insert({ key: 'feedId', value: feedId });
  }
  const feed = feedId;

  async function insertChunks(trx: Knex.Transaction, sql: (n: number) => string, rows: Array<Array<string | number | null>>): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await trx.raw(sql(part.length), part.flat());
    }
  }

  return {
    path: file,
    feedId: feed,
    get lastSeq() {
      return lastSeq;
    },
    get eventCount() {
      return eventCount;
    },
    get clockMs() {
      return clockMs;
    },
    async write(batch) {
      const firstSeq = lastSeq + 1;
      let seq = lastSeq;
      const entityRows = batch.entities.map((e) => [e.type, e.id, ++seq, e.data === null ? 1 : 0, e.data]);
      const events = eventCount + batch.events.length;
      await writer.transaction(async (trx) => {
        await insertChunks(
          trx,
          (n) =>
            `INSERT INTO entities (type, id, seq, deleted, data) VALUES ${placeholders(n, 5)} ` +
            'ON CONFLICT(type, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, data = excluded.data',
          entityRows,
        );
        await insertChunks(
          trx,
          (n) => `INSERT INTO applied_events (n, at, type, status, reason_code, event) VALUES ${placeholders(n, 6)}`,
          batch.events.map((e) => [e.n, e.at, e.type, e.status, e.reasonCode, e.event]),
        );
        await insertChunks(
          trx,
          (n) => `INSERT INTO decisions (id, request, status, response, at) VALUES ${placeholders(n, 5)}`,
          batch.decisions.map((d) => [d.id, d.request, d.status, d.response, d.at]),
        );
        await insertChunks(
          trx,
          (n) => `INSERT INTO aux (key, value) VALUES ${placeholders(n, 2)} ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
          batch.aux.map((a) => [a.key, a.value]),
        );
        // The counters go in the same transaction as the rows they count: after a crash the
        // feed's seq continues from what is on disk, never from something that was lost.
        await insertChunks(
          trx,
          (n) => `INSERT INTO meta (key, value) VALUES ${placeholders(n, 2)} ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
          [
            ['seq', String(seq)],
            ['events', String(events)],
            ['clock', String(batch.clockMs)],
          ],
        );
      });
      lastSeq = seq;
      eventCount = events;
      clockMs = batch.clockMs;
      return { firstSeq, lastSeq: seq };
    },
    async eachEntity(chunk, onRows) {
      let after = 0;
      for (;;) {
        const rows: Array<StoredEntity & { seq: number }> = await writer('entities')
          .select('seq', 'type', 'id', 'data')
          .where('seq', '>', after)
          .andWhere('deleted', 0)
          .orderBy('seq')
          .limit(chunk);
        if (rows.length === 0) return;
        onRows(rows);
        after = rows[rows.length - 1]?.seq ?? after;
      }
    },
    async aux() {
      const rows: Array<{ key: string; value: string }> = await writer('aux').select('key', 'value');
      return new Map(rows.map((r) => [r.key, r.value]));
    },
    async feedRows(after, limit) {
      return reader('entities').select('seq', 'type', 'id', 'deleted', 'data').where('seq', '>', after).orderBy('seq').limit(limit);
    },
    async decision(id) {
      const row: DecisionRecord | undefined = await writer('decisions').where({ id }).first();
      return row;
    },
    async events(after, limit) {
      const rows: Array<{ n: number; at: string; type: string; status: 'applied' | 'refused'; reason_code: string | null; event: string }> =
        await reader('applied_events').where('n', '>', after).orderBy('n').limit(limit);
      return rows.map((r) => ({ n: r.n, at: r.at, type: r.type, status: r.status, reasonCode: r.reason_code, event: r.event }));
    },
    async setSynchronous(level) {
      await writer.raw(`PRAGMA synchronous = ${level === 'FULL' ? 'FULL' : 'NORMAL'}`);
    },
    async close() {
      await reader.destroy();
      await writer.destroy();
    },
  };
}
