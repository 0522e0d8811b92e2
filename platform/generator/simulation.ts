// The marketplace simulation behind the dataset generator. A time-ordered agenda (agenda.ts)
// runs arrivals (designers, customers, projects, contracts) and everything they set off
// (submissions, ratings, messages, reviews); each task emits its events at its own time, so
// the log comes out in time order without ever being held or sorted as a whole.
//
// The generator predicts what the rules will do (R3 holds, R4 reviews, R7 eligibility, R8
// publication) with its own running tallies, so it can behave like real people do — rate what
// they can see, enter only mini contests they may enter — and so it knows which few events it
// deliberately sends for the rules to refuse.
//
// This module drives the clock and the arrival processes and is the surface plants.ts, live.ts
// and index.ts use. The state lives in world.ts; what happens lives beside it: members.ts
// (designers, customers), contests.ts (projects, submissions), ratings.ts, messages.ts,
// contracts.ts, reviews.ts, reports.ts; stats.ts sums a finished run up.
import { DAY_MS } from '../../core/time';
import type { MarketplaceEvent } from '../../core/wire/events';
import * as contests from './contests';
import * as contracts from './contracts';
import * as members from './members';
import * as messages from './messages';
import * as reports from './reports';
import { World } from './world';

export { CATEGORY_LIST, CATEGORY_SHARES, NCAT } from './market-profile';
export { plantPlan, type PlantPlan } from './plant-plan';
export type { ReviewCategoriesInput, ReviewStars } from './reviews';
export type { SimulationOptions } from './world';

/** One arrival process: how many, when, and what arriving does. */
interface ArrivalProcess {
  total: number;
  /** When the first may arrive, after the start of the span. */
  offsetMs?: number;
  /** The share of `total` that arrives in the first `openingMs` (the members a log first sees). */
  opening?: { share: number; ms: number };
  /** Past the span a live demo keeps arriving at the later rate, up to `limit` × 1.08 of `count()`. */
  roster?: { limit: number; count: () => number };
  arrive: () => void;
}

export class Simulation extends World {
  private live = false;

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

  /** From here on the simulation is feeding a live demo: arrivals continue past their targets. */
  goLive(): void {
    this.live = true;
  }

  // ---------------------------------------------------------------------------------------
  // Start: arrival processes

  start(): void {
    const designers = { limit: this.counts.designers, count: () => this.designers.length };
    const customers = { limit: this.counts.customers, count: () => this.customers.length };
    const opening = (share: number) => ({ share, ms: 3 * DAY_MS });
    this.arrivals({ total: this.counts.designers, opening: opening(0.4), roster: designers, arrive: () => void members.joinDesigner(this) });
    this.arrivals({
      total: this.counts.customers,
      opening: opening(0.2),
      roster: customers,
      arrive: () => {
        this.freshCustomers.push(members.joinCustomer(this, false));
      },
    });
    this.arrivals({ total: this.counts.projects, offsetMs: 0.5 * DAY_MS, arrive: () => contests.organicProject(this) });
    this.arrivals({ total: this.counts.contracts, offsetMs: 3 * DAY_MS, arrive: () => contracts.organicContract(this) });
    this.at(this.t0 + DAY_MS, () => messages.forgetOldContacts(this));
    // Reports that are not about ratings: copied entries, rudeness, no-shows.
    this.arrivals({ total: Math.max(1, Math.round(this.counts.submissions / 2500)), offsetMs: 2 * DAY_MS, arrive: () => reports.otherReport(this) });
  }

  /**
   * Exactly `total` arrivals between `offsetMs` and the end of the span: the opening share of
   * them during the opening (a marketplace's existing members, as the log first sees them), the
   * rest spread uniformly. Sorted uniform times are drawn one at a time (each the minimum of the
   * uniforms left), so nothing is pre-generated, and counts do not wander with the seed. Past
   * the span the process continues at the later rate for a live demo — up to the roster's
   * limit × 1.08 for designers and customers.
   */
  private arrivals(process: ArrivalProcess): void {
    const { total, arrive } = process;
    const offsetMs = process.offsetMs ?? 0;
    const openingMs = process.opening?.ms ?? 0;
    const roster = process.roster ?? null;
    const spanMs = this.spanDays * DAY_MS;
    const opening = Math.round(total * (process.opening?.share ?? 0));
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
      if (this.live && (roster === null || roster.count() < Math.ceil(roster.limit * 1.08))) arrive();
      this.at(this.now + this.rng.exponential(laterGap), live);
    };
    schedule();
  }
}
