// The cache of the platform's entities (SYNC-API.md, "Entities"): one table per type, the whole
// entity as JSON in `data`, and the fields the queues, profiles and audit query as columns.
// The cache is rebuildable (a resync drops and refills these tables); never put anything here
// that only this machine knows.
import type { Knex } from 'knex';

const TABLES = [
  `CREATE TABLE designers (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, handle TEXT NOT NULL, display_name TEXT NOT NULL,
    verification TEXT NOT NULL, account_status TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE customers (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, display_name TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE projects (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, customer_id TEXT NOT NULL, category TEXT NOT NULL, kind TEXT NOT NULL,
    status TEXT NOT NULL, launched_at TEXT NOT NULL, ends_at TEXT NOT NULL, data TEXT NOT NULL)`,
  // queue and queue_at are derived, never written: a submission is in a queue while it is
  // decidable and no decision made here waits for the platform (pending_decision_id).
  `CREATE TABLE submissions (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, project_id TEXT NOT NULL, designer_id TEXT NOT NULL,
    category TEXT NOT NULL, status TEXT NOT NULL, submitted_at TEXT NOT NULL,
    release_at TEXT, review_due_at TEXT, decided_at TEXT, pending_decision_id TEXT, data TEXT NOT NULL,
    queue TEXT GENERATED ALWAYS AS (CASE WHEN pending_decision_id IS NOT NULL THEN NULL
      WHEN status = 'held' THEN 'held' WHEN status = 'pending_review' THEN 'review' END) VIRTUAL,
    queue_at TEXT GENERATED ALWAYS AS (CASE status WHEN 'held' THEN release_at WHEN 'pending_review' THEN review_due_at END) VIRTUAL)`,
  `CREATE TABLE ratings (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, submission_id TEXT NOT NULL, designer_id TEXT NOT NULL,
    customer_id TEXT NOT NULL, category TEXT NOT NULL, stars INTEGER, voided_at TEXT, changed_at TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE contracts (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, customer_id TEXT NOT NULL, designer_id TEXT NOT NULL,
    started_at TEXT NOT NULL, closed_at TEXT, data TEXT NOT NULL)`,
  `CREATE TABLE reviews (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, contract_id TEXT NOT NULL, author_role TEXT NOT NULL, posted_at TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE review_extensions (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, contract_id TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE private_feedback (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, contract_id TEXT NOT NULL, recommend INTEGER NOT NULL, posted_at TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE messages (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, designer_id TEXT NOT NULL, customer_id TEXT NOT NULL,
    sent_at TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE reports (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, designer_id TEXT NOT NULL, customer_id TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE flags (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, designer_id TEXT NOT NULL, customer_id TEXT,
    status TEXT NOT NULL, score REAL NOT NULL, created_at TEXT NOT NULL, decided_at TEXT,
    pending_decision_id TEXT, data TEXT NOT NULL,
    queue TEXT GENERATED ALWAYS AS (CASE WHEN pending_decision_id IS NULL AND status = 'open' THEN 'flags' END) VIRTUAL)`,
  `CREATE TABLE moderators (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, display_name TEXT NOT NULL, data TEXT NOT NULL)`,
  `CREATE TABLE claims (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
    moderator_id TEXT NOT NULL, expires_at TEXT NOT NULL, data TEXT NOT NULL)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of TABLES) await knex.raw(sql);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
