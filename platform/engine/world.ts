// The engine's working set: every entity in memory (the rules need them at event speed), the
// indexes that keep each rule O(1) or O(designer's facts), the timers the entities imply, and
// what changed since the last batch was written. The store is the durable copy; this is
// rebuilt from it. `put` is the one way an entity changes, and it keeps every index, the
// timers and the set of designers to re-examine in step, so no caller can forget one.
import type { Category, EntityOf, EntityType, Policy, Rating } from '../../core';
import type { Hit } from '../../core/manipulation';
import { indexChange } from './index-entities';
import { TimerQueue } from './timers';

export type Tables = { [T in EntityType]: Map<string, EntityOf<T>> };

/** Per designer, the ids of the facts R12's detectors read, so detection never scans the world. */
export interface DesignerFacts {
  messages: string[];
  ratings: string[];
  contracts: string[];
  reports: string[];
}

export interface RatingSum {
  sum: number;
  count: number;
}

/**
 * What a reader outside the engine's queue may see of the world (HTTP routes, tests): no way
 * to change it. The engine replaces its world whole on a roll-back, so a reader holding one
 * sees it complete.
 */
export interface WorldView {
  readonly tables: { readonly [T in EntityType]: ReadonlyMap<string, EntityOf<T>> };
  get<T extends EntityType>(type: T, id: string): EntityOf<T> | undefined;
  ratingSum(designerId: string, category: Category): RatingSum;
  readonly ratingSums: ReadonlyMap<string, RatingSum>;
  readonly designerFacts: ReadonlyMap<string, Readonly<DesignerFacts>>;
  readonly customerRatings: ReadonlyMap<string, readonly string[]>;
  readonly waitingByProject: ReadonlyMap<string, ReadonlySet<string>>;
  readonly entrants: ReadonlyMap<string, ReadonlySet<string>>;
  readonly flagsByDesigner: ReadonlyMap<string, readonly string[]>;
  readonly aux: ReadonlyMap<string, string>;
  readonly timers: Pick<TimerQueue, 'size' | 'peek'>;
}

export class World implements WorldView {
  readonly tables: Tables = {
    designer: new Map(),
    customer: new Map(),
    project: new Map(),
    submission: new Map(),
    rating: new Map(),
    contract: new Map(),
    review: new Map(),
    reviewExtension: new Map(),
    privateFeedback: new Map(),
    message: new Map(),
    report: new Map(),
    flag: new Map(),
    moderator: new Map(),
    claim: new Map(),
  };

  /** R1 running sums per designer × category of the ratings that count now. */
  readonly ratingSums = new Map<string, RatingSum>();
  readonly designerFacts = new Map<string, DesignerFacts>();
  /** Ratings given by each customer (single_designer_rater looks across designers). */
  readonly customerRatings = new Map<string, string[]>();
  /** Submissions still waiting (pending_review, held, scheduled) per project: what a close expires. */
  readonly waitingByProject = new Map<string, Set<string>>();
  /** R7: designers entered per mini contest. */
  readonly entrants = new Map<string, Set<string>>();
  readonly contractReviews = new Map<string, string[]>();
  readonly contractExtensions = new Map<string, string[]>();
  readonly contractPrivateFeedback = new Map<string, string>();
  readonly flagsByDesigner = new Map<string, string[]>();
  /** When each review's current version was written (R9 history needs it; no entity field holds it). */
  readonly reviewVersionAt = new Map<string, string>();
  /** The time-based transitions the entities are waiting for (derived from them, like the indexes). */
  readonly timers = new TimerQueue();
  /** Designers whose R12 facts changed: detection re-runs for them before the batch is written. */
  readonly touched = new Set<string>();

  /** Per designer, message-detector hits of the messages analysed so far (detection.ts). */
  private readonly messageHits = new Map<string, { scanned: number; hits: Hit[] }>();

  /** Engine facts no entity carries, as persisted in the store's `aux` table. */
  readonly aux = new Map<string, string>();

