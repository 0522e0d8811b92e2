// The marketplace simulation behind the dataset generator. A time-ordered agenda (agenda.ts)
// runs arrivals (designers, customers, projects, contracts) and everything they set off
// (submissions, ratings, messages, reviews); each task emits its events at its own time, so
// the log comes out in time order without ever being held or sorted as a whole.
//
// The generator predicts what the rules will do (R3 holds, R4 reviews, R7 eligibility, R8
// publication) with its own running tallies, so it can behave like real people do — rate what
// they can see, enter only mini contests they may enter — and so it knows which few events it
// deliberately sends for the rules to refuse.
import { CATEGORY_IDS, type Category } from '../../core/categories';
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { EVENT_TYPES, type EventType, type MarketplaceEvent } from '../../core/wire/events';
import { Agenda } from './agenda';
import type { Context, ContractRec, CustomerRec, DesignerRec, Party, ProjectRec, ReviewRec, SubmissionRec, Verification } from './model';
import { Rng } from './rng';
import { WeightedSampler } from './sampler';
import type { SizeCounts } from './sizes';
import { fill, type Lang } from './text/fill';
import { MESSAGES, SLOTS, type MessageKind } from './text/messages';
import { BRAND_NAMES, BUSINESS_KINDS, CONTRACT_TITLES, COUNTRIES, FIRST_NAMES, LAST_NAMES, TITLES } from './text/names';
import {
  CLIENT_REVIEW,
  DESIGNER_REVIEW,
  INTERIM_REVIEW,
  RAISED_REVIEW,
  REASONS_ENDED,
  REPORT_BODIES,
  REVIEW_SLOTS,
  WORDLESS_REVIEWS,
  type ReportCategory,
  type Tone,
} from './text/reviews';
import type { Decoy, DatasetStats, ExpectedRefusal, PlantedCase, PlantedMessage, RecordRef } from './truth';
import type { DetectorName, REVIEW_CATEGORIES } from '../../core/wire/entities';

export const CATEGORY_LIST: readonly Category[] = CATEGORY_IDS;
export const NCAT = CATEGORY_LIST.length;

/** How much each category is asked for, and how its designers are rated ("categories with their own rating distributions"). */
const CATEGORY_PROFILE = {
  logo: { share: 0.3, mean: 3.55, sd: 0.55 },
  web: { share: 0.15, mean: 3.35, sd: 0.6 },
  app: { share: 0.07, mean: 3.45, sd: 0.55 },
  brand_identity: { share: 0.12, mean: 3.6, sd: 0.5 },
  print: { share: 0.1, mean: 3.75, sd: 0.5 },
  packaging: { share: 0.08, mean: 3.5, sd: 0.55 },
  illustration: { share: 0.08, mean: 3.85, sd: 0.6 },
  social_media: { share: 0.1, mean: 3.65, sd: 0.5 },
} satisfies Record<Category, { share: number; mean: number; sd: number }>;

export const CATEGORY_SHARES = CATEGORY_LIST.map((c) => CATEGORY_PROFILE[c].share);

/** Contest lengths in hours: 1 to 10 days, so launch windows (R2) run from 2.4 h to the 24 h cap. */
const CONTEST_HOURS = [24, 36, 48, 72, 96, 120, 168, 240];
const CONTEST_HOURS_WEIGHTS = [0.1, 0.05, 0.1, 0.2, 0.1, 0.15, 0.18, 0.12];
const MINI_HOURS = [48, 72, 120, 168];

const LANG_WEIGHTS = [0.6, 0.2, 0.2];
const LANG_OF: readonly Lang[] = ['en', 'fr', 'es'];

const policy = DEFAULT_POLICY;
const BENCHMARK_HUNDREDTHS = Math.round(policy.rating.benchmark * 100);
const MINI_RATING_HUNDREDTHS = Math.round(policy.miniContest.minRating * 100);
const MINI_FEEDBACK_HUNDREDTHS = Math.round(policy.miniContest.minPositiveFeedbackPct * 100);
const REVIEW_WINDOW_MS = policy.reviews.windowDays * DAY_MS;
const FEEDBACK_CHANGE_MS = policy.feedbackChange.windowDays * DAY_MS;
const INTERIM_AFTER_MS = policy.feedbackRequest.minContractDays * DAY_MS;
const MIN_TEXT_LETTERS = policy.feedback.minTextLetters;
const RAISE_WITHIN_MS = policy.detectors.ratingRaisedAfterContact.withinHours * HOUR_MS;
const BURST = policy.detectors.newAccountBurst;

export interface SimulationOptions {
  seed: number;
  counts: SizeCounts;
  /** The dataset's clock ends here (epoch ms). */
  endMs: number;
  spanDays: number;
}

/** Planted and refused work the dataset must carry, scaled with its size. */
export interface PlantPlan {
  pressure: number;
  incentive: number;
  ratingRaised: number;
  bursts: number;
  rings: number;
  feedbackChangePatterns: number;
  duplicateTexts: number;
  benignRaiseDecoys: number;
  unfoundedReports: number;
  contestFull: number;
  lateReviews: number;
  secondEnablings: number;
  lateChanges: number;
}

export function plantPlan(counts: SizeCounts): PlantPlan {
  const per1000 = (rate: number, min: number): number => Math.max(min, Math.round((counts.designers / 1000) * rate));
  return {
    pressure: per1000(30, 12),
    incentive: per1000(12, 6),
    ratingRaised: per1000(10, 5),
    bursts: per1000(3, 2),
    rings: per1000(3, 2),
    feedbackChangePatterns: per1000(3, 2),
    duplicateTexts: per1000(3, 2),
    benignRaiseDecoys: per1000(4, 2),
    unfoundedReports: per1000(2, 1),
    contestFull: per1000(1, 2),
    lateReviews: per1000(1, 2),
    secondEnablings: per1000(1, 2),
    lateChanges: per1000(0.5, 1),
  };
}

export type ReviewCategoriesInput = Partial<Record<(typeof REVIEW_CATEGORIES)[number], number>>;

export interface ReviewStars {
  overall?: number;
  categories?: ReviewCategoriesInput;
}

const REVIEW_CATEGORY_NAMES = ['skills', 'quality', 'availability', 'deadlines', 'communication', 'cooperation'] as const;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const LETTER = /\p{L}/gu;
function textCounts(text: string): boolean {
  return (text.match(LETTER)?.length ?? 0) >= MIN_TEXT_LETTERS;
}

export class Simulation {
  readonly rng: Rng;
  readonly agenda = new Agenda();
  readonly counts: SizeCounts;
  readonly plan: PlantPlan;
  readonly t0: number;
  readonly endMs: number;
  readonly spanDays: number;
  now: number;

  private out: MarketplaceEvent[] = [];
  private isoCacheMs = -1;
  private isoCache = '';

  readonly designers: DesignerRec[] = [];
  readonly customers: CustomerRec[] = [];
  private readonly freshCustomers: CustomerRec[] = [];
  readonly designerCapacity: number;
  readonly samplers: WeightedSampler[];
  /** R1 running tallies per designer and category: [designer * NCAT + category]. */
  readonly ratingSum: Int32Array;
  readonly ratingCount: Int32Array;
  readonly openProjects: ProjectRec[] = [];
  /** Per category, designers with at least one published client review: R7's candidates. */
  private readonly withFeedback: DesignerRec[][] = CATEGORY_LIST.map(() => []);
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
  private firstEventAt: string | null = null;
  private lastEventAt: string | null = null;
  private readonly byType = new Map<EventType, number>();
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
  private readonly meanOriginals: number;
  private readonly revisionsPerProject: number;
  private readonly threadsPerProject: number;
  private readonly rateProbability: number;
  private readonly designerLimit: number;
  private readonly customerLimit: number;
  private live = false;

