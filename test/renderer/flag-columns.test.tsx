// @vitest-environment jsdom
import './setup';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DETECTOR_TITLES } from '../../core';
import type { FlagRow } from '../../electron/contract';
import { FLAG_COLUMNS } from '../../renderer/src/screens/Flags/flagColumns';

const row = (detectors: FlagRow['detectors']): FlagRow => ({
  subjectType: 'flag',
  id: 'flag-1',
  rev: 1,
  status: 'open',
  score: 96,
  detectors,
  designer: { id: 'd1', handle: 'ana', displayName: 'Ana', verification: 'verified', accountStatus: 'active' },
  createdAt: '2026-11-20T10:00:00.000Z',
  firstHit: 'Designer offered "free" in return for a rating',
  lookers: [],
});

function renderDetectors(detectors: FlagRow['detectors']) {
  const column = FLAG_COLUMNS.find((c) => c.id === 'detectors');
  if (column === undefined) throw new Error('no detectors column');
  return render(<MantineProvider>{column.cell(row(detectors), { onFilterDesigner: () => undefined })}</MantineProvider>);
}

describe('the flag queue’s detectors cell', () => {
  it('shows every detector when there are two', () => {
    renderDetectors(['pressure_message', 'incentive_offer']);
    expect(screen.getByText('Pressure')).toBeTruthy();
    expect(screen.getByText('Incentive')).toBeTruthy();
    expect(screen.queryByText(/^\+/)).toBeNull();
  });

  it('shows two and counts the rest, naming them for a screen reader and in the title', () => {
    renderDetectors(['pressure_message', 'incentive_offer', 'rating_raised_after_contact', 'customer_report']);
    expect(screen.queryByText('Raised after contact')).toBeNull();
    const more = screen.getByText(/^\+2/);
    expect(more.textContent).toBe('+2 more: Raised after contact, Report');
    expect(more.closest('[title]')?.getAttribute('title')).toBe(`${DETECTOR_TITLES.rating_raised_after_contact}; ${DETECTOR_TITLES.customer_report}`);
  });
});
