// --live: keeps the simulated marketplace moving. Filled in once the generator's live API lands.
import type { Engine } from './engine/engine';

export interface LiveHandle {
  stop(): Promise<void>;
}

export function startLive(_engine: Engine, _options: { seed: number; log: (line: string) => void }): LiveHandle {
  return { stop: async () => undefined };
}
