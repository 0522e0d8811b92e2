// RULES.md R2: a project's launch window W = clamp(fraction × duration, minHours, maxHours);
// its launch period is [launchedAt, launchedAt + W).
import { DEFAULT_POLICY, type Policy } from './policy';
import { HOUR_MS, toIso, toMs, type IsoTime } from './time';
import type { Project } from './wire/entities';

export interface LaunchWindow {
  /** W in hours (7.2 for a 3-day project). */
  hours: number;
  /** launchedAt + W: the first instant after the launch period. */
  endsAt: IsoTime;
}

export function launchWindow(
  project: Pick<Project, 'launchedAt' | 'endsAt'>,
  policy: Policy = DEFAULT_POLICY,
): LaunchWindow {
  const launched = toMs(project.launchedAt);
  const durationMs = Math.max(0, toMs(project.endsAt) - launched);
  const { fraction, minHours, maxHours } = policy.launchWindow;
  // Whole milliseconds: 0.1 × 3 days is 25,920,000 ms, never 25,920,000.000000004.
  const ms = Math.round(Math.min(maxHours * HOUR_MS, Math.max(minHours * HOUR_MS, fraction * durationMs)));
  return { hours: ms / HOUR_MS, endsAt: toIso(launched + ms) };
}
