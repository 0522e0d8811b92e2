// The sync engine (ARCHITECTURE.md "Runtime"): pulls the feed page by page, each page applied in
// one transaction with its cursor (the next page is fetched while this one is written); follows
// the platform's live nudges and polls when they stop; pushes the outbox in order after the undo
// window; and keeps the platform's clock. Everything it depends on comes in as arguments, so a
// test runs it against a real SQLite file and a real platform on loopback.
import { toIso, type ChangesPage, type Meta } from '../../../core';
import type { SyncStatus } from '../../contract';
import { CACHE_TABLES } from '../cache/entity-tables';
import { applyChanges, heldShownIds, markHeldShown, restorePendingMarks } from '../cache/apply-changes';
import type { CacheDb } from '../db/open-cache';
import { settleDecision, type OutboxRow } from '../decisions/settle';
import type { EventBus } from '../events';
import { backoffDelay } from './backoff';
import { PlatformRefusal, PlatformUnauthorized, PlatformUnreachable, ResyncRequired, type PlatformClient } from './platform-client';
import { readSyncState, saveCursor, saveMeta } from './sync-state';

export interface SyncEngineDeps {
  db: CacheDb;
  platform: PlatformClient;
  events: EventBus;
  /** Local wall clock, ms. */
  now: () => number;
  random: () => number;
  log: (line: string) => void;
  /** Changes per page (≤ 5000). Smaller pages keep each transaction, and each pause, short. */
  pageSize?: number;
  /** Poll period while the live stream is down. */
  pollMs?: number;
  /** An outbox whose head is due but has not moved for this long, while online, is stalled. */
  stallMs?: number;
}

export interface SyncEngine {
  start(): void;
  stop(): Promise<void>;
  /** Resolves with the cursor once the cache holds every change the platform had at the call. */
  syncNow(): Promise<number>;
  status(): SyncStatus;
  /** The platform's clock now (local clock + measured offset). */
  platformNow(): number;
  /** Lets a pull that stopped at the deletion fail-safe go on. */
  confirmDeletions(): Promise<void>;
  /** A decision was queued or undone: look at the outbox again. */
  wakePusher(): void;
  /** Refreshes the outbox and conflict counts shown in the status. */
  refreshCounts(): Promise<void>;
  readonly meta: Meta | null;
}

/**
 * A feed that changes again while a pull starts over is retried this often, then reported: a
 * page of another feed, or a 410, made the pull restart for ever before (each restart asked
 * for the feed it had just been told was gone).
 */
const MAX_RESTARTS_PER_PULL = 3;

/** A pull stopping to ask: it would delete more than half of a cache of at least this size. */
const FAILSAFE_MIN_DELETES = 100;
const FAILSAFE_SHARE = 0.5;

/** Held designs seen visible that wait for one /v1/meta before they are noted (a bound on memory). */
const HELD_SHOWN_BATCH = 5000;

