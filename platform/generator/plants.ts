// Planted manipulation (RULES.md R12), each scenario written into the ground truth as it
// completes, and the few events the generator sends for the rules to refuse. Scenarios start
// at random times inside the span, late enough that designers have a history and early
// enough to finish before the dataset's clock stops.
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import * as contests from './contests';
import * as contracts from './contracts';
import * as members from './members';
import * as messages from './messages';
import { setRating } from './ratings';
import * as reports from './reports';
import * as reviews from './reviews';
import type { ContractRec, CustomerRec, DesignerRec, ProjectRec, ReviewRec, SubmissionRec } from './model';
import { CATEGORY_SHARES, NCAT, type ReviewCategoriesInput, type Simulation } from './simulation';
import type { PlantedKind } from './text/messages';
import { DUPLICATE_REVIEW_BASES, DUPLICATE_REVIEW_ENDINGS, REPORT_BODIES, UNFOUNDED_REPORT_BODIES, type ReportCategory } from './text/reviews';
import type { PlantedCase, RecordRef } from './truth';

const policy = DEFAULT_POLICY;

type Script = (sim: Simulation, attempt: number) => boolean;

interface Retry {
  attempts: number;
  everyMs: number;
}
const DEFAULT_RETRY: Retry = { attempts: 6, everyMs: DAY_MS };
/** Full mini contests are few and open for days: look twice a day, for a week. */
const SIXTH_ENTRANT_RETRY: Retry = { attempts: 14, everyMs: 12 * HOUR_MS };

/** Schedules every planted scenario of the plan inside [start + lead × span, end − tail]. */
export function schedulePlants(sim: Simulation): void {
  const plan = sim.plan;
  const schedule = (count: number, lead: number, tailDays: number, script: Script, retry = DEFAULT_RETRY): void => {
    const span = sim.endMs - sim.t0;
    const lo = sim.t0 + lead * span;
    const hi = Math.max(lo, sim.endMs - tailDays * DAY_MS);
    for (let i = 0; i < count; i++) {
      const t = sim.rng.between(lo, hi);
      sim.at(t, () => attempt(sim, script, 1, retry));
    }
  };
  schedule(plan.pressure, 0.2, 0.5, (s, n) => plantMessage(s, 'pressure', n));
  schedule(plan.incentive, 0.2, 0.5, (s, n) => plantMessage(s, 'incentive', n));
  schedule(plan.ratingRaised, 0.25, 5, (s) => plantRatingRaised(s, false));
  schedule(plan.benignRaiseDecoys, 0.25, 5, (s) => plantRatingRaised(s, true));
  schedule(plan.bursts, 0.25, 5, plantBurst);
  schedule(plan.rings, 0.15, 32, plantRing);
  schedule(plan.feedbackChangePatterns, 0.15, 36, plantFeedbackChangePattern);
  schedule(plan.duplicateTexts, 0.15, 32, plantDuplicateText);
  schedule(plan.unfoundedReports, 0.2, 1, plantUnfoundedReport);
  schedule(plan.contestFull, 0.3, 7, plantSixthEntrant, SIXTH_ENTRANT_RETRY);
}

/** Runs a script; one that finds nothing to work on yet tries again a little later, a few times. */
function attempt(sim: Simulation, script: Script, n: number, retry: Retry): void {
  if (script(sim, n) || n >= retry.attempts || sim.now + retry.everyMs > sim.endMs) return;
  sim.at(sim.now + retry.everyMs, () => attempt(sim, script, n + 1, retry));
}

// -----------------------------------------------------------------------------------------
// Messages: pressure and incentives, with the customer's reaction

interface Where {
  projectId?: string;
  contractId?: string;
}

/**
 * Sends a planted manipulative message and records it: the message case, and when the
 * customer reports it, a `customer_report` case. Returns the message id.
 */
