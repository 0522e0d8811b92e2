// @vitest-environment jsdom
import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConsole } from './render';

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });
const currentRow = () => document.querySelector('[role="row"][aria-selected="true"]');

describe('a queue', () => {
  it('moves with j/k and arrows, marks the row, and opens it with Enter (focus on the grid)', async () => {
    renderConsole('/queues/held', { held: 40 });
    const grid = await screen.findByRole('grid', { name: 'Held submissions' });
    await waitFor(() => expect(currentRow()?.getAttribute('data-row-id')).toBe('sub-h000000'));
    expect(document.activeElement).toBe(grid);
    key('j');
    key('ArrowDown');
    key('k');
    key('j');
    await waitFor(() => expect(currentRow()?.getAttribute('data-row-id')).toBe('sub-h000002'));
    expect(grid.getAttribute('aria-rowcount')).toBe('41');
    key('Enter');
    await waitFor(() => expect(window.location.hash).toBe('#/queues/held/sub-h000002'));
    expect(await screen.findByTestId('why')).toBeTruthy();
  });

  it('keeps filters and order in the URL, and restores them from it', async () => {
    const { fake } = renderConsole('/queues/held?category=logo&sort=arrived&order=desc', { held: 40 });
    expect(await screen.findByText('10 of 40 match')).toBeTruthy();
    const page = fake.callsOf('queues.page')[0];
    expect(page).toMatchObject({ queue: 'held', filter: { category: 'logo' }, sort: 'arrived', order: 'desc' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(window.location.hash).toBe('#/queues/held?sort=arrived&order=desc'));
    expect(await screen.findByText('40 designs held')).toBeTruthy();
  });

  it('filters to a designer from a row', async () => {
    renderConsole('/queues/held', { held: 80 });
    const grid = await screen.findByRole('grid');
    const first = await within(grid).findAllByTitle('Show only @designer0');
    fireEvent.click(first[0] ?? grid);
    await waitFor(() => expect(window.location.hash).toBe('#/queues/held?designer=d-0'));
    expect(await screen.findByText('Designer @designer0')).toBeTruthy();
  });

  it('keeps the cursor on its item when rows above it leave', async () => {
    const { fake } = renderConsole('/queues/held', { held: 30 });
    await screen.findByRole('grid');
    await waitFor(() => expect(currentRow()).not.toBeNull());
    for (let i = 0; i < 5; i += 1) key('j');
    await waitFor(() => expect(currentRow()?.getAttribute('data-row-id')).toBe('sub-h000005'));
    // Someone else decided the first two rows: they leave the cache.
    fake.rows = fake.rows.filter((r) => r.id !== 'sub-h000000' && r.id !== 'sub-h000001');
    act(() => fake.emit({ type: 'queues.changed', queues: ['held'], subjectIds: ['sub-h000000', 'sub-h000001'] }));
    await waitFor(() => expect(screen.getByText('28 designs held')).toBeTruthy());
    await waitFor(() => expect(currentRow()?.getAttribute('data-row-id')).toBe('sub-h000005'));
    expect(currentRow()?.getAttribute('aria-rowindex')).toBe('5');
  });

  it('says calmly why a queue is empty', async () => {
    renderConsole('/queues/held', { held: 0 });
    expect(await screen.findByText('Nothing is held')).toBeTruthy();
    expect(screen.getByText(/rated below 2\.5 in a category/)).toBeTruthy();
  });

  it('does not react to keys typed into a filter', async () => {
    renderConsole('/queues/held', { held: 10 });
    await screen.findByRole('grid');
    await waitFor(() => expect(currentRow()?.getAttribute('data-row-id')).toBe('sub-h000000'));
    key('/');
    const category = document.querySelector('input[aria-label="Category"]');
    if (category === null) throw new Error('no category filter');
    await waitFor(() => expect(document.activeElement).toBe(category));
    fireEvent.keyDown(category, { key: 'j' });
    expect(currentRow()?.getAttribute('data-row-id')).toBe('sub-h000000');
  });
});
