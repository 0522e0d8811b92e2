// The Node side's event bus: services emit, transports (IPC, SSE) subscribe. A listener that
// throws is logged and never stops the others.
import type { ConsoleEvent } from '../contract';

export interface EventBus {
  emit(event: ConsoleEvent): void;
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}

export function createEventBus(log: (line: string) => void = () => undefined): EventBus {
  const listeners = new Set<(event: ConsoleEvent) => void>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log(`event listener failed on ${event.type}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
