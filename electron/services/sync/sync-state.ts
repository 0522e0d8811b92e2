// The one row of sync_state: which workspace this file is, the feed and cursor, the platform
// clock's offset and the last /v1/meta (so the console knows its moderator and policy offline).
import type { Knex } from 'knex';
import { metaSchema, type Meta } from '../../../core';

export interface SyncState {
  platformUrl: string;
  moderatorId: string;
  feedId: string | null;
  cursor: number;
  clockOffsetMs: number;
  lastSyncedAt: string | null;
  meta: Meta | null;
}

interface Row {
  platform_url: string;
  moderator_id: string;
  feed_id: string | null;
  cursor: number;
  clock_offset_ms: number;
  last_synced_at: string | null;
  meta: string | null;
}

function metaOf(text: string | null): Meta | null {
  if (text === null) return null;
  const parsed = metaSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export async function readSyncState(db: Knex): Promise<SyncState | null> {
  const row: Row | undefined = await db('sync_state').where({ id: 1 }).first();
  if (row === undefined) return null;
  return {
    platformUrl: row.platform_url,
    moderatorId: row.moderator_id,
    feedId: row.feed_id,
    cursor: row.cursor,
    clockOffsetMs: row.clock_offset_ms,
    lastSyncedAt: row.last_synced_at,
    meta: metaOf(row.meta),
  };
}

/** Claims the file for a workspace, or refuses it when it belongs to another. */
export async function bindWorkspace(db: Knex, platformUrl: string, moderatorId: string): Promise<void> {
  await db.transaction(async (trx) => {
    const row: Row | undefined = await trx('sync_state').where({ id: 1 }).first();
    if (row === undefined) {
      await trx('sync_state').insert({ id: 1, platform_url: platformUrl, moderator_id: moderatorId, clean_shutdown: 0 });
      return;
    }
    if (row.platform_url !== platformUrl || row.moderator_id !== moderatorId) {
      throw new Error(`This workspace file belongs to ${row.moderator_id} on ${row.platform_url}, not ${moderatorId} on ${platformUrl}.`);
    }
  });
}

export async function saveMeta(db: Knex, meta: Meta, clockOffsetMs: number): Promise<void> {
  await db('sync_state').where({ id: 1 }).update({ meta: JSON.stringify(meta), clock_offset_ms: Math.round(clockOffsetMs) });
}

export async function saveCursor(trx: Knex.Transaction, cursor: number, feedId: string, lastSyncedAt: string): Promise<void> {
  await trx('sync_state').where({ id: 1 }).update({ cursor, feed_id: feedId, last_synced_at: lastSyncedAt });
}
