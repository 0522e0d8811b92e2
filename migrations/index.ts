// The console cache's migrations in order. knex's directory loader cannot import .ts under plain
// Node and the bundled main process needs a static list anyway (STACK.md, trap 5): a new
// migration is one new file and one new line here, and a landed one is never edited.
import type { Knex } from 'knex';
import * as entityTables from './0001_entity_tables';
import * as ratingAggregates from './0002_rating_aggregates';
import * as queueIndexes from './0003_queue_indexes';
import * as syncState from './0004_sync_state';
import * as decisions from './0005_decisions';
import * as assets from './0006_assets';
import * as queueTotals from './0007_queue_totals';
import * as submissionShownSeen from './0008_submission_shown_seen';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

export const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['0001_entity_tables', entityTables],
  ['0002_rating_aggregates', ratingAggregates],
  ['0003_queue_indexes', queueIndexes],
  ['0004_sync_state', syncState],
  ['0005_decisions', decisions],
  ['0006_assets', assets],
  ['0007_queue_totals', queueTotals],
  ['0008_submission_shown_seen', submissionShownSeen],
];

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => MIGRATIONS.map(([name]) => name),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const found = MIGRATIONS.find(([n]) => n === name);
    if (found === undefined) throw new Error(`unknown migration ${name}`);
    return found[1];
  },
};
