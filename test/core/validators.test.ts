// Bad input is refused at the boundary with a message that names the field.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  ValidationError,
  eventLogSchema,
  parseOrThrow,
  parseWith,
  policySchema,
  ratingSchema,
  submissionSchema,
} from '../../core';
import { makeRating, makeSubmission } from './builders';

describe('wire validators', () => {
  it('accept a well-formed entity', () => {
    expect(parseWith(submissionSchema, makeSubmission(), 'submission').ok).toBe(true);
    expect(parseWith(policySchema, DEFAULT_POLICY, 'policy').ok).toBe(true);
  });

  it.each([
    ['a rating of 6', ratingSchema, { ...makeRating(5), stars: 6 }, 'stars: stars run from 1 to 5'],
    ['a rating of 2.5', ratingSchema, { ...makeRating(5), stars: 2.5 }, 'stars: expected whole stars'],
    ['an unknown category', ratingSchema, { ...makeRating(5), category: 'tattoo' }, 'category:'],
    ['a time that is not ISO', submissionSchema, makeSubmission({ submittedAt: '02/11/2026 10:00' }), 'submittedAt: expected an ISO 8601 UTC time'],
    ['a time with an offset instead of Z', submissionSchema, makeSubmission({ submittedAt: '2026-11-02T10:00:00+01:00' }), 'submittedAt:'],
    ['a missing field', submissionSchema, { ...makeSubmission(), projectId: undefined }, 'projectId:'],
    ['an unknown status', submissionSchema, { ...makeSubmission(), status: 'approved' }, 'status:'],
    ['a history entry with bad stars', ratingSchema, { ...makeRating(5), history: [{ stars: 0, at: '2026-11-02T10:00:00Z' }] }, 'history.0.stars:'],
  ])('refuse %s, naming the field', (_what, schema, input, expected) => {
    const parsed = parseWith(schema, input, 'entity');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(expected);
  });

  it('name the event and field of a bad event in a log', () => {
    const log = {
      events: [
        { at: '2026-11-02T09:00:00Z', type: 'designer.joined', data: { id: 'd1', handle: 'ana', verification: 'verified' } },
        { at: '2026-11-02T11:00:00Z', type: 'rating.set', data: { submissionId: 's1', stars: 6 } },
        { at: '2026-11-02T12:00:00Z', type: 'designer.vanished', data: { id: 'd1' } },
      ],
    };
    const parsed = parseWith(eventLogSchema, log, 'event log');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain('events.1.data.stars: stars run from 1 to 5');
      expect(parsed.error).toContain('events.2.type');
    }
  });

  it('parseOrThrow throws a ValidationError carrying the issues', () => {
    expect(() => parseOrThrow(ratingSchema, { ...makeRating(5), stars: 6 }, 'rating')).toThrow(ValidationError);
    try {
      parseOrThrow(ratingSchema, { ...makeRating(5), stars: 6 }, 'rating');
    } catch (error) {
      expect(error instanceof ValidationError && error.issues[0]?.path).toBe('stars');
    }
  });

  it('refuse a policy with a negative threshold', () => {
    const bad = { ...DEFAULT_POLICY, rating: { benchmark: -1 } };
    const parsed = parseWith(policySchema, bad, 'policy');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('rating.benchmark');
  });

  it('keep the default policy JSON-serialisable', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
  });
});
