// The design images already fetched, so an item opens offline. (Settings live beside the
// workspaces, in settings.json: the theme and undo window hold before anyone signs in.)
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE assets (
    asset_id TEXT PRIMARY KEY, content_type TEXT NOT NULL, etag TEXT, body BLOB NOT NULL, fetched_at TEXT NOT NULL)`);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