  constructor(readonly options: SimulationOptions) {
    this.rng = new Rng(options.seed);
    this.counts = options.counts;
    this.plan = plantPlan(options.counts);
    this.spanDays = options.spanDays;
    this.endMs = options.endMs;
    this.t0 = Math.floor((options.endMs - options.spanDays * DAY_MS) / 1000) * 1000;
    this.now = this.t0;
    // Room for designers who join during a live demo after the generated span.
    this.designerCapacity = Math.ceil(options.counts.designers * 1.1) + 64;
    this.designerLimit = options.counts.designers;
    this.customerLimit = options.counts.customers;
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

  // ---------------------------------------------------------------------------------------
  // Running

  /** Runs every task due up to `untilMs` and yields their events in time order. */
  *run(untilMs: number): Generator<MarketplaceEvent> {
    const agenda = this.agenda;
    while (agenda.peekTime() <= untilMs) {
      const task = agenda.pop();
      if (task === undefined) break;
      this.now = task.at;
      task.run();
      if (this.out.length > 0) {
        const batch = this.out;
        this.out = [];
        for (const event of batch) yield event;
      }
    }
    if (untilMs > this.now && untilMs !== Infinity) this.now = Math.floor(untilMs / 1000) * 1000;
  }

  /** Schedules work at `t` (whole seconds, never before now). */
  at(t: number, run: () => void): void {
    const rounded = Math.round(t / 1000) * 1000;
    this.agenda.push(rounded < this.now ? this.now : rounded, run);
  }

  /** From here on the simulation is feeding a live demo: arrivals continue past their targets. */
  goLive(): void {
    this.live = true;
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
    this.byType.set(event.type, (this.byType.get(event.type) ?? 0) + 1);
    if (this.firstEventAt === null) this.firstEventAt = event.at;
    this.lastEventAt = event.at;
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

  // ---------------------------------------------------------------------------------------
  // Start: arrival processes

  start(): void {
    const span = this.spanDays * DAY_MS;
    const members = (limit: number, count: () => number) => ({ limit, count });
    this.arrivals(this.counts.designers, 0, 0.4, 3 * DAY_MS, span, members(this.designerLimit, () => this.designers.length), () => {
      this.joinDesigner();
    });
    this.arrivals(this.counts.customers, 0, 0.2, 3 * DAY_MS, span, members(this.customerLimit, () => this.customers.length), () => {
      const customer = this.joinCustomer(false);
      this.freshCustomers.push(customer);
    });
    this.arrivals(this.counts.projects, 0.5 * DAY_MS, 0, 0, span, null, () => this.organicProject());
    this.arrivals(this.counts.contracts, 3 * DAY_MS, 0, 0, span, null, () => this.organicContract());
    this.at(this.t0 + DAY_MS, () => this.forgetOldContacts());
    // Reports that are not about ratings: copied entries, rudeness, no-shows.
    this.arrivals(Math.max(1, Math.round(this.counts.submissions / 2500)), 2 * DAY_MS, 0, 0, span, null, () => this.otherReport());
  }

  /**
   * Exactly `total` arrivals between `offsetMs` and the end of the span: `share` of them
   * during the first `openingMs` (a marketplace's existing members, as the log first sees
   * them), the rest spread uniformly. Sorted uniform times are drawn one at a time (each the
   * minimum of the uniforms left), so nothing is pre-generated, and counts do not wander
   * with the seed. Past the span the process continues at the later rate for a live demo —
   * up to `members.limit` × 1.08 for designers and customers.
   */
  private arrivals(
    total: number,
    offsetMs: number,
    share: number,
    openingMs: number,
    spanMs: number,
    members: { limit: number; count: () => number } | null,
    arrive: () => void,
  ): void {
    const opening = Math.round(total * share);
    const phases = [
      { from: this.t0 + offsetMs, length: openingMs, n: opening },
      { from: this.t0 + offsetMs + openingMs, length: spanMs - offsetMs - openingMs, n: total - opening },
    ];
    const laterGap = (spanMs - offsetMs - openingMs) / Math.max(1, total - opening);
    let phase = 0;
    let k = 0;
    let u = 0;
    const schedule = (): void => {
      for (;;) {
        const current = phases[phase];
        if (current === undefined) {
          this.at(this.now + this.rng.exponential(laterGap), live);
          return;
        }
        if (k < current.n) {
          u = 1 - (1 - u) * Math.pow(this.rng.next(), 1 / (current.n - k));
          k += 1;
          this.at(current.from + u * current.length, fire);
          return;
        }
        phase += 1;
        k = 0;
        u = 0;
      }
    };
    const fire = (): void => {
      arrive();
      schedule();
    };
    // Past the span the process idles rather than stops, so a live demo can pick it up.
    const live = (): void => {
      if (this.live && (members === null || members.count() < Math.ceil(members.limit * 1.08))) arrive();
      this.at(this.now + this.rng.exponential(laterGap), live);
    };
    schedule();
  }

  // ---------------------------------------------------------------------------------------
  // Designers and customers

  joinDesigner(): DesignerRec | null {
    const idx = this.designers.length;
    if (idx >= this.designerCapacity) return null;
    const rng = this.rng;
    const lang = LANG_OF[rng.weighted(LANG_WEIGHTS)] ?? 'en';
    const first = rng.pick(FIRST_NAMES[lang]);
    const last = rng.pick(LAST_NAMES[lang]);
    const country = rng.pick(COUNTRIES[lang]);
    // R4: one in five designers starts unverified; under half of them are verified later.
    const verification: Verification = rng.chance(0.2) ? 'unverified' : 'verified';
    const primary = rng.weighted(CATEGORY_SHARES);
    const cats = [primary];
    const affinity = [1];
    for (const extra of [0.5, 0.25]) {
      if (!rng.chance(extra)) continue;
      const c = rng.weighted(CATEGORY_SHARES);
      if (cats.includes(c)) continue;
      cats.push(c);
      affinity.push(rng.between(0.2, 0.6));
    }
    const designer: DesignerRec = {
      idx,
      id: `d${idx + 1}`,
      lang,
      first,
      verification,
      active: true,
      planted: false,
      cats,
      affinity,
      activity: Math.min(40, rng.pareto(1.6)),
      publishedPositive: 0,
      publishedCounted: 0,
      enablings: [],
      youngFiveStars: [],
    };
    // Latent quality per category: a general skill plus a per-category part; about 7% are
    // weak in one of their categories, the designers R3 exists for.
    const skill = rng.normal();
    const mu = new Float64Array(NCAT);
    for (let c = 0; c < NCAT; c++) {
      const profile = CATEGORY_PROFILE[CATEGORY_LIST[c] ?? 'logo'];
      mu[c] = profile.mean + profile.sd * (0.75 * skill + 0.66 * rng.normal());
    }
    if (rng.chance(0.07)) mu[rng.chance(0.6) ? primary : rng.pick(cats)] = rng.between(1.4, 2.3);
    this.designerQuality.set(idx, { skill, mu });
    this.designers.push(designer);
    this.emit({
      at: this.iso(),
      type: 'designer.joined',
      data: {
        id: designer.id,
        handle: `${slug(first)}${slug(last).slice(0, 12)}_${idx.toString(36)}`,
        displayName: `${first} ${last}`,
        country,
        verification,
      },
    });
    this.updateWeights(designer);
    this.planDesignerLife(designer);
    return designer;
  }

  /** Latent quality, kept beside the record so the record stays small and plain. */
  private readonly designerQuality = new Map<number, { skill: number; mu: Float64Array }>();

  skillOf(designer: DesignerRec): number {
    return this.designerQuality.get(designer.idx)?.skill ?? 0;
  }

  private muOf(designer: DesignerRec, cat: number): number {
    return this.designerQuality.get(designer.idx)?.mu[cat] ?? 3;
  }

  updateWeights(designer: DesignerRec): void {
    const factor = !designer.active ? 0 : designer.verification === 'revoked' ? 0.5 : 1;
    for (let k = 0; k < designer.cats.length; k++) {
      const cat = designer.cats[k] ?? 0;
      this.samplers[cat]?.set(designer.idx, designer.activity * (designer.affinity[k] ?? 0) * factor);
    }
  }

  /** Verification changes and the odd suspension, over the designer's time in the log. */
  private planDesignerLife(designer: DesignerRec): void {
    const rng = this.rng;
    if (designer.verification === 'unverified') {
      if (rng.chance(0.45)) this.at(this.now + Math.max(DAY_MS, rng.exponential(14 * DAY_MS)), () => this.changeVerification(designer, 'verified'));
    } else if (rng.chance(0.03)) {
      this.at(this.now + rng.between(2 * DAY_MS, 70 * DAY_MS), () => {
        if (designer.verification !== 'verified') return;
        this.changeVerification(designer, 'revoked');
        if (rng.chance(0.35)) this.at(this.now + Math.max(DAY_MS, rng.exponential(10 * DAY_MS)), () => this.changeVerification(designer, 'verified'));
      });
    }
    if (rng.chance(0.004)) {
      this.at(this.now + rng.between(3 * DAY_MS, 60 * DAY_MS), () => {
        if (designer.planted || !designer.active) return;
        const until = this.now + rng.intBetween(7, 30) * DAY_MS;
        designer.active = false;
        this.updateWeights(designer);
        this.emit({ at: this.iso(), type: 'designer.status_changed', data: { id: designer.id, accountStatus: 'suspended', suspendedUntil: this.iso(until) } });
        this.at(until, () => {
          designer.active = true;
          this.updateWeights(designer);
          this.emit({ at: this.iso(), type: 'designer.status_changed', data: { id: designer.id, accountStatus: 'active' } });
        });
      });
    } else if (rng.chance(0.003)) {
      this.at(this.now + rng.between(3 * DAY_MS, 60 * DAY_MS), () => {
        if (designer.planted || !designer.active) return;
        this.emit({ at: this.iso(), type: 'designer.status_changed', data: { id: designer.id, accountStatus: 'warned' } });
      });
    }
  }

  changeVerification(designer: DesignerRec, to: Verification): void {
    if (designer.verification === to) return;
    if (designer.planted && to !== 'verified') return;
    designer.verification = to;
    this.updateWeights(designer);
    this.emit({ at: this.iso(), type: 'designer.verification_changed', data: { id: designer.id, verification: to } });
  }

  joinCustomer(scripted: boolean): CustomerRec {
    const rng = this.rng;
    const idx = this.customers.length;
    const lang = LANG_OF[rng.weighted(LANG_WEIGHTS)] ?? 'en';
    const brand = rng.pick(BRAND_NAMES);
    const kind = rng.pick(BUSINESS_KINDS[lang]);
    const customer: CustomerRec = {
      idx,
      id: `c${idx + 1}`,
      lang,
      createdAt: this.now,
      brand,
      kind,
      bias: 0.35 * rng.normal(),
      scripted,
    };
    this.customers.push(customer);
    const displayName = rng.chance(0.5)
      ? `${rng.pick(FIRST_NAMES[lang])} ${rng.pick(LAST_NAMES[lang]).charAt(0)}.`
      : lang === 'en'
        ? `${brand} ${kind.split(' ').map(capitalise).join(' ')}`
        : `${capitalise(kind)} ${brand}`;
    this.emit({ at: this.iso(), type: 'customer.joined', data: { id: customer.id, displayName } });
    return customer;
  }

  /** An existing customer for organic work: a newcomer waiting to start, or anyone non-scripted. */
  pickCustomer(): CustomerRec | null {
    while (this.freshCustomers.length > 0) {
      const fresh = this.freshCustomers.pop();
      if (fresh !== undefined && this.now - fresh.createdAt < 4 * DAY_MS) return fresh;
    }
    for (let tries = 0; tries < 8 && this.customers.length > 0; tries++) {
      const customer = this.rng.pick(this.customers);
      if (!customer.scripted) return customer;
    }
    return null;
  }

  /** A designer working in `cat`, weighted by activity; null when the category has nobody yet. */
  pickDesigner(cat: number): DesignerRec | null {
    const sampler = this.samplers[cat];
    if (sampler === undefined) return null;
    const idx = sampler.sample(this.rng.next());
    return idx < 0 ? null : (this.designers[idx] ?? null);
  }

  // ---------------------------------------------------------------------------------------
  // Projects and submissions

  private organicProject(): void {
    const customer = this.pickCustomer();
    if (customer === null) return;
    const rng = this.rng;
    const cat = rng.weighted(CATEGORY_SHARES);
    // Mini contests need designers with ratings and feedback (R7): none in the first weeks.
    const mini = this.now > this.t0 + 14 * DAY_MS && rng.chance(0.1);
    const hours = mini ? rng.pick(MINI_HOURS) : (CONTEST_HOURS[rng.weighted(CONTEST_HOURS_WEIGHTS)] ?? 72);
    const jitter = hours < 240 ? rng.intBetween(0, 5) * HOUR_MS : 0;
    this.launchProject(customer, cat, mini ? 'mini_contest' : 'contest', hours * HOUR_MS + jitter, false);
  }

  /**
   * Launches a project and plans its life: entries (unless `organicEntries` is false, when a
   * planted scenario brings its own), revision requests, message threads, the end.
   */
  launchProject(
    customer: CustomerRec,
    cat: number,
    kind: ProjectRec['kind'],
    durationMs: number,
    scripted: boolean,
    organicEntries = true,
  ): ProjectRec {
    const rng = this.rng;
    this.ids.project += 1;
    const { fraction, minHours, maxHours } = policy.launchWindow;
    const windowMs = Math.round(Math.min(maxHours * HOUR_MS, Math.max(minHours * HOUR_MS, fraction * durationMs)));
    const project: ProjectRec = {
      id: `p${this.ids.project}`,
      customer,
      cat,
      kind,
      launchedAt: this.now,
      endsAt: this.now + durationMs,
      launchEnd: this.now + windowMs,
      status: 'open',
      subs: [],
      entrants: new Map(),
      openIndex: this.openProjects.length,
      scripted,
    };
    this.openProjects.push(project);
    this.tally.projects += 1;
    if (kind === 'mini_contest') this.tally.miniContests += 1;
    const category = CATEGORY_LIST[cat] ?? 'logo';
    const title = fill(rng, rng.pick(TITLES[customer.lang][category] ?? ['{brand}']), {}, { brand: customer.brand, kind: customer.kind });
    this.emit({
      at: this.iso(),
      type: 'project.launched',
      data: { id: project.id, customerId: customer.id, title, category, kind, endsAt: this.iso(project.endsAt) },
    });

    const duration = project.endsAt - project.launchedAt;
    if (!organicEntries) {
      // The scenario enters its own designers.
    } else if (kind === 'contest') {
      const n = Math.max(2, Math.min(120, Math.round(rng.logNormal(this.meanOriginals / Math.exp(0.125), 0.5))));
      for (let i = 0; i < n; i++) {
        // Designers crowd into the launch window (R2), when a new contest gets attention.
        const t = rng.chance(0.3)
          ? project.launchedAt + rng.next() * windowMs
          : project.launchEnd + rng.next() * (duration - windowMs);
        this.at(Math.min(t, project.endsAt - MINUTE_MS), () => this.contestEntry(project));
      }
    } else {
      this.planMiniContest(project);
    }
    const revisions = rng.poisson(this.revisionsPerProject);
    for (let i = 0; i < revisions; i++) this.at(project.launchedAt + rng.between(0.15, 0.85) * duration, () => this.revisionRequest(project));
    const threads = rng.poisson(this.threadsPerProject);
    for (let i = 0; i < threads; i++) this.at(project.launchedAt + rng.between(0.05, 1.1) * duration, () => this.projectThread(project));
    if (!scripted && rng.chance(0.02)) {
      this.at(project.launchedAt + rng.between(0.2, 0.8) * duration, () => this.endProject(project, 'cancelled'));
    }
    this.at(project.endsAt, () => this.endProject(project, 'closed'));
    return project;
  }

  endProject(project: ProjectRec, how: 'closed' | 'cancelled'): void {
    if (project.status !== 'open') return;
    project.status = how;
    const last = this.openProjects.pop();
    if (last !== undefined && last !== project) {
      this.openProjects[project.openIndex] = last;
      last.openIndex = project.openIndex;
    }
    project.openIndex = -1;
    if (how === 'cancelled') this.tally.cancelledProjects += 1;
    this.emit({ at: this.iso(), type: how === 'closed' ? 'project.closed' : 'project.cancelled', data: { id: project.id } });
  }

  isOpen(project: ProjectRec): boolean {
    return project.status === 'open' && this.now >= project.launchedAt && this.now < project.endsAt;
  }

  private contestEntry(project: ProjectRec): void {
    if (!this.isOpen(project)) return;
    // Designers send one to three concepts to a contest; the busiest ones spread out.
    for (let tries = 0; tries < 4; tries++) {
      const designer = this.pickDesigner(project.cat);
      if (designer === null) return;
      if ((project.entrants.get(designer) ?? 0) >= 3) continue;
      this.submit(project, designer, 'original', false);
      return;
    }
  }

  designersWithFeedback(cat: number): readonly DesignerRec[] {
    return this.withFeedback[cat] ?? [];
  }

  /** R7 as the platform will judge it, from the generator's own tallies. */
  eligibleForMini(designer: DesignerRec, cat: number): boolean {
    if (!designer.active || designer.verification !== 'verified') return false;
    const k = designer.idx * NCAT + cat;
    const count = this.ratingCount[k] ?? 0;
    if (count === 0 || (this.ratingSum[k] ?? 0) * 100 < MINI_RATING_HUNDREDTHS * count) return false;
    const counted = designer.publishedCounted;
    return counted > 0 && designer.publishedPositive * 100 * 100 >= MINI_FEEDBACK_HUNDREDTHS * counted;
  }

  /**
   * An eligible designer for a mini contest who has not entered it: a few draws weighted by
   * activity, then a scan of the category's designers with published feedback (R7 needs
   * some), which are few, from a random point so the same designer is not always first.
   */
  findMiniEntrant(project: ProjectRec, tries = 30): DesignerRec | null {
    const cat = project.cat;
    for (let i = 0; i < tries; i++) {
      const designer = this.pickDesigner(cat);
      if (designer === null) return null;
      if (!project.entrants.has(designer) && this.eligibleForMini(designer, cat)) return designer;
    }
    const pool = this.withFeedback[cat] ?? [];
    const offset = pool.length === 0 ? 0 : this.rng.int(pool.length);
    for (let i = 0; i < pool.length; i++) {
      const designer = pool[(offset + i) % pool.length];
      if (designer !== undefined && !project.entrants.has(designer) && this.eligibleForMini(designer, cat)) return designer;
    }
    return null;
  }

  private planMiniContest(project: ProjectRec): void {
    const rng = this.rng;
    const places = policy.miniContest.maxDesigners;
    // Half fill every place, which is where a sixth entrant gets refused.
    const slots = rng.chance(0.5) ? places : rng.intBetween(2, places - 1);
    const duration = project.endsAt - project.launchedAt;
    for (let s = 0; s < slots; s++) {
      const slot: { designer: DesignerRec | null } = { designer: null };
      const first = project.launchedAt + (rng.chance(0.5) ? rng.next() * (project.launchEnd - project.launchedAt) : rng.between(0.1, 0.6) * duration);
      this.at(first, () => {
        if (!this.isOpen(project) || project.entrants.size >= places) return;
        slot.designer = this.findMiniEntrant(project);
        if (slot.designer !== null) this.submit(project, slot.designer, 'original', false);
      });
      const more = rng.intBetween(0, 2);
      for (let i = 0; i < more; i++) {
        this.at(first + rng.between(0.05, 0.35) * duration, () => {
          const designer = slot.designer;
          if (designer === null || !this.isOpen(project) || !this.eligibleForMini(designer, project.cat)) return;
          this.submit(project, designer, 'original', false);
        });
      }
    }
  }

  /**
   * Emits a submission and predicts its fate under R4/R3, which decides when the customer can
   * first see (and rate) it. Mini contests are checked against R7 by the caller.
   */
  submit(project: ProjectRec, designer: DesignerRec, kind: 'original' | 'customer_revision', scripted: boolean): SubmissionRec {
    this.ids.submission += 1;
    const sub: SubmissionRec = {
      id: `s${this.ids.submission}`,
      project,
      designer,
      at: this.now,
      visibleAt: this.now,
      stars: null,
      rated: false,
      withdrawn: false,
      scripted,
    };
    if (designer.verification !== 'verified') {
      sub.visibleAt = Infinity;
      this.tally.predictedPendingReview += 1;
    } else if (kind === 'original' && this.now < project.launchEnd) {
      const k = designer.idx * NCAT + project.cat;
      const count = this.ratingCount[k] ?? 0;
      if (count > 0 && (this.ratingSum[k] ?? 0) * 100 < BENCHMARK_HUNDREDTHS * count) {
        sub.visibleAt = project.launchEnd;
        this.tally.predictedHeld += 1;
      }
    }
    project.subs.push(sub);
    project.entrants.set(designer, (project.entrants.get(designer) ?? 0) + 1);
    this.tally.submissions += 1;
    if (kind === 'customer_revision') this.tally.revisions += 1;
    this.emit({ at: this.iso(), type: 'submission.created', data: { id: sub.id, projectId: project.id, designerId: designer.id, kind } });

    const rng = this.rng;
    if (!scripted && !project.customer.scripted && sub.visibleAt !== Infinity && rng.chance(this.rateProbability)) {
      const t = sub.visibleAt + 10 * MINUTE_MS + rng.exponential(18 * HOUR_MS);
      if (t < project.endsAt + 5 * DAY_MS) this.at(t, () => this.organicRating(sub));
    }
    if (!scripted && project.kind === 'contest' && rng.chance(0.015)) {
      this.at(this.now + rng.between(HOUR_MS, 36 * HOUR_MS), () => this.withdraw(sub));
    }
    if (!scripted && !project.customer.scripted && designer.verification === 'verified') {
      this.remember({ designer, customer: project.customer, projectId: project.id, at: this.now });
    }
    return sub;
  }

  /** A submission the rules should refuse (R7: a sixth designer entering a full mini contest). */
  refusedSubmission(project: ProjectRec, designer: DesignerRec, reasonCode: string, note: string): void {
    this.ids.submission += 1;
    const id = `s${this.ids.submission}`;
    this.emitRefused(
      { at: this.iso(), type: 'submission.created', data: { id, projectId: project.id, designerId: designer.id, kind: 'original' } },
      id,
      reasonCode,
      note,
    );
  }

  private withdraw(sub: SubmissionRec): void {
    // Rated or closed: withdrawing now would leave R1 to guess whether the rating still counts.
    if (sub.rated || sub.withdrawn || sub.scripted || !this.isOpen(sub.project)) return;
    sub.withdrawn = true;
    this.tally.withdrawn += 1;
    this.emit({ at: this.iso(), type: 'submission.withdrawn', data: { id: sub.id } });
  }

  // ---------------------------------------------------------------------------------------
  // Ratings (R1)

  drawStars(designer: DesignerRec, cat: number, customer: CustomerRec): number {
    const stars = Math.round(this.muOf(designer, cat) + customer.bias + 0.85 * this.rng.normal());
    return Math.min(5, Math.max(1, stars));
  }

  organicRating(sub: SubmissionRec): void {
    if (sub.rated || sub.withdrawn || sub.scripted) return;
    this.setRating(sub, this.drawStars(sub.designer, sub.project.cat, sub.project.customer), false);
    // Customers revisit about one rating in fourteen: a point up or down, now and then removed.
    if (this.rng.chance(0.07)) this.at(this.now + this.rng.between(6 * HOUR_MS, 10 * DAY_MS), () => this.organicRatingChange(sub));
  }

  private organicRatingChange(sub: SubmissionRec): void {
    const old = sub.stars;
    if (sub.withdrawn || sub.scripted || old === null) return;
    let next: number | null;
    if (this.rng.chance(0.1)) next = null;
    else next = Math.min(5, Math.max(1, old + (this.rng.chance(0.65) ? 1 : -1)));
    if (next === old) return;
    this.setRating(sub, next, false);
  }

  /** Emits rating.set and keeps R1's tallies; organic changes that look like R12 patterns are noted as decoys. */
  setRating(sub: SubmissionRec, stars: number | null, planted: boolean): void {
    const k = sub.designer.idx * NCAT + sub.project.cat;
    const old = sub.stars;
    if (old !== null) {
      this.ratingSum[k] = (this.ratingSum[k] ?? 0) - old;
      this.ratingCount[k] = (this.ratingCount[k] ?? 0) - 1;
    }
    if (stars !== null) {
      this.ratingSum[k] = (this.ratingSum[k] ?? 0) + stars;
      this.ratingCount[k] = (this.ratingCount[k] ?? 0) + 1;
    }
    if (!sub.rated) this.tally.ratings += 1;
    if (stars === null) this.tally.ratingRemovals += 1;
    sub.rated = true;
    sub.stars = stars;
    this.emit({ at: this.iso(), type: 'rating.set', data: { submissionId: sub.id, stars } });
    if (planted) return;

    const designer = sub.designer;
    const customer = sub.project.customer;
    const { maxLowStars, minRaise } = policy.detectors.ratingRaisedAfterContact;
    if (old !== null && old <= maxLowStars && (stars === null || stars >= old + minRaise)) {
      const contact = this.lastDesignerMessage.get(this.pairKey(designer, customer));
      if (contact !== undefined && this.now - contact <= RAISE_WITHIN_MS) {
        this.addDecoy('rating_raised_after_contact', designer, customer, [{ type: 'rating', id: sub.id }], 'organic rating change shortly after an ordinary designer message');
      }
    }
    if (stars === 5 && this.now - customer.createdAt < BURST.maxAccountAgeDays * DAY_MS) {
      const recent = designer.youngFiveStars;
      recent.push({ at: this.now, customer, submissionId: sub.id });
      while (recent.length > 0 && this.now - (recent[0]?.at ?? 0) > BURST.withinHours * HOUR_MS) recent.shift();
      if (recent.length >= BURST.minRatings) {
        const customers = new Set(recent.map((r) => r.customer)).size;
        this.addDecoy(
          'new_account_burst',
          designer,
          null,
          recent.map((r): RecordRef => ({ type: 'rating', id: r.submissionId })),
          `organic: ${recent.length} five-star ratings within a day from ${customers} new ${customers === 1 ? 'customer' : 'customers'} (genuine newcomers rating a popular designer)`,
        );
        recent.length = 0;
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Messages

  pairKey(designer: DesignerRec, customer: CustomerRec): number {
    return designer.idx * 4_194_304 + customer.idx;
  }

  /** Contacts older than R12's 72 hours can no longer matter; dropping them keeps a long live run bounded. */
  private forgetOldContacts(): void {
    for (const [pair, at] of this.lastDesignerMessage) {
      if (this.now - at > RAISE_WITHIN_MS) this.lastDesignerMessage.delete(pair);
    }
    this.at(this.now + DAY_MS, () => this.forgetOldContacts());
  }

  /** Filled message text in the language of the conversation, with a greeting or sign-off now and then. */
  messageText(kind: MessageKind, lang: Lang, lead?: MessageKind): string {
    const rng = this.rng;
    const pools = SLOTS[lang];
    let body = fill(rng, rng.pick(MESSAGES[lang][kind]), pools);
    if (lead !== undefined) body = `${fill(rng, rng.pick(MESSAGES[lang][lead]), pools)} ${body}`;
    if (rng.chance(0.35)) {
      const greeting = fill(rng, rng.pick(pools.greet ?? ['']), pools);
      body = `${greeting} ${greeting.endsWith(',') ? lowerFirstWord(body) : body}`;
    }
    if (rng.chance(0.3)) body = `${body} ${fill(rng, rng.pick(pools.sign ?? ['']), pools)}`;
    return body;
  }

  sendMessage(
    designer: DesignerRec,
    customer: CustomerRec,
    fromRole: 'designer' | 'customer',
    body: string,
    where: { projectId?: string; contractId?: string },
    lang: Lang,
  ): string {
    this.ids.message += 1;
    const id = `m${this.ids.message}`;
    this.tally.messages += 1;
    this.messagesByLang[lang] += 1;
    if (fromRole === 'designer') this.lastDesignerMessage.set(this.pairKey(designer, customer), this.now);
    this.emit({
      at: this.iso(),
      type: 'message.sent',
      data: {
        id,
        designerId: designer.id,
        customerId: customer.id,
        fromRole,
        body,
        ...(where.projectId !== undefined ? { projectId: where.projectId } : {}),
        ...(where.contractId !== undefined ? { contractId: where.contractId } : {}),
      },
    });
    return id;
  }

  /** A short exchange on a project between its customer and one of its designers. */
  projectThread(project: ProjectRec): void {
    const subs = project.subs;
    if (subs.length === 0) return;
    const sub = this.rng.pick(subs);
    const designer = sub.designer;
    const customer = project.customer;
    if (customer.scripted) return;
    const lang = customer.lang;
    const where = { projectId: project.id };
    const rng = this.rng;
    const reply = (after: number, role: 'designer' | 'customer', kind: MessageKind): void => {
      this.at(this.now + after, () => this.sendMessage(designer, customer, role, this.messageText(kind, lang), where, lang));
    };
    const roll = rng.next();
    if (roll < 0.42) {
      this.sendMessage(designer, customer, 'customer', this.messageText('customerFeedback', lang), where, lang);
      if (rng.chance(0.6)) reply(rng.between(5 * MINUTE_MS, 10 * HOUR_MS), 'designer', rng.chance(0.5) ? 'designerRevisionReply' : 'designerUpdate');
    } else if (roll < 0.77) {
      this.sendMessage(designer, customer, 'designer', this.messageText(rng.chance(0.5) ? 'designerQuestion' : 'designerUpdate', lang), where, lang);
      if (rng.chance(0.6)) reply(rng.between(10 * MINUTE_MS, 12 * HOUR_MS), 'customer', 'customerAnswer');
    } else if (roll < 0.87) {
      this.sendMessage(designer, customer, 'designer', this.messageText('designerTricky', lang), where, lang);
      if (rng.chance(0.4)) reply(rng.between(10 * MINUTE_MS, 12 * HOUR_MS), 'customer', 'customerAnswer');
    } else {
      this.sendMessage(designer, customer, 'customer', this.messageText('customerTricky', lang), where, lang);
      if (rng.chance(0.4)) reply(rng.between(5 * MINUTE_MS, 10 * HOUR_MS), 'designer', 'designerUpdate');
    }
  }

  /** The customer asks one designer for a revision; the designer answers and sends it (R3: never held). */
  private revisionRequest(project: ProjectRec): void {
    if (!this.isOpen(project) || project.customer.scripted) return;
    const candidates = project.subs.filter((s) => !s.withdrawn);
    if (candidates.length === 0) return;
    const sub = this.rng.pick(candidates);
    const { designer } = sub;
    const customer = project.customer;
    const lang = customer.lang;
    const where = { projectId: project.id };
    const rng = this.rng;
    this.sendMessage(designer, customer, 'customer', this.messageText('customerRevision', lang), where, lang);
    this.at(this.now + rng.between(5 * MINUTE_MS, 6 * HOUR_MS), () => {
      this.sendMessage(designer, customer, 'designer', this.messageText('designerRevisionReply', lang), where, lang);
      this.at(this.now + rng.between(30 * MINUTE_MS, 12 * HOUR_MS), () => {
        if (!this.isOpen(project) || !designer.active) return;
        if (project.kind === 'mini_contest' && !this.eligibleForMini(designer, project.cat)) return;
        this.submit(project, designer, 'customer_revision', false);
      });
    });
  }

  // ---------------------------------------------------------------------------------------
  // Contracts and reviews (R6, R8–R11)

  private organicContract(): void {
    const rng = this.rng;
    let customer: CustomerRec | null;
    let designer: DesignerRec | null;
    // Most contracts follow a contest: the customer hires someone whose work it saw.
    const recent = rng.chance(0.6) ? this.recentContext(14 * DAY_MS) : null;
    if (recent !== null && recent.projectId !== undefined) {
      customer = recent.customer;
      designer = recent.designer;
    } else {
      customer = this.pickCustomer();
      designer = this.pickDesigner(rng.weighted(CATEGORY_SHARES));
    }
    if (customer === null || designer === null || customer.scripted || !designer.active) return;
    const roll = rng.next();
    const days = roll < 0.55 ? rng.between(3, 14) : roll < 0.85 ? rng.between(14, 29) : rng.between(30, 75);
    const satisfaction = Math.min(1, Math.max(0, 0.72 + 0.18 * this.skillOf(designer) + 0.15 * rng.normal()));
    this.startContract(customer, designer, days * DAY_MS, satisfaction, false);
  }

  startContract(customer: CustomerRec, designer: DesignerRec, durationMs: number, satisfaction: number, scripted: boolean): ContractRec {
    const rng = this.rng;
    this.ids.contract += 1;
    const contract: ContractRec = {
      id: `k${this.ids.contract}`,
      customer,
      designer,
      lang: customer.lang,
      startedAt: this.now,
      closedAt: null,
      satisfaction,
      client: null,
      designerReview: null,
      enabledAt: null,
      scripted,
    };
    this.tally.contracts += 1;
    const title = fill(rng, rng.pick(CONTRACT_TITLES[contract.lang]), {}, { brand: customer.brand, kind: customer.kind });
    this.emit({ at: this.iso(), type: 'contract.started', data: { id: contract.id, customerId: customer.id, designerId: designer.id, title } });
    const threads = rng.poisson(1.9);
    for (let i = 0; i < threads; i++) this.at(this.now + rng.next() * durationMs, () => this.contractThread(contract));
    if (durationMs >= INTERIM_AFTER_MS && rng.chance(0.7)) {
      this.at(this.now + INTERIM_AFTER_MS + rng.between(HOUR_MS, 5 * DAY_MS), () => this.interimFeedback(contract));
    }
    this.at(this.now + durationMs, () => this.closeContract(contract));
    return contract;
  }

  private contractThread(contract: ContractRec): void {
    const { designer, customer, lang } = contract;
    const where = { contractId: contract.id };
    const rng = this.rng;
    const designerFirst = rng.chance(0.5);
    this.sendMessage(designer, customer, designerFirst ? 'designer' : 'customer', this.messageText(designerFirst ? 'designerContract' : 'customerContract', lang), where, lang);
    if (rng.chance(0.65)) {
      this.at(this.now + rng.between(10 * MINUTE_MS, 20 * HOUR_MS), () =>
        this.sendMessage(designer, customer, designerFirst ? 'customer' : 'designer', this.messageText(designerFirst ? 'customerContract' : 'designerContract', lang), where, lang),
      );
    }
  }

  /** R10: the designer asks for interim feedback on a contract open 30 days or more. */
  private interimFeedback(contract: ContractRec): void {
    if (contract.closedAt !== null) return;
    this.emit({ at: this.iso(), type: 'feedback.requested', data: { contractId: contract.id } });
    if (!this.rng.chance(0.85)) return;
    this.at(this.now + this.rng.between(DAY_MS, 6 * DAY_MS), () => {
      if (contract.closedAt !== null) return;
      this.ids.review += 1;
      this.tally.reviews += 1;
      const text = this.rng.pick(INTERIM_REVIEW[contract.lang]);
      const overall = Math.min(5, Math.max(3, Math.round(3 + 2 * contract.satisfaction + 0.5 * this.rng.normal())));
      this.emit({
        at: this.iso(),
        type: 'review.posted',
        data: { id: `rv${this.ids.review}`, contractId: contract.id, authorRole: 'client', kind: 'interim', overall, text },
      });
    });
  }

  closeContract(contract: ContractRec): void {
    if (contract.closedAt !== null) return;
    contract.closedAt = this.now;
    const rng = this.rng;
    this.emit({ at: this.iso(), type: 'contract.closed', data: { id: contract.id } });
    if (!contract.customer.scripted && contract.designer.verification === 'verified') {
      this.remember({ designer: contract.designer, customer: contract.customer, contractId: contract.id, at: this.now });
    }
    // R11: the client's private answer on closing.
    if (rng.chance(0.9)) {
      this.at(this.now + rng.between(10 * MINUTE_MS, 2 * DAY_MS), () => {
        this.ids.privateFeedback += 1;
        const s = contract.satisfaction;
        const recommend = Math.min(10, Math.max(1, Math.round(4 + 6 * s + 1.2 * rng.normal())));
        const reason = s > 0.55 ? rng.pick(REASONS_ENDED.slice(0, 5)) : rng.pick(REASONS_ENDED);
        this.emit({
          at: this.iso(),
          type: 'private_feedback.posted',
          data: { id: `pf${this.ids.privateFeedback}`, contractId: contract.id, reasonEnded: reason, recommend },
        });
      });
    }
    // R8: the blind window's end publishes whatever was posted alone.
    this.at(this.now + REVIEW_WINDOW_MS, () => {
      for (const review of [contract.client, contract.designerReview]) {
        if (review !== null && review.publishedAt === null) this.publish(contract, review);
      }
    });
    if (contract.scripted) return;
    this.planParty(contract, 'client', 0.82, 0.05);
    this.planParty(contract, 'designer', 0.72, 0.04);
  }

  /** When (and whether) a party posts its final review: in the window, late with an extension, or late without one (refused). */
  private planParty(contract: ContractRec, party: Party, onTime: number, lateWithExtension: number): void {
    const rng = this.rng;
    const closedAt = contract.closedAt ?? this.now;
    const windowEnd = closedAt + REVIEW_WINDOW_MS;
    const roll = rng.next();
    if (roll < onTime) {
      const t = closedAt + Math.min(REVIEW_WINDOW_MS - HOUR_MS, 5 * MINUTE_MS + rng.exponential(2.5 * DAY_MS));
      this.at(t, () => this.postFinalReview(contract, party));
    } else if (roll < onTime + lateWithExtension) {
      this.at(windowEnd + rng.between(HOUR_MS, 6 * DAY_MS), () => this.requestExtension(contract, party));
    } else if (this.refusalQuota.lateReviews > 0 && windowEnd + 9 * DAY_MS < this.endMs && rng.chance(0.25)) {
      this.refusalQuota.lateReviews -= 1;
      this.at(windowEnd + rng.between(2 * HOUR_MS, 8 * DAY_MS), () => {
        this.ids.review += 1;
        const id = `rv${this.ids.review}`;
        const { data } = this.finalReviewData(contract, party, id);
        this.emitRefused({ at: this.iso(), type: 'review.posted', data }, id, 'window_closed', `${party} review ${id} posted after the ${policy.reviews.windowDays}-day window without an extension`);
      });
    }
  }

  private requestExtension(contract: ContractRec, party: Party): void {
    const posted = party === 'client' ? contract.client : contract.designerReview;
    if (posted !== null) return;
    const rng = this.rng;
    this.ids.extension += 1;
    const id = `ex${this.ids.extension}`;
    this.emit({ at: this.iso(), type: 'review.extension_requested', data: { id, contractId: contract.id, requestedBy: party } });
    this.at(this.now + rng.between(2 * HOUR_MS, 3 * DAY_MS), () => {
      const approved = rng.chance(0.85);
      this.emit({ at: this.iso(), type: 'review.extension_decided', data: { id, approved } });
      if (approved) this.at(this.now + rng.between(HOUR_MS, 10 * DAY_MS), () => this.postFinalReview(contract, party));
    });
  }

  /** The data of a final review by `party`, drawn from the contract's satisfaction. */
  finalReviewData(
    contract: ContractRec,
    party: Party,
    id: string,
    override?: { stars: ReviewStars; text: string },
  ): { data: Extract<MarketplaceEvent, { type: 'review.posted' }>['data']; positive: boolean; underFive: boolean } {
    const rng = this.rng;
    let stars: ReviewStars;
    let text: string;
    if (override !== undefined) {
      stars = override.stars;
      text = override.text;
    } else if (party === 'client') {
      const s = contract.satisfaction;
      const tone: Tone = s > 0.6 ? 'positive' : s > 0.35 ? 'mixed' : 'negative';
      const allFive = tone === 'positive' && rng.chance(Math.min(0.95, 0.45 + 0.6 * (s - 0.6) + 0.35));
      stars = this.clientStars(allFive, tone);
      text = rng.chance(0.02) ? rng.pick(WORDLESS_REVIEWS) : this.clientReviewText(contract, tone);
    } else {
      const good = rng.chance(0.85);
      stars = { overall: good ? rng.intBetween(4, 5) : rng.intBetween(2, 3) };
      text = fill(rng, rng.pick(DESIGNER_REVIEW[contract.lang][good ? 'good' : 'poor']), {}, { brand: contract.customer.brand });
    }
    const underFive = stars.categories !== undefined ? Object.values(stars.categories).some((v) => v < 5) : (stars.overall ?? 0) < 5;
    const positive = !underFive && textCounts(text);
    return {
      data: { id, contractId: contract.id, authorRole: party, kind: 'final', ...stars, text },
      positive,
      underFive,
    };
  }

  clientStars(allFive: boolean, tone: Tone): ReviewStars {
    const rng = this.rng;
    const base = tone === 'positive' ? 4.6 : tone === 'mixed' ? 3.6 : 2.2;
    if (rng.chance(0.4)) {
      return { overall: allFive ? 5 : Math.min(4, Math.max(1, Math.round(base + 0.6 * rng.normal()))) };
    }
    const categories: ReviewCategoriesInput = {};
    for (const name of REVIEW_CATEGORY_NAMES) {
      categories[name] = allFive ? 5 : Math.min(5, Math.max(1, Math.round(base + 0.7 * rng.normal())));
    }
    if (!allFive && Object.values(categories).every((v) => v === 5)) categories.deadlines = 4;
    return { categories };
  }

  clientReviewText(contract: ContractRec, tone: Tone): string {
    const rng = this.rng;
    const parts = CLIENT_REVIEW[contract.lang][tone];
    const pools = REVIEW_SLOTS[contract.lang];
    const values = { first: contract.designer.first };
    const pieces = [rng.pick(parts.open), rng.pick(parts.detail)];
    if (rng.chance(0.5)) pieces.push(rng.pick(parts.detail));
    pieces.push(rng.pick(parts.close));
    return pieces
      .filter((p, i) => pieces.indexOf(p) === i)
      .map((p) => fill(rng, p, pools, values))
      .join(' ');
  }

  /** Posts a final review (in the window or under an approved extension) and keeps R6/R8 tallies. */
  postFinalReview(contract: ContractRec, party: Party, override?: { stars: ReviewStars; text: string }): ReviewRec | null {
    if ((party === 'client' ? contract.client : contract.designerReview) !== null) return null;
    this.ids.review += 1;
    const id = `rv${this.ids.review}`;
    const { data, positive, underFive } = this.finalReviewData(contract, party, id, override);
    const review: ReviewRec = { id, author: party, postedAt: this.now, publishedAt: null, positive, underFive };
    if (party === 'client') contract.client = review;
    else contract.designerReview = review;
    this.tally.reviews += 1;
    this.emit({ at: this.iso(), type: 'review.posted', data });
    const closedAt = contract.closedAt ?? this.now;
    const other = party === 'client' ? contract.designerReview : contract.client;
    if (this.now >= closedAt + REVIEW_WINDOW_MS) {
      this.publish(contract, review);
    } else if (other !== null && other.publishedAt === null) {
      this.publish(contract, review);
      this.publish(contract, other);
    }
    return review;
  }

  private publish(contract: ContractRec, review: ReviewRec): void {
    review.publishedAt = this.now;
    if (review.author !== 'client') return;
    const designer = contract.designer;
    if (designer.publishedCounted === 0) for (const cat of designer.cats) this.withFeedback[cat]?.push(designer);
    designer.publishedCounted += 1;
    if (review.positive) designer.publishedPositive += 1;
    if (!contract.scripted && review.underFive) this.maybeEnableChange(contract);
  }

  /** R9, organically: now and then a designer lets an unhappy client revise its feedback. */
  private maybeEnableChange(contract: ContractRec): void {
    const rng = this.rng;
    if (!rng.chance(0.12)) return;
    this.at(this.now + rng.between(6 * HOUR_MS, 5 * DAY_MS), () => {
      const designer = contract.designer;
      const window = policy.detectors.feedbackChangePattern.withinDays * DAY_MS;
      const recent = designer.enablings.filter((t) => this.now - t < window);
      // Never reach R12's pattern by chance: that is planted, and listed.
      if (designer.planted || recent.length >= policy.detectors.feedbackChangePattern.minContracts - 1) return;
      designer.enablings = [...recent, this.now];
      const review = contract.client;
      if (review === null) return;
      this.enableChange(contract);
      if (this.refusalQuota.secondEnablings > 0 && rng.chance(0.3)) {
        this.refusalQuota.secondEnablings -= 1;
        this.at(this.now + rng.between(DAY_MS, 6 * DAY_MS), () => this.secondEnabling(contract));
      }
      if (this.refusalQuota.lateChanges > 0 && rng.chance(0.2)) {
        this.refusalQuota.lateChanges -= 1;
        this.at(this.now + FEEDBACK_CHANGE_MS + rng.between(2 * HOUR_MS, 3 * DAY_MS), () => {
          const data = this.raisedReview(contract, review);
          this.emitRefused({ at: this.iso(), type: 'review.changed', data }, review.id, 'window_closed', `client changed review ${review.id} after the ${policy.feedbackChange.windowDays}-day feedback-change window`);
        });
      } else if (rng.chance(0.7)) {
        this.at(this.now + rng.between(2 * HOUR_MS, 10 * DAY_MS), () => this.changeReview(contract, review));
      }
    });
  }

  enableChange(contract: ContractRec): void {
    contract.enabledAt = this.now;
    this.emit({ at: this.iso(), type: 'feedback_change.enabled', data: { contractId: contract.id } });
  }

  secondEnabling(contract: ContractRec): void {
    this.emitRefused(
      { at: this.iso(), type: 'feedback_change.enabled', data: { contractId: contract.id } },
      contract.id,
      'already_enabled',
      `second feedback-change enabling on contract ${contract.id}`,
    );
  }

  raisedReview(contract: ContractRec, review: ReviewRec): Extract<MarketplaceEvent, { type: 'review.changed' }>['data'] {
    const rng = this.rng;
    const text = rng.pick(RAISED_REVIEW[contract.lang]);
    if (rng.chance(0.5)) return { id: review.id, overall: 5, text };
    const categories: ReviewCategoriesInput = {};
    for (const name of REVIEW_CATEGORY_NAMES) categories[name] = 5;
    return { id: review.id, categories, text };
  }

  /** The client revises its feedback upward within the R9 window. */
  changeReview(contract: ContractRec, review: ReviewRec): void {
    const data = this.raisedReview(contract, review);
    const positive = textCounts(data.text ?? '');
    if (review.publishedAt !== null && review.positive !== positive) {
      contract.designer.publishedPositive += positive ? 1 : -1;
    }
    review.positive = positive;
    review.underFive = false;
    this.emit({ at: this.iso(), type: 'review.changed', data });
  }

  // ---------------------------------------------------------------------------------------
  // Reports

  fileReport(customer: CustomerRec, designer: DesignerRec, category: ReportCategory, body: string): string {
    this.ids.report += 1;
    const id = `rp${this.ids.report}`;
    this.tally.reports += 1;
    this.emit({ at: this.iso(), type: 'report.filed', data: { id, customerId: customer.id, designerId: designer.id, category, body } });
    return id;
  }

  private otherReport(): void {
    const context = this.recentContext(10 * DAY_MS);
    if (context === null) return;
    this.fileReport(context.customer, context.designer, 'other', this.rng.pick(REPORT_BODIES[context.customer.lang].other));
  }

  // ---------------------------------------------------------------------------------------
  // Recent designer–customer pairs, where planted behaviour lands

  private remember(context: Context): void {
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

  // ---------------------------------------------------------------------------------------
  // Results

  stats(): DatasetStats {
    const eventsByType: Partial<Record<EventType, number>> = {};
    for (const type of EVENT_TYPES) {
      const n = this.byType.get(type);
      if (n !== undefined) eventsByType[type] = n;
    }
    let unverified = 0;
    let rated = 0;
    let heldWorthy = 0;
    for (const designer of this.designers) {
      if (designer.verification !== 'verified') unverified += 1;
      let any = false;
      let below = false;
      for (let c = 0; c < NCAT; c++) {
        const k = designer.idx * NCAT + c;
        const count = this.ratingCount[k] ?? 0;
        if (count === 0) continue;
        any = true;
        if ((this.ratingSum[k] ?? 0) * 100 < BENCHMARK_HUNDREDTHS * count) below = true;
      }
      if (any) rated += 1;
      if (below) heldWorthy += 1;
    }
    const t = this.tally;
    const designers = this.designers.length;
    return {
      events: this.eventCount,
      eventsByType,
      firstEventAt: this.firstEventAt,
      lastEventAt: this.lastEventAt,
      designers,
      customers: this.customers.length,
      projects: t.projects,
      miniContests: t.miniContests,
      cancelledProjects: t.cancelledProjects,
      submissions: t.submissions,
      revisions: t.revisions,
      withdrawn: t.withdrawn,
      ratings: t.ratings,
      ratingRemovals: t.ratingRemovals,
      messages: t.messages,
      messagesByLang: { ...this.messagesByLang },
      contracts: t.contracts,
      reviews: t.reviews,
      reports: t.reports,
      predictedHeld: t.predictedHeld,
      predictedPendingReview: t.predictedPendingReview,
      unverifiedOrRevoked: unverified,
      unverifiedShare: designers === 0 ? 0 : round4(unverified / designers),
      ratedDesigners: rated,
      heldWorthyDesigners: heldWorthy,
      heldWorthyShare: rated === 0 ? 0 : round4(heldWorthy / rated),
    };
  }
}

/** "Hi, could you…" rather than "Hi, Could you…"; "I" stays a capital. */
function lowerFirstWord(text: string): string {
  const match = /\p{Lu}/u.exec(text);
  if (match === null || match.index > 1) return text;
  const rest = text.slice(match.index + 1);
  if (rest === '' || /^[\s'’]/u.test(rest)) return text;
  return text.slice(0, match.index) + match[0].toLowerCase() + rest;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
