// A workspace: one platform address and one moderator, with its own SQLite file (never two
// platforms' data in one file), its platform client and its sync engine.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_POLICY, type Meta, type Policy, type Role } from '../../../core';
import { openCache, type CacheDb } from '../db/open-cache';
import type { EventBus } from '../events';
import { createPlatformClient, type PlatformClient } from '../sync/platform-client';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine';
import { bindWorkspace, readSyncState } from '../sync/sync-state';

export interface Workspace {
  readonly platformUrl: string;
  readonly moderatorId: string;
  readonly db: CacheDb;
  readonly platform: PlatformClient;
  readonly engine: SyncEngine;
  moderator(): { id: string; displayName: string; roles: Role[] };
  policy(): Policy;
  close(): Promise<void>;
}

export interface WorkspaceDeps {
  dataDir: string;
  events: EventBus;
  now: () => number;
  random: () => number;
  log: (line: string) => void;
  pageSize?: number;
  pollMs?: number;
  fetch?: typeof fetch;
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x';

/** The workspace's file: readable names for a person, and a hash so two addresses never share one. */
export function workspaceFile(dataDir: string, platformUrl: string, moderatorId: string): string {
  const hash = createHash('sha256').update(`${platformUrl}\n${moderatorId}`).digest('hex').slice(0, 12);
  let host = platformUrl;
  try {
    host = new URL(platformUrl).host;
  } catch {
    // Not a URL: the slug of the text will do.
  }
  return join(dataDir, 'workspaces', `${slug(host)}--${slug(moderatorId)}--${hash}.sqlite`);
}

export function normalisePlatformUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/**
 * Opens (or creates) the workspace of `moderatorId` on `platformUrl`. `meta` is the platform's
 * /v1/meta when it was just reached (sign-in); without it the workspace opens from what the file
 * remembers, so a console starts offline.
 */
export async function openWorkspace(deps: WorkspaceDeps, platformUrl: string, token: string, moderatorId: string, meta: Meta | null): Promise<Workspace> {
  const url = normalisePlatformUrl(platformUrl);
  const db = await openCache(workspaceFile(deps.dataDir, url, moderatorId));
  if (db.recovered !== null) deps.log(`workspace: the file was damaged; ${db.recovered.rows} irreplaceable rows were carried to a new file (the old one is ${db.recovered.from})`);
  try {
    await bindWorkspace(db.write, url, moderatorId);
    if (meta !== null) await db.write('sync_state').where({ id: 1 }).update({ meta: JSON.stringify(meta) });
    const state = await readSyncState(db.write);
    const platform = createPlatformClient({ baseUrl: url, token, now: deps.now, ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }) });
    const engine = await createSyncEngine({
      db,
      platform,
      events: deps.events,
      now: deps.now,
      random: deps.random,
      log: deps.log,
      ...(deps.pageSize === undefined ? {} : { pageSize: deps.pageSize }),
      ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
    });
    const remembered = meta ?? state?.meta ?? null;
    return {
      platformUrl: url,
      moderatorId,
      db,
      platform,
      engine,
      moderator: () => {
        const m = engine.meta?.moderator ?? remembered?.moderator;
        return m === undefined ? { id: moderatorId, displayName: moderatorId, roles: ['auditor'] } : { id: m.id, displayName: m.displayName, roles: [...m.roles] };
      },
      policy: () => engine.meta?.policy ?? remembered?.policy ?? DEFAULT_POLICY,
      async close() {
        await engine.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
