// Retry delays: exponential with full jitter (AWS's "exponential backoff and jitter"), so many
// consoles that lost the platform together do not come back in step.
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const RETRY: Backoff = { baseMs: 500, maxMs: 30_000 };

/** The delay before attempt `attempt` (1 = the first retry); `random` in [0, 1). */
export function backoffDelay(attempt: number, random: () => number, backoff: Backoff = RETRY): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
