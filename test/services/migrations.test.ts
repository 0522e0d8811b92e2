// The cache's migrations: they run from an empty file and from every earlier version with the
// data kept, and each one only adds (Actual's additive-migrations test: the schema after a
// migration holds every table, column and index of the schema before it, unchanged).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationSource } from '../../migrations';
import { openCache } from '../../electron/services/db/open-cache';

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

interface Schema {
  tables: Map<string, Column[]>;
  indexes: Map<string, string>;
  triggers: Map<string, string>;
}

async function schemaOf(db: Knex): Promise<Schema> {
  const objects: Array<{ type: string; name: string; sql: string | null }> = await db.raw(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'knex_%' ORDER BY name",
  );
  const schema: Schema = { tables: new Map(), indexes: new Map(), triggers: new Map() };
  for (const object of objects) {
    if (object.type === 'table') schema.tables.set(object.name, await db.raw(`PRAGMA table_xinfo(${JSON.stringify(object.name)})`));
    else if (object.type === 'index' && object.sql !== null) schema.indexes.set(object.name, object.sql);
    else if (object.type === 'trigger' && object.sql !== null) schema.triggers.set(object.name, object.sql);
  }
  return schema;
}

let dirs: string[] = [];
async function freshFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'console-migrations-'));
  dirs.push(dir);
  return join(dir, 'workspace.sqlite');
}
function open(file: string): Knex {
  return knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
}
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

describe('the migration chain', () => {
  it('runs from an empty file', async () => {
    const db = await openCache(await freshFile());
    const [version]: Array<{ name: string }> = await db.read('knex_migrations').orderBy('id', 'desc').limit(1).select('name');
    expect(version?.name).toBe(MIGRATIONS.at(-1)?.[0]);
    await db.close();
  });

  it('only ever adds: each migration keeps every table, column, index and trigger before it as it was', async () => {
    const db = open(await freshFile());
    let before = await schemaOf(db);
    for (let step = 0; step < MIGRATIONS.length; step++) {
      await db.migrate.up({ migrationSource });
      const after = await schemaOf(db);
      for (const [table, columns] of before.tables) expect(after.tables.get(table)?.slice(0, columns.length), `${MIGRATIONS[step]?.[0]} changed ${table}`).toEqual(columns);
      for (const [name, sql] of before.indexes) expect(after.indexes.get(name), `${MIGRATIONS[step]?.[0]} changed index ${name}`).toBe(sql);
      for (const [name, sql] of before.triggers) expect(after.triggers.get(name), `${MIGRATIONS[step]?.[0]} changed trigger ${name}`).toBe(sql);
      before = after;
    }
    await db.destroy();
  });

  it.each(MIGRATIONS.map(([name], index) => [name, index] as const))('brings a file left at %s to the latest with its rows', async (_name, index) => {
    const file = await freshFile();
    const db = open(file);
    for (let step = 0; step <= index; step++) await db.migrate.up({ migrationSource });
    // A row in every table that exists at this version, so the later migrations run over data.
    const schema = await schemaOf(db);
    const rows: Record<string, Record<string, unknown>> = {};
    for (const [table, columns] of schema.tables) {
      const row: Record<string, unknown> = {};
      for (const column of columns) {
        if (column.hidden !== 0) continue;
        row[column.name] = column.name === 'id' && column.type === 'INTEGER' ? 1 : column.type === 'INTEGER' || column.type === 'REAL' ? 1 : column.type === 'BLOB' ? Buffer.from('x') : `${table}-${column.name}`;
      }
      rows[table] = row;
    }
    // Parents before children (foreign keys), aggregates kept by triggers left to them.
    const order = ['decisions', ...[...schema.tables.keys()].filter((t) => t !== 'decisions' && t !== 'designer_ratings')];
    for (const table of order) if (rows[table] !== undefined) await db(table).insert(rows[table]);
    await db.destroy();
    const latest = await openCache(file);
    for (const table of order) {
      if (rows[table] === undefined) continue;
      expect(await latest.read(table).count<{ n: number }[]>({ n: '*' }).first(), table).toEqual({ n: 1 });
    }
    await latest.close();
  });
});
