// @vitest-environment jsdom
// The audit over the in-memory double: the auditor picks a period of whole days, the run starts
// in the console (the URL keeps it), its progress shows while it runs, then the findings come
// grouped by rule with the record, what the platform did, what the rule says and the policy
// version; a cache that lacks part of the period says what it lacks; CSV export.
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core';
import type { AuditFindingView, AuditRun } from '../../electron/contract';
import { groupFindings, periodOf } from '../../renderer/src/features/audit/audit';
import { FakeConsole, T0 } from './fakeConsole';
import { renderConsole } from './render';

const iso = (ms: number) => new Date(ms).toISOString();
const V = DEFAULT_POLICY.version;

const finding = (kind: AuditFindingView['kind'], rule: string, recordType: AuditFindingView['recordType'], recordId: string, explanation: string): AuditFindingView => ({ kind, rule, title: kind, recordType, recordId, at: iso(T0 - 3_600_000), explanation, policyVersion: V });

const FINDINGS: AuditFindingView[] = [
  finding('review_published_early', 'R8', 'review', 'rv-4', 'Published 3 days before its window ended, with one party still to post.'),
  finding('shown_should_hold', 'R3', 'submission', 'sub-9', 'Shown at 10:00 UTC while its hold ran to 14:05 UTC.'),
  finding('decision_without_reason', 'R5', 'submission', 'sub-12', 'Rejected with no reason code.'),
];

function auditConsole(options: { findings?: AuditFindingView[]; complete?: boolean } = {}): FakeConsole {
  const fake = new FakeConsole({ held: 0, review: 0, roles: ['auditor'] });
  let polls = 0;
  const base = (input: { from: string; to: string }): AuditRun => ({ runId: 'run-1', state: 'running', from: input.from, to: input.to, startedAt: iso(T0), progress: { phase: 'replaying submissions', done: 120, total: 480 }, findings: [], findingsTotal: 0 });
  let period = { from: iso(T0), to: iso(T0) };
  fake.overrides['audit.run'] = (input) => {
    period = input;
    return base(input);
  };
  fake.overrides['audit.get'] = () => {
    polls += 1;
    if (polls === 1) return base(period);
    const findings = options.findings ?? FINDINGS;
    return {
      ...base(period),
      state: 'done',
      progress: { phase: 'done', done: 480, total: 480 },
      coverage: options.complete ?? true ? { complete: true, missing: [] } : { complete: false, missing: ['Changes after 2 Nov 11:00 UTC: the last sync'] },
      examined: { submissions: 480, reviews: 1 },
      policyVersion: V,
      findings,
      findingsTotal: findings.length,
    };
  };
  fake.overrides['audit.export'] = () => ({ filename: 'audit-run-1.csv', csv: 'rule,kind\n', rows: 3 });
  return fake;
}

describe('the audit’s helpers', () => {
  it('turns whole days into the period the API takes, the last day included', () => {
    expect(periodOf('2026-10-01', '2026-10-31')).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
    expect(periodOf('2026-10-02', '2026-10-01')).toBeNull();
    expect(periodOf('', '2026-10-01')).toBeNull();
  });

  it('groups findings by rule in the rulebook’s order', () => {
    expect(groupFindings(FINDINGS).map((g) => g.rule)).toEqual(['R3', 'R5', 'R8']);
  });
});

describe('the audit screen', { timeout: 60_000 }, () => {
  it('runs over the chosen period with progress, then lists the findings by rule with the rule’s words and the policy', async () => {
    const { fake } = renderConsole('/audit', { fake: auditConsole() });
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To (included)'), { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the audit' }));
    await waitFor(() => expect(window.location.hash).toBe('#/audit?run=run-1'));
    expect(fake.callsOf('audit.run')).toEqual([{ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' }]);
    const progress = await screen.findByTestId('audit-progress');
    expect(progress.textContent).toContain('Replaying submissions…');
    expect(progress.textContent).toContain('120 / 480');

    const findings = await screen.findByTestId('findings', {}, { timeout: 10_000 });
    expect(screen.getByTestId('findings-total').textContent).toBe('3 findings.');
    expect(screen.getByTestId('coverage').textContent).toContain('The cache holds the whole period.');
    expect(screen.getByText('Examined 480 submissions, 1 review.')).toBeTruthy();
    const rules = [...findings.querySelectorAll('[data-rule]')].map((el) => el.getAttribute('data-rule'));
    expect(rules).toEqual(['R3', 'R5', 'R8']);
    const r3 = findings.querySelector('[data-rule="R3"]');
    if (!(r3 instanceof HTMLElement)) throw new Error('no R3 group');
    expect(r3.textContent).toContain('is held until the window ends');
    const row = within(r3).getByTestId('finding');
    expect(within(row).getByRole('link', { name: 'submission sub-9' }).getAttribute('href')).toBe('#/items/submission/sub-9');
    expect(row.textContent).toContain('Shown at 10:00 UTC while its hold ran to 14:05 UTC.');
    expect(row.textContent).toContain(V);

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByTestId('export-done')).textContent).toBe('Exported 3 findings as audit-run-1.csv.');
  });

  it('says when there is nothing to find, and what the cache lacks of the period', async () => {
    renderConsole('/audit?run=run-1', { fake: auditConsole({ findings: [], complete: false }) });
    expect(await screen.findByText('No findings', {}, { timeout: 10_000 })).toBeTruthy();
    const coverage = screen.getByTestId('coverage');
    expect(coverage.textContent).toContain('The cache does not hold the whole period');
    expect(coverage.textContent).toContain('Changes after 2 Nov 11:00 UTC: the last sync');
  });

  it('refuses a period that ends before it starts', async () => {
    renderConsole('/audit', { fake: auditConsole() });
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: '2026-10-05' } });
    fireEvent.change(screen.getByLabelText('To (included)'), { target: { value: '2026-10-01' } });
    expect(screen.getByText('The period must start on or before its last day.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run the audit' }).hasAttribute('disabled')).toBe(true);
  });
});