function sendPlanted(
  sim: Simulation,
  designer: DesignerRec,
  customer: CustomerRec,
  kind: PlantedKind,
  where: Where,
  reportChance: number,
): string {
  const rng = sim.rng;
  const lang = customer.lang;
  const label = kind === 'incentive' ? 'incentive' : 'pressure';
  // Often wrapped in ordinary design talk, as real ones are.
  const body = messages.messageText(sim, kind, lang, rng.chance(0.35) ? 'designerUpdate' : undefined);
  const id = messages.sendMessage(sim, designer, customer, 'designer', body, where, lang);
  sim.plantedPairs.add(sim.pairKey(designer, customer));
  sim.plantedMessages.push({ id, lang, label });
  sim.addCase(
    label === 'incentive' ? 'incentive_offer' : 'pressure_message',
    designer,
    customer,
    [{ type: 'message', id }],
    label === 'incentive' ? 'designer offers something of value for a rating or review' : kind === 'pressureRemove' ? 'designer asks the customer to remove or change a low rating' : 'designer asks the customer for a high rating or review',
  );
  if (rng.chance(0.3)) {
    sim.at(sim.now + rng.between(10 * MINUTE_MS, DAY_MS), () => {
      messages.sendMessage(sim, designer, customer, 'customer', messages.messageText(sim, 'customerDecline', lang), where, lang);
    });
  }
  const reportsSoFar = sim.cases.filter((c) => c.kind === 'customer_report').length;
  if (reportsSoFar < 2 || rng.chance(reportChance)) {
    sim.at(sim.now + rng.between(2 * HOUR_MS, 3 * DAY_MS), () => {
      const category: ReportCategory = kind === 'incentive' ? 'incentive_offer' : kind === 'pressureRemove' ? 'remove_rating_request' : 'rating_pressure';
      const reportId = reports.fileReport(sim, customer, designer, category, rng.pick(REPORT_BODIES[lang][category]));
      sim.addCase('customer_report', designer, customer, [{ type: 'report', id: reportId }, { type: 'message', id }], `customer reports the ${label} message ${id}`);
    });
  }
  return id;
}

export function plantMessage(sim: Simulation, label: 'pressure' | 'incentive', _attempt: number): boolean {
  const context = sim.recentContext(10 * DAY_MS);
  if (context === null) return false;
  const kind: PlantedKind = label === 'incentive' ? 'incentive' : sim.rng.chance(0.3) ? 'pressureRemove' : 'pressure';
  let where: Where;
  if (context.projectId !== undefined) where = { projectId: context.projectId };
  else if (context.contractId !== undefined) where = { contractId: context.contractId };
  else return false;
  sendPlanted(sim, context.designer, context.customer, kind, where, 0.35);
  return true;
}

// -----------------------------------------------------------------------------------------
// A low rating raised (or removed) within 72 hours of a designer's message

function findFreshSubmission(sim: Simulation): SubmissionRec | null {
  const rng = sim.rng;
  for (let tries = 0; tries < 40 && sim.openProjects.length > 0; tries++) {
    const project = rng.pick(sim.openProjects);
    if (project.customer.scripted || project.kind !== 'contest' || project.subs.length === 0) continue;
    const sub = rng.pick(project.subs);
    const d = sub.designer;
    if (sub.rated || sub.withdrawn || sub.scripted || sub.visibleAt > sim.now) continue;
    if (!d.active || d.verification !== 'verified') continue;
    return sub;
  }
  return null;
}

/**
 * A customer rates a design 1 or 2 stars; the designer writes; within 72 h the rating goes up
 * by at least two stars or disappears. Planted: the message is pressure or an incentive.
 * Decoy (`benign`): the message only delivers a revision — R12's pattern without manipulation.
 */
