// @vitest-environment jsdom
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConsole } from './render';

describe('the shell', () => {
  it('shows the held queue with live counts in the navigation and the status bar', async () => {
    renderConsole('/queues/held', { held: 12, review: 3 });
    expect(await screen.findByRole('heading', { level: 1, name: 'Held submissions' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(await within(nav).findByText('12')).toBeTruthy();
    expect(within(nav).getByText('3')).toBeTruthy();
    expect(await screen.findByText('synced 12 s ago')).toBeTruthy();
    expect(screen.getByText('platform time 12:00 UTC')).toBeTruthy();
  });
});
