// @vitest-environment jsdom
// A designer's profile over the in-memory double: ratings per category with their counts, the
// trend's rows and its summary for screen readers, account status with the suspension's end,
// private feedback at risk, flags with their decisions, submissions by outcome; and finding the
// designer by name from the command palette.
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DesignerProfile } from '../../electron/contract';
import { statusCounts, trendRows } from '../../renderer/src/features/designers/profile';
import { FakeConsole, T0 } from './fakeConsole';
import { renderConsole } from './render';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function profile(overrides: Partial<DesignerProfile> = {}): DesignerProfile {
  return {
    id: 'd-7',
    handle: 'ana_designs',
    displayName: 'Ana Designs',
    verification: 'verified',
    accountStatus: 'suspended',
    suspendedUntil: iso(T0 + 7 * DAY),
    country: 'PT',
    joinedAt: iso(T0 - 300 * DAY),
    overall: { category: 'overall', value: '3.50', count: 4 },
    ratings: [
      { category: 'web', value: '4.00', count: 1 },
      { category: 'logo', value: '2.33', count: 3 },
    ],
    trend: [],
    decisions: { approved: 5, rejected: 2, pending: 1 },
    flags: { open: 0, confirmed: 1, dismissed: 1 },
    history: [
      { at: iso(T0 - 300 * DAY), verification: 'verified', accountStatus: 'active' },
      { at: iso(T0 - DAY), verification: 'verified', accountStatus: 'suspended', suspendedUntil: iso(T0 + 7 * DAY) },
    ],
    ratingSeries: [
      { category: 'logo', points: [{ at: iso(T0 - 20 * DAY), value: 3, count: 1 }, { at: iso(T0 - 10 * DAY), value: 2.5, count: 2 }, { at: iso(T0 - 2 * DAY), value: 2.333, count: 3 }] },
      { category: 'web', points: [{ at: iso(T0 - 10 * DAY), value: 4, count: 1 }] },
    ],
    positiveFeedback: { score: 75, positive: 3, counted: 4, explanation: '' },
    privateFeedbackAtRisk: { atRisk: 1, total: 3, items: [{ contractId: 'k-3', recommend: 2, postedAt: iso(T0 - 5 * DAY), reasonEnded: 'late delivery' }] },
    submissions: {
      byStatus: { visible: 5, rejected: 2, pending_review: 1, held: 0 },
      recent: [{ id: 's-1', status: 'rejected', submittedAt: iso(T0 - 3 * DAY), projectTitle: 'Bakery logo', category: 'logo', decision: { decisionId: 'dec-9', outcome: 'reject', reasonCode: 'off_brief', moderatorId: 'm-2', moderatorName: 'Rui', at: iso(T0 - 2 * DAY) } }],
    },
    flagList: [
      { id: 'flag-d-7-c-9', status: 'confirmed', score: 96, createdAt: iso(T0 - DAY - HOUR), detectors: ['incentive_offer', 'pressure_message'], decision: { decisionId: 'dec-10', outcome: 'confirm', moderatorId: 'm-1', moderatorName: 'Ana Moderator', at: iso(T0 - DAY), sanctions: [{ type: 'suspend', days: 8 }] } },
      { id: 'flag-d-7-c-2', status: 'dismissed', score: 55, createdAt: iso(T0 - 9 * DAY), detectors: ['pressure_message'], decision: { decisionId: 'dec-4', outcome: 'dismiss', reasonCode: 'insufficient_evidence', moderatorId: 'm-2', moderatorName: 'Rui', at: iso(T0 - 8 * DAY) } },
    ],
    ...overrides,
  };
}

function designerConsole(p: DesignerProfile = profile()): FakeConsole {
  const fake = new FakeConsole({ held: 0, review: 0, roles: ['trust_safety'] });
  fake.overrides['designers.get'] = () => p;
  fake.overrides['designers.search'] = (input) => ({
    items: [p].filter((d) => d.handle.includes(input.query) || d.displayName.toLowerCase().includes(input.query.toLowerCase())).map((d) => ({ id: d.id, handle: d.handle, displayName: d.displayName, verification: d.verification, accountStatus: d.accountStatus })),
  });
  return fake;
}

