// A designer's profile (R1 ratings with their counts and trend, verification and account
// history, R6 positive feedback, R11 private feedback at risk, submissions, flags), and the
// trend chart's rows: one row per moment a category's rating changed, every category carried
// forward, so a step line shows the rating as it stood between changes.
import { useQuery } from '@tanstack/react-query';
import type { DesignerProfile } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';

export function useDesignerProfile(designerId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.designer(designerId), queryFn: () => api.designers.get({ designerId }), staleTime: 10_000 });
}

export type TrendRow = { t: number } & Record<string, number>;

/** Rows for the chart, oldest first; a category appears from its first rating on. */
export function trendRows(series: DesignerProfile['ratingSeries'], nowMs?: number): TrendRow[] {
  const events: Array<{ t: number; category: string; value: number }> = [];
  for (const s of series) for (const p of s.points) events.push({ t: Date.parse(p.at), category: s.category, value: p.value });
  events.sort((a, b) => a.t - b.t);
  const current: Record<string, number> = {};
  const rows: TrendRow[] = [];
  for (const e of events) {
    current[e.category] = Math.round(e.value * 100) / 100;
    const last = rows[rows.length - 1];
    // Changes at the same moment share a row.
    if (last !== undefined && last.t === e.t) Object.assign(last, current);
    else rows.push({ ...current, t: e.t });
  }
  // Carry the last values to now, so the line reaches today.
  const last = rows[rows.length - 1];
  if (last !== undefined && nowMs !== undefined && nowMs > last.t) rows.push({ ...current, t: nowMs });
  return rows;
}

/** "12 visible · 3 rejected · 1 held" in the core's status order. */
export function statusCounts(byStatus: Record<string, number>): Array<{ status: string; n: number }> {
  const order = ['pending_review', 'held', 'scheduled', 'visible', 'rejected', 'expired', 'withdrawn'];
  return Object.entries(byStatus)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)))
    .map(([status, n]) => ({ status, n }));
}
