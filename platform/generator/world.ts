// The simulation's world: the clock and agenda, the marketplace as the generator sees it, its
// running tallies and the ground truth, and the one way events leave it (emit).
import { DAY_MS } from '../../core/time';
import type { EventType, MarketplaceEvent } from '../../core/wire/events';
import type { DetectorName } from '../../core/wire/entities';
import { Agenda } from './agenda';
import { CATEGORY_LIST, NCAT } from './market-profile';
import type { Context, CustomerRec, DesignerRec, ProjectRec } from './model';
import { plantPlan, type PlantPlan } from './plant-plan';
import { Rng } from './rng';
import { WeightedSampler } from './sampler';
import type { SizeCounts } from './sizes';
import type { Lang } from './text/fill';
import type { Decoy, ExpectedRefusal, PlantedCase, PlantedMessage, RecordRef } from './truth';

export interface SimulationOptions {
  seed: number;
  counts: SizeCounts;
  /** The dataset's clock ends here (epoch ms). */
  endMs: number;
  spanDays: number;
  /** More (or less) of some planted scenarios than the size implies (the demo's busy week). */
  plan?: Partial<PlantPlan>;
}

export class World {
  readonly rng: Rng;
  readonly agenda = new Agenda();
  readonly counts: SizeCounts;
  readonly plan: PlantPlan;
  readonly t0: number;
  readonly endMs: number;
  readonly spanDays: number;
  now: number;

  /** Events emitted by the task running now; the run loop hands them out once it returns. */
  protected out: MarketplaceEvent[] = [];
  private isoCacheMs = -1;
  private isoCache = '';

  readonly designers: DesignerRec[] = [];
  readonly customers: CustomerRec[] = [];
  /** Newcomers not yet given work, so new accounts start projects soon after joining. */
  readonly freshCustomers: CustomerRec[] = [];
  readonly designerCapacity: number;
  readonly samplers: WeightedSampler[];
  /** R1 running tallies per designer and category: [designer * NCAT + category]. */
  readonly ratingSum: Int32Array;
  readonly ratingCount: Int32Array;
  readonly openProjects: ProjectRec[] = [];
  /** Per category, designers with at least one published client review: R7's candidates. */
  readonly withFeedback: DesignerRec[][] = CATEGORY_LIST.map(() => []);
  /** Latent quality, kept beside the record so the record stays small and plain. */
  readonly designerQuality = new Map<number, { skill: number; mu: Float64Array }>();
  private readonly contexts: Context[] = [];
  private contextCursor = 0;
  /** Last designer → customer message per pair, for R12's "within 72 h after contact". */
  readonly lastDesignerMessage = new Map<number, number>();
  /** Pairs with a planted manipulative message, which an unfounded report must not land on. */
  readonly plantedPairs = new Set<number>();

  readonly ids = { project: 0, submission: 0, contract: 0, review: 0, extension: 0, privateFeedback: 0, message: 0, report: 0, case: 0 };

  // Ground truth, filled as the simulation runs.
  readonly cases: PlantedCase[] = [];
  readonly plantedMessages: PlantedMessage[] = [];
  readonly refusals: ExpectedRefusal[] = [];
  readonly decoys: Decoy[] = [];
  /** Refusals still to produce organically (late reviews, second enablings, late changes). */
  readonly refusalQuota: { lateReviews: number; secondEnablings: number; lateChanges: number };

  eventCount = 0;
  private firstAt: string | null = null;
  private lastAt: string | null = null;
  readonly eventsByType = new Map<EventType, number>();
  readonly tally = {
    projects: 0,
    miniContests: 0,
    cancelledProjects: 0,
    submissions: 0,
    revisions: 0,
    withdrawn: 0,
    ratings: 0,
    ratingRemovals: 0,
    messages: 0,
    contracts: 0,
    reviews: 0,
    reports: 0,
    predictedHeld: 0,
    predictedPendingReview: 0,
  };

  readonly messagesByLang: Record<Lang, number> = { en: 0, fr: 0, es: 0 };

  // Rates derived from the size targets.
  readonly meanOriginals: number;
  readonly revisionsPerProject: number;
  readonly threadsPerProject: number;
  readonly rateProbability: number;

