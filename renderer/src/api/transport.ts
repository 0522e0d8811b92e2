// One client behind the ConsoleApi type. In Electron the preload has put a ConsoleApi on
// window.consoleApi; anywhere else we are in the browser host and speak HTTP. That property is
// the one honest signal (no user-agent sniffing: STYLE.md).
import type { ConsoleApi } from '../../../electron/contract';
import { electronApi } from './electron';
import { ALWAYS_OPEN, type Connection } from './events';
import { createHttpApi } from './http';
import { takeToken } from './token';

declare global {
  interface Window {
    consoleApi?: ConsoleApi;
  }
}

export type Transport = { kind: 'electron' | 'http'; api: ConsoleApi; connection: Connection } | { kind: 'no-token' };

export function chooseTransport(win: Window): Transport {
  if (win.consoleApi !== undefined) return { kind: 'electron', api: electronApi(win.consoleApi), connection: ALWAYS_OPEN };
  const token = takeToken(win);
  if (token === null) return { kind: 'no-token' };
  return { kind: 'http', ...createHttpApi({ token }) };
}
