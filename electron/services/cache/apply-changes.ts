// Writes a page of the feed (or a decision's answer) into the cache inside the caller's
// transaction: upserts that never replace a newer rev with an older one, deletes, the project
// category denormalised onto submissions, and the pending marks of decisions still in the
// outbox put back on rows that were (re)inserted.
import type { Knex } from 'knex';
import { ENTITY_TYPES, type Change, type EntityType } from '../../../core';
import { ENTITY_TABLES, entityRow } from './entity-tables';

/** Rows per INSERT: well under SQLite's variable limit for the widest table. */
const ROWS_PER_STATEMENT = 200;

export interface AppliedChanges {
  upserts: number;
  deletes: number;
  /** Changes of these types were applied (the screens refetch what shows them). */
  types: Set<EntityType>;
  /** Submissions and flags touched, for "queues changed" events. */
  subjectIds: string[];
}

function upsertSql(table: string, columns: readonly string[], rows: number): string {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => placeholders).join(', ')} ` +
    `ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')} WHERE excluded.rev > ${table}.rev`
  );
}

async function upsertRows(trx: Knex.Transaction, table: string, rows: ReadonlyArray<Record<string, string | number | null>>): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const bindings = chunk.flatMap((row) => columns.map((c) => row[c] ?? null));
    await trx.raw(upsertSql(table, columns, chunk.length), bindings);
  }
}

async function deleteIds(trx: Knex.Transaction, table: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await trx(table).whereIn('id', ids.slice(i, i + 500)).delete();
}

async function categoriesOf(trx: Knex.Transaction, projectIds: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const unique = [...new Set(projectIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows: Array<{ id: string; category: string }> = await trx('projects').whereIn('id', unique.slice(i, i + 500)).select('id', 'category');
    for (const row of rows) map.set(row.id, row.category);
  }
  return map;
}

/** Applies changes in feed order by type (projects before the submissions that need them). */
export async function applyChanges(trx: Knex.Transaction, changes: readonly Change[]): Promise<AppliedChanges> {
  const upserts = new Map<EntityType, Change[]>();
  const deletes = new Map<EntityType, string[]>();
  // The last change of an id wins within a page (the feed normally sends one per id).
  const latest = new Map<string, Change>();
  for (const change of changes) latest.set(`${change.type}\u0000${change.id}`, change);
  for (const change of latest.values()) {
    if (change.op === 'delete') {
      const list = deletes.get(change.type) ?? [];
      list.push(change.id);
      deletes.set(change.type, list);
    } else {
      const list = upserts.get(change.type) ?? [];
      list.push(change);
      upserts.set(change.type, list);
    }
  }
  const result: AppliedChanges = { upserts: 0, deletes: 0, types: new Set(), subjectIds: [] };
  for (const type of ENTITY_TYPES) {
    const list = upserts.get(type);
    if (list === undefined) continue;
    const { table } = ENTITY_TABLES[type];
    let rows = list.map((change) => (change.op === 'upsert' ? entityRow(type, change.data) : null)).filter((row) => row !== null);
    if (type === 'submission') {
      const categories = await categoriesOf(trx, rows.map((row) => String(row['project_id'])));
      rows = rows.map((row) => ({ ...row, category: categories.get(String(row['project_id'])) ?? '' }));
    }
    await upsertRows(trx, table, rows);
    result.upserts += rows.length;
    result.types.add(type);
    if (type === 'submission' || type === 'flag') result.subjectIds.push(...list.map((c) => c.id));
    if (type === 'project') {
      // A project that arrived after its submissions (the feed compacts superseded changes).
      const ids = list.map((c) => c.id);
      for (let i = 0; i < ids.length; i += 500) {
        await trx.raw(
          `UPDATE submissions SET category = (SELECT category FROM projects p WHERE p.id = submissions.project_id)
           WHERE project_id IN (${ids.slice(i, i + 500).map(() => '?').join(', ')})
             AND category <> (SELECT category FROM projects p WHERE p.id = submissions.project_id)`,
          ids.slice(i, i + 500),
        );
      }
    }
  }
  for (const [type, ids] of deletes) {
    await deleteIds(trx, ENTITY_TABLES[type].table, ids);
    result.deletes += ids.length;
    result.types.add(type);
    if (type === 'submission' || type === 'flag') result.subjectIds.push(...ids);
  }
  if (result.types.has('submission') || result.types.has('flag')) await restorePendingMarks(trx);
  return result;
}

/**
 * The submissions of a feed page that are visible and keep a hold reason: a held design released,
 * approved or shown early. When the console first saw each so is the audit's evidence of the last
 * (migration 0008); they are a handful of a page.
 */
export function heldShownIds(changes: readonly Change[]): string[] {
  const ids: string[] = [];
  for (const change of changes) {
    if (change.op === 'upsert' && change.type === 'submission' && change.data.status === 'visible' && change.data.holdReason === 'held_low_rating') ids.push(change.id);
  }
  return ids;
}

/** Notes `seenAt` as when each of these was first seen visible, once: a later time never replaces it. */
export async function markHeldShown(trx: Knex.Transaction, submissionIds: readonly string[], seenAt: string): Promise<void> {
  for (let i = 0; i < submissionIds.length; i += 500) {
    await trx('submissions').whereIn('id', submissionIds.slice(i, i + 500)).where('status', 'visible').whereNull('shown_seen_at').update({ shown_seen_at: seenAt });
  }
}

/**
 * A decision waiting in the outbox keeps its subject out of the queues, even when the row was
 * just (re)written by the feed or a resync. The outbox holds a handful of rows, so this is cheap.
 */
export async function restorePendingMarks(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`UPDATE submissions SET pending_decision_id = o.decision_id FROM outbox o
    WHERE o.subject_type = 'submission' AND o.subject_id = submissions.id AND submissions.pending_decision_id IS NOT o.decision_id`);
  await trx.raw(`UPDATE flags SET pending_decision_id = o.decision_id FROM outbox o
    WHERE o.subject_type = 'flag' AND o.subject_id = flags.id AND flags.pending_decision_id IS NOT o.decision_id`);
}
