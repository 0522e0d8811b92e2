// The decision journal: every decision made on this machine, appended in the same transaction
// as its outbox row, and later the platform's answer — appended, never edited. Each entry's hash
// is SHA-256 over the previous hash and the canonical JSON of the entry, so an edited, removed or
// reordered entry breaks the chain at that entry. (An attacker who rewrites every later hash is
// not caught by the chain alone: `journal.verify` also gives the head hash, to be kept elsewhere.)
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

export type JournalKind = 'decided' | 'undone' | 'sent' | 'answered';

export interface JournalEntryInput {
  kind: JournalKind;
  decisionId: string;
  atPlatform: string;
  atLocal: string;
  moderatorId: string;
  payload: Record<string, unknown>;
}

interface JournalRow {
  n: number;
  kind: string;
  decision_id: string;
  at_platform: string;
  at_local: string;
  moderator_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: one encoding per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function entryHash(prevHash: string, n: number, row: Pick<JournalRow, 'kind' | 'decision_id' | 'at_platform' | 'at_local' | 'moderator_id' | 'payload'>): string {
  const body = canonicalJson({ n, kind: row.kind, decisionId: row.decision_id, atPlatform: row.at_platform, atLocal: row.at_local, moderatorId: row.moderator_id, payload: row.payload });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry inside the caller's transaction (the one that writes the decision). */
export async function appendJournal(trx: Knex.Transaction, entry: JournalEntryInput): Promise<number> {
  const last: Pick<JournalRow, 'n' | 'hash'> | undefined = await trx('journal').orderBy('n', 'desc').first('n', 'hash');
  const n = (last?.n ?? 0) + 1;
  const row = {
    kind: entry.kind,
    decision_id: entry.decisionId,
    at_platform: entry.atPlatform,
    at_local: entry.atLocal,
    moderator_id: entry.moderatorId,
    payload: canonicalJson(entry.payload),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx('journal').insert({ n, ...row, prev_hash: prevHash, hash: entryHash(prevHash, n, row) });
  return n;
}

export interface JournalVerdict {
  ok: boolean;
  entries: number;
  firstBadEntry?: number;
  reason?: string;
  head?: string;
}

/**
 * Walks the chain from the first entry: each must follow the one before (n + 1, its prev_hash
 * the previous hash) and hash to what it says. Then every decision on record must have its
 * "decided" entry, which catches a removed last entry too.
 */
export async function verifyJournal(db: Knex): Promise<JournalVerdict> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let entries = 0;
  const decided = new Set<string>();
  const BATCH = 2000;
  for (;;) {
    const rows: JournalRow[] = await db('journal').where('n', '>=', expected).orderBy('n').limit(BATCH);
    for (const row of rows) {
      if (row.n !== expected) {
        return { ok: false, entries, firstBadEntry: expected, reason: `entry ${expected} is missing: the next entry is ${row.n}` };
      }
      if (row.prev_hash !== prevHash) {
        return { ok: false, entries, firstBadEntry: row.n, reason: `entry ${row.n} does not follow entry ${row.n - 1}: an entry was removed, reordered or edited before it` };
      }
      if (entryHash(row.prev_hash, row.n, row) !== row.hash) {
        return { ok: false, entries, firstBadEntry: row.n, reason: `entry ${row.n} was edited: its content does not match its hash` };
      }
      if (row.kind === 'decided') decided.add(row.decision_id);
      prevHash = row.hash;
      expected += 1;
      entries += 1;
    }
    if (rows.length < BATCH) break;
  }
  const decisions: Array<{ decision_id: string }> = await db('decisions').select('decision_id');
  const unrecorded = decisions.find((d) => !decided.has(d.decision_id));
  if (unrecorded !== undefined) {
    return { ok: false, entries, firstBadEntry: expected, reason: `decision ${unrecorded.decision_id} has no journal entry: entries were removed from the end` };
  }
  return { ok: true, entries, head: prevHash };
}

export async function journalOf(db: Knex, decisionId: string): Promise<JournalRow[]> {
  return db('journal').where({ decision_id: decisionId }).orderBy('n').limit(50);
}
