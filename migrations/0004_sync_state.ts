// Where the sync stands: the workspace it belongs to, the feed and cursor, the platform clock's
// offset, and whether the last run ended cleanly. One row.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    platform_url TEXT NOT NULL,
    moderator_id TEXT NOT NULL,
    feed_id TEXT,
    cursor INTEGER NOT NULL DEFAULT 0,
    clock_offset_ms INTEGER NOT NULL DEFAULT 0,
    last_synced_at TEXT,
    meta TEXT,
    clean_shutdown INTEGER NOT NULL DEFAULT 1)`);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
