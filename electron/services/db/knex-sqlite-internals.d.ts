// knex ships no types for its dialect internals; these are the two classes the console extends
// to start write transactions IMMEDIATE (see immediate-client.ts).
declare module 'knex/lib/dialects/sqlite3/index.js' {
  import type { Knex } from 'knex';
  const Client_SQLite3: typeof Knex.Client;
  export default Client_SQLite3;
}

declare module 'knex/lib/dialects/sqlite3/execution/sqlite-transaction.js' {
  import type { Knex } from 'knex';
  type SqliteTransaction = Knex.Transaction & {
    begin(conn: unknown): Promise<unknown>;
    query(conn: unknown, sql: string): Promise<unknown>;
  };
  const Transaction_Sqlite: new (client: Knex.Client, container: unknown, config: unknown, outerTx: unknown) => SqliteTransaction;
  export default Transaction_Sqlite;
}