export class FailsafeStop extends Error {
  override name = 'FailsafeStop';
  constructor(
    readonly deletes: number,
    readonly cached: number,
  ) {
    super(`This sync would delete ${deletes} of the ${cached} records in the cache; it stopped to ask. Confirm the deletions to go on.`);
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A pull nobody awaits must not become an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

function errorText(error: unknown): string {
  if (error instanceof PlatformUnauthorized) return `The platform no longer accepts this sign-in: ${error.message} Sign in again.`;
  return error instanceof Error ? error.message : String(error);
}

export async function createSyncEngine(deps: SyncEngineDeps): Promise<SyncEngine> {
  const { db, platform, events, log } = deps;
  const pageSize = deps.pageSize ?? 500;
  const pollMs = deps.pollMs ?? 10_000;
  const stallMs = deps.stallMs ?? 60_000;
  const initial = await readSyncState(db.write);
  if (initial === null) throw new Error('sync_state has no row: bind the workspace before syncing');

  const workspaceModerator = initial.moderatorId;
  let cursor = initial.cursor;
  let feedId = initial.feedId;
  let offsetMs = initial.clockOffsetMs;
  let meta = initial.meta;
  let lastSyncedAt = initial.lastSyncedAt;
  let online = false;
  let live = false;
  let lastError: string | undefined;
  let pulling = false;
  let progress: SyncStatus['progress'];
  let failsafe: SyncStatus['failsafe'];
  let deletionsConfirmed = false;
  let knownHead = 0;
  let outboxCount = 0;
  let conflictCount = 0;
  let outboxStalled = false;
  let lastPushProgressMs = deps.now();
  let stopped = false;
  let started = false;
  const abort = new AbortController();

  const platformNow = () => deps.now() + offsetMs;

  function status(): SyncStatus {
    return {
      state: pulling ? 'syncing' : online ? 'online' : 'offline',
      cursor,
      lastSyncedAt,
      outbox: outboxCount,
      conflicts: conflictCount,
      ...(progress === undefined ? {} : { progress }),
      live,
      ...(lastError === undefined ? {} : { lastError }),
      outboxStalled,
      ...(failsafe === undefined ? {} : { failsafe }),
      serverTime: toIso(platformNow()),
    };
  }

  let lastEmitted = '';
  function emitStatus(force = false): void {
    const current = status();
    // serverTime moves every call: compare without it, so only real changes are sent.
    const key = JSON.stringify({ ...current, serverTime: undefined, progress: current.progress === undefined ? undefined : { ...current.progress, ratePerSecond: undefined } });
    if (!force && key === lastEmitted) return;
    lastEmitted = key;
    events.emit({ type: 'sync.status', status: current });
  }

  function markOnline(): void {
    if (!online || lastError !== undefined) {
      online = true;
      lastError = undefined;
      emitStatus();
    }
  }

  function markFailure(error: unknown): void {
    const text = errorText(error);
    if (error instanceof PlatformUnreachable || error instanceof PlatformUnauthorized) online = false;
    if (text !== lastError) log(`sync: ${text}`);
    lastError = text.slice(0, 500);
    emitStatus();
  }

  // Every wait ends early when the engine stops, so stop() never waits on a sleeping loop.
  let stopWaits: () => void = () => undefined;
  const stoppedSignal = new Promise<void>((resolve) => {
    stopWaits = resolve;
  });
  function sleep(ms: number): Promise<void> {
    if (stopped) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, ms));
    });
    return Promise.race([elapsed, stoppedSignal]).finally(() => clearTimeout(timer));
  }

  async function refreshCounts(): Promise<void> {
    const [outbox, conflicts]: Array<{ n: number } | undefined> = await Promise.all([
      db.read('outbox').count<{ n: number }[]>({ n: '*' }).first(),
      db.read('conflicts').where({ acknowledged: 0 }).count<{ n: number }[]>({ n: '*' }).first(),
    ]);
    outboxCount = Number(outbox?.n ?? 0);
    conflictCount = Number(conflicts?.n ?? 0);
    emitStatus();
  }

  // ---------------------------------------------------------------------------------------
  // Pull

  async function refreshMeta(): Promise<Meta> {
    const { meta: fresh, sentAtMs, receivedAtMs } = await platform.meta();
    // A workspace is one moderator's: a token of someone else never writes into it.
    if (fresh.moderator.id !== workspaceModerator) {
      throw new PlatformUnauthorized(`This token belongs to ${fresh.moderator.id}, but this workspace is ${workspaceModerator}'s.`);
    }
    // The server read its clock somewhere between sending and receiving: take the midpoint.
    offsetMs = Date.parse(fresh.serverTime) - (sentAtMs + receivedAtMs) / 2;
    meta = fresh;
    await saveMeta(db.write, fresh, offsetMs);
    markOnline();
    return fresh;
  }

  async function cachedRecords(): Promise<number> {
    let total = 0;
    for (const table of CACHE_TABLES) {
      if (table === 'designer_ratings') continue;
      const row: { n: number } | undefined = await db.read(table).count<{ n: number }[]>({ n: '*' }).first();
      total += Number(row?.n ?? 0);
    }
    return total;
  }

  /** Drops the cache (never the outbox, decisions, journal, conflicts or settings) for a pull from 0. */
  async function dropCache(newFeedId: string, why: string): Promise<void> {
    log(`sync: starting the feed over (${why}); the outbox and the journal are kept`);
    progress = { phase: 'resync', done: 0, total: 0 };
    emitStatus();
    await db.transaction('cache', async (trx) => {
      // The aggregate first, so the ratings' delete triggers find nothing to update.
      await trx('designer_ratings').delete();
      for (const table of CACHE_TABLES) if (table !== 'designer_ratings') await trx(table).delete();
      await trx('sync_state').where({ id: 1 }).update({ cursor: 0, feed_id: newFeedId });
    });
    cursor = 0;
    feedId = newFeedId;
    events.emit({ type: 'queues.changed', queues: ['held', 'review', 'flags'], subjectIds: [] });
  }

  async function pullOnce(): Promise<void> {
    let fresh = await refreshMeta();
    if (feedId !== null && feedId !== fresh.feedId) await dropCache(fresh.feedId, `the platform's feed changed from ${feedId} to ${fresh.feedId}`);
    const startCursor = cursor;
    const phase = cursor === 0 ? 'resync' : 'pull';
    let deletesThisPull = 0;
    let cachedAtStart: number | null = null;
    let applied = 0;
    const startedMs = deps.now();
    const fetchPage = (after: number): Promise<ChangesPage> => {
      const page = platform.changes(after, pageSize, feedId ?? fresh.feedId);
      page.catch(() => undefined);
      return page;
    };
    /** Held designs this pull saw visible, waiting for a platform time that bounds when. */
    let heldShown: string[] = [];
    const noteHeldShown = async (): Promise<void> => {
      if (heldShown.length === 0) return;
      const ids = heldShown;
      heldShown = [];
      try {
        // The platform's clock read after their pages arrived: an upper bound on when each was
        // visible, whatever the clock's rate (the offset measured at the pull's start drifts on a
        // platform whose clock runs fast). Without it nothing is noted: evidence lost, never made up.
        const seenAt = (await refreshMeta()).serverTime;
        await db.transaction('cache', (trx) => markHeldShown(trx, ids, seenAt));
      } catch (error) {
        log(`sync: could not note when ${ids.length} held designs were seen visible: ${errorText(error)}`);
      }
    };
    let restarts = 0;
    /** The feed changed under this pull: learn the new one from /v1/meta and start from 0. */
    const startOver = async (why: string): Promise<void> => {
      heldShown = [];
      restarts += 1;
      if (restarts > MAX_RESTARTS_PER_PULL) throw new PlatformUnreachable(`the platform's feed changed ${restarts} times during one pull (${why})`);
      fresh = await refreshMeta();
      await dropCache(fresh.feedId, why);
    };
    let next: Promise<ChangesPage> | null = fetchPage(cursor);
    while (next !== null) {
      let page: ChangesPage;
      try {
        page = await next;
      } catch (error) {
        if (error instanceof ResyncRequired) {
          await startOver(`the platform asked for a resync: ${error.message}`);
          next = fetchPage(0);
          continue;
        }
        throw error;
      }
      markOnline();
      if (page.feedId !== fresh.feedId) {
        await startOver(`a page came from feed ${page.feedId}, not ${fresh.feedId}`);
        next = fetchPage(0);
        continue;
      }
      // Fetch the next page while this one is written.
      next = page.hasMore ? fetchPage(page.last) : null;
      const deletes = page.changes.filter((c) => c.op === 'delete').length;
      if (deletes > 0 && !deletionsConfirmed) {
        deletesThisPull += deletes;
        if (deletesThisPull >= FAILSAFE_MIN_DELETES) {
          cachedAtStart ??= await cachedRecords();
          if (deletesThisPull > FAILSAFE_SHARE * cachedAtStart) throw new FailsafeStop(deletesThisPull, cachedAtStart);
        }
      }
      const pageLast = Math.max(page.last, cursor);
      const result = await db.transaction('cache', async (trx) => {
        const changes = await applyChanges(trx, page.changes);
        await saveCursor(trx, pageLast, page.feedId, toIso(platformNow()));
        return changes;
      });
      heldShown.push(...heldShownIds(page.changes));
      if (heldShown.length >= HELD_SHOWN_BATCH) await noteHeldShown();
      cursor = pageLast;
      feedId = page.feedId;
      lastSyncedAt = toIso(platformNow());
      applied += page.changes.length;
      knownHead = Math.max(knownHead, cursor);
      const seconds = Math.max(0.001, (deps.now() - startedMs) / 1000);
      progress = { phase, done: cursor - startCursor, total: Math.max(knownHead - startCursor, cursor - startCursor), ratePerSecond: Math.round(applied / seconds) };
      if (result.subjectIds.length > 0 || result.types.has('designer') || result.types.has('project') || result.types.has('rating') || result.types.has('claim')) {
        events.emit({ type: 'queues.changed', queues: ['held', 'review', 'flags'], subjectIds: result.subjectIds.slice(0, 200) });
      }
      emitStatus();
    }
    await noteHeldShown();
    deletionsConfirmed = false;
    failsafe = undefined;
    lastSyncedAt = toIso(platformNow());
    // After a big pull (a first sync), statistics that let the planner pick the queue indexes.
    if (applied > 10_000) {
      await db.write.raw('PRAGMA optimize=0x10002');
      // The pull's WAL (up to 128 MiB, open-cache.ts) goes back into the database file now,
      // not in the middle of the moderator's next decision.
      await db.write.raw('PRAGMA wal_checkpoint(PASSIVE)');
    }
  }

  let runningPull: Promise<void> | null = null;
  let queuedPull: Deferred<void> | null = null;

  async function runPull(): Promise<void> {
    pulling = true;
    emitStatus();
    try {
      await pullOnce();
    } catch (error) {
      if (error instanceof FailsafeStop) {
        failsafe = { deletes: error.deletes, cached: error.cached };
        log(`sync: stopped before deleting ${error.deletes} of ${error.cached} cached records; waiting for confirmation`);
      } else markFailure(error);
      throw error;
    } finally {
      pulling = false;
      progress = undefined;
      emitStatus();
    }
  }

  /** A pull that starts after this call; calls made during a pull share the next one. */
  function requestPull(): Promise<void> {
    if (runningPull === null) {
      const pull = runPull().finally(() => {
        runningPull = null;
        const waiting = queuedPull;
        queuedPull = null;
        if (waiting !== null && !stopped) requestPull().then(waiting.resolve, waiting.reject);
        else waiting?.reject(new PlatformUnreachable('the console is closing'));
      });
      pull.catch(() => undefined);
      runningPull = pull;
      return pull;
    }
    queuedPull ??= deferred<void>();
    return queuedPull.promise;
  }

  // ---------------------------------------------------------------------------------------
  // Live nudges and polling

  async function liveLoop(): Promise<void> {
    let attempt = 0;
    while (!stopped) {
      try {
        for await (const head of platform.events(cursor, abort.signal)) {
          attempt = 0;
          if (!live) {
            live = true;
            emitStatus();
          }
          knownHead = Math.max(knownHead, head);
          if (head > cursor) requestPull().catch(() => undefined);
        }
      } catch (error) {
        if (stopped) break;
        // A stream refused with 410 means the feed moved under us: the pull finds out how and
        // starts over; the stream reopens from its cursor after the usual pause.
        if (error instanceof ResyncRequired) requestPull().catch(() => undefined);
        else if (!(error instanceof PlatformUnreachable)) markFailure(error);
      }
      if (live) {
        live = false;
        emitStatus();
        wakePoller();
      }
      if (stopped) break;
      attempt += 1;
      await sleep(backoffDelay(attempt, deps.random));
    }
  }

  // While the stream is live the poller sleeps six periods; when the stream drops it pulls at
  // once instead: that pull catches up what the stream would have said, or finds the platform
  // gone and says offline now, not up to a minute later.
  let pollWake: (() => void) | null = null;
  function wakePoller(): void {
    const w = pollWake;
    pollWake = null;
    w?.();
  }

  async function pollLoop(): Promise<void> {
    while (!stopped) {
      const woken = new Promise<void>((resolve) => {
        pollWake = resolve;
      });
      await Promise.race([sleep(live ? pollMs * 6 : pollMs), woken]);
      pollWake = null;
      if (stopped) break;
      // While live, a slow safety net; otherwise the only way changes arrive.
      if (failsafe === undefined) await requestPull().catch(() => undefined);
      await checkStall();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Push

  let wake: (() => void) | null = null;
  function wakePusher(): void {
    const w = wake;
    wake = null;
    w?.();
  }
  function waitForWake(ms: number): Promise<void> {
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    return Promise.race([sleep(ms), woken]).finally(() => {
      wake = null;
    });
  }

  async function checkStall(): Promise<void> {
    const head: OutboxRow | undefined = await db.read('outbox').orderBy('seq').first();
    const due = head !== undefined && Math.max(head.send_after_ms, 0) <= deps.now() - stallMs;
    const stalled = due && online && deps.now() - lastPushProgressMs > stallMs;
    if (stalled !== outboxStalled) {
      outboxStalled = stalled;
      if (stalled) log(`sync: the outbox has not moved for ${Math.round(stallMs / 1000)} s although the platform answers (head ${head?.decision_id}, ${head?.attempts} attempts: ${head?.last_error ?? 'no error'})`);
      emitStatus();
    }
  }

  async function pushOne(row: OutboxRow): Promise<void> {
    const moderatorId = meta?.moderator.id ?? workspaceModerator;
    const marked = await db.transaction('durable', async (trx) => {
      const n = await trx('outbox').where({ decision_id: row.decision_id }).update({ state: 'sending', attempts: row.attempts + 1 });
      if (n === 1 && row.state === 'queued') await trx('decisions').where({ decision_id: row.decision_id }).update({ state: 'sending' });
      return n === 1;
    });
    // Undone in the meantime: nothing to send.
    if (!marked) return;
    if (row.state === 'queued') events.emit({ type: 'decision.changed', decisionId: row.decision_id, subjectType: row.subject_type, subjectId: row.subject_id, state: 'sending' });
    try {
      const answer = await platform.decide(JSON.parse(row.request));
      markOnline();
      const settled = await db.transaction('durable', (trx) => settleDecision(trx, row, answer, { platform: toIso(platformNow()), local: toIso(deps.now()) }, moderatorId));
      lastPushProgressMs = deps.now();
      events.emit({ type: 'decision.changed', decisionId: row.decision_id, subjectType: row.subject_type, subjectId: row.subject_id, state: settled.state, message: settled.message });
      events.emit({ type: 'queues.changed', queues: row.subject_type === 'submission' ? ['held', 'review'] : ['flags'], subjectIds: [row.subject_id] });
      if (settled.state !== 'applied') events.emit({ type: 'conflicts.changed', count: conflictCount + 1 });
      await refreshCounts();
    } catch (error) {
      if (error instanceof PlatformRefusal) throw error;
      // Transient (or a sign-in problem): keep it at the head and try again later, in order.
      markFailure(error);
      const delay = backoffDelay(row.attempts + 1, deps.random);
      await db.write('outbox')
        .where({ decision_id: row.decision_id })
        .update({ next_attempt_ms: deps.now() + delay, last_error: errorText(error).slice(0, 500) });
    }
  }

  async function pushLoop(): Promise<void> {
    while (!stopped) {
      let head: OutboxRow | undefined;
      try {
        head = await db.read('outbox').orderBy('seq').first();
      } catch (error) {
        log(`push: could not read the outbox: ${errorText(error)}`);
        await waitForWake(1000);
        continue;
      }
      if (head === undefined) {
        await waitForWake(60_000);
        continue;
      }
      const due = Math.max(head.send_after_ms, head.next_attempt_ms);
      const wait = due - deps.now();
      if (wait > 0) {
        await waitForWake(wait);
        continue;
      }
      try {
        await pushOne(head);
      } catch (error) {
        log(`push: ${errorText(error)}`);
        await waitForWake(1000);
      }
    }
  }

  // ---------------------------------------------------------------------------------------

  const loops: Promise<void>[] = [];

  await db.transaction('durable', (trx) => restorePendingMarks(trx));
  await refreshCounts();

  return {
    get meta() {
      return meta;
    },
    start() {
      if (started) return;
      started = true;
      requestPull().catch(() => undefined);
      loops.push(liveLoop(), pollLoop(), pushLoop());
    },
    async stop() {
      stopped = true;
      abort.abort();
      stopWaits();
      wakePusher();
      await Promise.allSettled([...loops, runningPull ?? Promise.resolve()]);
    },
    async syncNow() {
      await requestPull();
      return cursor;
    },
    status,
    platformNow,
    async confirmDeletions() {
      deletionsConfirmed = true;
      failsafe = undefined;
      emitStatus();
      await requestPull();
    },
    wakePusher,
    refreshCounts,
  };
}

