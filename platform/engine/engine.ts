// The platform engine: applies marketplace events through the rule core in time order, fires
// time-based transitions as the clock passes them, and writes each batch of changes to the
// store in one transaction with the feed's seq. Every mutation runs through one queue, so the
// world, the store and the feed never see two changes interleave.
import { DEFAULT_POLICY, toIso, toMs, type MarketplaceEvent, type Policy } from '../../core';
import type { Batch, DecisionRecord, EventRecord, Store } from '../store/store';
import { applyEvent } from './apply-event';
import type { PlatformClock } from './clock';
import type { ApplyContext } from './context';
import { runDetection } from './detection';
import { loadWorld } from './load';
import { TimerQueue } from './timers';
import { fireTimer } from './transitions';
import { World } from './world';

/** Events between detection runs during a replay (each run re-reads the touched designers' facts). */
export const DETECT_EVERY = 1_000_000;

export interface ApplyResult {
  applied: number;
  refused: Array<{ index: number; reasonCode: string }>;
}

export class EventTimeError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'EventTimeError';
  }
}

export interface EngineOptions {
  store: Store;
  clock: PlatformClock;
  policy?: Policy;
  log?: (line: string) => void;
}

export class Engine {
  readonly world = new World();
  readonly timers = new TimerQueue();
  readonly policy: Policy;
  readonly store: Store;
  clock: PlatformClock;
  /** The platform time up to which every event and timer has been applied. */
  private processedMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingEvents: EventRecord[] = [];
  private pendingDecisions: DecisionRecord[] = [];
  private eventCount: number;
  private listeners = new Set<(lastSeq: number) => void>();
  private touched = new Set<string>();
  /** The store write in flight (writes run one at a time, in order). */
  private writing: Promise<void> = Promise.resolve();
  private readonly log: (line: string) => void;

  private constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.log = options.log ?? (() => undefined);
    this.eventCount = options.store.eventCount;
    this.processedMs = Math.max(options.store.clockMs ?? -Infinity, options.clock.nowMs());
  }

  static async open(options: EngineOptions): Promise<Engine> {
    const engine = new Engine(options);
    const count = await loadWorld(engine.store, engine.world, engine.timers, engine.policy);
    if (count > 0) engine.log(`store: ${count} entities loaded, feed at seq ${engine.store.lastSeq}`);
    engine.clock.advanceTo(engine.processedMs);
    return engine;
  }

  get lastSeq(): number {
    return this.store.lastSeq;
  }

  get eventsRecorded(): number {
    return this.eventCount;
  }

  /** The platform's clock now; never behind what the engine has applied. */
  nowMs(): number {
    return Math.max(this.clock.nowMs(), this.processedMs);
  }

  useClock(clock: PlatformClock): void {
    clock.advanceTo(this.processedMs);
    this.clock = clock;
  }

  onChange(listener: (lastSeq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` after every mutation queued before it; the queue goes on if it throws. */
  serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A context at platform time `ms` for a handler, a timer or a decision. */
  contextAt(ms: number): ApplyContext {
    return { world: this.world, timers: this.timers, policy: this.policy, nowMs: ms, nowIso: toIso(ms), touched: this.touched };
  }

  /** Fires every timer due at or before `ms`, each at its own time, then stands at `ms`. */
  advanceTo(ms: number): void {
    for (let timer = this.timers.popDue(ms); timer !== undefined; timer = this.timers.popDue(ms)) {
      this.processedMs = Math.max(this.processedMs, timer.atMs);
      fireTimer(this.contextAt(this.processedMs), timer);
    }
    if (ms > this.processedMs) this.processedMs = ms;
  }

  /** Applies one event at its time (the caller has checked it is not in the past). */
  applyOne(event: MarketplaceEvent): { ok: true } | { ok: false; reasonCode: string } {
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
      let floor = this.processedMs;
      events.forEach((event, index) => {
        const ms = toMs(event.at);
        if (ms < floor) {
          throw new EventTimeError(`events.${index}.at: ${event.at} is earlier than the platform's clock (${toIso(floor)})`, index);
        }
        floor = ms;
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
   */
  async replay(events: AsyncIterable<MarketplaceEvent> | Iterable<MarketplaceEvent>, batchSize = 5000): Promise<ApplyResult> {
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
      await this.writing;
      await this.store.setSynchronous('NORMAL');
    });
    for await (const event of events) {
      chunk.push(event);
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

  private recordRefusal(event: MarketplaceEvent, reasonCode: string): void {
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
      const due = this.timers.peek();
      if (due === undefined || due.atMs > now) {
        // Nothing fires: only the persisted clock would move, which a later batch carries.
        this.processedMs = Math.max(this.processedMs, now);
        if (this.world.pendingChanges === 0) return;
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

  queueDecision(record: DecisionRecord): void {
    this.pendingDecisions.push(record);
  }

  /** Writes everything changed since the last batch in one transaction; must run inside `serial`. */
  flush(): Promise<void> {
    return this.flushWith(null);
  }

  /**
   * flush, with a decision record made once the batch's seqs are known (they are assigned in
   * the order of the batch), so the stored answer names the feed rows it wrote. A pipelined
   * flush (replay only) lets the engine apply the next batch while this one is written; the
   * writes still go one after the other, and any other flush waits for them first.
   */
  async flushWith(
    makeRecord: ((seqOf: (type: string, id: string) => number) => DecisionRecord) | null,
    options: { detect?: boolean; pipelined?: boolean } = {},
  ): Promise<void> {
    if (options.detect !== false && this.touched.size > 0) {
      const designers = this.touched.size;
      const started = performance.now();
      runDetection(this.contextAt(this.processedMs));
      const ms = performance.now() - started;
      if (ms > 1000) this.log(`detection: ${designers} designers in ${(ms / 1000).toFixed(1)} s`);
    }
    // Pipelined or not, one write at most is in flight: batches never pile up in memory
    // behind a disk slower than the rules.
    await this.writing;
    const { entities, aux } = this.world.takeDirty();
    if (makeRecord !== null) {
      const base = this.store.lastSeq + 1;
      const seqs = new Map(entities.map((e, i) => [`${e.type}\u0000${e.id}`, base + i]));
      this.pendingDecisions.push(makeRecord((type, id) => seqs.get(`${type}\u0000${id}`) ?? 0));
    }
    if (entities.length === 0 && this.pendingEvents.length === 0 && this.pendingDecisions.length === 0 && aux.length === 0) return;
    const batch: Batch = { entities, events: this.pendingEvents, decisions: this.pendingDecisions, aux, clockMs: this.processedMs };
    this.pendingEvents = [];
    this.pendingDecisions = [];
    const previous = this.writing;
    const write = previous.then(() => this.store.write(batch));
    this.writing = write.then(({ lastSeq }) => {
      if (entities.length > 0) for (const listener of this.listeners) listener(lastSeq);
    });
    if (options.pipelined !== true) await this.writing;
  }

  /** Waits for queued work, then stops taking more. */
  async close(): Promise<void> {
    await this.serial(() => this.flush());
    await this.writing;
  }
}
