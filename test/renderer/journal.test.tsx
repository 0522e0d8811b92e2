// @vitest-environment jsdom
// The decision journal over the in-memory double: the filter lives in the URL and reaches the
// console API as instants (days in platform time, `to` exclusive); an entry opens with what the
// moderator was shown and the platform's answer; the chain's state; the CSV export downloads the
// file the console produced.
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionEntry, JournalRecord } from '../../electron/contract';
import { journalPath, parseJournalFilter, toApiFilter } from '../../renderer/src/features/journal/filters';
import { FakeConsole, T0 } from './fakeConsole';
import { renderConsole } from './render';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const ENTRIES: DecisionEntry[] = [
  { decisionId: 'dec-3', subjectType: 'flag', subjectId: 'flag-d-7-c-9', outcome: 'dismiss', reasonCode: 'insufficient_evidence', decidedAt: iso(T0 - HOUR), moderatorId: 'm-1', queue: 'flags', state: 'applied', platformAnswer: 'Applied: flag flag-d-7-c-9 dismissed.' },
  { decisionId: 'dec-2', subjectType: 'submission', subjectId: 'sub-h000001', outcome: 'reject', reasonCode: 'off_brief', decidedAt: iso(T0 - 2 * HOUR), moderatorId: 'm-2', queue: 'held', state: 'conflict', platformAnswer: 'Someone decided this first: approved by m-3.' },
  { decisionId: 'dec-1', subjectType: 'submission', subjectId: 'sub-h000002', outcome: 'approve', decidedAt: iso(T0 - 30 * HOUR), moderatorId: 'm-1', queue: 'held', state: 'queued' },
];

const record = (n: number, kind: JournalRecord['kind'], payload: Record<string, unknown>): JournalRecord => ({ n, kind, decisionId: 'dec-3', atPlatform: iso(T0 - HOUR + n * 1000), atLocal: iso(T0 - HOUR + n * 1000), moderatorId: 'm-1', payload, hash: `${n}`.repeat(64) });

function journalConsole(options: { chainOk?: boolean } = {}): FakeConsole {
  const fake = new FakeConsole({ held: 0, review: 0, roles: ['trust_safety'] });
  fake.overrides['decisions.list'] = (input) => {
    const items = ENTRIES.filter(
      (e) =>
        (input.state === undefined || e.state === input.state) &&
        (input.outcome === undefined || e.outcome === input.outcome) &&
        (input.moderatorId === undefined || e.moderatorId === input.moderatorId) &&
        (input.queue === undefined || e.queue === input.queue) &&
        (input.from === undefined || e.decidedAt >= input.from) &&
        (input.to === undefined || e.decidedAt < input.to),
    );
    return { items, next: null, total: items.length };
  };
  fake.overrides['decisions.get'] = (input) => {
    const entry = ENTRIES.find((e) => e.decisionId === input.decisionId) ?? ENTRIES[0];
    if (entry === undefined) throw new Error('no entries');
    return {
      ...entry,
      journal: [
        record(1, 'decided', { shown: { explanation: 'Score 96 from 3 hits.', policyVersion: '2026.11', evidenceKeys: ['message:m-1:2026-11-01T10:00:00.000Z'] }, request: { note: 'Looked at the whole thread.' } }),
        record(2, 'sent', {}),
        record(3, 'answered', { status: 200, result: 'applied', entities: [{ type: 'flag', id: 'flag-d-7-c-9', rev: 2 }] }),
      ],
    };
  };
  fake.overrides['journal.verify'] = () => (options.chainOk ?? true ? { ok: true, entries: 9, head: 'ab'.repeat(32) } : { ok: false, entries: 9, firstBadEntry: 4, reason: 'Entry 4’s hash does not match its content.' });
  fake.overrides['journal.export'] = () => ({ filename: 'journal-2026-11-02.csv', csv: 'decisionId,outcome\ndec-3,dismiss\n', rows: 1, truncated: false });
  return fake;
}

describe('the journal’s filter', () => {
  it('round-trips through the URL, drops what it does not know, and bounds whole days in platform time', () => {
    const f = parseJournalFilter('state=conflict&outcome=reject&reason=off_brief&queue=held&moderator=m-2&from=2026-11-01&to=2026-11-02&bogus=1');
    expect(f).toEqual({ state: 'conflict', outcome: 'reject', reasonCode: 'off_brief', queue: 'held', moderatorId: 'm-2', fromDay: '2026-11-01', toDay: '2026-11-02' });
    expect(parseJournalFilter(journalPath(f).split('?')[1] ?? '')).toEqual(f);
    expect(parseJournalFilter('state=lost&outcome=maybe&from=2026-02-30&reason=DROP TABLE')).toEqual({});
    expect(toApiFilter({ fromDay: '2026-11-01', toDay: '2026-11-02' })).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' });
  });
});

