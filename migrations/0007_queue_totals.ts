// The size of each queue kept by triggers, so the navigation's counts and a queue page's total
// cost one row read however long the queue is: counting the 48-hour queue's index at 100,000
// items took longer than a whole page should (BENCHMARKS.md, "Console"). Filtered totals
// (a category, a designer, overdue) still count their index range, which is short.
// Triggers keep it, as 0002 keeps the rating aggregates, so every write path agrees with the
// tables by construction; `queue` is a generated column, which triggers read like any other.
import type { Knex } from 'knex';

const TABLES = ['submissions', 'flags'] as const;

const STATEMENTS = [
  `CREATE TABLE queue_totals (queue TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID`,
  ...TABLES.flatMap((table) => [
    `CREATE TRIGGER ${table}_queued_insert AFTER INSERT ON ${table} WHEN NEW.queue IS NOT NULL BEGIN
      INSERT INTO queue_totals (queue, n) VALUES (NEW.queue, 1) ON CONFLICT (queue) DO UPDATE SET n = n + 1;
    END`,
    `CREATE TRIGGER ${table}_queued_delete AFTER DELETE ON ${table} WHEN OLD.queue IS NOT NULL BEGIN
      UPDATE queue_totals SET n = n - 1 WHERE queue = OLD.queue;
    END`,
    `CREATE TRIGGER ${table}_queued_update AFTER UPDATE ON ${table} WHEN OLD.queue IS NOT NEW.queue BEGIN
      UPDATE queue_totals SET n = n - 1 WHERE queue = OLD.queue AND OLD.queue IS NOT NULL;
      INSERT INTO queue_totals (queue, n) SELECT NEW.queue, 1 WHERE NEW.queue IS NOT NULL
        ON CONFLICT (queue) DO UPDATE SET n = n + 1;
    END`,
  ]),
  // A cache migrated with items already in it starts from their count.
  `INSERT INTO queue_totals (queue, n)
    SELECT queue, COUNT(*) FROM (SELECT queue FROM submissions WHERE queue IS NOT NULL UNION ALL SELECT queue FROM flags WHERE queue IS NOT NULL)
    GROUP BY queue`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of STATEMENTS) await knex.raw(sql);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
