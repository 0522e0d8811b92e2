// The moderator's settings (undo window, theme …) and the design images already fetched, so
// an item opens offline.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  await knex.raw(`CREATE TABLE assets (
    asset_id TEXT PRIMARY KEY, content_type TEXT NOT NULL, etag TEXT, body BLOB NOT NULL, fetched_at TEXT NOT NULL)`);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
