// The platform engine: applies marketplace events through the rule core in time order, fires
// time-based transitions as the clock passes them, and writes each batch of changes to the
// store in one transaction with the feed's seq. Every change runs through one queue, so the
// world, the store and the feed never see two changes interleave: the public methods are the
// engine's commands (the event log's `applyEvents`, `replay`, `applyLive`; the clock's
// `catchUp`, `moveClock`; `decide`; and `execute` for the rest, claims and moderators), each
// queued by construction, and what they read is a view that cannot change the world. A failed
// write rolls the engine back to what the store holds (the world rebuilt as on a restart), so
// nothing that is not on disk is ever seen, answered or written on top of.
import { DEFAULT_POLICY, toIso, toMs, DEV_BREACH_EVENT_TYPE, type DecisionRequest, type DevBreachAnswer, type DevBreachRequest, type MarketplaceEvent, type Policy } from '../../core';
import type { Batch, DecisionRecord, EventRecord, Store } from '../store/store';
import { applyEvent, canonicalEvent } from './apply-event';
import { plantBreach, type BreachAttempt } from './breaches';
import type { PlatformClock } from './clock';
import type { ApplyContext } from './context';
import { decideAt, keptOutcome, type DecisionOutcome } from './decisions';
import { runDetection } from './detection';
import { loadWorld } from './load';
import { fireTimer } from './transitions';
import { World, type WorldView } from './world';

/** Events between detection runs during a replay (each run re-reads the touched designers' facts). */
export const DETECT_EVERY = 1_000_000;

/**
 * A pause in a replay, for what a dataset has on record beside its events (decisions moderators
 * made as the marketplace ran): it runs in the engine's queue once every event before it is
 * applied and the clock stands at `atMs` (timers due by then fired), and before any later event
 * is read, so the source of the events may react to what it did.
 */
export interface ReplayStep {
  readonly kind: 'replay-step';
  readonly atMs: number;
  run(api: ReplayStepApi): Promise<void>;
}

/** What a replay step may do: read the world, and decide as a moderator would, at the step's time. */
export interface ReplayStepApi {
  readonly world: WorldView;
  readonly nowMs: number;
  readonly policy: Policy;
  /** Runs detection for the designers touched since it last ran, so the flags hold every fact so far. */
  detect(): void;
  /** A decision exactly as `decide` makes it (kept for idempotency, written with its answer). */
  decide(moderatorId: string, request: DecisionRequest): Promise<DecisionOutcome>;
  /** A change outside the event log at the step's time (`execute`, in the step). */
  change<T>(fn: (ctx: ApplyContext) => T): T;
}

export function isReplayStep(item: MarketplaceEvent | ReplayStep): item is ReplayStep {
  return 'kind' in item && item.kind === 'replay-step';
}

export interface ApplyResult {
  applied: number;
  refused: Array<{ index: number; reasonCode: string }>;
}

export type BreachOutcome = ({ kind: 'planted' } & DevBreachAnswer) | Extract<BreachAttempt, { kind: 'refused' }>;

export class EventTimeError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'EventTimeError';
  }
}

/**
 * A store write failed (disk full, I/O error): the operation that needed it was not applied,
 * and the engine is back at the store's state. The HTTP layer answers it with a 503.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}

export interface EngineOptions {
  store: Store;
  clock: PlatformClock;
  policy?: Policy;
  log?: (line: string) => void;
}

/** Where a decision's answer says each changed entity sits on the feed. */
interface ChangedEntity {
  seq: number;
  type: string;
  op: 'upsert';
  id: string;
  data: unknown;
}

