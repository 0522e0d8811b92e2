// The demo's marketplace (`--dataset demo`, issue 11): the small marketplace, ending in a busy
// week, so that at the clock's start every queue holds something true to show. On top of the
// organic run it schedules a weak cohort (designers whose ratings decline, whom R3 holds), a
// day of new contests whose launch windows close over the next 20 hours with held entries from
// them, a 48-hour queue spread from fresh to a day overdue, more of every R12 scenario, and the
// moderators' shifts: markers in the log where the platform (platform/demo/) decides as the
// marketplace's moderators did, and tells the simulation what it decided.
import type { Category } from '../../core/categories';
import { DAY_MS, HOUR_MS, MINUTE_MS, toMs, type IsoTime } from '../../core/time';
import type { MarketplaceEvent } from '../../core/wire/events';
import { DEFAULT_POLICY } from '../../core/policy';
import * as contests from './contests';
import { belowBenchmark, registerLiveState, type LiveState } from './live';
import { CATEGORY_LIST, NCAT } from './market-profile';
import * as members from './members';
import type { DesignerRec, ProjectRec, SubmissionRec } from './model';
import type { PlantPlan } from './plant-plan';
import { schedulePlants } from './plants';
import { organicRating } from './ratings';
import { Rng } from './rng';
import { Simulation } from './simulation';
import { SIZES, type SizeCounts } from './sizes';

const policy = DEFAULT_POLICY;

/** The small marketplace's size: it generates and replays in seconds. */
export const DEMO_SIZE: SizeCounts = { ...SIZES.small };

/** Twice the small size's rarer scenarios, so each R12 detector still has open flags after the shifts decided some. */
export const DEMO_PLANTS: Partial<PlantPlan> = {
  pressure: 16,
  incentive: 10,
  ratingRaised: 8,
  bursts: 4,
  rings: 4,
  feedbackChangePatterns: 4,
  duplicateTexts: 4,
  unfoundedReports: 3,
};

/** The demo's queues at the clock's start (what test/platform/demo.test.ts holds it to). */
export const DEMO_QUEUES = {
  /** Contests launched in the last day whose launch windows (R2) close 5 minutes to 20 hours after the start. */
  heldContests: 22,
  /** Low-rated designers entering each in its window. */
  heldEntrants: { min: 2, max: 3 },
  /** Submissions from unverified designers kept undecided, by age at the start in hours (R4: due at 48). */
  waiting: [
    { count: 18, fromHours: 0.1, toHours: 12 },
    { count: 20, fromHours: 12, toHours: 36 },
    { count: 12, fromHours: 36, toHours: 47.8 },
    { count: 10, fromHours: 50, toHours: 72 },
  ],
} as const;

/** Shifts: the quality team every 8 hours for the last 11 days, trust and safety daily for the last 8. */
const QUALITY_SHIFTS = { fromDays: 11, everyHours: 8, jitterMinutes: 40 };
const TRUST_SHIFTS = { fromDays: 8, everyHours: 24, jitterMinutes: 90 };

/** A place in the log where the marketplace's moderators worked (platform/demo/shifts.ts decides what they did). */
export interface DemoShift {
  readonly kind: 'shift';
  readonly team: 'quality' | 'trust_safety';
  readonly atMs: number;
  /** Counts the team's shifts from 0, so the platform can name who worked it. */
  readonly index: number;
}

/**
 * What a shift tells the simulation it decided, so the marketplace goes on as the decisions left
 * it: an approved design can be rated, a rejected one never is, a suspended designer stops
 * entering, voided ratings leave the R1 tallies the generator predicts holds with.
 */
export interface DemoMarket {
  /** Submissions the demo keeps in the 48-hour queue for the start: no shift decides them. */
  keptWaiting(submissionId: string): boolean;
  approved(submissionId: string, projectId: string, visibleFromMs: number): void;
  rejected(submissionId: string, projectId: string): void;
  suspended(designerId: string, untilMs: number): void;
  voided(ratings: ReadonlyArray<{ designerId: string; category: Category; stars: number }>): void;
}

