// The platform's store: one row per entity (the feed serves each entity at the seq of its latest
// change), the applied-event log, decision answers for idempotency, and the counters.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('entities', (t) => {
    t.text('type').notNullable();
    t.text('id').notNullable();
    t.integer('seq').notNullable();
    // A deleted entity keeps its row as a tombstone, so the feed can say `op: delete`.
    t.integer('deleted').notNullable().defaultTo(0);
    t.text('data');
    t.primary(['type', 'id']);
    t.unique(['seq']);
  });
  await knex.schema.createTable('meta', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
  });
  await knex.schema.createTable('applied_events', (t) => {
    t.integer('n').primary();
    t.text('at').notNullable();
    t.text('type').notNullable();
    t.text('status').notNullable();
    t.text('reason_code');
    t.text('event').notNullable();
  });
  await knex.schema.createTable('decisions', (t) => {
    t.text('id').primary();
    t.text('request').notNullable();
    t.integer('status').notNullable();
    t.text('response').notNullable();
    t.text('at').notNullable();
  });
  // Engine facts that no entity carries (when a review's current version was written, how
  // often feedback change was enabled); small and keyed, written with the batch they belong to.
  await knex.schema.createTable('aux', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['aux', 'decisions', 'applied_events', 'meta', 'entities']) await knex.schema.dropTableIfExists(table);
}
