// Invariants of R1–R3 over generated inputs (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, intakeSubmission, starRating, type Rating } from '../../core';
import { makeDesigner, makeProject, makeRating } from './builders';

const BASE = Date.parse('2026-11-02T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const starsArb = fc.integer({ min: 1, max: 5 });
const ratingsArb = fc.array(fc.record({ stars: fc.option(starsArb, { nil: null }), ageHours: fc.integer({ min: 1, max: 2000 }) }), { maxLength: 40 });
const toRatings = (rows: { stars: number | null; ageHours: number }[]): Rating[] =>
  rows.map((r) => makeRating(r.stars, { at: iso(BASE - r.ageHours * HOUR_MS) }));

const projectArb = fc.record({
  durationMs: fc.integer({ min: HOUR_MS, max: 30 * DAY_MS }),
  offsetMs: fc.integer({ min: 0, max: 30 * DAY_MS }),
  revision: fc.boolean(),
});

function intake(project: { durationMs: number; offsetMs: number; revision: boolean }, ratings: Rating[]) {
  const p = makeProject({ launchedAt: iso(BASE), endsAt: iso(BASE + project.durationMs) });
  const submittedAt = iso(BASE + Math.min(project.offsetMs, project.durationMs - 1));
  return intakeSubmission({
    submission: { kind: project.revision ? 'customer_revision' : 'original', submittedAt },
    project: p,
    designer: makeDesigner(),
    ratings,
  });
}

describe('R1 invariants', () => {
  it('the average equals sum ÷ count (two decimals) and stays within 1–5', () => {
    fc.assert(
      fc.property(ratingsArb, (rows) => {
        const r = starRating(toRatings(rows), { designerId: 'd1', category: 'logo', asOf: iso(BASE) });
        const counted = rows.filter((row) => row.stars !== null);
        expect(r.count).toBe(counted.length);
        expect(r.sum).toBe(counted.reduce((s, row) => s + (row.stars ?? 0), 0));
        if (r.count === 0) expect(r.average).toBeNull();
        else {
          expect(Math.abs((r.average ?? 0) - r.sum / r.count)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(r.average).toBeGreaterThanOrEqual(1);
          expect(r.average).toBeLessThanOrEqual(5);
        }
      }),
    );
  });
});

describe('R3 invariants', () => {
  it('a hold never lasts longer than 24 hours and ends with the launch window', () => {
    fc.assert(
      fc.property(projectArb, ratingsArb, (project, rows) => {
        const verdict = intake(project, toRatings(rows));
        if (verdict.status !== 'held') return;
        const submittedAt = BASE + Math.min(project.offsetMs, project.durationMs - 1);
        const held = Date.parse(verdict.releaseAt ?? '') - submittedAt;
        expect(held).toBeGreaterThan(0);
        expect(held).toBeLessThanOrEqual(24 * HOUR_MS);
      }),
    );
  });

  it('adding a rating at or above the benchmark never turns a not-held verdict into held', () => {
    fc.assert(
      fc.property(projectArb, ratingsArb, fc.integer({ min: 3, max: 5 }), (project, rows, stars) => {
        const before = intake(project, toRatings(rows));
        fc.pre(before.status !== 'held');
        const after = intake(project, [...toRatings(rows), makeRating(stars, { at: iso(BASE - HOUR_MS) })]);
        expect(after.status).not.toBe('held');
      }),
    );
  });

  it('the same input always gives the same verdict', () => {
    fc.assert(
      fc.property(projectArb, ratingsArb, (project, rows) => {
        const ratings = toRatings(rows);
        expect(intake(project, ratings)).toEqual(intake(project, [...ratings].reverse()));
      }),
    );
  });
});