function plantRatingRaised(sim: Simulation, benign: boolean): boolean {
  const sub = findFreshSubmission(sim);
  if (sub === null) return false;
  const rng = sim.rng;
  const { designer, project } = sub;
  const customer = project.customer;
  sub.scripted = true;
  const low = rng.intBetween(1, 2);
  setRating(sim, sub, low, true);
  sim.at(sim.now + rng.between(3 * HOUR_MS, 30 * HOUR_MS), () => {
    const where = { projectId: project.id };
    let messageId: string;
    if (benign) {
      messageId = messages.sendMessage(sim, designer, customer, 'designer', messages.messageText(sim, 'designerRevisionDelivered', customer.lang), where, customer.lang);
      if (contests.isOpen(sim, project) && project.kind === 'contest') contests.submit(sim, project, designer, 'customer_revision', true);
    } else {
      const kind: PlantedKind = rng.chance(0.35) ? 'incentive' : rng.chance(0.5) ? 'pressureRemove' : 'pressure';
      messageId = sendPlanted(sim, designer, customer, kind, where, 0.25);
    }
    const within = policy.detectors.ratingRaisedAfterContact.withinHours * HOUR_MS;
    sim.at(sim.now + rng.between(HOUR_MS, within - 12 * HOUR_MS), () => {
      const raised = !benign && rng.chance(0.3) ? null : rng.intBetween(Math.max(low + 2, 4), 5);
      setRating(sim, sub, raised, true);
      const records: RecordRef[] = [
        { type: 'rating', id: sub.id },
        { type: 'message', id: messageId },
      ];
      const change = `rating ${low} → ${raised === null ? 'removed' : raised}`;
      if (benign) sim.addDecoy('rating_raised_after_contact', designer, customer, records, `${change} after the designer delivered a requested revision`);
      else sim.addCase('rating_raised_after_contact', designer, customer, records, `${change} after message ${messageId}`);
    });
  });
  return true;
}

// -----------------------------------------------------------------------------------------
// Fake accounts: a burst of new customers, a single-designer rater

/** A verified, active designer in good standing for a long scenario; marked so nothing organic spoils it. */
function recruitDesigner(sim: Simulation, minStars = 3): DesignerRec | null {
  const rng = sim.rng;
  for (let tries = 0; tries < 50; tries++) {
    const designer = members.pickDesigner(sim, rng.weighted(CATEGORY_SHARES));
    if (designer === null || designer.planted || !designer.active || designer.verification !== 'verified') continue;
    const cat = designer.cats[0] ?? 0;
    const k = designer.idx * NCAT + cat;
    const count = sim.ratingCount[k] ?? 0;
    if (count > 0 && (sim.ratingSum[k] ?? 0) < minStars * count) continue;
    designer.planted = true;
    return designer;
  }
  return null;
}

/** ≥ 5 five-star ratings for one designer within 24 h from customers a few days old. */
function plantBurst(sim: Simulation): boolean {
  const designer = recruitDesigner(sim);
  if (designer === null) return false;
  const rng = sim.rng;
  const cat = designer.cats[0] ?? 0;
  const n = rng.intBetween(policy.detectors.newAccountBurst.minRatings, 7);
  const t0 = sim.now;
  const subs: (SubmissionRec | null)[] = Array.from({ length: n }, () => null);
  const customers: CustomerRec[] = [];
  for (let i = 0; i < n; i++) {
    sim.at(t0 + rng.between(0, 30 * HOUR_MS), () => {
      const customer = members.joinCustomer(sim, true);
      customers.push(customer);
      sim.at(sim.now + rng.between(10 * MINUTE_MS, 4 * HOUR_MS), () => {
        const project = contests.launchProject(sim, customer, cat, 'contest', rng.intBetween(3, 7) * DAY_MS, true);
        sim.at(sim.now + rng.between(20 * MINUTE_MS, 3 * HOUR_MS), () => {
          if (designer.active && contests.isOpen(sim, project)) subs[i] = contests.submit(sim, project, designer, 'original', true);
        });
      });
    });
  }
  const ratingStart = t0 + 2.5 * DAY_MS + rng.between(0, 4 * HOUR_MS);
  const rated: RecordRef[] = [];
  let pending = n;
  for (let i = 0; i < n; i++) {
    sim.at(ratingStart + rng.between(0, 20 * HOUR_MS), () => {
      const sub = subs[i];
      if (sub !== null && sub !== undefined && !sub.withdrawn && sub.visibleAt <= sim.now) {
        setRating(sim, sub, 5, true);
        rated.push({ type: 'rating', id: sub.id });
      }
      pending -= 1;
      if (pending === 0 && rated.length >= policy.detectors.newAccountBurst.minRatings) {
        sim.addCase(
          'new_account_burst',
          designer,
          null,
          [...rated, ...customers.map((c): RecordRef => ({ type: 'customer', id: c.id }))],
          `${rated.length} five-star ratings within a day from accounts created days earlier`,
        );
      }
    });
  }
  return true;
}

