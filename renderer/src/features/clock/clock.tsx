// One ticking clock for every countdown and "synced 12 s ago": a single interval for the whole
// app, injected through context so tests drive time instead of stubbing Date.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';

export interface Ticker {
  /** Local epoch ms at the last tick. */
  now(): number;
  subscribe(listener: () => void): () => void;
}

export function createIntervalTicker(readClock: () => number = () => Date.now(), everyMs = 1000): Ticker {
  const listeners = new Set<() => void>();
  let current = readClock();
  let handle: ReturnType<typeof setInterval> | null = null;
  return {
    now: () => current,
    subscribe(listener) {
      listeners.add(listener);
      if (handle === null) {
        current = readClock();
        handle = setInterval(() => {
          current = readClock();
          for (const l of listeners) l();
        }, everyMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && handle !== null) {
          clearInterval(handle);
          handle = null;
        }
      };
    },
  };
}

const TickerContext = createContext<Ticker | null>(null);
const defaultTicker = createIntervalTicker();

export function TickerProvider({ ticker, children }: { ticker: Ticker; children: ReactNode }) {
  return <TickerContext.Provider value={ticker}>{children}</TickerContext.Provider>;
}

export function useTicker(): Ticker {
  return useContext(TickerContext) ?? defaultTicker;
}

/** Local ms, re-rendering once a second. */
export function useNow(): number {
  const ticker = useTicker();
  return useSyncExternalStore(ticker.subscribe, ticker.now, ticker.now);
}
