// The platform's clock (SYNC-API.md: the console counts down in platform time). Real time, or a
// simulated time that starts where told and runs at `rate` simulated seconds per real second
// (0 = stopped until moved). It only ever moves forward: events and dev moves push it on.

export interface PlatformClock {
  nowMs(): number;
  /** Moves the clock to `ms` if that is later; never back. */
  advanceTo(ms: number): void;
  readonly rate: number;
}

export function createClock(options: { startMs: number; rate: number; realNow?: () => number }): PlatformClock {
  const realNow = options.realNow ?? Date.now;
  let anchorSim = options.startMs;
  let anchorReal = realNow();
  const rate = options.rate;
  const nowMs = () => anchorSim + Math.floor(rate * (realNow() - anchorReal));
  return {
    rate,
    nowMs,
    advanceTo(ms) {
      if (ms <= nowMs()) return;
      anchorSim = ms;
      anchorReal = realNow();
    },
  };
}
