// The dataset's figures for the ground truth: events per type, entity counts, and the R3/R4
// shares, read from the world's tallies once the run is over.
import { DEFAULT_POLICY } from '../../core/policy';
import { EVENT_TYPES, type EventType } from '../../core/wire/events';
import { NCAT } from './market-profile';
import type { DatasetStats } from './truth';
import type { World } from './world';

const BENCHMARK_HUNDREDTHS = Math.round(DEFAULT_POLICY.rating.benchmark * 100);

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function datasetStats(world: World): DatasetStats {
  const eventsByType: Partial<Record<EventType, number>> = {};
  for (const type of EVENT_TYPES) {
    const n = world.eventsByType.get(type);
    if (n !== undefined) eventsByType[type] = n;
  }
  let unverified = 0;
  let rated = 0;
  let heldWorthy = 0;
  for (const designer of world.designers) {
    if (designer.verification !== 'verified') unverified += 1;
    let any = false;
    let below = false;
    for (let c = 0; c < NCAT; c++) {
      const k = designer.idx * NCAT + c;
      const count = world.ratingCount[k] ?? 0;
      if (count === 0) continue;
      any = true;
      if ((world.ratingSum[k] ?? 0) * 100 < BENCHMARK_HUNDREDTHS * count) below = true;
    }
    if (any) rated += 1;
    if (below) heldWorthy += 1;
  }
  const t = world.tally;
  const designers = world.designers.length;
  return {
    events: world.eventCount,
    eventsByType,
    firstEventAt: world.firstEventAt,
    lastEventAt: world.lastEventAt,
    designers,
    customers: world.customers.length,
    projects: t.projects,
    miniContests: t.miniContests,
    cancelledProjects: t.cancelledProjects,
    submissions: t.submissions,
    revisions: t.revisions,
    withdrawn: t.withdrawn,
    ratings: t.ratings,
    ratingRemovals: t.ratingRemovals,
    messages: t.messages,
    messagesByLang: { ...world.messagesByLang },
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
