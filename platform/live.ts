// --live: keeps the simulated marketplace moving for the demo. Every couple of real seconds the
// generator's live state is ticked to the platform's clock and its events are applied; new
// submissions, ratings and messages arrive, and the queues change.
import { liveTick, type LiveState } from './generator';
import type { Engine } from './engine/engine';

export interface LiveHandle {
  stop(): Promise<void>;
}

export const LIVE_TICK_MS = 2000;

export function startLive(engine: Engine, state: LiveState, options: { log: (line: string) => void; tickMs?: number }): LiveHandle {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    const now = new Date(engine.nowMs()).toISOString();
    const { events } = liveTick(state, now);
    if (events.length === 0 || stopped) return;
    const result = await engine.applyLive(events);
    if (result.refused.length > 0) options.log(`live: ${result.applied} applied, ${result.refused.length} refused`);
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch((error: unknown) => options.log(`live tick failed: ${String(error)}`));
  }, options.tickMs ?? LIVE_TICK_MS);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
