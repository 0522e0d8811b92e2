import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Report } from '../../../core';
import { customerReport } from '../../../core/manipulation/report-detector';
import { makeReport } from '../builders';
import { facts, hoursAfter, LATER, msAfter, T0 } from './helpers';

describe('customer_report', () => {
  it.each([
    ['rating_pressure', 'pressure for a rating'],
    ['incentive_offer', 'an incentive offered for a rating'],
    ['remove_rating_request', 'a request to remove a rating'],
  ] as const)('a %s report is a hit saying "%s"', (category, words) => {
    const report = makeReport({ id: 'rep-9', category, customerId: 'c7', designerId: 'd3' });
    const hits = customerReport(facts({ reports: [report] }), { asOf: LATER }, DEFAULT_POLICY);
    expect(hits).toEqual([
      {
        detector: 'customer_report',
        designerId: 'd3',
        customerId: 'c7',
        score: DEFAULT_POLICY.detectors.customerReport.score,
        at: T0,
        evidence: {
          summary: `A customer reported ${words} by designer d3 on 2 November 2026.`,
          items: [{ kind: 'report', id: 'rep-9', at: T0, detail: `${words}: “${report.body}”` }],
        },
      },
    ]);
  });

  it('an "other" report claims nothing about ratings and is not a hit', () => {
    expect(customerReport(facts({ reports: [makeReport({ category: 'other' })] }), { asOf: LATER }, DEFAULT_POLICY)).toEqual([]);
  });

  it('never names the reporting customer in the words a statement is built from', () => {
    const report = makeReport({ customerId: 'customer-bean-co', body: 'They keep asking.' });
    const [hit] = customerReport(facts({ reports: [report] }), { asOf: LATER }, DEFAULT_POLICY);
    expect(hit?.customerId).toBe('customer-bean-co');
    expect(JSON.stringify(hit?.evidence)).not.toContain('customer-bean-co');
  });

  it.each([
    ['at asOf', 1, T0],
    ['1 ms after asOf', 0, msAfter(1)],
  ])('a report filed %s: %i hit(s)', (_, n, createdAt) => {
    const reports: Report[] = [makeReport({ createdAt })];
    expect(customerReport(facts({ reports }), { asOf: T0 }, DEFAULT_POLICY)).toHaveLength(n);
  });

  it('one hit per report, so two reports from one customer are two hits', () => {
    const reports = [makeReport({ id: 'a' }), makeReport({ id: 'b', createdAt: hoursAfter(3) })];
    expect(customerReport(facts({ reports }), { asOf: LATER }, DEFAULT_POLICY).map((h) => h.evidence.items[0]?.id)).toEqual(['a', 'b']);
  });
});
