import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, launchWindow } from '../../core';

const launchedAt = '2026-11-02T10:00:00.000Z';
const after = (hours: number) => new Date(Date.parse(launchedAt) + hours * HOUR_MS).toISOString();

describe('R2 launch window', () => {
  // The table of RULES.md R2.
  it.each([
    ['12 h', 12, 2],
    ['24 h', 24, 2.4],
    ['3 days', 72, 7.2],
    ['7 days', 168, 16.8],
    ['10 days', 240, 24],
    ['30 days', 720, 24],
    ['1 h (shorter than the minimum)', 1, 2],
  ])('a %s project has W = %s h', (_label, durationHours, w) => {
    const window = launchWindow({ launchedAt, endsAt: after(durationHours) });
    expect(window.hours).toBeCloseTo(w, 10);
    expect(Date.parse(window.endsAt) - Date.parse(launchedAt)).toBe(Math.round(w * HOUR_MS));
  });

  it('takes its numbers from the policy', () => {
    const policy = { ...DEFAULT_POLICY, launchWindow: { fraction: 0.5, minHours: 1, maxHours: 48 } };
    expect(launchWindow({ launchedAt, endsAt: after(72) }, policy).hours).toBe(36);
  });
});