export class Engine {
  /** Replaced, never patched, by a roll-back: a reader holding the old world sees it whole. */
  private currentWorld: World;
  readonly policy: Policy;
  private readonly store: Store;
  private clock: PlatformClock;
  /** The platform time up to which every event and timer has been applied. */
  private processedMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingEvents: EventRecord[] = [];
  private pendingDecisions: DecisionRecord[] = [];
  private eventCount: number;
  private listeners = new Set<(lastSeq: number) => void>();
  /** The store write in flight (writes run one at a time, in order). */
  private writing: Promise<void> = Promise.resolve();
  private readonly log: (line: string) => void;
  /** Puts the clock back where it stood when the last batch that reached the store was made. */
  private durableClock: () => void;
  /** A roll-back could not read the store either: the next operation retries it before running. */
  private stale = false;

  private constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.currentWorld = new World(this.policy);
    this.log = options.log ?? (() => undefined);
    this.eventCount = options.store.eventCount;
    this.processedMs = Math.max(options.store.clockMs ?? -Infinity, options.clock.nowMs());
    this.durableClock = options.clock.checkpoint();
  }

  /** The world as it stands, to read: HTTP routes and tests. Changes go through the commands. */
  get world(): WorldView {
    return this.currentWorld;
  }

  static async open(options: EngineOptions): Promise<Engine> {
    const engine = new Engine(options);
    engine.currentWorld = await loadWorld(engine.store, engine.policy);
    const count = Object.values(engine.currentWorld.tables).reduce((sum, table: ReadonlyMap<string, unknown>) => sum + table.size, 0);
    if (count > 0) engine.log(`store: ${count} entities loaded, feed at seq ${engine.store.lastSeq}`);
    engine.clock.advanceTo(engine.processedMs);
    engine.durableClock = engine.clock.checkpoint();
    return engine;
  }

  get lastSeq(): number {
    return this.store.lastSeq;
  }

  /** Simulated seconds per real second of the platform's clock (0: stopped until moved). */
  get clockRate(): number {
    return this.clock.rate;
  }

  get eventsRecorded(): number {
    return this.eventCount;
  }

  /** The platform's clock now; never behind what the engine has applied. */
  nowMs(): number {
    return Math.max(this.clock.nowMs(), this.processedMs);
  }

  /** Hands the engine a new clock (a replayed dataset's run ends, the configured clock takes over). */
  useClock(clock: PlatformClock): Promise<void> {
    return this.serial(() => {
      clock.advanceTo(this.processedMs);
      this.clock = clock;
      // Called once a replay is written: where the new clock stands now is what the store holds.
      this.durableClock = clock.checkpoint();
    });
  }

  onChange(listener: (lastSeq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `fn` after every mutation queued before it; the queue goes on if it throws. A world
   * left stale by a roll-back that could not read the store is rebuilt first (or the operation
   * fails with the store still unavailable), so no operation runs on unpersisted state.
   */
  private serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const step = async (): Promise<T> => {
      if (this.stale) await this.rebuild();
      return fn();
    };
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A context at platform time `ms` for a handler, a timer, a decision or a command. */
  private contextAt(ms: number): ApplyContext {
    return { world: this.currentWorld, policy: this.policy, nowMs: ms, nowIso: toIso(ms) };
  }

  /** Fires every timer due at or before `ms`, each at its own time, then stands at `ms`. */
  private advanceTo(ms: number): void {
    const { timers } = this.currentWorld;
    for (let timer = timers.popDue(ms); timer !== undefined; timer = timers.popDue(ms)) {
      this.processedMs = Math.max(this.processedMs, timer.atMs);
      fireTimer(this.contextAt(this.processedMs), timer);
    }
    if (ms > this.processedMs) this.processedMs = ms;
  }

  /** Applies one event at its time (the caller has checked it is not in the past). */
  private applyOne(given: MarketplaceEvent): { ok: true } | { ok: false; reasonCode: string } {
    const event = canonicalEvent(given);
    const atMs = toMs(event.at);
    this.advanceTo(atMs);
    const outcome = applyEvent(this.contextAt(atMs), event);
    this.eventCount += 1;
    this.pendingEvents.push({
      n: this.eventCount,
      at: event.at,
      type: event.type,
      status: outcome.ok ? 'applied' : 'refused',
      reasonCode: outcome.ok ? null : outcome.reasonCode,
      event: JSON.stringify(event),
    });
    return outcome;
  }

  /**
   * POST /v1/dev/events: the whole batch is checked against the clock first (an event earlier
   * than the platform's clock, or than the one before it, is a 422 and nothing is applied).
   */
  applyEvents(events: readonly MarketplaceEvent[]): Promise<ApplyResult> {
    return this.serial(async () => {
      this.advanceTo(this.clock.nowMs());
      const clockMs = this.processedMs;
      events.forEach((event, index) => {
        const ms = toMs(event.at);
        if (ms < clockMs) {
          throw new EventTimeError(`events.${index}.at: ${event.at} is earlier than the platform's clock (${toIso(clockMs)})`, index);
        }
        const previous = events[index - 1];
        if (previous !== undefined && ms < toMs(previous.at)) {
          throw new EventTimeError(`events.${index}.at: ${event.at} is earlier than the event before it (events.${index - 1}.at: ${previous.at}); a log runs forward in time`, index);
        }
      });
      const result: ApplyResult = { applied: 0, refused: [] };
      events.forEach((event, index) => {
        const outcome = this.applyOne(event);
        if (outcome.ok) result.applied += 1;
        else result.refused.push({ index, reasonCode: outcome.reasonCode });
      });
      this.clock.advanceTo(this.processedMs);
      await this.flush();
      return result;
    });
  }

  /**
   * Replays an event log in time order, writing every `batchSize` events. An event earlier than
   * the one before is recorded as refused (`earlier_than_clock`), as the platform would answer.
   * A step among the events (ReplayStep) runs where it stands, after the events before it.
   */
  async replay(events: AsyncIterable<MarketplaceEvent | ReplayStep> | Iterable<MarketplaceEvent | ReplayStep>, batchSize = 5000): Promise<ApplyResult> {
    const result: ApplyResult = { applied: 0, refused: [] };
    let index = 0;
    let inBatch = 0;
    let chunk: MarketplaceEvent[] = [];
    let sinceDetection = 0;
    const drain = async () => {
      const work = chunk;
      chunk = [];
      await this.serial(async () => {
        for (const event of work) {
          const i = index++;
          if (toMs(event.at) < this.processedMs) {
            this.recordRefusal(event, 'earlier_than_clock');
            result.refused.push({ index: i, reasonCode: 'earlier_than_clock' });
            continue;
          }
          const outcome = this.applyOne(event);
          if (outcome.ok) result.applied += 1;
          else result.refused.push({ index: i, reasonCode: outcome.reasonCode });
        }
        this.clock.advanceTo(this.processedMs);
        sinceDetection += work.length;
        // Detection over a designer's facts costs the same for one new fact as for a hundred:
        // a replay runs it every DETECT_EVERY events rather than on every batch.
        const detect = sinceDetection >= DETECT_EVERY;
        if (detect) sinceDetection = 0;
        await this.flushWith(null, { detect, pipelined: true });
      });
    };
    // A replay is bulk work (a dataset at start-up): its commits need not each wait for the disk.
    await this.serial(async () => {
      await this.settleWrites();
      await this.store.setSynchronous('NORMAL');
    });
    for await (const item of events) {
      if (isReplayStep(item)) {
        inBatch = 0;
        await drain();
        await this.serial(() => this.runStep(item));
        continue;
      }
      chunk.push(item);
      if (++inBatch >= batchSize) {
        inBatch = 0;
        await drain();
      }
    }
    await drain();
    await this.serial(async () => {
      await this.flush();
      await this.store.setSynchronous('FULL');
    });
    return result;
  }

  /** A replay's step at its time (never behind what is applied); runs inside `serial`. */
  private async runStep(step: ReplayStep): Promise<void> {
    this.advanceTo(step.atMs);
    this.clock.advanceTo(this.processedMs);
    const api: ReplayStepApi = {
      world: this.currentWorld,
      nowMs: this.processedMs,
      policy: this.policy,
      detect: () => runDetection(this.contextAt(this.processedMs)),
      // Detection waits for the step that asks for it (or the replay's end), as in the rest of a replay.
      decide: (moderatorId, request) => this.decideNow(moderatorId, request, { pipelined: true, detect: false }),
      change: (fn) => fn(this.contextAt(this.processedMs)),
    };
    await step.run(api);
    await this.flushWith(null, { detect: false, pipelined: true });
  }

  /**
   * Live-mode events (synthetic, from the generator): one that a decision or a clock move has
   * overtaken is applied at the platform's clock rather than refused for being late.
   */
  applyLive(events: readonly MarketplaceEvent[]): Promise<ApplyResult> {
    return this.serial(async () => {
      const result: ApplyResult = { applied: 0, refused: [] };
      events.forEach((event, index) => {
        const at = toMs(event.at) < this.processedMs ? toIso(this.processedMs) : event.at;
        const outcome = this.applyOne(at === event.at ? event : { ...event, at });
        if (outcome.ok) result.applied += 1;
        else result.refused.push({ index, reasonCode: outcome.reasonCode });
      });
      this.advanceTo(this.clock.nowMs());
      await this.flush();
      return result;
    });
  }

  private recordRefusal(given: MarketplaceEvent, reasonCode: string): void {
    const event = canonicalEvent(given);
    this.eventCount += 1;
    this.pendingEvents.push({ n: this.eventCount, at: event.at, type: event.type, status: 'refused', reasonCode, event: JSON.stringify(event) });
  }

  /** Fires what the running clock has passed, and writes it. */
  catchUp(): Promise<void> {
    return this.serial(async () => {
      // Never behind processedMs: after a restart the engine starts at the later of the stored
      // and the configured clock, and timers that fell due while it was down must fire now,
      // even on a stopped clock that will not move on its own.
      const now = Math.max(this.clock.nowMs(), this.processedMs);
      const due = this.currentWorld.timers.peek();
      if (due === undefined || due.atMs > now) {
        // Nothing fires: only the persisted clock would move, which a later batch carries.
        this.processedMs = Math.max(this.processedMs, now);
        if (this.currentWorld.pendingChanges === 0) return;
      }
      this.advanceTo(now);
      await this.flush();
    });
  }

  /** POST /v1/dev/clock: moves the clock forward (never back), firing what it passes. */
  moveClock(ms: number): Promise<void> {
    return this.serial(async () => {
      if (ms < this.nowMs()) throw new EventTimeError(`now: ${toIso(ms)} is earlier than the platform's clock (${toIso(this.nowMs())})`, 0);
      this.clock.advanceTo(ms);
      this.advanceTo(ms);
      await this.flush();
    });
  }

  /**
   * A change outside the event log (a claim, a lease released, the moderators, a dataset's
   * marker): runs in the queue at the platform's clock, every timer due by then fired first,
   * and what it changed is written in one batch before its result is returned.
   */
  execute<T>(change: (ctx: ApplyContext) => T): Promise<T> {
    return this.serial(async () => {
      this.advanceTo(this.clock.nowMs());
      const result = change(this.contextAt(this.processedMs));
      await this.flush();
      return result;
    });
  }

  /**
   * POST /v1/decisions, for a moderator whose role the caller has checked. Idempotent by
   * decision id: the first answer (applied or conflict) is kept in the same transaction as the
   * decision's effects and given again, byte for byte, for the same request; the same id with
   * another body or from another moderator is refused. Refusals (404, 422) are not kept: they
   * changed nothing.
   */
  decide(moderatorId: string, request: DecisionRequest): Promise<DecisionOutcome> {
    return this.serial(() => this.decideNow(moderatorId, request));
  }

  /**
   * POST /v1/dev/breaches (development mode): breaks a rule at a record on purpose, at the
   * platform's clock, and records it in the applied-event log as `dev.breach`, so a test can
   * show an offline audit finds exactly what was planted.
   */
  plantBreach(moderatorId: string, request: DevBreachRequest): Promise<BreachOutcome> {
    return this.serial(async (): Promise<BreachOutcome> => {
      this.advanceTo(this.clock.nowMs());
      const n = this.eventCount + 1;
      const attempt = plantBreach(this.contextAt(this.processedMs), request, { moderatorId, n });
      if (attempt.kind === 'refused') return attempt;
      const at = toIso(this.processedMs);
      this.eventCount = n;
      this.pendingEvents.push({ n, at, type: DEV_BREACH_EVENT_TYPE, status: 'applied', reasonCode: null, event: JSON.stringify({ at, type: DEV_BREACH_EVENT_TYPE, data: attempt.breach }) });
      await this.flush();
      return { kind: 'planted', n, at, breach: attempt.breach };
    });
  }

  /** `decide`'s work, inside `serial`; a replay's step writes pipelined, like the replay. */
  private async decideNow(moderatorId: string, request: DecisionRequest, options: { pipelined?: boolean; detect?: boolean } = {}): Promise<DecisionOutcome> {
    // The moderator is part of what a decision id stands for: another moderator reusing the id
    // gets a 422, never the first moderator's answer.
    const key = JSON.stringify({ moderatorId, ...request });
    const earlier = await this.store.decision(request.id);
    if (earlier !== undefined) {
      if (earlier.request === key) return keptOutcome(earlier.status, earlier.response);
      return { kind: 'refused', status: 422, code: 'idempotency-key-reused', detail: `Decision ${request.id} was already sent with a different body or by another moderator; a decision id is used once.` };
    }
    // Time-based transitions due by now happen first: a release at 17:12 beats a decision at 17:13.
    this.advanceTo(this.clock.nowMs());
    const at = toIso(this.processedMs);
    const attempt = decideAt(this.contextAt(this.processedMs), moderatorId, request);
    if (attempt.kind === 'refused') return attempt;
    if (attempt.kind === 'conflict') {
      const response = JSON.stringify(attempt.conflict);
      this.pendingDecisions.push({ id: request.id, request: key, status: 409, response, at });
      await this.flushWith(null, options);
      return keptOutcome(409, response);
    }
    // The effects are in the world; the answer names the feed rows they are written as.
    let body = '';
    await this.flushWith((seqOf) => {
      const entities: ChangedEntity[] = attempt.changed.map(({ type, id }) => ({ seq: seqOf(type, id), type, op: 'upsert', id, data: this.currentWorld.get(type, id) }));
      body = JSON.stringify({ result: 'applied', entities });
      return { id: request.id, request: key, status: 200, response: body, at };
    }, options);
    return { kind: 'applied', body };
  }

  /** Writes everything changed since the last batch in one transaction; runs inside `serial`. */
  private flush(): Promise<void> {
    return this.flushWith(null);
  }

  /**
   * flush, with a decision record made once the batch's seqs are known (they are assigned in
   * the order of the batch), so the stored answer names the feed rows it wrote. A pipelined
   * flush (replay only) lets the engine apply the next batch while this one is written; the
   * writes still go one after the other, and any other flush waits for them first.
   */
  private async flushWith(
    makeRecord: ((seqOf: (type: string, id: string) => number) => DecisionRecord) | null,
    options: { detect?: boolean; pipelined?: boolean } = {},
  ): Promise<void> {
    if (options.detect !== false && this.currentWorld.touched.size > 0) {
      const designers = this.currentWorld.touched.size;
      const started = performance.now();
      runDetection(this.contextAt(this.processedMs));
      const ms = performance.now() - started;
      if (ms > 1000) this.log(`detection: ${designers} designers in ${(ms / 1000).toFixed(1)} s`);
    }
    // Pipelined or not, one write at most is in flight: batches never pile up in memory
    // behind a disk slower than the rules.
    await this.settleWrites();
    const { entities, aux } = this.currentWorld.takeDirty();
    if (makeRecord !== null) {
      const base = this.store.lastSeq + 1;
      const seqs = new Map(entities.map((e, i) => [`${e.type}\u0000${e.id}`, base + i]));
      this.pendingDecisions.push(makeRecord((type, id) => seqs.get(`${type}\u0000${id}`) ?? 0));
    }
    if (entities.length === 0 && this.pendingEvents.length === 0 && this.pendingDecisions.length === 0 && aux.length === 0) return;
    const batch: Batch = { entities, events: this.pendingEvents, decisions: this.pendingDecisions, aux, clockMs: this.processedMs };
    this.pendingEvents = [];
    this.pendingDecisions = [];
    const clockAtBatch = this.clock.checkpoint();
    this.writing = this.store.write(batch).then(
      ({ lastSeq }) => {
        this.durableClock = clockAtBatch;
        if (entities.length > 0) this.notify(lastSeq);
      },
      (cause: unknown) => {
        throw new StoreUnavailableError(`The store could not write a batch: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
      },
    );
    // A pipelined write's failure is met by the next flush (settleWrites); until then it must
    // not count as an unhandled rejection, which would end the process.
    this.writing.catch(() => undefined);
    if (options.pipelined !== true) await this.settleWrites();
  }

  private notify(lastSeq: number): void {
    for (const listener of this.listeners) {
      try {
        listener(lastSeq);
      } catch (error) {
        // A listener (an SSE client) failing is not a failed write: the batch is on disk.
        this.log(`change listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /**
   * Waits for the write in flight; if it failed, rolls the engine back to the store before
   * passing the error on. Must run inside `serial`, so no other operation sees the half state.
   */
  private async settleWrites(): Promise<void> {
    try {
      await this.writing;
    } catch (error) {
      const failure = error instanceof StoreUnavailableError ? error : new StoreUnavailableError(`The store write failed: ${String(error)}`, error);
      this.log(`store: ${failure.message}; rolling back to the stored state`);
      this.writing = Promise.resolve();
      try {
        await this.rebuild();
      } catch (rebuildError) {
        // Left stale: serial() retries the rebuild before the next operation runs.
        this.log(`store: the roll-back could not read the store (${rebuildError instanceof Error ? rebuildError.message : String(rebuildError)}); retrying before the next operation`);
      }
      throw failure;
    }
  }

  /**
   * Rebuilds the world, its indexes and timers from the store, the path a restart takes, and
   * drops everything not yet written: the unwritten events, decision answers and detection
   * marks, and the clock's pushes since the last written batch. The seq and event counters are
   * the store's, which only move once a write has committed.
   */
  private async rebuild(): Promise<void> {
    this.stale = true;
    this.pendingEvents = [];
    this.pendingDecisions = [];
    let world: World;
    try {
      world = await loadWorld(this.store, this.policy);
    } catch (error) {
      throw new StoreUnavailableError(`The store could not be read back: ${error instanceof Error ? error.message : String(error)}`, error);
    }
    // The unwritten detection marks go with the world they were made in.
    this.currentWorld = world;
    this.eventCount = this.store.eventCount;
    this.durableClock();
    this.processedMs = Math.max(this.store.clockMs ?? -Infinity, this.clock.nowMs());
    this.clock.advanceTo(this.processedMs);
    this.durableClock = this.clock.checkpoint();
    this.stale = false;
  }

  /** Waits for queued work, then stops taking more. */
  async close(): Promise<void> {
    await this.serial(() => this.flush());
    await this.settleWrites();
  }
}
