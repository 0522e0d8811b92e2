// Projects and submissions: contests and mini contests launched and closed, who enters them
// (R7 eligibility predicted from the generator's own tallies), revision requests, and each
// submission's predicted fate under R3/R4, which decides when its customer can rate it.
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { CATEGORY_LIST, CATEGORY_SHARES, CONTEST_HOURS, CONTEST_HOURS_WEIGHTS, MINI_HOURS, NCAT } from './market-profile';
import { pickCustomer, pickDesigner } from './members';
import { messageText, projectThread, sendMessage } from './messages';
import type { CustomerRec, DesignerRec, ProjectRec, SubmissionRec } from './model';
import { organicRating } from './ratings';
import { fill } from './text/fill';
import { TITLES } from './text/names';
import type { World } from './world';

const policy = DEFAULT_POLICY;
const BENCHMARK_HUNDREDTHS = Math.round(policy.rating.benchmark * 100);
const MINI_RATING_HUNDREDTHS = Math.round(policy.miniContest.minRating * 100);
const MINI_FEEDBACK_HUNDREDTHS = Math.round(policy.miniContest.minPositiveFeedbackPct * 100);

export function organicProject(world: World): void {
  const customer = pickCustomer(world);
  if (customer === null) return;
  const rng = world.rng;
  const cat = rng.weighted(CATEGORY_SHARES);
  // Mini contests need designers with ratings and feedback (R7): none in the first weeks.
  const mini = world.now > world.t0 + 14 * DAY_MS && rng.chance(0.1);
  const hours = mini ? rng.pick(MINI_HOURS) : (CONTEST_HOURS[rng.weighted(CONTEST_HOURS_WEIGHTS)] ?? 72);
  const jitter = hours < 240 ? rng.intBetween(0, 5) * HOUR_MS : 0;
  launchProject(world, customer, cat, mini ? 'mini_contest' : 'contest', hours * HOUR_MS + jitter, false);
}

/**
 * Launches a project and plans its life: entries (unless `organicEntries` is false, when a
 * planted scenario brings its own), revision requests, message threads, the end.
 */
export function launchProject(
  world: World,
  customer: CustomerRec,
  cat: number,
  kind: ProjectRec['kind'],
  durationMs: number,
  scripted: boolean,
  organicEntries = true,
): ProjectRec {
  const rng = world.rng;
  world.ids.project += 1;
  const { fraction, minHours, maxHours } = policy.launchWindow;
  const windowMs = Math.round(Math.min(maxHours * HOUR_MS, Math.max(minHours * HOUR_MS, fraction * durationMs)));
  const project: ProjectRec = {
    id: `p${world.ids.project}`,
    customer,
    cat,
    kind,
    launchedAt: world.now,
    endsAt: world.now + durationMs,
    launchEnd: world.now + windowMs,
    status: 'open',
    subs: [],
    entrants: new Map(),
    openIndex: world.openProjects.length,
    scripted,
  };
  world.openProjects.push(project);
  world.tally.projects += 1;
  if (kind === 'mini_contest') world.tally.miniContests += 1;
  const category = CATEGORY_LIST[cat] ?? 'logo';
  const title = fill(rng, rng.pick(TITLES[customer.lang][category] ?? ['{brand}']), {}, { brand: customer.brand, kind: customer.kind });
  world.emit({
    at: world.iso(),
    type: 'project.launched',
    data: { id: project.id, customerId: customer.id, title, category, kind, endsAt: world.iso(project.endsAt) },
  });

  const duration = project.endsAt - project.launchedAt;
  if (!organicEntries) {
    // The scenario enters its own designers.
  } else if (kind === 'contest') {
    const n = Math.max(2, Math.min(120, Math.round(rng.logNormal(world.meanOriginals / Math.exp(0.125), 0.5))));
    for (let i = 0; i < n; i++) {
      // Designers crowd into the launch window (R2), when a new contest gets attention.
      const t = rng.chance(0.3)
        ? project.launchedAt + rng.next() * windowMs
        : project.launchEnd + rng.next() * (duration - windowMs);
      world.at(Math.min(t, project.endsAt - MINUTE_MS), () => contestEntry(world, project));
    }
  } else {
    planMiniContest(world, project);
  }
  const revisions = rng.poisson(world.revisionsPerProject);
  for (let i = 0; i < revisions; i++) world.at(project.launchedAt + rng.between(0.15, 0.85) * duration, () => revisionRequest(world, project));
  const threads = rng.poisson(world.threadsPerProject);
  for (let i = 0; i < threads; i++) world.at(project.launchedAt + rng.between(0.05, 1.1) * duration, () => projectThread(world, project));
  if (!scripted && rng.chance(0.02)) {
    world.at(project.launchedAt + rng.between(0.2, 0.8) * duration, () => endProject(world, project, 'cancelled'));
  }
  world.at(project.endsAt, () => endProject(world, project, 'closed'));
  return project;
}