export interface DemoRun {
  readonly targets: SizeCounts;
  readonly market: DemoMarket;
  /** The events in time order with the shifts among them; yields once. */
  items(): Generator<MarketplaceEvent | DemoShift>;
  /** The running marketplace, for `liveTick` (after `items()` is exhausted). */
  liveState(): LiveState;
}

export interface DemoOptions {
  seed: number;
  /** The dataset's clock ends here: the platform's clock starts at it. */
  start: IsoTime;
}

export function generateDemo(options: DemoOptions): DemoRun {
  if (!Number.isInteger(options.seed)) throw new RangeError('seed must be an integer');
  const endMs = toMs(options.start);
  const sim = new Simulation({ seed: options.seed, counts: DEMO_SIZE, endMs, spanDays: 90, plan: DEMO_PLANTS });
  sim.start();
  schedulePlants(sim);
  const week = new BusyWeek(sim, new Rng(options.seed * 7919 + 17));
  week.schedule();
  const shifts = shiftTimes(sim.endMs, new Rng(options.seed * 104_729 + 3));
  let state: 'fresh' | 'running' | 'done' = 'fresh';
  return {
    targets: DEMO_SIZE,
    market: week,
    items: function* () {
      if (state !== 'fresh') throw new Error('a demo run yields its events once');
      state = 'running';
      for (const shift of shifts) {
        yield* sim.run(shift.atMs);
        yield shift;
      }
      yield* sim.run(endMs);
      state = 'done';
    },
    liveState: () => {
      if (state !== 'done') throw new Error('liveState() is available once items() has been read to the end');
      return registerLiveState(sim);
    },
  };
}

function shiftTimes(endMs: number, rng: Rng): DemoShift[] {
  const shifts: DemoShift[] = [];
  const team = (name: DemoShift['team'], plan: typeof QUALITY_SHIFTS) => {
    let index = 0;
    for (let t = endMs - plan.fromDays * DAY_MS; t < endMs - 10 * MINUTE_MS; t += plan.everyHours * HOUR_MS) {
      const atMs = Math.round((t + rng.between(0, plan.jitterMinutes * MINUTE_MS)) / 1000) * 1000;
      if (atMs < endMs - 10 * MINUTE_MS) shifts.push({ kind: 'shift', team: name, atMs, index: index++ });
    }
  };
  team('quality', QUALITY_SHIFTS);
  team('trust_safety', TRUST_SHIFTS);
  return shifts.sort((a, b) => a.atMs - b.atMs);
}

/** The demo's additions to the simulation, and the simulation's side of the shifts' decisions. */
class BusyWeek implements DemoMarket {
  private readonly kept = new Set<string>();
  private readonly designerById = new Map<string, DesignerRec>();
  /** Held entries planned per designer: three at most, so the queue shows many designers. */
  private readonly heldPerDesigner = new Map<DesignerRec, number>();

  constructor(
    private readonly sim: Simulation,
    /** The demo's own draws, so its choices do not shift the organic marketplace's. */
    private readonly rng: Rng,
  ) {}

  schedule(): void {
    const { sim } = this;
    // Weak designers R3 exists for: after three weeks of ordinary work, their ratings fall.
    sim.at(sim.t0 + 21 * DAY_MS, () => this.weakenCohort(24));
    this.scheduleHeldContests();
    this.scheduleWaitingQueue();
  }

  // -------------------------------------------------------------------------------------
  // The weak cohort

  private weakenCohort(n: number): void {
    const { sim, rng } = this;
    const candidates = sim.designers.filter((d) => d.active && d.verification === 'verified' && !d.planted && (sim.ratingCount[d.idx * NCAT + (d.cats[0] ?? 0)] ?? 0) >= 2);
    for (let i = 0; i < n && candidates.length > 0; i++) {
      const designer = candidates.splice(rng.int(candidates.length), 1)[0];
      const quality = designer === undefined ? undefined : sim.designerQuality.get(designer.idx);
      if (designer === undefined || quality === undefined) continue;
      quality.mu[designer.cats[0] ?? 0] = rng.between(1.2, 2.0);
      // Busy enough to be rated often, and to enter the contests below.
      designer.activity = Math.max(designer.activity, rng.between(3, 8));
      members.updateWeights(sim, designer);
    }
  }

