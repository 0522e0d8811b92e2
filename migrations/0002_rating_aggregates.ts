// R1 kept current as the cache changes: the sum and count of each designer's counted ratings per
// category (unrated, removed and voided ratings do not count). Triggers keep it, so every write
// path (pull, a decision's answer, a resync) agrees with the ratings table by construction.
import type { Knex } from 'knex';

const COUNTED = (row: 'NEW' | 'OLD') => `${row}.stars IS NOT NULL AND ${row}.voided_at IS NULL`;

const STATEMENTS = [
  `CREATE TABLE designer_ratings (
    designer_id TEXT NOT NULL, category TEXT NOT NULL, sum INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (designer_id, category)) WITHOUT ROWID`,
  `CREATE TRIGGER ratings_counted_insert AFTER INSERT ON ratings WHEN ${COUNTED('NEW')} BEGIN
    INSERT INTO designer_ratings (designer_id, category, sum, count) VALUES (NEW.designer_id, NEW.category, NEW.stars, 1)
    ON CONFLICT (designer_id, category) DO UPDATE SET sum = sum + NEW.stars, count = count + 1;
  END`,
  `CREATE TRIGGER ratings_counted_delete AFTER DELETE ON ratings WHEN ${COUNTED('OLD')} BEGIN
    UPDATE designer_ratings SET sum = sum - OLD.stars, count = count - 1
    WHERE designer_id = OLD.designer_id AND category = OLD.category;
  END`,
  `CREATE TRIGGER ratings_counted_update_old AFTER UPDATE ON ratings WHEN ${COUNTED('OLD')} BEGIN
    UPDATE designer_ratings SET sum = sum - OLD.stars, count = count - 1
    WHERE designer_id = OLD.designer_id AND category = OLD.category;
  END`,
  `CREATE TRIGGER ratings_counted_update_new AFTER UPDATE ON ratings WHEN ${COUNTED('NEW')} BEGIN
    INSERT INTO designer_ratings (designer_id, category, sum, count) VALUES (NEW.designer_id, NEW.category, NEW.stars, 1)
    ON CONFLICT (designer_id, category) DO UPDATE SET sum = sum + NEW.stars, count = count + 1;
  END`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of STATEMENTS) await knex.raw(sql);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