export function endProject(world: World, project: ProjectRec, how: 'closed' | 'cancelled'): void {
  if (project.status !== 'open') return;
  project.status = how;
  const last = world.openProjects.pop();
  if (last !== undefined && last !== project) {
    world.openProjects[project.openIndex] = last;
    last.openIndex = project.openIndex;
  }
  project.openIndex = -1;
  if (how === 'cancelled') world.tally.cancelledProjects += 1;
  world.emit({ at: world.iso(), type: how === 'closed' ? 'project.closed' : 'project.cancelled', data: { id: project.id } });
}

export function isOpen(world: World, project: ProjectRec): boolean {
  return project.status === 'open' && world.now >= project.launchedAt && world.now < project.endsAt;
}

function contestEntry(world: World, project: ProjectRec): void {
  if (!isOpen(world, project)) return;
  // Designers send one to three concepts to a contest; the busiest ones spread out.
  for (let tries = 0; tries < 4; tries++) {
    const designer = pickDesigner(world, project.cat);
    if (designer === null) return;
    if ((project.entrants.get(designer) ?? 0) >= 3) continue;
    submit(world, project, designer, 'original', false);
    return;
  }
}

export function designersWithFeedback(world: World, cat: number): readonly DesignerRec[] {
  return world.withFeedback[cat] ?? [];
}

/** R7 as the platform will judge it, from the generator's own tallies. */
export function eligibleForMini(world: World, designer: DesignerRec, cat: number): boolean {
  if (!designer.active || designer.verification !== 'verified') return false;
  const k = designer.idx * NCAT + cat;
  const count = world.ratingCount[k] ?? 0;
  if (count === 0 || (world.ratingSum[k] ?? 0) * 100 < MINI_RATING_HUNDREDTHS * count) return false;
  const counted = designer.publishedCounted;
  return counted > 0 && designer.publishedPositive * 100 * 100 >= MINI_FEEDBACK_HUNDREDTHS * counted;
}

/**
 * An eligible designer for a mini contest who has not entered it: a few draws weighted by
 * activity, then a scan of the category's designers with published feedback (R7 needs
 * some), which are few, from a random point so the same designer is not always first.
 */
export function findMiniEntrant(world: World, project: ProjectRec, tries = 30): DesignerRec | null {
  const cat = project.cat;
  for (let i = 0; i < tries; i++) {
    const designer = pickDesigner(world, cat);
    if (designer === null) return null;
    if (!project.entrants.has(designer) && eligibleForMini(world, designer, cat)) return designer;
  }
  const pool = world.withFeedback[cat] ?? [];
  const offset = pool.length === 0 ? 0 : world.rng.int(pool.length);
  for (let i = 0; i < pool.length; i++) {
    const designer = pool[(offset + i) % pool.length];
    if (designer !== undefined && !project.entrants.has(designer) && eligibleForMini(world, designer, cat)) return designer;
  }
  return null;
}

function planMiniContest(world: World, project: ProjectRec): void {
  const rng = world.rng;
  const places = policy.miniContest.maxDesigners;
  // Half fill every place, which is where a sixth entrant gets refused.
  const slots = rng.chance(0.5) ? places : rng.intBetween(2, places - 1);
  const duration = project.endsAt - project.launchedAt;
  for (let s = 0; s < slots; s++) {
    const slot: { designer: DesignerRec | null } = { designer: null };
    const first = project.launchedAt + (rng.chance(0.5) ? rng.next() * (project.launchEnd - project.launchedAt) : rng.between(0.1, 0.6) * duration);
    world.at(first, () => {
      if (!isOpen(world, project) || project.entrants.size >= places) return;
      slot.designer = findMiniEntrant(world, project);
      if (slot.designer !== null) submit(world, project, slot.designer, 'original', false);
    });
    const more = rng.intBetween(0, 2);
    for (let i = 0; i < more; i++) {
      world.at(first + rng.between(0.05, 0.35) * duration, () => {
        const designer = slot.designer;
        if (designer === null || !isOpen(world, project) || !eligibleForMini(world, designer, project.cat)) return;
        submit(world, project, designer, 'original', false);
      });
    }
  }
}

