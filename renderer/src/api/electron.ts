// The Electron app's transport: the preload's window.consoleApi, wrapped so every failure reads
// the same as in the browser host. Electron's contextBridge keeps only plain data across the
// bridge (electron/electron#25596), so the preload rejects with a plain problem object
// ({status, type, detail, issues}); here it becomes a ConsoleApiError again, and every answer is
// parsed with its method's output schema like the HTTP client's.
import type { ConsoleApi } from '../../../electron/contract';
import { clientFromCall, type Call } from './client';
import { ConsoleApiError } from './errors';

function fromRejection(error: unknown): ConsoleApiError {
  if (error instanceof ConsoleApiError) return error;
  if (typeof error === 'object' && error !== null) {
    const status: unknown = Reflect.get(error, 'status');
    const detail: unknown = Reflect.get(error, 'detail') ?? Reflect.get(error, 'message');
    const type: unknown = Reflect.get(error, 'type');
    const issues: unknown = Reflect.get(error, 'issues');
    if (typeof status === 'number' && typeof detail === 'string') {
      return new ConsoleApiError({
        status,
        type: typeof type === 'string' ? type : 'error',
        detail,
        ...(Array.isArray(issues) ? { issues: issues.filter((i): i is { path: string; message: string } => typeof i?.path === 'string' && typeof i?.message === 'string') } : {}),
      });
    }
  }
  return new ConsoleApiError({ status: 0, type: 'ipc', detail: 'The console’s main process did not answer. Restart the app if this keeps happening.' });
}

export function electronCall(api: ConsoleApi): Call {
  return async (method, input) => {
    const dot = method.indexOf('.');
    const group: unknown = Reflect.get(api, method.slice(0, dot));
    const fn: unknown = typeof group === 'object' && group !== null ? Reflect.get(group, method.slice(dot + 1)) : undefined;
    if (typeof fn !== 'function') throw new ConsoleApiError({ status: 404, type: 'unknown-method', detail: `The app has no console API method ${method}.` });
    try {
      return await fn.call(group, input);
    } catch (error) {
      throw fromRejection(error);
    }
  };
}

export function electronApi(api: ConsoleApi): ConsoleApi {
  return clientFromCall(electronCall(api), (listener) => api.events.subscribe(listener));
}