describe('the decision journal', { timeout: 60_000 }, () => {
  let clicked: string[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = () => 'blob:journal';
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    };
  });
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    HTMLAnchorElement.prototype.click = original.click;
  });

  it('lists every decision with its state and answer, and shows the chain verified', async () => {
    renderConsole('/journal', { fake: journalConsole() });
    const table = await screen.findByTestId('journal-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]?.textContent).toContain('Dismissed (insufficient evidence)');
    expect(rows[1]?.textContent).toContain('Ana Moderator (you)');
    expect(rows[2]?.textContent).toContain('Conflict');
    expect(rows[2]?.textContent).toContain('Someone decided this first');
    expect(screen.getByTestId('journal-count').textContent).toBe('3 decisions made here');
    expect((await screen.findByTestId('chain-state')).textContent).toBe('Chain verified · 9 entries');
  });

  it('filters by state and day from the URL and sends them to the console as instants', async () => {
    const { fake } = renderConsole('/journal?state=conflict&from=2026-11-02', { fake: journalConsole() });
    const table = await screen.findByTestId('journal-table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByTestId('journal-count').textContent).toBe('1 decision match');
    expect(fake.callsOf('decisions.list').at(-1)).toMatchObject({ state: 'conflict', from: '2026-11-02T00:00:00.000Z' });
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] ?? document.body);
    await waitFor(() => expect(window.location.hash).toBe('#/journal'));
    await waitFor(() => expect(within(screen.getByTestId('journal-table')).getAllByRole('row')).toHaveLength(4));
  });

  it('picks an outcome from the filter and keeps it in the URL', async () => {
    const { fake } = renderConsole('/journal', { fake: journalConsole() });
    await screen.findByTestId('journal-table');
    fireEvent.click(screen.getByRole('combobox', { name: 'Outcome' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Approved', hidden: true }));
    await waitFor(() => expect(window.location.hash).toBe('#/journal?outcome=approve'));
    await waitFor(() => expect(within(screen.getByTestId('journal-table')).getAllByRole('row')).toHaveLength(2));
    expect(fake.callsOf('decisions.list').at(-1)).toMatchObject({ outcome: 'approve' });
  });

  it('opens an entry with Enter: what the moderator was shown, the note, the platform’s answer and the journal entries', async () => {
    renderConsole('/journal', { fake: journalConsole() });
    await screen.findByTestId('journal-table');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    const detail = await screen.findByTestId('decision-detail');
    expect(window.location.hash).toBe('#/journal?open=dec-3');
    expect(within(detail).getByText('Score 96 from 3 hits.')).toBeTruthy();
    expect(within(detail).getByText('message:m-1:2026-11-01T10:00:00.000Z')).toBeTruthy();
    expect(within(detail).getByText('Looked at the whole thread.')).toBeTruthy();
    expect(within(screen.getByTestId('platform-answer')).getByText('Applied: flag flag-d-7-c-9 dismissed.')).toBeTruthy();
    expect(within(screen.getByTestId('platform-answer')).getByText('flag flag-d-7-c-9 (rev 2)')).toBeTruthy();
    expect(within(detail).getByText('The platform answered')).toBeTruthy();
  });

  it('warns when the chain is broken', async () => {
    renderConsole('/journal', { fake: journalConsole({ chainOk: false }) });
    expect((await screen.findByTestId('chain-state')).textContent).toBe('Chain broken at entry 4');
    expect((await screen.findByRole('alert')).textContent).toContain('Entry 4’s hash does not match its content.');
  });

  it('exports the filtered journal as the CSV file the console made', async () => {
    const { fake } = renderConsole('/journal?outcome=dismiss', { fake: journalConsole() });
    await screen.findByTestId('journal-table');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByTestId('export-done')).textContent).toBe('Exported 1 decision as journal-2026-11-02.csv.');
    expect(fake.callsOf('journal.export')).toEqual([{ outcome: 'dismiss' }]);
    expect(clicked).toEqual(['journal-2026-11-02.csv blob:journal']);
  });
});
