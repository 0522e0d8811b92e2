// @vitest-environment jsdom
import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConsole } from './render';

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });

describe('batch mode', () => {
  it('selects rows with x and Shift x, previews the change, and decides them with one confirmation', async () => {
    const { fake } = renderConsole('/queues/held', { held: 10 });
    await screen.findByRole('grid');
    await waitFor(() => expect(document.querySelector('[aria-selected="true"]')).not.toBeNull());
    key('x');
    key('j');
    key('j');
    key('X', { shiftKey: true });
    expect(await screen.findByText('3 selected')).toBeTruthy();
    key('R', { shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Reject 3 designs' });
    expect(await within(dialog).findByText('sub-h000002')).toBeTruthy();
    expect(within(dialog).getAllByText('Rejected')).toHaveLength(3);
    expect(within(dialog).getByText('Pick a reason (1–6).')).toBeTruthy();
    fireEvent.keyDown(dialog, { key: '5' });
    await within(dialog).findByText(/3 designs will change/);
    fireEvent.click(within(dialog).getByRole('button', { name: /Reject 3 designs/ }));
    await waitFor(() => expect(fake.callsOf('decisions.batch')).toHaveLength(1));
    expect(fake.callsOf('decisions.batch')[0]).toEqual({ subjectType: 'submission', subjectIds: ['sub-h000000', 'sub-h000001', 'sub-h000002'], outcome: 'reject', reasonCode: 'duplicate_submission' });
    expect(await screen.findByText(/Rejected 3 designs \(duplicate submission\) — sending in 5 s/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('3 selected')).toBeNull());
  });
});

describe('sign-in', () => {
  it('says in words why a token was refused, and opens the workspace with a good one', async () => {
    renderConsole('/', { signedIn: false });
    const token = await screen.findByLabelText(/Moderator token/);
    fireEvent.change(token, { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/The platform refused this token/)).toBeTruthy();
    fireEvent.change(token, { target: { value: 'good' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Held submissions' })).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe('#/queues/held'));
  });
});

describe('the status bar', () => {
  it('says what waits while offline, and that the console service is gone when it is', async () => {
    const { fake, connection } = renderConsole('/queues/held', { held: 3 });
    await screen.findByRole('grid');
    act(() => fake.emit({ type: 'sync.status', status: { ...fake.sync, state: 'offline', outbox: 3, lastError: 'connect ECONNREFUSED' } }));
    expect(await screen.findByText('Offline — 3 decisions wait and will be sent when the platform is back')).toBeTruthy();
    act(() => fake.emit({ type: 'sync.status', status: { ...fake.sync, state: 'syncing', progress: { phase: 'pull', done: 120_000, total: 431_817 } } }));
    expect(await screen.findByText('Syncing 120,000 / 431,817')).toBeTruthy();
    act(() => connection.set('closed'));
    expect(await screen.findByText(/console’s service is not answering/)).toBeTruthy();
  });

  it('counts the seconds since the last sync on the platform’s clock', async () => {
    const { ticker } = renderConsole('/queues/held', { held: 3 });
    expect(await screen.findByText('synced 12 s ago')).toBeTruthy();
    act(() => ticker.advance(60_000));
    expect(await screen.findByText('synced 1 min ago')).toBeTruthy();
    expect(screen.getByText('platform time 12:01 UTC')).toBeTruthy();
  });
});

describe('roles and screens', () => {
  it('shows trust and safety their flags only', async () => {
    renderConsole('/', { roles: ['trust_safety'] });
    expect(await screen.findByRole('heading', { name: 'Manipulation flags' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(nav).queryByText('Held submissions')).toBeNull();
    expect(within(nav).queryByText('Audit')).toBeNull();
  });

  it('gives the auditor the audit screen and refuses a queue route it may not use', async () => {
    renderConsole('/audit', { roles: ['auditor'] });
    expect(await screen.findByRole('heading', { name: 'Audit' })).toBeTruthy();
    window.location.hash = '#/queues/nonsense';
    expect(await screen.findByText('This queue is not open to your role')).toBeTruthy();
  });
});

describe('keys everywhere', () => {
  it('opens the sheet on ?, and goes to a queue with g r but never rejects on the way', async () => {
    const { fake } = renderConsole('/queues/held/sub-h000000', { held: 3, review: 3 });
    await screen.findByTestId('why');
    key('?', { shiftKey: true });
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    key('Escape');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull());
    key('g');
    key('r');
    await waitFor(() => expect(window.location.hash).toBe('#/queues/review'));
    expect(fake.callsOf('decisions.decide')).toEqual([]);
    expect(await screen.findByRole('heading', { level: 1, name: '48-hour reviews' })).toBeTruthy();
  });

  it('jumps to an item by id from the command palette', async () => {
    renderConsole('/queues/held', { held: 3 });
    await screen.findByRole('grid');
    key('k', { ctrlKey: true });
    const search = await screen.findByRole('textbox', { name: 'Search or jump' });
    fireEvent.change(search, { target: { value: 'sub-h000002' } });
    fireEvent.click(await screen.findByText((_, el) => el?.tagName === 'BUTTON' && (el.textContent ?? '').startsWith('Open submission sub-h000002')));
    await waitFor(() => expect(window.location.hash).toBe('#/items/submission/sub-h000002'));
    expect(await screen.findByTestId('why')).toBeTruthy();
  });
});
