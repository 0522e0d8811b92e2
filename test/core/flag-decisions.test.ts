import { describe, it, expect } from 'vitest';
import {
  DISMISS_REASONS,
  DISMISS_REASON_IDS,
  FLAG_DECISION_PROBLEMS,
  SANCTION_TITLES,
  checkFlagDecision,
  type FlagDecisionInput,
  type FlagDecisionProblem,
} from '../../core/flag-decisions';
import type { Flag } from '../../core';
import { makeRating } from './builders';

type FlagHead = Pick<Flag, 'id' | 'rev' | 'status' | 'designerId'>;
const openFlag: FlagHead = { id: 'f1', rev: 3, status: 'open', designerId: 'd1' };
const mine = makeRating(1, { id: 'r-mine' });
const theirs = makeRating(1, { id: 'r-theirs', designerId: 'd2' });
const ratings = [mine, theirs];
const STATEMENT = 'Dear Ana Design, …';

describe('reason codes', () => {
  it('has a title for each dismiss reason and each sanction', () => {
    expect(DISMISS_REASON_IDS).toEqual(['false_positive', 'insufficient_evidence', 'duplicate']);
    for (const id of DISMISS_REASON_IDS) expect(DISMISS_REASONS[id]).not.toBe('');
    expect(Object.keys(SANCTION_TITLES).sort()).toEqual(['ban', 'suspend', 'void_ratings', 'warn']);
  });
});

describe('checkFlagDecision', () => {
  it.each<[string, FlagHead, FlagDecisionInput, 'ok' | ['invalid' | 'conflict', FlagDecisionProblem]]>([
    ['dismiss with a known reason', openFlag, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'false_positive' }, 'ok'],
    ['dismiss as duplicate', openFlag, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'duplicate' }, 'ok'],
    ['dismiss without a reason', openFlag, { expectedRev: 3, outcome: 'dismiss' }, ['invalid', 'reason_required']],
    ['dismiss with an unknown reason', openFlag, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'looks_fine' }, ['invalid', 'unknown_reason']],
    ['dismiss with an inherited key as reason', openFlag, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'toString' }, ['invalid', 'unknown_reason']],
    ['dismiss carrying sanctions', openFlag, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'duplicate', sanctions: [{ type: 'warn' }] }, ['invalid', 'sanctions_on_dismiss']],
    ['confirm with a warning and a statement', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'warn' }], statementOfReasons: STATEMENT }, 'ok'],
    ['confirm voiding own ratings and suspending', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'void_ratings', ratingIds: [mine.id] }, { type: 'suspend', days: 14 }], statementOfReasons: STATEMENT }, 'ok'],
    ['confirm ban with voided ratings', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'ban' }, { type: 'void_ratings', ratingIds: [mine.id] }], statementOfReasons: STATEMENT }, 'ok'],
    ['confirm without sanctions', openFlag, { expectedRev: 3, outcome: 'confirm', statementOfReasons: STATEMENT }, ['invalid', 'sanctions_required']],
    ['confirm with an empty sanction list', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [], statementOfReasons: STATEMENT }, ['invalid', 'sanctions_required']],
    ['confirm without a statement', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'warn' }] }, ['invalid', 'statement_required']],
    ['confirm with a blank statement', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'warn' }], statementOfReasons: ' \n ' }, ['invalid', 'statement_required']],
    ['confirm suspending twice', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'suspend', days: 7 }, { type: 'suspend', days: 30 }], statementOfReasons: STATEMENT }, ['invalid', 'repeated_sanction']],
    ['confirm ban with a suspension', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'ban' }, { type: 'suspend', days: 30 }], statementOfReasons: STATEMENT }, ['invalid', 'ban_combined']],
    ['confirm ban with a warning', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'warn' }, { type: 'ban' }], statementOfReasons: STATEMENT }, ['invalid', 'ban_combined']],
    ["void another designer's rating", openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'void_ratings', ratingIds: [mine.id, theirs.id] }], statementOfReasons: STATEMENT }, ['invalid', 'rating_of_other_designer']],
    ['void a rating that does not exist', openFlag, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'void_ratings', ratingIds: ['r-nope'] }], statementOfReasons: STATEMENT }, ['invalid', 'unknown_rating']],
    ['decide a dismissed flag', { ...openFlag, status: 'dismissed' }, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'duplicate' }, ['conflict', 'not_decidable']],
    ['decide a confirmed flag', { ...openFlag, status: 'confirmed' }, { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'warn' }], statementOfReasons: STATEMENT }, ['conflict', 'not_decidable']],
    ['decide on a stale revision', { ...openFlag, rev: 4 }, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'false_positive' }, ['conflict', 'stale_revision']],
  ])('%s', (_name, flag, decision, expected) => {
    const check = checkFlagDecision(flag, decision, ratings);
    if (expected === 'ok') {
      expect(check).toEqual({ ok: true });
      return;
    }
    expect(check).toMatchObject({ ok: false, kind: expected[0], reason: expected[1] });
    if (!check.ok) {
      expect(check.explanation.length).toBeGreaterThan(0);
      expect(FLAG_DECISION_PROBLEMS[check.reason]).toBeDefined();
    }
  });

  it('names the rating and both designers when a void reaches another designer', () => {
    const check = checkFlagDecision(
      openFlag,
      { expectedRev: 3, outcome: 'confirm', sanctions: [{ type: 'void_ratings', ratingIds: [theirs.id] }], statementOfReasons: STATEMENT },
      ratings,
    );
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.explanation).toBe('Rating r-theirs is of designer d2, not of the flagged designer d1.');
  });

  it('says which revision the moderator saw and which is current', () => {
    const check = checkFlagDecision({ ...openFlag, rev: 5 }, { expectedRev: 3, outcome: 'dismiss', reasonCode: 'duplicate' }, []);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.explanation).toContain('revision 3, now 5');
  });
});
