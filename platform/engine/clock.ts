// The platform's clock (SYNC-API.md: the console counts down in platform time). Real time, or a
// simulated time that starts where told and runs at `rate` simulated seconds per real second
// (0 = stopped until moved). It only ever moves forward: events and dev moves push it on;
// only the engine's roll-back after a failed store write takes a push back (`checkpoint`).

export interface PlatformClock {
  nowMs(): number;
  /** Moves the clock to `ms` if that is later; never back. */
  advanceTo(ms: number): void;
  /**
   * Where the clock stands now, as a way back: the engine takes one with every batch it writes,
   * and after a failed write puts the clock back there (a running clock keeps running from it),
   * so a push by events that never reached the store is undone with them.
   */
  checkpoint(): () => void;
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
    checkpoint() {
      const sim = anchorSim;
      const real = anchorReal;
      return () => {
        anchorSim = sim;
        anchorReal = real;
      };
    },
  };
}
