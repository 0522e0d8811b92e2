// Shared set-up for the platform's own tests: a store in a temp dir, an engine on a stopped
// clock, and small event builders.
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decisionRequestSchema, parseOrThrow, type DecisionRequest, type MarketplaceEvent, type Moderator } from '../../core';
import { createClock } from '../../platform/engine/clock';
import { Engine } from '../../platform/engine/engine';
import { openStore, type Store } from '../../platform/store/store';

export interface TestEngine {
  engine: Engine;
  store: Store;
  path: string;
  close(): Promise<void>;
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'platform-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openEngine(path: string, startIso = '2026-11-02T08:00:00.000Z'): Promise<TestEngine> {
  const store = await openStore(path);
  const engine = await Engine.open({ store, clock: createClock({ startMs: Date.parse(startIso), rate: 0 }) });
  return {
    engine,
    store,
    path,
    close: async () => {
      await engine.close();
      await store.close();
    },
  };
}

/**
 * Engines on their own stores for one test file: `fresh()` opens one on a new store,
 * `storePath()` gives a new store file (for restart tests), `track()` hands an engine opened by
 * hand to the clean-up. Every engine is closed and every store removed after each test.
 */
export function useEngines(): {
  fresh: (start?: string) => Promise<TestEngine>;
  storePath: () => string;
  track: (engine: TestEngine) => TestEngine;
} {
  const open: TestEngine[] = [];
  const dirs: Array<{ remove(): void }> = [];
  afterEach(async () => {
    for (const e of open.splice(0)) await e.close();
    for (const d of dirs.splice(0)) d.remove();
  });
  const storePath = () => {
    const dir = tempDir();
    dirs.push(dir);
    return join(dir.dir, 'p.sqlite');
  };
  const track = (engine: TestEngine) => {
    open.push(engine);
    return engine;
  };
  return { fresh: async (start?: string) => track(await openEngine(storePath(), start)), storePath, track };
}

export const ev = {
  designer: (at: string, id: string, verification: 'verified' | 'unverified' = 'verified'): MarketplaceEvent => ({
    at,
    type: 'designer.joined',
    data: { id, handle: id, verification },
  }),
  customer: (at: string, id: string): MarketplaceEvent => ({ at, type: 'customer.joined', data: { id } }),
  project: (at: string, id: string, endsAt: string, kind: 'contest' | 'mini_contest' = 'contest', customerId = 'c1'): MarketplaceEvent => ({
    at,
    type: 'project.launched',
    data: { id, customerId, category: 'logo', kind, endsAt },
  }),
  submission: (at: string, id: string, projectId: string, designerId: string): MarketplaceEvent => ({
    at,
    type: 'submission.created',
    data: { id, projectId, designerId, kind: 'original' },
  }),
  rating: (at: string, submissionId: string, stars: number | null): MarketplaceEvent => ({ at, type: 'rating.set', data: { submissionId, stars } }),
  message: (at: string, id: string, designerId: string, customerId: string, body: string): MarketplaceEvent => ({
    at,
    type: 'message.sent',
    data: { id, designerId, customerId, fromRole: 'designer', body },
  }),
};

/** A decision request as the HTTP layer would hand it to the engine: validated by the wire schema. */
export function decisionRequest(body: Record<string, unknown>): DecisionRequest {
  return parseOrThrow(decisionRequestSchema, body, 'decision');
}

export const MODERATORS = {
  quality: { id: 'mod-quality', rev: 1, displayName: 'Quality', roles: ['quality'] },
  trust: { id: 'mod-trust', rev: 1, displayName: 'Trust & Safety', roles: ['trust_safety'] },
  admin: { id: 'mod-admin', rev: 1, displayName: 'Admin', roles: ['admin'] },
} as const satisfies Record<string, Moderator>;
