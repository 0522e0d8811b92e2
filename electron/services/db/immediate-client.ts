// A knex SQLite client whose transactions begin IMMEDIATE: the write lock is taken at BEGIN, so
// a write transaction never fails half-way with SQLITE_BUSY when another connection (a second
// console on the same file, a reader upgrading) wants to write too; it waits for busy_timeout at
// the start instead. knex hard-codes "BEGIN;" and has no option for this.
import type { Knex } from 'knex';
import Client_SQLite3 from 'knex/lib/dialects/sqlite3/index.js';
import Transaction_Sqlite from 'knex/lib/dialects/sqlite3/execution/sqlite-transaction.js';

class ImmediateTransaction extends Transaction_Sqlite {
  override begin(conn: unknown): Promise<unknown> {
    return this.query(conn, 'BEGIN IMMEDIATE;');
  }
}

export class ImmediateSqliteClient extends Client_SQLite3 {
  override transaction(container: unknown, config: unknown, outerTx: unknown): Knex.Transaction {
    return new ImmediateTransaction(this, container, config, outerTx);
  }
}
