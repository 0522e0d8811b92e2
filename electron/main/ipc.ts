// The console API bound to IPC: one `ipcMain.handle` per contract method, on the method's own
// channel. Every call's sender is checked first (the console's window, top frame, on the
// console's page); the console service validates the input and its own output; the answer
// leaves as the contract's envelope, checked here too, since an Error thrown across
// ipcMain.handle would keep only its message.
import { METHOD_NAMES, ipcChannel, ipcEnvelopeSchema, problem, type IpcEnvelope } from '../contract';
import type { CallResult } from '../services/console/console';

/** What the binding needs of Electron's ipcMain; `E` is its IpcMainInvokeEvent in the app. */
export interface IpcHandlers<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<IpcEnvelope>): void;
  removeHandler(channel: string): void;
}

export interface IpcBindingOptions<E> {
  ipcMain: IpcHandlers<E>;
  /** The console service (any method by name: the binding is generic over the contract). */
  console: { call(method: string, input: unknown): Promise<CallResult> };
  /** The sender check (app-url.ts, isTrustedSender, with what Electron says of the event). */
  isTrusted(event: E): boolean;
  log(line: string): void;
}

const refused = (method: string): IpcEnvelope => ({ ok: false, problem: problem(403, 'untrusted-sender', `${method} was called from outside the console's own page; the call was refused.`) });

/** Binds every method; the returned function removes the handlers again. */
export function bindConsoleIpc<E>(options: IpcBindingOptions<E>): () => void {
  for (const method of METHOD_NAMES) {
    options.ipcMain.handle(ipcChannel(method), async (event, ...args: unknown[]): Promise<IpcEnvelope> => {
      if (!options.isTrusted(event)) {
        options.log(`IPC ${method} refused: the sender is not the console's page`);
        return refused(method);
      }
      if (args.length > 1) return { ok: false, problem: problem(400, 'validation', `${method} takes one argument, its input object; it was given ${args.length}.`) };
      const answer = ipcEnvelopeSchema.safeParse(await options.console.call(method, args[0]));
      if (!answer.success) {
        options.log(`IPC ${method}: the console service answered outside the envelope`);
        return { ok: false, problem: problem(500, 'internal', `${method} failed on the console's side; it has been logged.`) };
      }
      return answer.data;
    });
  }
  return () => {
    for (const method of METHOD_NAMES) options.ipcMain.removeHandler(ipcChannel(method));
  };
}
