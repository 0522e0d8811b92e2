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
import type { ContractRec, CustomerRec, DesignerRec, Party, ProjectRec, ReviewRec, SubmissionRec, Verification } from './model';
import * as ratings from './ratings';
import * as reports from './reports';
import * as reviews from './reviews';
import type { ReviewStars } from './reviews';
import { datasetStats } from './stats';
import type { Lang } from './text/fill';
import type { MessageKind } from './text/messages';
import type { ReportCategory, Tone } from './text/reviews';
import type { DatasetStats } from './truth';
import { World } from './world';

export { CATEGORY_LIST, CATEGORY_SHARES, NCAT } from './market-profile';
export { plantPlan, type PlantPlan } from './plant-plan';
export type { ReviewCategoriesInput, ReviewStars } from './reviews';
export type { SimulationOptions } from './world';

type ReviewPosted = Extract<MarketplaceEvent, { type: 'review.posted' }>['data'];
type ReviewChanged = Extract<MarketplaceEvent, { type: 'review.changed' }>['data'];

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
    const span = this.spanDays * DAY_MS;
    const designers = { limit: this.counts.designers, count: () => this.designers.length };
    const customers = { limit: this.counts.customers, count: () => this.customers.length };
    this.arrivals(this.counts.designers, 0, 0.4, 3 * DAY_MS, span, designers, () => {
      members.joinDesigner(this);
    });
    this.arrivals(this.counts.customers, 0, 0.2, 3 * DAY_MS, span, customers, () => {
      const customer = members.joinCustomer(this, false);
      this.freshCustomers.push(customer);
    });
    this.arrivals(this.counts.projects, 0.5 * DAY_MS, 0, 0, span, null, () => contests.organicProject(this));
    this.arrivals(this.counts.contracts, 3 * DAY_MS, 0, 0, span, null, () => contracts.organicContract(this));
    this.at(this.t0 + DAY_MS, () => messages.forgetOldContacts(this));
    // Reports that are not about ratings: copied entries, rudeness, no-shows.
    this.arrivals(Math.max(1, Math.round(this.counts.submissions / 2500)), 2 * DAY_MS, 0, 0, span, null, () => reports.otherReport(this));
  }

  /**
   * Exactly `total` arrivals between `offsetMs` and the end of the span: `share` of them
   * during the first `openingMs` (a marketplace's existing members, as the log first sees
   * them), the rest spread uniformly. Sorted uniform times are drawn one at a time (each the
   * minimum of the uniforms left), so nothing is pre-generated, and counts do not wander
   * with the seed. Past the span the process continues at the later rate for a live demo —
   * up to `roster.limit` × 1.08 for designers and customers.
   */
  private arrivals(
    total: number,
    offsetMs: number,
    share: number,
    openingMs: number,
    spanMs: number,
    roster: { limit: number; count: () => number } | null,
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
      if (this.live && (roster === null || roster.count() < Math.ceil(roster.limit * 1.08))) arrive();
      this.at(this.now + this.rng.exponential(laterGap), live);
    };
    schedule();
  }

  // ---------------------------------------------------------------------------------------
  // The public surface as it stood before the simulation was split into modules: planted
  // scenarios and live mode drive the marketplace through one object, and each method hands
  // over to the module that holds the behaviour.

  joinDesigner(): DesignerRec | null {
    return members.joinDesigner(this);
  }

  skillOf(designer: DesignerRec): number {
    return members.skillOf(this, designer);
  }

  updateWeights(designer: DesignerRec): void {
    members.updateWeights(this, designer);
  }

  changeVerification(designer: DesignerRec, to: Verification): void {
    members.changeVerification(this, designer, to);
  }

  joinCustomer(scripted: boolean): CustomerRec {
    return members.joinCustomer(this, scripted);
  }

  pickCustomer(): CustomerRec | null {
    return members.pickCustomer(this);
  }

  pickDesigner(cat: number): DesignerRec | null {
    return members.pickDesigner(this, cat);
  }

  launchProject(customer: CustomerRec, cat: number, kind: ProjectRec['kind'], durationMs: number, scripted: boolean, organicEntries = true): ProjectRec {
    return contests.launchProject(this, customer, cat, kind, durationMs, scripted, organicEntries);
  }

  endProject(project: ProjectRec, how: 'closed' | 'cancelled'): void {
    contests.endProject(this, project, how);
  }

  isOpen(project: ProjectRec): boolean {
    return contests.isOpen(this, project);
  }

  designersWithFeedback(cat: number): readonly DesignerRec[] {
    return contests.designersWithFeedback(this, cat);
  }

  eligibleForMini(designer: DesignerRec, cat: number): boolean {
    return contests.eligibleForMini(this, designer, cat);
  }

  findMiniEntrant(project: ProjectRec, tries = 30): DesignerRec | null {
    return contests.findMiniEntrant(this, project, tries);
  }

  submit(project: ProjectRec, designer: DesignerRec, kind: 'original' | 'customer_revision', scripted: boolean): SubmissionRec {
    return contests.submit(this, project, designer, kind, scripted);
  }

  refusedSubmission(project: ProjectRec, designer: DesignerRec, reasonCode: string, note: string): void {
    contests.refusedSubmission(this, project, designer, reasonCode, note);
  }

  drawStars(designer: DesignerRec, cat: number, customer: CustomerRec): number {
    return ratings.drawStars(this, designer, cat, customer);
  }

  organicRating(sub: SubmissionRec): void {
    ratings.organicRating(this, sub);
  }

  setRating(sub: SubmissionRec, stars: number | null, planted: boolean): void {
    ratings.setRating(this, sub, stars, planted);
  }

  messageText(kind: MessageKind, lang: Lang, lead?: MessageKind): string {
    return messages.messageText(this, kind, lang, lead);
  }

  sendMessage(
    designer: DesignerRec,
    customer: CustomerRec,
    fromRole: 'designer' | 'customer',
    body: string,
    where: { projectId?: string; contractId?: string },
    lang: Lang,
  ): string {
    return messages.sendMessage(this, designer, customer, fromRole, body, where, lang);
  }

  projectThread(project: ProjectRec): void {
    messages.projectThread(this, project);
  }

  startContract(customer: CustomerRec, designer: DesignerRec, durationMs: number, satisfaction: number, scripted: boolean): ContractRec {
    return contracts.startContract(this, customer, designer, durationMs, satisfaction, scripted);
  }

  closeContract(contract: ContractRec): void {
    contracts.closeContract(this, contract);
  }

  finalReviewData(
    contract: ContractRec,
    party: Party,
    id: string,
    override?: { stars: ReviewStars; text: string },
  ): { data: ReviewPosted; positive: boolean; underFive: boolean } {
    return reviews.finalReviewData(this, contract, party, id, override);
  }

  clientStars(allFive: boolean, tone: Tone): ReviewStars {
    return reviews.clientStars(this, allFive, tone);
  }

  clientReviewText(contract: ContractRec, tone: Tone): string {
    return reviews.clientReviewText(this, contract, tone);
  }

  postFinalReview(contract: ContractRec, party: Party, override?: { stars: ReviewStars; text: string }): ReviewRec | null {
    return reviews.postFinalReview(this, contract, party, override);
  }

  enableChange(contract: ContractRec): void {
    reviews.enableChange(this, contract);
  }

  secondEnabling(contract: ContractRec): void {
    reviews.secondEnabling(this, contract);
  }

  raisedReview(contract: ContractRec, review: ReviewRec): ReviewChanged {
    return reviews.raisedReview(this, contract, review);
  }

  changeReview(contract: ContractRec, review: ReviewRec): void {
    reviews.changeReview(this, contract, review);
  }

  fileReport(customer: CustomerRec, designer: DesignerRec, category: ReportCategory, body: string): string {
    return reports.fileReport(this, customer, designer, category, body);
  }

  stats(): DatasetStats {
    return datasetStats(this);
  }
}
