// What only this machine knows, kept through every resync: the decisions made here, the outbox
// of those not yet answered by the platform, the hash-chained journal, and the conflicts.
import type { Knex } from 'knex';

const STATEMENTS = [
  `CREATE TABLE decisions (
    decision_id TEXT PRIMARY KEY, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
    outcome TEXT NOT NULL, reason_code TEXT, note TEXT, sanctions TEXT, statement TEXT,
    decided_at TEXT NOT NULL, decided_local TEXT NOT NULL, moderator_id TEXT NOT NULL, queue TEXT,
    state TEXT NOT NULL, platform_answer TEXT, answered_at TEXT)`,
  'CREATE INDEX decisions_subject ON decisions (subject_type, subject_id)',
  'CREATE INDEX decisions_decided ON decisions (decided_at, decision_id)',
  // The outbox, in the order decisions were made: the pusher sends the head first.
  `CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id TEXT NOT NULL UNIQUE REFERENCES decisions (decision_id),
    subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
    request TEXT NOT NULL,
    send_after_ms INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL DEFAULT 0,
    last_error TEXT)`,
  'CREATE INDEX outbox_subject ON outbox (subject_type, subject_id)',
  // Append-only and hash-chained: hash = SHA-256(prev_hash + canonical JSON of the entry).
  `CREATE TABLE journal (
    n INTEGER PRIMARY KEY, kind TEXT NOT NULL, decision_id TEXT NOT NULL,
    at_platform TEXT NOT NULL, at_local TEXT NOT NULL, moderator_id TEXT NOT NULL,
    payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
  'CREATE INDEX journal_decision ON journal (decision_id)',
  `CREATE TABLE conflicts (
    decision_id TEXT PRIMARY KEY REFERENCES decisions (decision_id),
    subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, kind TEXT NOT NULL,
    summary TEXT NOT NULL, detail TEXT NOT NULL, theirs TEXT, current_status TEXT,
    at TEXT NOT NULL, acknowledged INTEGER NOT NULL DEFAULT 0)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of STATEMENTS) await knex.raw(sql);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