describe('the trend’s rows', () => {
  it('carry every category forward from its first rating, join changes at the same moment, and reach the given day', () => {
    const rows = trendRows(profile().ratingSeries, T0);
    expect(rows).toEqual([
      { t: T0 - 20 * DAY, logo: 3 },
      { t: T0 - 10 * DAY, logo: 2.5, web: 4 },
      { t: T0 - 2 * DAY, logo: 2.33, web: 4 },
      { t: T0, logo: 2.33, web: 4 },
    ]);
    expect(trendRows([], T0)).toEqual([]);
  });

  it('orders the submission counts as a submission moves, leaving out the empty ones', () => {
    expect(statusCounts({ visible: 5, rejected: 2, pending_review: 1, held: 0 })).toEqual([
      { status: 'pending_review', n: 1 },
      { status: 'visible', n: 5 },
      { status: 'rejected', n: 2 },
    ]);
  });
});

describe('a designer’s profile', { timeout: 60_000 }, () => {
  it('shows ratings with counts, the trend, the account with its suspension, private feedback at risk, flags and submissions', async () => {
    renderConsole('/designers/d-7', { fake: designerConsole() });
    expect(await screen.findByRole('heading', { level: 1, name: '@ana_designs' })).toBeTruthy();
    const ratings = screen.getByTestId('ratings');
    const rows = within(ratings).getAllByRole('row').map((r) => r.textContent);
    // Categories in the core's order, each with the count behind it; the overall last.
    expect(rows).toEqual(['CategoryRating (count)', 'Logo2.33 (3)', 'Web design4.00 (1)', 'Overall3.50 (4)']);
    expect(screen.getByTestId('account-status').textContent).toBe('suspended until 12:00 UTC, 9 Nov');
    expect(screen.getByTestId('trend-chart').getAttribute('aria-label')).toBe('Rating trend 13 Oct 2026 to 2 Nov 2026: Logo from 3.00 to 2.33; Web design from 4.00 to 4.00');
    expect(screen.getByTestId('at-risk').textContent).toContain('1 of 3 private answers below');
    expect(screen.getByText('late delivery')).toBeTruthy();
    const flags = within(screen.getByTestId('flag-list')).getAllByRole('row');
    expect(flags).toHaveLength(3);
    expect(flags[1]?.textContent).toContain('Confirmed by Ana Moderator');
    expect(flags[1]?.textContent).toContain('suspend');
    expect(within(flags[1] ?? document.body).getByRole('link').getAttribute('href')).toBe('#/items/flag/flag-d-7-c-9');
    expect(screen.getByTestId('submission-counts').textContent).toBe('Waiting for review 1Visible 5Rejected 2');
    expect(screen.getByText('Rejected (does not answer the brief) by Rui')).toBeTruthy();
  });

  it('says so when the cache has no such designer', async () => {
    const fake = new FakeConsole({ held: 0, review: 0 });
    renderConsole('/designers/d-404', { fake });
    expect(await screen.findByText('No designer d-404 on this machine')).toBeTruthy();
  });

  it('is found by name from the command palette', async () => {
    renderConsole('/designers', { fake: designerConsole() });
    await screen.findByRole('heading', { level: 1, name: 'Designers' });
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const search = await screen.findByRole('textbox', { name: 'Search or jump' });
    fireEvent.change(search, { target: { value: 'ana des' } });
    fireEvent.click(await screen.findByText((_, el) => el?.tagName === 'BUTTON' && (el.textContent ?? '').startsWith('@ana_designs')));
    await waitFor(() => expect(window.location.hash).toBe('#/designers/d-7'));
    expect(await screen.findByRole('heading', { level: 1, name: '@ana_designs' })).toBeTruthy();
  });

  it('finds a designer by handle on the designers screen and opens the first with Enter', async () => {
    renderConsole('/designers', { fake: designerConsole() });
    const input = await screen.findByRole('textbox', { name: 'Find a designer by handle or name' });
    fireEvent.change(input, { target: { value: '@ana' } });
    expect(await within(await screen.findByTestId('designer-results')).findByText('@ana_designs')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe('#/designers/d-7'));
  });
});