  constructor(readonly options: SimulationOptions) {
    this.rng = new Rng(options.seed);
    this.counts = options.counts;
    this.plan = { ...plantPlan(options.counts), ...options.plan };
    this.spanDays = options.spanDays;
    this.endMs = options.endMs;
    this.t0 = Math.floor((options.endMs - options.spanDays * DAY_MS) / 1000) * 1000;
    this.now = this.t0;
    // Room for designers who join during a live demo after the generated span.
    this.designerCapacity = Math.ceil(options.counts.designers * 1.1) + 64;
    this.samplers = CATEGORY_LIST.map(() => new WeightedSampler(this.designerCapacity));
    this.ratingSum = new Int32Array(this.designerCapacity * NCAT);
    this.ratingCount = new Int32Array(this.designerCapacity * NCAT);
    this.refusalQuota = {
      lateReviews: this.plan.lateReviews,
      secondEnablings: this.plan.secondEnablings,
      lateChanges: this.plan.lateChanges,
    };

    const c = options.counts;
    const subsPerProject = c.submissions / c.projects;
    this.revisionsPerProject = 0.05 * subsPerProject;
    // Mini contests (10%) bring about 6 designs; the rest come from contests. The 0.95 makes
    // room for the planted scenarios' projects and the log-normal's tail (measured).
    const miniShare = 0.1;
    this.meanOriginals = Math.max(2, (subsPerProject * 0.95 - this.revisionsPerProject - miniShare * 6) / (1 - miniShare));
    // A contract carries about 3.2 messages of its own (1.9 threads of 1.65 messages).
    const projectMessages = Math.max(0, c.messages - c.contracts * 3.2);
    // A thread carries about 1.6 messages (measured); revision requests add 2 each.
    this.threadsPerProject = Math.max(0.5, (projectMessages / c.projects - 2 * this.revisionsPerProject) / 1.6);
    // About 14% of designs wait for the 48-hour review, and some are withdrawn or arrive too
    // late to be rated before the span ends: 0.8 of them get the chance (measured).
    this.rateProbability = Math.min(0.97, (c.ratings / c.submissions) / 0.8);
  }

  /** Time of the first event emitted, null before any. */
  get firstEventAt(): string | null {
    return this.firstAt;
  }

  /** Time of the latest event emitted, null before any. */
  get lastEventAt(): string | null {
    return this.lastAt;
  }

  /** Schedules work at `t` (whole seconds, never before now). */
  at(t: number, run: () => void): void {
    const rounded = Math.round(t / 1000) * 1000;
    this.agenda.push(rounded < this.now ? this.now : rounded, run);
  }

  iso(ms: number = this.now): string {
    if (ms !== this.isoCacheMs) {
      this.isoCacheMs = ms;
      this.isoCache = new Date(ms).toISOString().slice(0, 19) + 'Z';
    }
    return this.isoCache;
  }

  /** Emits an event at the current time; returns its index in the log. */
  emit(event: MarketplaceEvent): number {
    const index = this.eventCount++;
    this.out.push(event);
    this.eventsByType.set(event.type, (this.eventsByType.get(event.type) ?? 0) + 1);
    if (this.firstAt === null) this.firstAt = event.at;
    this.lastAt = event.at;
    return index;
  }

  /** Emits an event the rules should refuse, and records the refusal the ground truth expects. */
  emitRefused(event: MarketplaceEvent, id: string, reasonCode: string, note: string): void {
    const index = this.emit(event);
    this.refusals.push({ index, at: event.at, type: event.type, id, reasonCode, note });
  }

  addCase(kind: DetectorName, designer: DesignerRec, customer: CustomerRec | null, records: RecordRef[], note: string): void {
    this.ids.case += 1;
    this.cases.push({
      caseId: `case-${this.ids.case}`,
      kind,
      designerId: designer.id,
      ...(customer !== null ? { customerId: customer.id } : {}),
      records,
      at: this.iso(),
      note,
    });
  }

  addDecoy(kind: DetectorName, designer: DesignerRec, customer: CustomerRec | null, records: RecordRef[], note: string): void {
    this.decoys.push({
      kind,
      designerId: designer.id,
      ...(customer !== null ? { customerId: customer.id } : {}),
      records,
      at: this.iso(),
      note,
    });
  }

  pairKey(designer: DesignerRec, customer: CustomerRec): number {
    return designer.idx * 4_194_304 + customer.idx;
  }

  // ---------------------------------------------------------------------------------------
  // Recent designer–customer pairs, where planted behaviour lands

  remember(context: Context): void {
    const size = 4096;
    if (this.contexts.length < size) this.contexts.push(context);
    else this.contexts[this.contextCursor] = context;
    this.contextCursor = (this.contextCursor + 1) % size;
  }

  recentContext(maxAgeMs: number, accept?: (c: Context) => boolean): Context | null {
    for (let tries = 0; tries < 40 && this.contexts.length > 0; tries++) {
      const context = this.rng.pick(this.contexts);
      if (this.now - context.at > maxAgeMs) continue;
      if (!context.designer.active || context.designer.verification !== 'verified' || context.customer.scripted) continue;
      if (accept !== undefined && !accept(context)) continue;
      return context;
    }
    return null;
  }
}
