// The browser host's transport (CONSOLE-API.md): POST /api/{method} with the JSON input and a
// bearer token; a problem answer or a network failure becomes a ConsoleApiError.
import type { ConsoleApi } from '../../../electron/contract';
import { clientFromCall, type Call } from './client';
import { ConsoleApiError, NETWORK_PROBLEM, parseProblem } from './errors';
import { createEventStream, type Connection, type EventStreamDeps } from './events';

export interface HttpApiOptions {
  token: string;
  /** '' for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: EventStreamDeps['createEventSource'];
}

export function createHttpCall(options: Pick<HttpApiOptions, 'token' | 'baseUrl' | 'fetch'>): Call {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';
  return async (method, input) => {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      throw new ConsoleApiError({ status: 0, type: NETWORK_PROBLEM, detail: 'The console’s service did not answer. Check that it is still running.' });
    }
    const text = await response.text().catch(() => '');
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    if (!response.ok) {
      const problem = parseProblem(body);
      if (problem !== null) throw ConsoleApiError.fromProblem(problem);
      throw new ConsoleApiError({ status: response.status, type: 'http', detail: `The console’s service answered ${method} with HTTP ${response.status} and no explanation.` });
    }
    return body;
  };
}

export function createHttpApi(options: HttpApiOptions): { api: ConsoleApi; connection: Connection } {
  const base = options.baseUrl ?? '';
  const stream = createEventStream({
    url: `${base}/api/events?token=${encodeURIComponent(options.token)}`,
    createEventSource: options.createEventSource ?? ((url) => new EventSource(url)),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  return { api: clientFromCall(createHttpCall(options), stream.subscribe), connection: stream.connection };
}
