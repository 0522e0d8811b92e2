// When this machine first saw a held submission visible, in platform time. The feed carries each
// record's latest state but not when it changed, so a held design made visible before its
// release (RULES R3) and released on time later look the same once the release time is past;
// the console watches the feed as it moves, and what it saw first is evidence the audit (R13)
// can weigh. Kept on the row, so a resync from 0 drops it with the rest of the cache.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE submissions ADD COLUMN shown_seen_at TEXT');
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