  // -------------------------------------------------------------------------------------
  // The hold queue: contests of the last day, low-rated designers in their launch windows

  private scheduleHeldContests(): void {
    const { sim, rng } = this;
    const n = DEMO_QUEUES.heldContests;
    // Release times spread from 5 minutes to 20 hours after the start, and one more contest in the
    // first hour: a contest's entrants can all fail to be held (a designer's rating moved on the
    // platform before the entry), and the demo must open with a design about to be released.
    const releases = Array.from({ length: n }, (_, i) => 5 * MINUTE_MS + ((i + rng.next()) / n) * (20 * HOUR_MS - 5 * MINUTE_MS));
    releases.push(5 * MINUTE_MS + rng.next() * 50 * MINUTE_MS);
    for (const release of releases) {
      const releaseAt = sim.endMs + release;
      // A 10–14 day contest has a 24-hour window (R2); a 7-day one 16.8 hours, when that leaves time to enter.
      const week = releaseAt < sim.endMs + 15 * HOUR_MS && rng.chance(0.35);
      const durationMs = week ? 7 * DAY_MS : rng.pick([10, 12, 14]) * DAY_MS;
      const windowMs = Math.min(policy.launchWindow.maxHours * HOUR_MS, Math.max(policy.launchWindow.minHours * HOUR_MS, policy.launchWindow.fraction * durationMs));
      const launchAt = releaseAt - windowMs;
      sim.at(launchAt, () => this.heldContest(durationMs));
    }
  }

  private heldContest(durationMs: number): void {
    const { sim, rng } = this;
    const byCat = this.lowRatedByCategory();
    const cats = byCat.map((list, cat) => ({ cat, n: list.filter((d) => (this.heldPerDesigner.get(d) ?? 0) < 3).length })).filter((c) => c.n >= 2);
    const customer = members.pickCustomer(sim);
    if (cats.length === 0 || customer === null) return;
    const { cat } = rng.pick(cats);
    const project = contests.launchProject(sim, customer, cat, 'contest', durationMs, false);
    const pool = (byCat[cat] ?? []).filter((d) => (this.heldPerDesigner.get(d) ?? 0) < 3);
    const entrants = Math.min(pool.length, rng.intBetween(DEMO_QUEUES.heldEntrants.min, DEMO_QUEUES.heldEntrants.max));
    // Inside the window and before the start, so every one is held at the start.
    const latest = Math.min(project.launchEnd, sim.endMs) - 10 * MINUTE_MS;
    for (let e = 0; e < entrants; e++) {
      const designer = pool.splice(rng.int(pool.length), 1)[0];
      if (designer === undefined) continue;
      this.heldPerDesigner.set(designer, (this.heldPerDesigner.get(designer) ?? 0) + 1);
      sim.at(rng.between(project.launchedAt + 5 * MINUTE_MS, Math.max(project.launchedAt + 6 * MINUTE_MS, latest)), () => {
        if (designer.active && contests.isOpen(sim, project) && belowBenchmark(sim, designer, cat)) contests.submit(sim, project, designer, 'original', false);
      });
    }
  }

  /** Verified, active designers rated under the benchmark, per category. */
  private lowRatedByCategory(): DesignerRec[][] {
    const byCat: DesignerRec[][] = CATEGORY_LIST.map(() => []);
    for (const designer of this.sim.designers) {
      if (!designer.active) continue;
      for (const cat of designer.cats) if (belowBenchmark(this.sim, designer, cat)) byCat[cat]?.push(designer);
    }
    return byCat;
  }

  // -------------------------------------------------------------------------------------
  // The 48-hour queue: long contests, unverified designers entering at chosen ages