  private dirty = new Map<string, { type: EntityType; id: string }>();
  private dirtyAux = new Map<string, string>();

  constructor(readonly policy: Policy) {}

  messageHitsOf(designerId: string): { scanned: number; hits: Hit[] } {
    let entry = this.messageHits.get(designerId);
    if (entry === undefined) this.messageHits.set(designerId, (entry = { scanned: 0, hits: [] }));
    return entry;
  }

  get<T extends EntityType>(type: T, id: string): EntityOf<T> | undefined {
    return this.tables[type].get(id);
  }

  /** Stores a new or changed entity, marks it for the next batch, and keeps indexes and timers in step. */
  put<T extends EntityType>(type: T, entity: EntityOf<T>): void {
    const table: Map<string, EntityOf<T>> = this.tables[type];
    const before = table.get(entity.id);
    table.set(entity.id, entity);
    this.dirty.set(`${type}\u0000${entity.id}`, { type, id: entity.id });
    indexChange(this, type, before, entity);
  }

  /** Deletes an entity (a lease that ended); the feed reports it as `op: delete`. */
  remove(type: EntityType, id: string): void {
    this.tables[type].delete(id);
    this.dirty.set(`${type}\u0000${id}`, { type, id });
  }

  /**
   * Rebuilds the world from stored entities (a start, or a roll-back): every entity first, then
   * the indexes and timers each implies, in the store's order, as if each had just been put. A
   * submission's index needs its project, which may have been stored after it.
   */
  restore(entities: ReadonlyArray<{ type: EntityType; entity: EntityOf<EntityType> }>): void {
    const tables: Record<EntityType, Map<string, EntityOf<EntityType>>> = this.tables;
    for (const { type, entity } of entities) tables[type].set(entity.id, entity);
    for (const { type, entity } of entities) indexChange(this, type, undefined, entity);
    // Nothing changed: what detection last saw is what the store holds.
    this.touched.clear();
  }

  setAux(key: string, value: string): void {
    this.aux.set(key, value);
    this.dirtyAux.set(key, value);
  }

  auxValue(key: string): string | undefined {
    return this.aux.get(key);
  }

  get pendingChanges(): number {
    return this.dirty.size;
  }

  /** The changed entities as feed rows (null data: deleted), clearing the dirty set. */
  takeDirty(): { entities: Array<{ type: EntityType; id: string; data: string | null }>; aux: Array<{ key: string; value: string }> } {
    const entities: Array<{ type: EntityType; id: string; data: string | null }> = [];
    for (const { type, id } of this.dirty.values()) {
      const entity = this.tables[type].get(id);
      entities.push({ type, id, data: entity === undefined ? null : JSON.stringify(entity) });
    }
    const aux = [...this.dirtyAux].map(([key, value]) => ({ key, value }));
    this.dirty = new Map();
    this.dirtyAux = new Map();
    return { entities, aux };
  }

  factsOf(designerId: string): DesignerFacts {
    let facts = this.designerFacts.get(designerId);
    if (facts === undefined) {
      facts = { messages: [], ratings: [], contracts: [], reports: [] };
      this.designerFacts.set(designerId, facts);
    }
    return facts;
  }

  ratingSum(designerId: string, category: Category): RatingSum {
    return this.ratingSums.get(`${designerId}|${category}`) ?? { sum: 0, count: 0 };
  }

  /** Moves a rating's contribution in R1's running sums from `before` to `after` (either may not count). */
  adjustRatingSum(before: Rating | undefined, after: Rating | undefined): void {
    const bump = (rating: Rating | undefined, sign: 1 | -1) => {
      if (rating === undefined || rating.stars === null || rating.voidedAt !== undefined) return;
      const key = `${rating.designerId}|${rating.category}`;
      const acc = this.ratingSums.get(key) ?? { sum: 0, count: 0 };
      acc.sum += sign * rating.stars;
      acc.count += sign;
      this.ratingSums.set(key, acc);
    };
    bump(before, -1);
    bump(after, 1);
  }
}
