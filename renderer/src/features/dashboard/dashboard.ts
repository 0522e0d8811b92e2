// The dashboard's series (computed by the console's service from its cache, so they work
// offline) and the few sentences that say what each chart shows, for readers who do not see it.
import { useQuery } from '@tanstack/react-query';
import { DETECTOR_TITLES } from '../../../../core';
import type { Dashboard } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';
import { DETECTOR_SHORT } from '../flags/words';
import { count, countOf } from '../time/words';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const DASHBOARD_DAYS = [7, 14, 30] as const;
export type DashboardDays = (typeof DASHBOARD_DAYS)[number];

export function parseDays(search: string): DashboardDays {
  const days = Number(new URLSearchParams(search).get('days'));
  return DASHBOARD_DAYS.find((d) => d === days) ?? 14;
}

export function useDashboard(days: number) {
  const api = useApi();
  // Events do not name the dashboard: it refreshes on its own, and on a nudge when the stream returns.
  return useQuery({ queryKey: queryKeys.dashboard(days), queryFn: () => api.dashboard.get({ days }), staleTime: 30_000, refetchInterval: 60_000 });
}

export function queueSizeRows(d: Dashboard) {
  return d.queueSizes.map((p) => ({ t: Date.parse(p.at), held: p.held, review: p.review, flags: p.flags }));
}

export function slaRows(d: Dashboard) {
  return d.sla.map((s) => {
    const day = new Date(`${s.day}T00:00:00.000Z`);
    return { day: `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()] ?? ''}`, date: s.day, inTime: s.inTime, late: s.late, dueSoon: s.dueSoon, overdue: s.overdue };
  });
}

export function hourRows(d: Dashboard) {
  return d.decisionsPerHour.map((h) => ({ t: Date.parse(h.hour), approve: h.approve, reject: h.reject, dismiss: h.dismiss, confirm: h.confirm }));
}

export function detectorRows(d: Dashboard) {
  return d.flagsByDetector.map((f) => ({ detector: DETECTOR_SHORT[f.detector], title: DETECTOR_TITLES[f.detector], open: f.open, dismissed: f.dismissed, confirmed: f.confirmed }));
}

/** One sentence per chart, from the same numbers. */
export function dashboardWords(d: Dashboard): { sizes: string; sla: string; hours: string; detectors: string } {
  const now = d.queueSizes[d.queueSizes.length - 1];
  const sum = (f: (s: Dashboard['sla'][number]) => number) => d.sla.reduce((n, s) => n + f(s), 0);
  const decided = d.decisionsPerHour.reduce((n, h) => n + h.approve + h.reject + h.dismiss + h.confirm, 0);
  const flagged = d.flagsByDetector.reduce((n, f) => n + f.open + f.dismissed + f.confirmed, 0);
  return {
    sizes: now === undefined ? 'No queue history yet.' : `Now ${count(now.held)} held, ${count(now.review)} in 48-hour review and ${countOf(now.flags, 'open flag')}.`,
    sla: `${countOf(sum((s) => s.inTime), 'review')} decided in time and ${count(sum((s) => s.late))} late; ${count(sum((s) => s.overdue))} overdue and ${count(sum((s) => s.dueSoon))} due soon still waiting.`,
    hours: `${countOf(decided, 'decision')} in the last ${countOf(d.decisionsPerHour.length, 'hour')}.`,
    detectors: `${countOf(flagged, 'detector hit')} across flags, by the detector that fired.`,
  };
}
