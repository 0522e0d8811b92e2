// The dashboard's series, computed from the cache so they work offline: queue sizes over time
// (from each item's time in its queue), the 48-hour SLA per day, decisions per hour by outcome
// (the platform's record, every moderator), and flags by detector and outcome.
import { DAY_MS, DETECTORS, HOUR_MS, toIso, toMs, type DetectorName } from '../../../core';
import type { Dashboard } from '../../contract';
import type { QueryContext } from './context';

/** Points on the queue-size chart: every 6 hours. */
const SIZE_STEP_MS = 6 * HOUR_MS;

interface Interval {
  start: number;
  end: number;
}

function countAt(intervals: readonly Interval[], at: number): number {
  let n = 0;
  for (const i of intervals) if (i.start <= at && at < i.end) n += 1;
  return n;
}

export async function dashboard(ctx: QueryContext, days: number): Promise<Dashboard> {
  const nowMs = ctx.platformNow();
  const toMsEnd = nowMs;
  const fromMs = Math.floor((nowMs - days * DAY_MS) / HOUR_MS) * HOUR_MS;
  const from = toIso(fromMs);
  const now = toIso(nowMs);
  const { reviewSlaHours, warnFraction } = ctx.policy().verification;
  const dueSoonLead = reviewSlaHours * (1 - warnFraction) * HOUR_MS;

  // Held and 48-hour items whose time in the queue overlaps the period.
  const rows: Array<{ status: string; submitted_at: string; release_at: string | null; review_due_at: string | null; decided_at: string | null; pending: string | null; hold_reason: string | null }> = await ctx
    .read('submissions')
    .where('submitted_at', '<', now)
    .where((w) => w.where('release_at', '>=', from).orWhere('review_due_at', '>=', toIso(fromMs - 30 * DAY_MS)))
    .where((w) => w.whereNotNull('review_due_at').orWhereRaw("json_extract(data, '$.holdReason') = 'held_low_rating'"))
    .select('status', 'submitted_at', 'release_at', 'review_due_at', 'decided_at', 'pending_decision_id as pending', ctx.read.raw("json_extract(data, '$.holdReason') as hold_reason"));
  const held: Interval[] = [];
  const review: Interval[] = [];
  const sla = new Map<string, { inTime: number; late: number; dueSoon: number; overdue: number }>();
  for (const row of rows) {
    const start = toMs(row.submitted_at);
    const decided = row.decided_at === null ? null : toMs(row.decided_at);
    if (row.hold_reason === 'held_low_rating' && row.release_at !== null) {
      held.push({ start, end: Math.min(decided ?? Infinity, toMs(row.release_at)) });
    }
    if (row.review_due_at !== null) {
      const due = toMs(row.review_due_at);
      const open = row.status === 'pending_review';
      review.push({ start, end: open ? Infinity : (decided ?? start) });
      if (due < fromMs) continue;
      const day = toIso(due).slice(0, 10);
      const bucket = sla.get(day) ?? { inTime: 0, late: 0, dueSoon: 0, overdue: 0 };
      if (decided !== null) {
        if (decided <= due) bucket.inTime += 1;
        else bucket.late += 1;
      } else if (open) {
        if (due < nowMs) bucket.overdue += 1;
        else if (due - dueSoonLead <= nowMs) bucket.dueSoon += 1;
      }
      sla.set(day, bucket);
    }
  }
  const flagRows: Array<{ created_at: string; decided_at: string | null; status: string; data: string }> = await ctx.read('flags').select('created_at', 'decided_at', 'status', 'data');
  const flagIntervals: Interval[] = [];
  const byDetector = new Map<DetectorName, { open: number; dismissed: number; confirmed: number }>(DETECTORS.map((d) => [d, { open: 0, dismissed: 0, confirmed: 0 }]));
  for (const row of flagRows) {
    flagIntervals.push({ start: toMs(row.created_at), end: row.decided_at === null ? (row.status === 'open' ? Infinity : toMs(row.created_at)) : toMs(row.decided_at) });
    const flag = JSON.parse(row.data) as { hits: Array<{ detector: DetectorName }> };
    const status = row.status === 'confirmed' ? 'confirmed' : row.status === 'dismissed' ? 'dismissed' : 'open';
    for (const detector of new Set(flag.hits.map((h) => h.detector))) {
      const counts = byDetector.get(detector);
      if (counts !== undefined) counts[status] += 1;
    }
  }
  const queueSizes: Dashboard['queueSizes'] = [];
  for (let at = Math.ceil(fromMs / SIZE_STEP_MS) * SIZE_STEP_MS; at <= toMsEnd; at += SIZE_STEP_MS) {
    queueSizes.push({ at: toIso(at), held: countAt(held, at), review: countAt(review, at), flags: countAt(flagIntervals, at) });
  }
  queueSizes.push({ at: now, held: countAt(held, nowMs), review: countAt(review, nowMs), flags: countAt(flagIntervals, nowMs) });

  // Decisions per hour over the last two days at most: a chart of 48 bars still reads.
  const hoursFrom = Math.max(fromMs, Math.floor((nowMs - 48 * HOUR_MS) / HOUR_MS) * HOUR_MS);
  const decisionRows: Array<{ at: string; outcome: string }> = [
    ...(await ctx.read('submissions').where('decided_at', '>=', toIso(hoursFrom)).select('decided_at as at', ctx.read.raw("json_extract(data, '$.decision.outcome') as outcome"))),
    ...(await ctx.read('flags').where('decided_at', '>=', toIso(hoursFrom)).select('decided_at as at', ctx.read.raw("json_extract(data, '$.decision.outcome') as outcome"))),
  ];
  const perHour = new Map<number, { approve: number; reject: number; dismiss: number; confirm: number }>();
  for (let h = hoursFrom; h <= nowMs; h += HOUR_MS) perHour.set(h, { approve: 0, reject: 0, dismiss: 0, confirm: 0 });
  for (const row of decisionRows) {
    const hour = Math.floor(toMs(row.at) / HOUR_MS) * HOUR_MS;
    const bucket = perHour.get(hour);
    if (bucket !== undefined && (row.outcome === 'approve' || row.outcome === 'reject' || row.outcome === 'dismiss' || row.outcome === 'confirm')) bucket[row.outcome] += 1;
  }

  return {
    from,
    to: now,
    queueSizes: queueSizes.slice(-500),
    sla: [...sla.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(-400)
      .map(([day, counts]) => ({ day, ...counts })),
    decisionsPerHour: [...perHour.entries()].map(([hour, counts]) => ({ hour: toIso(hour), ...counts })),
    flagsByDetector: [...byDetector.entries()].map(([detector, counts]) => ({ detector, ...counts })),
  };
}
