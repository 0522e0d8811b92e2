// The console API contract: the method table, the events, the problems, and the client type
// every transport implements. Pure: core/ and zod only.
import type { ConsoleEvent } from './events';
import type { InputOf, MethodName, OutputOf } from './methods';

export * from './events';
export * from './methods';
export * from './problems';
export * from './views';

/** "queues.page" → "queues". */
export type Namespace = MethodName extends `${infer NS}.${string}` ? NS : never;

/**
 * The typed client, one function per method, grouped by namespace: what the preload exposes as
 * `window.consoleApi` and what the browser host's HTTP client implements.
 */
export type ConsoleApi = {
  [NS in Namespace]: {
    [M in MethodName as M extends `${NS}.${infer Fn}` ? Fn : never]: (input: InputOf<M>) => Promise<OutputOf<M>>;
  };
} & {
  events: { subscribe(listener: (event: ConsoleEvent) => void): () => void };
};

/** The IPC channel of a method: one channel each, never a generic invoke. */
export const ipcChannel = (method: MethodName): string => `console:${method}`;
export const IPC_EVENTS_CHANNEL = 'console:event';