/** One customer over 3–4 projects: five stars for one designer only, 1–2 stars for everyone else. */
function plantRing(sim: Simulation): boolean {
  const designer = recruitDesigner(sim);
  if (designer === null) return false;
  const rng = sim.rng;
  const cat = designer.cats[0] ?? 0;
  const customer = members.joinCustomer(sim, true);
  const n = rng.intBetween(policy.detectors.singleDesignerRater.minProjects, 4);
  const ratings: RecordRef[] = [];
  let projectsRated = 0;
  let t = sim.now + rng.between(2 * HOUR_MS, DAY_MS);
  for (let p = 0; p < n; p++) {
    const durationDays = rng.intBetween(3, 6);
    sim.at(t, () => {
      const project = contests.launchProject(sim, customer, cat, 'contest', durationDays * DAY_MS, true);
      const own: SubmissionRec[] = [];
      const entries = rng.intBetween(1, 2);
      for (let e = 0; e < entries; e++) {
        sim.at(project.launchedAt + rng.between(HOUR_MS, 20 * HOUR_MS), () => {
          if (designer.active && contests.isOpen(sim, project)) own.push(contests.submit(sim, project, designer, 'original', true));
        });
      }
      sim.at(project.endsAt - rng.between(2 * HOUR_MS, 12 * HOUR_MS), () => {
        for (const sub of own) {
          if (sub.withdrawn || sub.visibleAt > sim.now) continue;
          setRating(sim, sub, 5, true);
          ratings.push({ type: 'rating', id: sub.id });
        }
        rateOthersLow(sim, project, designer, ratings);
        projectsRated += 1;
        if (projectsRated === n && ratings.length >= policy.detectors.singleDesignerRater.minRatings) {
          sim.addCase('single_designer_rater', designer, customer, [...ratings], `customer rates ${designer.id} five stars on ${n} projects and every other designer 1–2 stars`);
        }
      });
    });
    t += (durationDays + rng.between(1, 3)) * DAY_MS;
  }
  return true;
}

function rateOthersLow(sim: Simulation, project: ProjectRec, designer: DesignerRec, ratings: RecordRef[]): void {
  const rng = sim.rng;
  const others = project.subs.filter((s) => s.designer !== designer && !s.rated && !s.withdrawn && s.visibleAt <= sim.now);
  const count = Math.min(others.length, rng.intBetween(1, 3));
  for (let i = 0; i < count; i++) {
    const sub = others[i];
    if (sub === undefined) continue;
    sub.scripted = true;
    setRating(sim, sub, rng.intBetween(1, policy.detectors.singleDesignerRater.maxOtherStars), true);
    ratings.push({ type: 'rating', id: sub.id });
  }
}

// -----------------------------------------------------------------------------------------
// Contracts: feedback-change pattern and duplicate review texts

function organicCustomer(sim: Simulation): CustomerRec | null {
  for (let tries = 0; tries < 20 && sim.customers.length > 0; tries++) {
    const customer = sim.rng.pick(sim.customers);
    if (!customer.scripted) return customer;
  }
  return null;
}

/**
 * Runs a scripted contract: it closes after `durationMs`, the designer posts its review and the
 * client posts `clientReview` (both within hours, so R8 publishes them together); `then` runs
 * once both are posted, with the client's review.
 */