/**
 * Emits a submission and predicts its fate under R4/R3, which decides when the customer can
 * first see (and rate) it. Mini contests are checked against R7 by the caller.
 */
export function submit(world: World, project: ProjectRec, designer: DesignerRec, kind: 'original' | 'customer_revision', scripted: boolean): SubmissionRec {
  world.ids.submission += 1;
  const sub: SubmissionRec = {
    id: `s${world.ids.submission}`,
    project,
    designer,
    at: world.now,
    visibleAt: world.now,
    stars: null,
    rated: false,
    withdrawn: false,
    scripted,
  };
  if (designer.verification !== 'verified') {
    sub.visibleAt = Infinity;
    world.tally.predictedPendingReview += 1;
  } else if (kind === 'original' && world.now < project.launchEnd) {
    const k = designer.idx * NCAT + project.cat;
    const count = world.ratingCount[k] ?? 0;
    if (count > 0 && (world.ratingSum[k] ?? 0) * 100 < BENCHMARK_HUNDREDTHS * count) {
      sub.visibleAt = project.launchEnd;
      world.tally.predictedHeld += 1;
    }
  }
  project.subs.push(sub);
  project.entrants.set(designer, (project.entrants.get(designer) ?? 0) + 1);
  world.tally.submissions += 1;
  if (kind === 'customer_revision') world.tally.revisions += 1;
  world.emit({ at: world.iso(), type: 'submission.created', data: { id: sub.id, projectId: project.id, designerId: designer.id, kind } });

  const rng = world.rng;
  if (!scripted && !project.customer.scripted && sub.visibleAt !== Infinity && rng.chance(world.rateProbability)) {
    const t = sub.visibleAt + 10 * MINUTE_MS + rng.exponential(18 * HOUR_MS);
    if (t < project.endsAt + 5 * DAY_MS) world.at(t, () => organicRating(world, sub));
  }
  if (!scripted && project.kind === 'contest' && rng.chance(0.015)) {
    world.at(world.now + rng.between(HOUR_MS, 36 * HOUR_MS), () => withdraw(world, sub));
  }
  if (!scripted && !project.customer.scripted && designer.verification === 'verified') {
    world.remember({ designer, customer: project.customer, projectId: project.id, at: world.now });
  }
  return sub;
}

/** A submission the rules should refuse (R7: a sixth designer entering a full mini contest). */
export function refusedSubmission(world: World, project: ProjectRec, designer: DesignerRec, reasonCode: string, note: string): void {
  world.ids.submission += 1;
  const id = `s${world.ids.submission}`;
  world.emitRefused(
    { at: world.iso(), type: 'submission.created', data: { id, projectId: project.id, designerId: designer.id, kind: 'original' } },
    id,
    reasonCode,
    note,
  );
}

function withdraw(world: World, sub: SubmissionRec): void {
  // Rated or closed: withdrawing now would leave R1 to guess whether the rating still counts.
  if (sub.rated || sub.withdrawn || sub.scripted || !isOpen(world, sub.project)) return;
  sub.withdrawn = true;
  world.tally.withdrawn += 1;
  world.emit({ at: world.iso(), type: 'submission.withdrawn', data: { id: sub.id } });
}

/** The customer asks one designer for a revision; the designer answers and sends it (R3: never held). */
function revisionRequest(world: World, project: ProjectRec): void {
  if (!isOpen(world, project) || project.customer.scripted) return;
  const candidates = project.subs.filter((s) => !s.withdrawn);
  if (candidates.length === 0) return;
  const sub = world.rng.pick(candidates);
  const { designer } = sub;
  const customer = project.customer;
  const lang = customer.lang;
  const where = { projectId: project.id };
  const rng = world.rng;
  sendMessage(world, designer, customer, 'customer', messageText(world, 'customerRevision', lang), where, lang);
  world.at(world.now + rng.between(5 * MINUTE_MS, 6 * HOUR_MS), () => {
    sendMessage(world, designer, customer, 'designer', messageText(world, 'designerRevisionReply', lang), where, lang);
    world.at(world.now + rng.between(30 * MINUTE_MS, 12 * HOUR_MS), () => {
      if (!isOpen(world, project) || !designer.active) return;
      if (project.kind === 'mini_contest' && !eligibleForMini(world, designer, project.cat)) return;
      submit(world, project, designer, 'customer_revision', false);
    });
  });
}
