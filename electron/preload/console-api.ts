// The console API over IPC, as the renderer sees it: one function per contract method, each on
// its own channel (never a generic invoke), each answer's envelope and output checked with the
// contract's schemas. Built from an injected ipcRenderer so tests run it without Electron.
import {
  IPC_EVENTS_CHANNEL,
  METHODS,
  METHOD_NAMES,
  consoleEventSchema,
  ipcChannel,
  ipcEnvelopeSchema,
  problem,
  problemKind,
  type ConsoleApi,
  type ConsoleEvent,
  type ConsoleProblem,
  type MethodName,
} from '../contract';

/** What the API needs of Electron's ipcRenderer (which fits it as it is). */
export interface IpcInvoker {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * How a call fails in the renderer. Electron's contextBridge keeps only the message of an Error
 * that crosses it (electron/electron#25596), so a call rejects with this plain object instead:
 * its fields cross the bridge intact. `type` is the problem's slug ("validation", "signed-out" …).
 */
export interface ConsoleApiRejection {
  name: 'ConsoleApiError';
  message: string;
  status: number;
  type: string;
  title: string;
  detail: string;
  issues: Array<{ path: string; message: string }>;
}

export function rejectionOf(p: ConsoleProblem): ConsoleApiRejection {
  return { name: 'ConsoleApiError', message: p.detail, status: p.status, type: problemKind(p), title: p.title, detail: p.detail, issues: p.issues ?? [] };
}

/** Structural view of a zod schema's safeParse, so the answer's type comes from the schema itself. */
interface OutputParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const NAME_OF = new Map<unknown, MethodName>(METHOD_NAMES.map((name) => [METHODS[name], name]));
const MAX_LISTENERS = 100;

export function createConsoleApi(ipc: IpcInvoker): ConsoleApi {
  /** Calls the method whose contract entry is `spec`; its name (and so its channel) comes from the table. */
  async function call<T>(spec: { output: OutputParser<T> }, input: unknown): Promise<T> {
    const method = NAME_OF.get(spec);
    if (method === undefined) throw rejectionOf(problem(500, 'internal', 'The preload called a method that is not in the console API contract.'));
    let answer: unknown;
    try {
      answer = await ipc.invoke(ipcChannel(method), input ?? {});
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw rejectionOf(problem(500, 'ipc', `${method} did not reach the console's service: ${why.slice(0, 300)}`));
    }
    const envelope = ipcEnvelopeSchema.safeParse(answer);
    if (!envelope.success) throw rejectionOf(problem(500, 'bad-answer', `The console's service answered ${method} outside the IPC envelope.`));
    if (!envelope.data.ok) throw rejectionOf(envelope.data.problem);
    const output = spec.output.safeParse(envelope.data.value);
    if (!output.success) throw rejectionOf(problem(500, 'bad-answer', `The console's service answered ${method} outside the console API contract.`));
    return output.data;
  }

  // One IPC listener for every subscriber; events outside the contract are dropped here.
  const listeners = new Set<(event: ConsoleEvent) => void>();
  const onEvent = (_event: unknown, payload: unknown) => {
    const parsed = consoleEventSchema.safeParse(payload);
    if (!parsed.success) return;
    for (const listener of [...listeners]) {
      try {
        listener(parsed.data);
      } catch {
        // A listener's failure is the renderer's to report; the others still hear the event.
      }
    }
  };

  return {
    session: {
      get: (input) => call(METHODS['session.get'], input),
      signIn: (input) => call(METHODS['session.signIn'], input),
      signOut: (input) => call(METHODS['session.signOut'], input),
    },
    sync: {
      status: (input) => call(METHODS['sync.status'], input),
      now: (input) => call(METHODS['sync.now'], input),
      confirmDeletions: (input) => call(METHODS['sync.confirmDeletions'], input),
    },
    queues: {
      counts: (input) => call(METHODS['queues.counts'], input),
      page: (input) => call(METHODS['queues.page'], input),
    },
    items: { get: (input) => call(METHODS['items.get'], input) },
    assets: { get: (input) => call(METHODS['assets.get'], input) },
    claims: {
      claim: (input) => call(METHODS['claims.claim'], input),
      release: (input) => call(METHODS['claims.release'], input),
    },
    decisions: {
      decide: (input) => call(METHODS['decisions.decide'], input),
      undo: (input) => call(METHODS['decisions.undo'], input),
      preview: (input) => call(METHODS['decisions.preview'], input),
      batch: (input) => call(METHODS['decisions.batch'], input),
      list: (input) => call(METHODS['decisions.list'], input),
      get: (input) => call(METHODS['decisions.get'], input),
    },
    flags: {
      previewSanctions: (input) => call(METHODS['flags.previewSanctions'], input),
      composeStatement: (input) => call(METHODS['flags.composeStatement'], input),
    },
    conflicts: {
      list: (input) => call(METHODS['conflicts.list'], input),
      acknowledge: (input) => call(METHODS['conflicts.acknowledge'], input),
    },
    journal: {
      verify: (input) => call(METHODS['journal.verify'], input),
      export: (input) => call(METHODS['journal.export'], input),
    },
    designers: {
      get: (input) => call(METHODS['designers.get'], input),
      search: (input) => call(METHODS['designers.search'], input),
    },
    dashboard: { get: (input) => call(METHODS['dashboard.get'], input) },
    audit: {
      run: (input) => call(METHODS['audit.run'], input),
      get: (input) => call(METHODS['audit.get'], input),
      export: (input) => call(METHODS['audit.export'], input),
    },
    settings: {
      get: (input) => call(METHODS['settings.get'], input),
      set: (input) => call(METHODS['settings.set'], input),
    },
    events: {
      subscribe(listener) {
        if (listeners.size >= MAX_LISTENERS) throw new Error(`At most ${MAX_LISTENERS} event subscriptions at once.`);
        if (listeners.size === 0) ipc.on(IPC_EVENTS_CHANNEL, onEvent);
        listeners.add(listener);
        return () => {
          if (!listeners.delete(listener)) return;
          if (listeners.size === 0) ipc.removeListener(IPC_EVENTS_CHANNEL, onEvent);
        };
      },
    },
  } satisfies ConsoleApi;
}
