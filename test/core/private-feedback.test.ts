// RULES.md R11: private feedback — once, on a closed contract, 1–10; below 9 is "at risk".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { privateFeedbackCheck, privateFeedbackRisk, type PrivateFeedbackInput } from '../../core/private-feedback';
import { DEFAULT_POLICY, type Policy } from '../../core/policy';
import type { PrivateFeedback } from '../../core/wire/entities';
import { T0, makeContract } from './builders';

const AT = '2026-11-03T10:00:00.000Z';

function posted(overrides: Partial<PrivateFeedback> = {}): PrivateFeedback {
  return { id: 'pf1', rev: 1, contractId: 'k1', reasonEnded: 'Project finished', recommend: 9, postedAt: '2026-11-02T12:00:00.000Z', ...overrides };
}

function input(overrides: Partial<PrivateFeedbackInput> = {}): PrivateFeedbackInput {
  return { contract: makeContract({ closedAt: T0 }), existing: [], recommend: 9, at: AT, ...overrides };
}

describe('privateFeedbackCheck (R11)', () => {
  it.each([
    ['contract open', { contract: makeContract({ closedAt: undefined }) }, 'contract_open'],
    ['contract closes after `at`', { contract: makeContract({ closedAt: '2026-11-04T00:00:00.000Z' }) }, 'contract_open'],
    ['already posted: never changed after posting', { existing: [posted()] }, 'already_posted'],
    ['already posted, and out of range too', { existing: [posted()], recommend: 0 }, 'already_posted'],
    ['recommend 0', { recommend: 0 }, 'out_of_range'],
    ['recommend 11', { recommend: 11 }, 'out_of_range'],
    ['recommend 8.5', { recommend: 8.5 }, 'out_of_range'],
    ['recommend NaN', { recommend: Number.NaN }, 'out_of_range'],
  ] as const)('%s → refused %s', (_, overrides, reason) => {
    expect(privateFeedbackCheck(input(overrides))).toMatchObject({ allowed: false, reason, policyVersion: DEFAULT_POLICY.version });
  });

  it.each([
    ['recommend 1', { recommend: 1 }],
    ['recommend 10', { recommend: 10 }],
    ['at the closing instant', { at: T0 }],
    ['another contract’s private feedback does not count', { existing: [posted({ contractId: 'k2' })] }],
    ['private feedback recorded after `at` had not happened yet', { existing: [posted({ postedAt: '2026-11-05T00:00:00.000Z' })] }],
  ] as const)('%s → allowed', (_, overrides) => {
    const verdict = privateFeedbackCheck(input(overrides));
    expect(verdict.allowed).toBe(true);
    expect(verdict.reason).toBeUndefined();
  });

  it('explains a second posting in words a moderator understands', () => {
    expect(privateFeedbackCheck(input({ existing: [posted()] })).explanation).toBe(
      'Private feedback refused: the client already answered on 2 November 2026, and private feedback cannot be changed after posting.',
    );
  });
});

describe('privateFeedbackRisk (R11: below 9 is at risk)', () => {
  it.each([
    [1, true],
    [7, true],
    [8, true],
    [9, false],
    [10, false],
  ])('recommend %i → at risk %s', (recommend, atRisk) => {
    const risk = privateFeedbackRisk({ recommend });
    expect(risk).toMatchObject({ atRisk, policyVersion: DEFAULT_POLICY.version });
    expect(risk.explanation).toContain(`${recommend} out of 10`);
  });

  it('reads the threshold from the policy', () => {
    const policy: Policy = { ...DEFAULT_POLICY, version: 'lenient', privateFeedback: { atRiskBelow: 7 } };
    expect(privateFeedbackRisk({ recommend: 7 }, policy)).toMatchObject({ atRisk: false, policyVersion: 'lenient' });
    expect(privateFeedbackRisk({ recommend: 6 }, policy).atRisk).toBe(true);
  });

  it('is at risk exactly below the threshold, for every answer and threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 11 }), (recommend, atRiskBelow) => {
        const policy: Policy = { ...DEFAULT_POLICY, privateFeedback: { atRiskBelow } };
        expect(privateFeedbackRisk({ recommend }, policy).atRisk).toBe(recommend < atRiskBelow);
      }),
    );
  });
});
