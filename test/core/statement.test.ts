import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  STATEMENT_DETECTOR_TITLES,
  composeStatement,
  prefillStatement,
  type StatementInput,
  type TransparencyStatement,
} from '../../core/statement';
import { DEFAULT_POLICY, DETECTORS, type DetectorHit, type EvidenceItem, type Message, type Sanction } from '../../core';
import { makeCustomer, makeDesigner, makeMessage, makeRating, makeReport } from './builders';

const DECIDED = '2026-11-03T10:00:00.000Z';
const CUSTOMER = makeCustomer({ id: 'cust-7781', displayName: 'Bean & Co' });

/** A message evidence item whose span really is the quoted phrase of the body. */
function messageItem(message: Message, phrase: string): EvidenceItem {
  const start = message.body.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the message`);
  return {
    kind: 'message',
    id: message.id,
    at: message.sentAt,
    detail: `message to ${CUSTOMER.displayName} asking for a rating change`,
    spans: [{ start, end: start + phrase.length, text: phrase }],
  };
}

const pressure = makeMessage('Hi Bean & Co, please change your rating to 5 stars, it would help me a lot', {
  id: 'm-pressure',
  customerId: CUSTOMER.id,
  sentAt: '2026-11-02T09:30:00.000Z',
});
const earlier = makeMessage('Could you remove the 1 star? Thanks', {
  id: 'm-earlier',
  customerId: CUSTOMER.id,
  sentAt: '2026-11-01T08:00:00.000Z',
});
const report = makeReport({ id: 'rep-1', customerId: CUSTOMER.id, createdAt: '2026-11-02T18:00:00.000Z' });
const logo1 = makeRating(5, { id: 'r-logo-1', customerId: CUSTOMER.id, category: 'logo' });
const logo2 = makeRating(5, { id: 'r-logo-2', category: 'logo' });
const web1 = makeRating(5, { id: 'r-web-1', category: 'web' });
const otherDesigners = makeRating(5, { id: 'r-other', designerId: 'd2' });

const hits: DetectorHit[] = [
  {
    detector: 'pressure_message',
    score: 60,
    evidence: {
      summary: 'Asked a customer to change a rating',
      items: [
        messageItem(earlier, 'remove the 1 star'),
        messageItem(pressure, 'please change your rating to 5 stars'),
      ],
    },
  },
  {
    detector: 'rating_raised_after_contact',
    score: 50,
    evidence: {
      summary: 'Rating raised from 2 to 5 within 72 h of a message',
      items: [
        messageItem(pressure, 'please change your rating to 5 stars'),
        { kind: 'rating_change', id: logo1.id, at: '2026-11-02T15:00:00.000Z', detail: 'rating raised from 2 to 5 stars' },
      ],
    },
  },
  {
    detector: 'customer_report',
    score: 70,
    evidence: {
      summary: 'A customer reported rating pressure',
      items: [
        {
          kind: 'report',
          id: report.id,
          at: report.createdAt,
          detail: `${CUSTOMER.displayName} (${CUSTOMER.id}) reported pressure to change a rating`,
        },
      ],
    },
  },
];

function makeInput(overrides: Partial<StatementInput> = {}): StatementInput {
  return {
    designer: makeDesigner(),
    flag: { hits, customerId: CUSTOMER.id },
    tickedEvidence: [
      { kind: 'message', id: pressure.id },
      { kind: 'rating_change', id: logo1.id },
      { kind: 'report', id: report.id },
    ],
    sanctions: [{ type: 'suspend', days: 14 }],
    ratings: [logo1, logo2, web1, otherDesigners],
    clauseId: 'CoC-4.2',
    explanation: 'You asked the customer to raise a 2-star rating to 5 stars, and the rating was raised the same day.',
    decidedAt: DECIDED,
    moderatorId: 'mod-42',
    customers: [CUSTOMER],
    ...overrides,
  };
}

describe('measure', () => {
  it.each<[string, Sanction[], string[]]>([
    ['a suspension, with its end', [{ type: 'suspend', days: 14 }], ['Your account is suspended for 14 days, until 17 November 2026, 10:00 UTC.', 'on the whole marketplace']],
    ['a one-day suspension', [{ type: 'suspend', days: 1 }], ['suspended for 1 day, until 4 November 2026']],
    ['a warning', [{ type: 'warn' }], ['You receive a formal warning; a later breach may lead to suspension or a ban.']],
    ['a ban', [{ type: 'ban' }], ['Your account is banned permanently.', 'on the whole marketplace']],
    ['voided ratings, by category', [{ type: 'void_ratings', ratingIds: [logo1.id, logo2.id, web1.id] }], [
      '2 ratings no longer count toward your logo rating.',
      '1 rating no longer counts toward your web design rating.',
      'They stop counting from 3 November 2026, in your overall rating too',
    ]],
  ])('%s', (_name, sanctions, phrases) => {
    const { parts, text } = composeStatement(makeInput({ sanctions }));
    for (const phrase of phrases) {
      expect(parts.measure).toContain(phrase);
      expect(text).toContain(phrase);
    }
  });

  it('describes only what was given: a warning alone says nothing of a suspension or of ratings', () => {
    const { parts } = composeStatement(makeInput({ sanctions: [{ type: 'warn' }] }));
    expect(parts.measure).not.toMatch(/suspended for|no longer count|banned/);
  });

  it('says when a longer suspension already in force keeps the account suspended', () => {
    const designer = makeDesigner({ accountStatus: 'suspended', suspendedUntil: '2026-12-01T10:00:00.000Z' });
    const { parts } = composeStatement(makeInput({ designer }));
    expect(parts.measure).toContain('until 17 November 2026');
    expect(parts.measure).toContain('stays suspended until 1 December 2026');
  });

  it('says a suspension does not replace a ban in force', () => {
    const { parts } = composeStatement(makeInput({ designer: makeDesigner({ accountStatus: 'banned' }) }));
    expect(parts.measure).toContain('remains banned permanently');
    expect(parts.measure).not.toContain('is suspended for');
  });
});

describe('facts', () => {
  it('relies only on the ticked evidence, quoting message spans with their dates', () => {
    const { parts, transparency } = composeStatement(makeInput({ tickedEvidence: [{ kind: 'message', id: pressure.id }] }));
    expect(parts.facts).toBe('On 2 November 2026 you wrote to a customer: “please change your rating to 5 stars”.');
    expect(transparency.decision_facts).toBe(parts.facts);
  });

  it('leaves out evidence the moderator did not tick', () => {
    const { text } = composeStatement(makeInput());
    expect(text).not.toContain('remove the 1 star');
    expect(text).not.toContain('1 November 2026');
  });

  it('lists ticked items as a timeline, once each, whatever the order of ticking', () => {
    const { parts } = composeStatement(
      makeInput({
        tickedEvidence: [
          { kind: 'report', id: report.id },
          { kind: 'message', id: pressure.id },
          { kind: 'message', id: earlier.id },
          { kind: 'message', id: pressure.id },
          { kind: 'rating_change', id: logo1.id },
        ],
      }),
    );
    expect(parts.facts.split('\n')).toEqual([
      'On 1 November 2026 you wrote to a customer: “remove the 1 star”.',
      'On 2 November 2026 you wrote to a customer: “please change your rating to 5 stars”.',
      'On 2 November 2026 a customer changed a rating of one of your designs: rating raised from 2 to 5 stars.',
      'On 2 November 2026 a customer reported to us: [customer] ([customer]) reported pressure to change a rating.',
    ]);
  });

  it('never names the customer, by display name or by id, anywhere in the statement', () => {
    const statement = composeStatement(
      makeInput({
        tickedEvidence: [
          { kind: 'message', id: pressure.id },
          { kind: 'message', id: earlier.id },
          { kind: 'rating_change', id: logo1.id },
          { kind: 'report', id: report.id },
        ],
      }),
    );
    const everything = JSON.stringify(statement);
    expect(everything).not.toContain(CUSTOMER.displayName);
    expect(everything).not.toContain(CUSTOMER.id);
    expect(statement.text).toContain('a customer reported to us');
  });

  it('never names a customer that a quoted span or a detail mentions (property)', () => {
    const name = fc.stringMatching(/^[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}$/);
    const customerId = fc.stringMatching(/^cu-[a-z0-9]{4,8}$/);
    fc.assert(
      fc.property(name, customerId, (displayName, id) => {
        const body = `Dear ${displayName}, please give me five stars`;
        const input = makeInput({
          flag: {
            customerId: id,
            hits: [
              {
                detector: 'pressure_message',
                evidence: {
                  summary: 's',
                  items: [
                    { kind: 'message', id: 'm9', at: pressure.sentAt, detail: `to ${id}`, spans: [{ start: 0, end: body.length, text: body }] },
                    { kind: 'report', id: 'rep9', at: report.createdAt, detail: `${displayName.toUpperCase()} reported it` },
                  ],
                },
              },
            ],
          },
          tickedEvidence: [
            { kind: 'message', id: 'm9' },
            { kind: 'report', id: 'rep9' },
          ],
          customers: [{ id, displayName }],
        });
        const everything = JSON.stringify(composeStatement(input)).toLowerCase();
        expect(everything).not.toContain(displayName.toLowerCase());
        expect(everything).not.toContain(id);
      }),
    );
  });
});

describe('detection', () => {
  it('names the detectors that raised it, and that a person decided', () => {
    const { parts, transparency } = composeStatement(makeInput());
    expect(parts.detection).toContain('A customer reported this to us.');
    expect(parts.detection).toContain(STATEMENT_DETECTOR_TITLES.pressure_message);
    expect(parts.detection).toContain(STATEMENT_DETECTOR_TITLES.rating_raised_after_contact);
    expect(parts.detection).toContain('not taken by automated means');
    expect(transparency).toMatchObject({ automated_detection: 'Yes', automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED' });
  });

  it('counts a customer report alone as a notice, not automated detection', () => {
    const reportOnly = hits.filter((h) => h.detector === 'customer_report');
    const { parts, transparency } = composeStatement(
      makeInput({ flag: { hits: reportOnly }, tickedEvidence: [{ kind: 'report', id: report.id }] }),
    );
    expect(parts.detection).toContain('No automated detection');
    expect(transparency).toMatchObject({ automated_detection: 'No', source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION' });
  });

  it('has a designer-facing title for every detector', () => {
    for (const d of DETECTORS) expect(STATEMENT_DETECTOR_TITLES[d].length).toBeGreaterThan(10);
  });
});

describe('ground', () => {
  it('cites the clause by id, title and policy version, and quotes the explanation verbatim', () => {
    const explanation = 'You wrote “please change your rating” the day after the 2-star rating.\nThat is pressure.';
    const { parts, transparency } = composeStatement(makeInput({ explanation }));
    expect(parts.ground).toContain('CoC-4.2');
    expect(parts.ground).toContain('Honest ratings and feedback');
    expect(parts.ground).toContain(`policy version ${DEFAULT_POLICY.version}`);
    expect(parts.ground).toContain(explanation);
    expect(transparency.incompatible_content_ground).toBe('CoC-4.2 Honest ratings and feedback (code of conduct, policy 2026-11.1)');
    expect(transparency.incompatible_content_explanation).toBe(explanation);
  });
});

describe('what is missing', () => {
  it('is nothing for a full statement', () => {
    const statement = composeStatement(makeInput());
    expect(statement.missing).toEqual([]);
    expect(statement.status).toBe('complete');
    expect(statement.policyVersion).toBe(DEFAULT_POLICY.version);
  });

  it.each<[string, Partial<StatementInput>, RegExp]>([
    ['an empty explanation', { explanation: '' }, /^ground: the moderator’s own explanation/],
    ['a blank explanation', { explanation: '  \n\t' }, /^ground: the moderator’s own explanation/],
    ['an unknown clause', { clauseId: 'CoC-9.9' }, /^ground: clause "CoC-9\.9" is not in the code of conduct/],
    ['no clause', { clauseId: '' }, /^ground: cite a clause/],
    ['no ticked evidence', { tickedEvidence: [] }, /^facts: tick at least one/],
    ['a tick not in the flag', { tickedEvidence: [{ kind: 'message', id: 'm-elsewhere' }] }, /^facts: the ticked message m-elsewhere is not in this flag/],
    ['no sanction', { sanctions: [] }, /^measure: choose at least one sanction/],
    ["another designer's rating", { sanctions: [{ type: 'void_ratings', ratingIds: [otherDesigners.id] }] }, /^measure: rating r-other is not a rating of this designer/],
  ])('reports %s', (_name, overrides, expected) => {
    const statement = composeStatement(makeInput(overrides));
    expect(statement.status).toBe('incomplete');
    expect(statement.missing).toHaveLength(1);
    expect(statement.missing[0]).toMatch(expected);
  });

  it('does not invent a ground for an unknown clause', () => {
    const { parts, transparency } = composeStatement(makeInput({ clauseId: 'CoC-9.9' }));
    expect(parts.ground).not.toContain('CoC-9.9');
    expect(transparency.incompatible_content_ground).toBe('');
  });
});

describe('prefillStatement', () => {
  it('fills every part from the evidence but leaves the explanation to the moderator', () => {
    const { explanation, ...rest } = makeInput();
    const prefilled = prefillStatement(rest);
    const full = composeStatement(makeInput());
    expect(prefilled.status).toBe('incomplete');
    expect(prefilled.missing).toEqual(['ground: the moderator’s own explanation of why the facts breach the clause.']);
    expect(prefilled.text).not.toContain(explanation);
    expect(prefilled.parts.ground).not.toContain('The moderator who decided explains');
    expect(prefilled.transparency.incompatible_content_explanation).toBe('');
    expect(prefilled.parts).toEqual({ ...full.parts, ground: prefilled.parts.ground });
    expect(full.parts.ground.startsWith(prefilled.parts.ground)).toBe(true);
  });
});

describe('redress', () => {
  it('gives the appeal deadline as the decision plus 183 days, reviewed by someone else', () => {
    const statement = composeStatement(makeInput());
    expect(statement.appeal).toEqual({ until: '2027-05-05T10:00:00.000Z', notReviewedBy: 'mod-42' });
    expect(statement.parts.redress).toContain('until 5 May 2027, 10:00 UTC');
    expect(statement.parts.redress).toContain('Someone other than the moderator who took this decision');
    expect(statement.text).not.toContain('mod-42');
  });

  it('follows the policy in force', () => {
    const policy = { ...DEFAULT_POLICY, version: 'test-1', appeals: { windowDays: 30 } };
    const statement = composeStatement(makeInput(), policy);
    expect(statement.appeal.until).toBe('2026-12-03T10:00:00.000Z');
    expect(statement.parts.redress).toContain('until 3 December 2026');
    expect(statement.policyVersion).toBe('test-1');
  });
});

describe('the letter', () => {
  it('is addressed to the designer and gives the five parts in order', () => {
    const { text } = composeStatement(makeInput());
    expect(text.startsWith('Dear Ana Design,\n\n')).toBe(true);
    const headings = ['What we decided', 'The facts we relied on', 'How this came to our attention', 'Why', 'How to appeal'];
    const positions = headings.map((h) => text.indexOf(`\n\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('falls back to the handle when the display name is empty', () => {
    const { text } = composeStatement(makeInput({ designer: makeDesigner({ displayName: '' }) }));
    expect(text.startsWith('Dear ana,')).toBe(true);
  });
});

