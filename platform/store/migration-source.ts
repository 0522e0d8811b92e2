// knex's directory loader cannot import .ts under plain Node (STACK.md trap 5), so the
// migrations are listed here, in order; a new migration is one new line.
import type { Knex } from 'knex';
import * as initial from './migrations/0001_initial';
import * as designerHistory from './migrations/0002_designer_history';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['0001_initial', initial],
  ['0002_designer_history', designerHistory],
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
