// Server-Sent Events from the browser host, with reconnection. EventSource retries a dropped
// stream by itself, but gives up for good on an HTTP error (the host restarting, a 401): then we
// open a new one with a growing pause. Listeners also learn the connection's state, so the app
// can refetch what it may have missed while the stream was down.
import { consoleEventSchema, type ConsoleEvent } from '../../../electron/contract';

export type ConnectionState = 'open' | 'connecting' | 'closed';

export interface Connection {
  state(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** What the stream uses of an EventSource (so a test can hand in its own). */
export interface EventSourceLike {
  readonly readyState: number;
  readonly CLOSED: number;
  onopen: ((this: never, ev: Event) => unknown) | null;
  onmessage: ((this: never, ev: MessageEvent) => unknown) | null;
  onerror: ((this: never, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}

/** The browser host names each message after its event type (`event: queues.changed`), and
 * EventSource hands a named message only to a listener for that name. */
export const EVENT_TYPES: readonly string[] = consoleEventSchema.options.map((option) => option.shape.type.value);

export interface EventStreamDeps {
  url: string;
  createEventSource: (url: string) => EventSourceLike;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000] as const;

export function createEventStream(deps: EventStreamDeps): { subscribe(listener: (event: ConsoleEvent) => void): () => void; connection: Connection } {
  const listeners = new Set<(event: ConsoleEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let source: EventSourceLike | null = null;
  let state: ConnectionState = 'closed';
  let attempt = 0;
  let retry: unknown = null;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const open = () => {
    retry = null;
    setState('connecting');
    const es = deps.createEventSource(deps.url);
    source = es;
    es.onopen = () => {
      attempt = 0;
      setState('open');
    };
    const onMessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string' || message.data.length > 1_000_000) return;
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = consoleEventSchema.safeParse(json);
      if (!parsed.success) return;
      for (const listener of [...listeners]) listener(parsed.data);
    };
    es.onmessage = onMessage;
    for (const type of EVENT_TYPES) es.addEventListener(type, onMessage);
    es.onerror = () => {
      if (es.readyState === es.CLOSED) {
        es.close();
        source = null;
        setState('closed');
        scheduleRetry();
      } else {
        setState('connecting');
      }
    };
  };

  const scheduleRetry = () => {
    if (listeners.size === 0 || retry !== null) return;
    const pause = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 15000;
    attempt += 1;
    retry = deps.setTimeout(open, pause);
  };

  const close = () => {
    if (retry !== null) deps.clearTimeout(retry);
    retry = null;
    source?.close();
    source = null;
    setState('closed');
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (source === null && retry === null) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
    connection: {
      state: () => state,
      subscribe(listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    },
  };
}

/** Electron's IPC has no connection to lose. */
export const ALWAYS_OPEN: Connection = { state: () => 'open', subscribe: () => () => undefined };