describe('transparency database fields', () => {
  const constant = {
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    category_specification: ['KEYWORD_INAUTHENTIC_USER_REVIEWS'],
    application_date: '2026-11-03',
  } satisfies Partial<TransparencyStatement>;

  it.each<[string, Sanction[], TransparencyStatement['decision_account'], string | null]>([
    ['warn only', [{ type: 'warn' }], null, null],
    ['void only', [{ type: 'void_ratings', ratingIds: [logo1.id] }], null, null],
    ['warn + void', [{ type: 'warn' }, { type: 'void_ratings', ratingIds: [logo1.id] }], null, null],
    ['suspend 14 days', [{ type: 'suspend', days: 14 }], 'DECISION_ACCOUNT_SUSPENDED', '2026-11-17'],
    ['warn + suspend 30 days', [{ type: 'warn' }, { type: 'suspend', days: 30 }], 'DECISION_ACCOUNT_SUSPENDED', '2026-12-03'],
    ['suspend + void', [{ type: 'suspend', days: 7 }, { type: 'void_ratings', ratingIds: [logo1.id] }], 'DECISION_ACCOUNT_SUSPENDED', '2026-11-10'],
    ['ban', [{ type: 'ban' }], 'DECISION_ACCOUNT_TERMINATED', null],
    ['ban + void', [{ type: 'ban' }, { type: 'void_ratings', ratingIds: [logo1.id, web1.id] }], 'DECISION_ACCOUNT_TERMINATED', null],
  ])('%s', (_name, sanctions, decisionAccount, endDate) => {
    const { transparency } = composeStatement(makeInput({ sanctions }));
    expect(transparency).toMatchObject({
      ...constant,
      decision_account: decisionAccount,
      end_date_account_restriction: endDate,
      automated_detection: 'Yes',
      source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION',
    });
  });

  it('marks a flag raised by detectors alone as our own initiative', () => {
    const automatedOnly = hits.filter((h) => h.detector !== 'customer_report');
    const { transparency } = composeStatement(makeInput({ flag: { hits: automatedOnly }, tickedEvidence: [{ kind: 'message', id: pressure.id }] }));
    expect(transparency).toMatchObject({ source_type: 'SOURCE_VOLUNTARY', automated_detection: 'Yes' });
  });
});
