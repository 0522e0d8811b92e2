// @vitest-environment jsdom
// The dashboard over the in-memory double: four charts from the console's series, each with the
// sentence a screen reader hears computed from the same numbers; the period in the URL; and the
// charts still drawn, marked as of the last sync, when the console is offline.
import './setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../electron/contract';
import { dashboardWords, detectorRows, parseDays, slaRows } from '../../renderer/src/features/dashboard/dashboard';
import { FakeConsole, T0 } from './fakeConsole';
import { renderConsole } from './render';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const DASHBOARD: Dashboard = {
  from: iso(T0 - 14 * 24 * HOUR),
  to: iso(T0),
  queueSizes: [
    { at: iso(T0 - 2 * HOUR), held: 10, review: 4, flags: 2 },
    { at: iso(T0), held: 12, review: 3, flags: 1 },
  ],
  sla: [
    { day: '2026-11-01', inTime: 5, late: 1, dueSoon: 0, overdue: 0 },
    { day: '2026-11-02', inTime: 2, late: 0, dueSoon: 2, overdue: 1 },
  ],
  decisionsPerHour: [
    { hour: iso(T0 - HOUR), approve: 3, reject: 1, dismiss: 0, confirm: 0 },
    { hour: iso(T0), approve: 0, reject: 0, dismiss: 1, confirm: 1 },
  ],
  flagsByDetector: [
    { detector: 'pressure_message', open: 1, dismissed: 2, confirmed: 1 },
    { detector: 'incentive_offer', open: 0, dismissed: 0, confirmed: 1 },
  ],
};

function dashboardConsole(): FakeConsole {
  const fake = new FakeConsole({ held: 0, review: 0, roles: ['quality'] });
  fake.overrides['dashboard.get'] = (input) => ({ ...DASHBOARD, from: iso(T0 - input.days * 24 * HOUR) });
  return fake;
}

describe('the dashboard’s numbers', () => {
  it('say in words what each chart draws', () => {
    expect(dashboardWords(DASHBOARD)).toEqual({
      sizes: 'Now 12 held, 3 in 48-hour review and 1 open flag.',
      sla: '7 reviews decided in time and 1 late; 1 overdue and 2 due soon still waiting.',
      hours: '6 decisions in the last 2 hours.',
      detectors: '5 detector hits across flags, by the detector that fired.',
    });
    expect(slaRows(DASHBOARD).map((r) => r.day)).toEqual(['1 Nov', '2 Nov']);
    expect(detectorRows(DASHBOARD).map((r) => [r.detector, r.confirmed])).toEqual([
      ['Pressure', 1],
      ['Incentive', 1],
    ]);
    expect([parseDays('days=30'), parseDays('days=31'), parseDays('')]).toEqual([30, 14, 14]);
  });
});

describe('the dashboard', { timeout: 60_000 }, () => {
  it('draws its four charts with their sentences and changes the period in the URL', async () => {
    const { fake } = renderConsole('/dashboard', { fake: dashboardConsole() });
    expect(await screen.findByRole('img', { name: 'Queue sizes: Now 12 held, 3 in 48-hour review and 1 open flag.' })).toBeTruthy();
    for (const id of ['chart-sizes', 'chart-sla', 'chart-hours', 'chart-detectors']) expect(screen.getByTestId(id)).toBeTruthy();
    expect(fake.callsOf('dashboard.get')).toEqual([{ days: 14 }]);
    fireEvent.click(screen.getByText('30 days'));
    await waitFor(() => expect(window.location.hash).toBe('#/dashboard?days=30'));
    await waitFor(() => expect(fake.callsOf('dashboard.get').at(-1)).toEqual({ days: 30 }));
  });

  it('works offline from the cache, saying so', async () => {
    const fake = dashboardConsole();
    fake.sync = { ...fake.sync, state: 'offline', live: false };
    renderConsole('/dashboard', { fake });
    await screen.findByTestId('chart-sla');
    expect(screen.getByTestId('dashboard-source').textContent).toBe('From this machine’s cache — offline, as of the last sync · synced 12 s ago');
  });
});
