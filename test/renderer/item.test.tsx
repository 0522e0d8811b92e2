// @vitest-environment jsdom
import './setup';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../renderer/src/api/errors';
import { renderConsole } from './render';

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });
const shownItem = () => document.querySelector('[data-testid="item-screen"]')?.getAttribute('data-item-id');

describe('deciding an item', () => {
  it('shows why it is here, the countdown in platform time, the designer and the project', async () => {
    renderConsole('/queues/held/sub-h000000');
    expect((await screen.findByTestId('why')).textContent).toContain('Held: logo rating 2.31 over 13 rated designs is below 2.5');
    expect(screen.getByTestId('countdown').textContent).toBe('The customer sees itin 7 min12:07 UTC, 2 Nov');
    expect(screen.getByText('2.31 (13)')).toBeTruthy();
    expect(screen.getByText('Launch window ends')).toBeTruthy();
  });

  it('approves with A, opens the next item, and says it will send; U undoes and returns to it', async () => {
    const { fake } = renderConsole('/queues/held', { held: 5 });
    await screen.findByRole('grid');
    await waitFor(() => expect(document.querySelector('[aria-selected="true"]')).not.toBeNull());
    key('Enter');
    await waitFor(() => expect(shownItem()).toBe('sub-h000000'));
    await screen.findByTestId('why');
    key('a');
    await waitFor(() => expect(shownItem()).toBe('sub-h000001'));
    expect(fake.callsOf('decisions.decide')).toEqual([{ subjectType: 'submission', subjectId: 'sub-h000000', outcome: 'approve', expectedRev: 1 }]);
    expect(await screen.findByText(/Approved — sending in 5 s/)).toBeTruthy();
    expect(fake.claims.has('sub-h000001')).toBe(true);
    expect(fake.claims.has('sub-h000000')).toBe(false);
    key('u');
    await waitFor(() => expect(shownItem()).toBe('sub-h000000'));
    // The item it returns to is decidable at once: the next key is not lost on a stale copy.
    key('a');
    expect(fake.callsOf('decisions.undo')).toEqual([{ decisionId: 'dec-1' }]);
    expect(await screen.findByText('Undone — the design is back in its queue.')).toBeTruthy();
    await waitFor(() => expect(fake.callsOf('decisions.decide')).toHaveLength(2));
    expect(fake.callsOf('decisions.decide')[1]).toMatchObject({ subjectId: 'sub-h000000', outcome: 'approve' });
  });

  it('rejects with R, a number for the reason and Enter; “other” waits for a note', async () => {
    const { fake } = renderConsole('/queues/held/sub-h000000', { held: 5 });
    await screen.findByTestId('why');
    key('r');
    key('6');
    expect(await screen.findByText('Write a note: “Other” needs one.')).toBeTruthy();
    key('Enter');
    expect(fake.callsOf('decisions.decide')).toEqual([]);
    key('2');
    await screen.findByText('Reject: does not answer the brief');
    key('Enter');
    await waitFor(() => expect(shownItem()).toBe('sub-h000001'));
    expect(fake.callsOf('decisions.decide')).toEqual([{ subjectType: 'submission', subjectId: 'sub-h000000', outcome: 'reject', reasonCode: 'off_brief', expectedRev: 1 }]);
    expect(await screen.findByText(/Rejected \(does not answer the brief\) — sending in 5 s/)).toBeTruthy();
  });

  it('keeps the item and says so in words when the decision is refused', async () => {
    const { fake } = renderConsole('/queues/held/sub-h000000', { held: 5 });
    await screen.findByTestId('why');
    fake.failNext.set('decisions.decide', new ConsoleApiError({ status: 409, type: 'not-decidable', detail: 'It was approved elsewhere.' }));
    key('a');
    expect(await screen.findByText(/This design changed before your decision reached it: It was approved elsewhere\./)).toBeTruthy();
    expect(shownItem()).toBe('sub-h000000');
  });

  it('never fires while typing the note', async () => {
    const { fake } = renderConsole('/queues/held/sub-h000000', { held: 5 });
    await screen.findByTestId('why');
    key('r');
    key('n');
    const note = await screen.findByPlaceholderText(/Note for the designer/);
    await waitFor(() => expect(document.activeElement).toBe(note));
    fireEvent.keyDown(note, { key: 'a' });
    fireEvent.keyDown(note, { key: 'u' });
    expect(fake.callsOf('decisions.decide')).toEqual([]);
    expect(fake.callsOf('decisions.undo')).toEqual([]);
  });

  it('shows an auditor the item without any decision control', async () => {
    renderConsole('/queues/held/sub-h000000', { roles: ['auditor'] });
    await screen.findByTestId('why');
    expect(screen.getByTestId('read-only')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Reject/ })).toBeNull();
  });

  it('shows a conflict until it is opened, then the conflict list', async () => {
    const { fake } = renderConsole('/queues/held', { held: 5 });
    await screen.findByRole('grid');
    fake.overrides['conflicts.list'] = () => ({
      items: [
        {
          decisionId: 'dec-9',
          subjectType: 'submission',
          subjectId: 'sub-h000003',
          kind: 'conflict',
          summary: 'Someone decided this first: rejected (off brief) by Ana at 14:02',
          detail: 'The platform had a decision already.',
          yourOutcome: 'approve',
          theirs: { decisionId: 'p-1', outcome: 'reject', reasonCode: 'off_brief', moderatorId: 'm-2', moderatorName: 'Ana', at: '2026-11-02T14:02:00.000Z' },
          currentStatus: 'rejected',
          at: '2026-11-02T14:03:00.000Z',
          acknowledged: false,
        },
      ],
      total: 1,
    });
    act(() => fake.emit({ type: 'decision.changed', decisionId: 'dec-9', subjectType: 'submission', subjectId: 'sub-h000003', state: 'conflict', message: 'Someone decided this first: rejected (off brief) by Ana at 14:02' }));
    expect(await screen.findByText('Decided elsewhere first')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(window.location.hash).toBe('#/conflicts?focus=dec-9'));
    const card = await screen.findByTestId('conflict');
    expect(card.textContent).toContain('You: approved · Ana: rejected (does not answer the brief) at 14:02 UTC, 2 Nov · now rejected');
    expect(screen.queryByText('Decided elsewhere first')).toBeNull();
  });
});
