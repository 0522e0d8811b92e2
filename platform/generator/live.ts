// Live mode for the demo ("new submissions, ratings and messages every few seconds"): the
// generated marketplace keeps running past its end. Each tick runs whatever the simulation
// had scheduled up to the platform's clock and adds a few events of its own, paced by the
// tick rather than by the simulated rates, so the queues visibly move even when the clock
// only advances seconds. Some arrivals are steered: a low-rated designer into a launch
// window (R3 hold), an unverified one (R4 review), now and then a planted pressure message.
import { HOUR_MS, toMs, type IsoTime } from '../../core/time';
import type { MarketplaceEvent } from '../../core/wire/events';
import { DEFAULT_POLICY } from '../../core/policy';
import * as contests from './contests';
import * as members from './members';
import * as messages from './messages';
import * as ratings from './ratings';
import type { DesignerRec, ProjectRec, SubmissionRec } from './model';
import { plantMessage } from './plants';
import { CATEGORY_SHARES, NCAT, type Simulation } from './simulation';
import type { Decoy, ExpectedRefusal, PlantedCase, PlantedMessage } from './truth';

/** A running marketplace. Opaque: only `liveTick` moves it. */
export interface LiveState {
  /** The simulation's clock: the time of the last tick (or the dataset's end). */
  readonly clock: IsoTime;
}

export interface LiveTickOptions {
  /** About how many extra events per tick, on average (default 3). */
  intensity?: number;
}

export interface LiveTick {
  /** In time order, none before the previous tick's clock, none after `now`. */
  events: MarketplaceEvent[];
  /** Ground truth added by this tick. */
  cases: PlantedCase[];
  plantedMessages: PlantedMessage[];
  expectedRefusals: ExpectedRefusal[];
  decoys: Decoy[];
}

const simulations = new WeakMap<LiveState, Simulation>();

export function registerLiveState(sim: Simulation): LiveState {
  sim.goLive();
  const state: LiveState = {
    get clock() {
      return sim.iso();
    },
  };
  simulations.set(state, sim);
  return state;
}

/** The next events up to `now` (platform time). A `now` at or before the state's clock yields nothing. */
export function liveTick(state: LiveState, now: IsoTime, options: LiveTickOptions = {}): LiveTick {
  const sim = simulations.get(state);
  if (sim === undefined) throw new Error('not a live state from this generator');
  const nowMs = Math.floor(toMs(now) / 1000) * 1000;
  const mark = {
    cases: sim.cases.length,
    planted: sim.plantedMessages.length,
    refusals: sim.refusals.length,
    decoys: sim.decoys.length,
  };
  if (nowMs > sim.now) {
    const from = sim.now;
    const rng = sim.rng;
    const actions = 1 + rng.poisson(Math.max(0, (options.intensity ?? 3) - 1));
    for (let i = 0; i < actions; i++) {
      sim.at(from + 1000 + rng.next() * Math.max(0, nowMs - from - 1000), () => liveAction(sim));
    }
  }
  const events = [...sim.run(nowMs)];
  return {
    events,
    cases: sim.cases.slice(mark.cases),
    plantedMessages: sim.plantedMessages.slice(mark.planted),
    expectedRefusals: sim.refusals.slice(mark.refusals),
    decoys: sim.decoys.slice(mark.decoys),
  };
}

function liveAction(sim: Simulation): void {
  const roll = sim.rng.next();
  if (roll < 0.45) liveSubmission(sim);
  else if (roll < 0.7) liveRating(sim);
  else if (roll < 0.9) liveMessage(sim);
  else if (roll < 0.95) liveProject(sim);
  else if (roll < 0.97) members.joinDesigner(sim);
  else plantMessage(sim, sim.rng.chance(0.7) ? 'pressure' : 'incentive', 1);
}

/** An open contest still in its launch window, launching one when none is. */
function launchingContest(sim: Simulation): ProjectRec | null {
  const open = sim.openProjects;
  const offset = open.length === 0 ? 0 : sim.rng.int(open.length);
  for (let i = 0; i < open.length; i++) {
    const project = open[(offset + i) % open.length];
    if (project !== undefined && project.kind === 'contest' && !project.customer.scripted && sim.now < project.launchEnd) return project;
  }
  return liveProject(sim);
}

function liveProject(sim: Simulation): ProjectRec | null {
  const customer = members.pickCustomer(sim);
  if (customer === null) return null;
  const hours = sim.rng.pick([24, 36, 48, 72]);
  return contests.launchProject(sim, customer, sim.rng.weighted(CATEGORY_SHARES), 'contest', hours * HOUR_MS, false);
}

function liveSubmission(sim: Simulation): void {
  const project = launchingContest(sim);
  if (project === null || !contests.isOpen(sim, project)) return;
  const roll = sim.rng.next();
  let designer: DesignerRec | null = null;
  if (roll < 0.2) designer = findDesigner(sim, project.cat, (d) => belowBenchmark(sim, d, project.cat));
  else if (roll < 0.35) designer = findDesigner(sim, project.cat, (d) => d.verification !== 'verified');
  designer ??= members.pickDesigner(sim, project.cat);
  if (designer !== null && designer.active) contests.submit(sim, project, designer, 'original', false);
}

/** R3 as the platform will judge it, from the generator's tallies: a verified designer rated under the benchmark in `cat`. */
export function belowBenchmark(sim: Simulation, designer: DesignerRec, cat: number): boolean {
  const k = designer.idx * NCAT + cat;
  const count = sim.ratingCount[k] ?? 0;
  return designer.verification === 'verified' && count > 0 && (sim.ratingSum[k] ?? 0) * 100 < Math.round(DEFAULT_POLICY.rating.benchmark * 100) * count;
}

function findDesigner(sim: Simulation, cat: number, accept: (d: DesignerRec) => boolean): DesignerRec | null {
  for (let tries = 0; tries < 60; tries++) {
    const designer = members.pickDesigner(sim, cat);
    if (designer === null) return null;
    if (designer.active && accept(designer)) return designer;
  }
  return null;
}

function liveRating(sim: Simulation): void {
  const open = sim.openProjects;
  for (let tries = 0; tries < 20 && open.length > 0; tries++) {
    const project = sim.rng.pick(open);
    if (project.customer.scripted) continue;
    const sub: SubmissionRec | undefined = project.subs.find((s) => !s.rated && !s.withdrawn && !s.scripted && s.visibleAt <= sim.now);
    if (sub === undefined) continue;
    ratings.organicRating(sim, sub);
    return;
  }
}

function liveMessage(sim: Simulation): void {
  const open = sim.openProjects;
  for (let tries = 0; tries < 10 && open.length > 0; tries++) {
    const project = sim.rng.pick(open);
    if (project.subs.length === 0 || project.customer.scripted) continue;
    messages.projectThread(sim, project);
    return;
  }
}