function scriptedContract(
  sim: Simulation,
  customer: CustomerRec,
  designer: DesignerRec,
  durationMs: number,
  clientReview: (contract: ContractRec) => { stars: { overall?: number; categories?: ReviewCategoriesInput }; text: string },
  then: (contract: ContractRec, review: ReviewRec) => void,
): void {
  const rng = sim.rng;
  const contract = contracts.startContract(sim, customer, designer, durationMs, 0.8, true);
  const closeAt = sim.now + durationMs;
  let client: ReviewRec | null = null;
  let posted = 0;
  const done = (): void => {
    posted += 1;
    if (posted === 2 && client !== null) then(contract, client);
  };
  sim.at(closeAt + rng.between(HOUR_MS, DAY_MS), () => {
    reviews.postFinalReview(sim, contract, 'designer');
    done();
  });
  sim.at(closeAt + rng.between(2 * HOUR_MS, 2 * DAY_MS), () => {
    client = reviews.postFinalReview(sim, contract, 'client', clientReview(contract));
    done();
  });
}

/** A designer enables feedback change on 3–4 contracts within 30 days, each after feedback under five stars (R9, R12). */
function plantFeedbackChangePattern(sim: Simulation): boolean {
  const designer = recruitDesigner(sim);
  if (designer === null) return false;
  const rng = sim.rng;
  const n = rng.intBetween(policy.detectors.feedbackChangePattern.minContracts, 4);
  const records: RecordRef[] = [];
  let enabled = 0;
  let t = sim.now;
  for (let i = 0; i < n; i++) {
    sim.at(t, () => {
      const customer = organicCustomer(sim);
      if (customer === null) return;
      scriptedContract(
        sim,
        customer,
        designer,
        rng.between(4, 8) * DAY_MS,
        (contract) => ({ stars: reviews.clientStars(sim, false, 'mixed'), text: reviews.clientReviewText(sim, contract, 'mixed') }),
        (contract, review) => {
          sim.at(sim.now + rng.between(6 * HOUR_MS, 2 * DAY_MS), () => {
            reviews.enableChange(sim, contract);
            enabled += 1;
            records.push({ type: 'contract', id: contract.id }, { type: 'review', id: review.id });
            if (enabled === policy.detectors.feedbackChangePattern.minContracts) {
              sim.addCase('feedback_change_pattern', designer, null, records, `feedback change enabled on ${enabled} contracts within 30 days, each after feedback under five stars`);
            } else if (enabled > policy.detectors.feedbackChangePattern.minContracts) {
              const existing = lastCase(sim, designer);
              if (existing !== undefined) {
                existing.records = [...records];
                existing.at = sim.iso();
              }
            }
            sim.at(sim.now + rng.between(6 * HOUR_MS, 4 * DAY_MS), () => reviews.changeReview(sim, contract, review));
            if (sim.refusalQuota.secondEnablings > 0 && rng.chance(0.5)) {
              sim.refusalQuota.secondEnablings -= 1;
              sim.at(sim.now + rng.between(DAY_MS, 5 * DAY_MS), () => reviews.secondEnabling(sim, contract));
            }
          });
        },
      );
    });
    t += rng.between(DAY_MS, 3 * DAY_MS);
  }
  return true;
}

/** 3–4 new accounts hire one designer and leave near-identical five-star reviews. */
function plantDuplicateText(sim: Simulation): boolean {
  const designer = recruitDesigner(sim);
  if (designer === null) return false;
  const rng = sim.rng;
  const n = rng.intBetween(policy.detectors.duplicateReviewText.minReviews, 4);
  const base = rng.pick(DUPLICATE_REVIEW_BASES);
  const reviews: RecordRef[] = [];
  let t = sim.now;
  for (let i = 0; i < n; i++) {
    sim.at(t, () => {
      const customer = members.joinCustomer(sim, true);
      scriptedContract(
        sim,
        customer,
        designer,
        rng.between(2, 6) * DAY_MS,
        () => ({ stars: rng.chance(0.5) ? { overall: 5 } : { categories: allFive() }, text: base + rng.pick(DUPLICATE_REVIEW_ENDINGS) }),
        (_contract, review) => {
          reviews.push({ type: 'review', id: review.id });
          if (reviews.length === n) {
            sim.addCase('duplicate_review_text', designer, null, [...reviews], `${n} reviews by different new customers with near-identical text`);
          }
        },
      );
    });
    t += rng.between(12 * HOUR_MS, 3 * DAY_MS);
  }
  return true;
}