  private scheduleWaitingQueue(): void {
    const { sim, rng } = this;
    // Contests open for two weeks from three days before the start, so nothing waiting expires.
    sim.at(sim.endMs - 76 * HOUR_MS, () => {
      for (let i = 0; i < 6; i++) {
        const customer = members.pickCustomer(sim);
        if (customer !== null) contests.launchProject(sim, customer, rng.int(NCAT), 'contest', 14 * DAY_MS, false);
      }
    });
    for (const band of DEMO_QUEUES.waiting) {
      for (let i = 0; i < band.count; i++) {
        const age = band.fromHours + ((i + rng.next()) / band.count) * (band.toHours - band.fromHours);
        sim.at(sim.endMs - age * HOUR_MS, () => this.waitingEntry());
      }
    }
  }

  private waitingEntry(): void {
    const { sim, rng } = this;
    const projects = sim.openProjects.filter((p) => p.kind === 'contest' && !p.customer.scripted && p.endsAt > sim.endMs + DAY_MS && contests.isOpen(sim, p));
    const designers = sim.designers.filter((d) => d.active && d.verification !== 'verified');
    if (projects.length === 0 || designers.length === 0) return;
    const designer = rng.pick(designers);
    const own = projects.filter((p) => designer.cats.includes(p.cat));
    const project = rng.pick(own.length > 0 ? own : projects);
    // Scripted: nobody rates or withdraws it while it waits.
    const sub = contests.submit(sim, project, designer, 'original', true);
    this.kept.add(sub.id);
  }

  // -------------------------------------------------------------------------------------
  // DemoMarket: what the shifts decided

  keptWaiting(submissionId: string): boolean {
    return this.kept.has(submissionId);
  }

  approved(submissionId: string, projectId: string, visibleFromMs: number): void {
    const sub = this.submission(submissionId, projectId);
    if (sub === undefined || sub.visibleAt <= visibleFromMs) return;
    const wasWaiting = sub.visibleAt === Infinity;
    sub.visibleAt = visibleFromMs;
    // A design approved out of the 48-hour queue can now be rated, as any visible one.
    if (wasWaiting && !sub.scripted && this.sim.rng.chance(this.sim.rateProbability)) {
      const t = visibleFromMs + 10 * MINUTE_MS + this.sim.rng.exponential(18 * HOUR_MS);
      if (t < sub.project.endsAt + 5 * DAY_MS) this.sim.at(t, () => organicRating(this.sim, sub));
    }
  }

  rejected(submissionId: string, projectId: string): void {
    const sub = this.submission(submissionId, projectId);
    if (sub === undefined) return;
    // Never shown: nobody rates it, and there is nothing left to withdraw.
    sub.visibleAt = Infinity;
    sub.scripted = true;
  }

  suspended(designerId: string, untilMs: number): void {
    const designer = this.designer(designerId);
    if (designer === undefined || !designer.active) return;
    designer.active = false;
    members.updateWeights(this.sim, designer);
    // The platform ends the suspension by itself (a timer), so the log says nothing then.
    this.sim.at(untilMs, () => {
      designer.active = true;
      members.updateWeights(this.sim, designer);
    });
  }

  voided(ratings: ReadonlyArray<{ designerId: string; category: Category; stars: number }>): void {
    for (const rating of ratings) {
      const designer = this.designer(rating.designerId);
      const cat = CATEGORY_LIST.indexOf(rating.category);
      if (designer === undefined || cat < 0) continue;
      const k = designer.idx * NCAT + cat;
      this.sim.ratingSum[k] = (this.sim.ratingSum[k] ?? 0) - rating.stars;
      this.sim.ratingCount[k] = (this.sim.ratingCount[k] ?? 0) - 1;
    }
  }

  private submission(submissionId: string, projectId: string): SubmissionRec | undefined {
    const project: ProjectRec | undefined = this.sim.openProjects.find((p) => p.id === projectId);
    return project?.subs.find((s) => s.id === submissionId);
  }

  private designer(designerId: string): DesignerRec | undefined {
    if (this.designerById.size !== this.sim.designers.length) {
      for (const d of this.sim.designers) this.designerById.set(d.id, d);
    }
    return this.designerById.get(designerId);
  }
}