function lastCase(sim: Simulation, designer: DesignerRec): PlantedCase | undefined {
  for (let i = sim.cases.length - 1; i >= 0; i--) {
    const c = sim.cases[i];
    if (c !== undefined && c.kind === 'feedback_change_pattern' && c.designerId === designer.id) return c;
  }
  return undefined;
}

function allFive(): ReviewCategoriesInput {
  return { skills: 5, quality: 5, availability: 5, deadlines: 5, communication: 5, cooperation: 5 };
}

// -----------------------------------------------------------------------------------------
// Decoys and refusals

/** A customer reports pressure that never happened: the report detector fires, a moderator should dismiss. */
function plantUnfoundedReport(sim: Simulation): boolean {
  const context = sim.recentContext(10 * DAY_MS, (c) => !sim.plantedPairs.has(sim.pairKey(c.designer, c.customer)));
  if (context === null) return false;
  const { designer, customer } = context;
  const id = reports.fileReport(sim, customer, designer, 'rating_pressure', sim.rng.pick(UNFOUNDED_REPORT_BODIES[customer.lang]));
  sim.addDecoy('customer_report', designer, customer, [{ type: 'report', id }], 'report of pressure with no manipulative message behind it');
  return true;
}

/**
 * R7: a sixth designer tries to enter a mini contest whose five places are taken (refused
 * `contest_full`). Takes a full open mini contest when there is one with an eligible designer
 * left out; otherwise, where a category has six eligible designers, a customer launches a
 * mini contest that five of them enter before the sixth tries.
 */
function plantSixthEntrant(sim: Simulation): boolean {
  const places = policy.miniContest.maxDesigners;
  for (const project of sim.openProjects) {
    if (project.kind !== 'mini_contest' || project.entrants.size < places || !contests.isOpen(sim, project)) continue;
    if (project.endsAt - sim.now < HOUR_MS) continue;
    const designer = contests.findMiniEntrant(sim, project, 80);
    if (designer === null) continue;
    contests.refusedSubmission(sim, project, designer, 'contest_full', `sixth designer entering mini contest ${project.id}`);
    return true;
  }
  const cat = categoryWithEligible(sim, places + 1);
  const customer = cat === null ? null : organicCustomer(sim);
  if (cat === null || customer === null) return false;
  const rng = sim.rng;
  const project = contests.launchProject(sim, customer, cat, 'mini_contest', rng.pick([72, 120, 168]) * HOUR_MS, false, false);
  for (let i = 0; i < places; i++) {
    sim.at(sim.now + rng.between(20 * MINUTE_MS, 8 * HOUR_MS), () => {
      if (!contests.isOpen(sim, project) || project.entrants.size >= places) return;
      const designer = contests.findMiniEntrant(sim, project, 80);
      if (designer !== null) contests.submit(sim, project, designer, 'original', false);
    });
  }
  sim.at(sim.now + rng.between(9 * HOUR_MS, 20 * HOUR_MS), () => {
    if (!contests.isOpen(sim, project) || project.entrants.size < places) return;
    const designer = contests.findMiniEntrant(sim, project, 80);
    if (designer !== null) contests.refusedSubmission(sim, project, designer, 'contest_full', `sixth designer entering mini contest ${project.id}`);
  });
  return true;
}

/** A category (random start) where at least `n` designers may enter a mini contest now. */
function categoryWithEligible(sim: Simulation, n: number): number | null {
  const offset = sim.rng.int(NCAT);
  for (let i = 0; i < NCAT; i++) {
    const cat = (offset + i) % NCAT;
    let eligible = 0;
    for (const designer of contests.designersWithFeedback(sim, cat)) {
      if (contests.eligibleForMini(sim, designer, cat)) eligible += 1;
      if (eligible >= n) return cat;
    }
  }
  return null;
}
