// The preload, twice. First its source (createConsoleApi) with a stand-in ipcRenderer: one
// channel per method, every envelope and answer checked, failures as problem-shaped rejections,
// events filtered by the contract. Then the built file, out/preload/index.cjs, run the way a
// sandboxed preload runs: CommonJS, a require() that serves only `electron` (here a stand-in
// given through that require), no Node globals. It must expose exactly window.consoleApi with
// one function per contract method, and, wired to main's real IPC binding and a real console
// service, answer through them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInContext, createContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENTS_CHANNEL, METHOD_NAMES, ipcChannel, problem } from '../../electron/contract';
import { bindConsoleIpc } from '../../electron/main/ipc';
import { createConsoleApi, type ConsoleApiRejection, type IpcInvoker } from '../../electron/preload/console-api';
import { createConsole, type ConsoleService } from '../../electron/services/console/console';
import { memorySecrets } from '../../electron/services/console/secrets';

type Listener = (event: unknown, payload: unknown) => void;

/** An ipcRenderer stand-in: invoke answers through `answer`; on/removeListener are counted. */
function fakeIpc(answer: (channel: string, args: unknown[]) => unknown) {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return answer(channel, args);
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return ipc;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, payload);
  };
  return { ipc, invoked, emit, listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

const split = (name: string) => {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)] as const;
};

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** `ns.fn` of an object that should be a ConsoleApi, looked up by name at run time. */
function method(api: unknown, name: string): (input: unknown) => Promise<unknown> {
  const [ns, fn] = split(name);
  const group: unknown = isObject(api) ? Reflect.get(api, ns) : undefined;
  const f: unknown = isObject(group) ? Reflect.get(group, fn) : undefined;
  if (typeof f !== 'function') throw new Error(`${name} is not exposed`);
  return async (input) => Reflect.apply(f, group, [input]);
}

function isRejection(value: unknown): value is ConsoleApiRejection {
  return isObject(value) && Reflect.get(value, 'name') === 'ConsoleApiError' && typeof Reflect.get(value, 'status') === 'number' && Array.isArray(Reflect.get(value, 'issues'));
}

async function rejection(promise: Promise<unknown>): Promise<ConsoleApiRejection> {
  try {
    await promise;
  } catch (error) {
    if (isRejection(error)) return error;
    throw new Error(`the call failed, but not with a console problem: ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail');
}

describe('the preload’s console API (source)', () => {
  it('calls each method on its own channel, with the input as the one argument', async () => {
    const { ipc, invoked } = fakeIpc(() => ({ ok: false, problem: problem(404, 'not-found', 'none') }));
    const api = createConsoleApi(ipc satisfies IpcInvoker);
    for (const name of METHOD_NAMES) {
      const failed = await rejection(method(api, name)({ probe: name }));
      expect(failed.status).toBe(404);
    }
    expect(invoked.map((call) => call.channel)).toEqual(METHOD_NAMES.map(ipcChannel));
    expect(invoked.every((call, i) => call.args.length === 1 && JSON.stringify(call.args[0]) === JSON.stringify({ probe: METHOD_NAMES[i] }))).toBe(true);
  });

  it('answers with the output, parsed by the method’s own schema', async () => {
    const { ipc } = fakeIpc(() => ({ ok: true, value: { undoSeconds: 5, theme: 'auto', blurImages: false } }));
    await expect(createConsoleApi(ipc).settings.get({})).resolves.toEqual({ undoSeconds: 5, theme: 'auto', blurImages: false });
  });

  it('rejects with the problem’s status, slug, title, detail and issues, as a plain object that crosses the bridge', async () => {
    const p = problem(400, 'validation', 'Invalid input for settings.set: undoSeconds: too big', [{ path: 'undoSeconds', message: 'too big' }]);
    const { ipc } = fakeIpc(() => ({ ok: false, problem: p }));
    const failed = await rejection(createConsoleApi(ipc).settings.set({ undoSeconds: 99 }));
    expect(failed).toEqual({ name: 'ConsoleApiError', message: p.detail, status: 400, type: 'validation', title: 'Bad request', detail: p.detail, issues: [{ path: 'undoSeconds', message: 'too big' }] });
    expect(Object.getPrototypeOf(failed)).toBe(Object.prototype);
  });

  it.each([
    ['an answer outside the envelope', { value: 1 }, 'bad-answer'],
    ['an envelope whose problem is not a problem', { ok: false, problem: { status: 'x' } }, 'bad-answer'],
    ['an output outside the method’s contract', { ok: true, value: { undoSeconds: 'five' } }, 'bad-answer'],
  ])('turns %s into a 500', async (_what, answer, type) => {
    const { ipc } = fakeIpc(() => answer);
    const failed = await rejection(createConsoleApi(ipc).settings.get({}));
    expect(failed).toMatchObject({ status: 500, type });
  });

  it('turns a failed invoke (no handler, main gone) into a 500', async () => {
    const { ipc } = fakeIpc(() => {
      throw new Error("No handler registered for 'console:settings.get'");
    });
    const failed = await rejection(createConsoleApi(ipc).settings.get({}));
    expect(failed).toMatchObject({ status: 500, type: 'ipc' });
    expect(failed.detail).toContain('No handler registered');
  });

  it('delivers only events the contract knows, to every subscriber, through one IPC listener', () => {
    const { ipc, emit, listenerCount } = fakeIpc(() => null);
    const api = createConsoleApi(ipc);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.events.subscribe((event) => {
      first.push(event);
      throw new Error('a listener that fails');
    });
    const stopSecond = api.events.subscribe((event) => second.push(event));
    expect(listenerCount(IPC_EVENTS_CHANNEL)).toBe(1);

    emit(IPC_EVENTS_CHANNEL, { type: 'session.changed' });
    emit(IPC_EVENTS_CHANNEL, { type: 'conflicts.changed', count: -1 });
    emit(IPC_EVENTS_CHANNEL, { type: 'made.up' });
    emit(IPC_EVENTS_CHANNEL, 'session.changed');
    expect(first).toEqual([{ type: 'session.changed' }]);
    expect(second).toEqual([{ type: 'session.changed' }]);

    stopFirst();
    stopFirst();
    expect(listenerCount(IPC_EVENTS_CHANNEL)).toBe(1);
    stopSecond();
    expect(listenerCount(IPC_EVENTS_CHANNEL)).toBe(0);
  });
});

describe('the built preload (out/preload/index.cjs), run as a sandboxed preload', () => {
  let dataDir = '';
  let service: ConsoleService;
  const exposed: Array<[string, unknown]> = [];
  const required: string[] = [];
  let link: ReturnType<typeof fakeIpc>;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'preload-test-'));
    service = createConsole({ dataDir, secrets: memorySecrets() });
    // Main's real binding, on a stand-in ipcMain; the stand-in ipcRenderer calls into it.
    const handlers = new Map<string, (event: object, ...args: unknown[]) => Promise<unknown>>();
    bindConsoleIpc<object>({
      ipcMain: {
        handle: (channel, handler) => void handlers.set(channel, handler),
        removeHandler: (channel) => void handlers.delete(channel),
      },
      console: service,
      isTrusted: () => true,
      log: () => undefined,
    });
    link = fakeIpc((channel, args) => {
      const handler = handlers.get(channel);
      if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
      return handler({}, ...args);
    });

    let code: string;
    try {
      code = readFileSync('out/preload/index.cjs', 'utf8');
    } catch {
      throw new Error('out/preload/index.cjs is not built: run `npm run build` first (npm test does)');
    }
    const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]) }, ipcRenderer: link.ipc };
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id} (a sandboxed preload can require only electron)`);
    };
    // No process, no Buffer, no Node require: what the bundle needs beyond `electron`, it carries.
    const context = createContext({ console, setTimeout, clearTimeout, queueMicrotask, URL, TextEncoder, TextDecoder });
    const wrapper: unknown = runInContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, context, { filename: 'index.cjs' });
    if (typeof wrapper !== 'function') throw new Error('the preload did not compile as CommonJS');
    const module = { exports: {} };
    Reflect.apply(wrapper, undefined, [module.exports, sandboxRequire, module, '/app/out/preload/index.cjs', '/app/out/preload']);
  });

  afterAll(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('requires nothing but electron, and exposes exactly window.consoleApi', () => {
    expect(required).toEqual(['electron']);
    expect(exposed.map(([key]) => key)).toEqual(['consoleApi']);
  });

  it('exposes one function per contract method, grouped by namespace, plus events.subscribe, and nothing else', () => {
    const api: unknown = exposed[0]?.[1];
    const expected = new Map<string, string[]>();
    for (const name of METHOD_NAMES) {
      const [ns, fn] = split(name);
      expected.set(ns, [...(expected.get(ns) ?? []), fn]);
    }
    expected.set('events', ['subscribe']);
    if (!isObject(api)) throw new Error('nothing was exposed');
    const shape = Object.fromEntries(Object.entries(api).map(([ns, group]) => [ns, isObject(group) ? Object.keys(group).sort() : typeof group]));
    expect(shape).toEqual(Object.fromEntries([...expected].map(([ns, fns]) => [ns, [...fns].sort()])));
    for (const name of METHOD_NAMES) expect(() => method(api, name)).not.toThrow();
    expect(typeof method(api, 'events.subscribe')).toBe('function');
  });

  it('answers through main’s IPC binding and the console service', async () => {
    const api: unknown = exposed[0]?.[1];
    await expect(method(api, 'settings.get')({})).resolves.toEqual({ undoSeconds: 5, theme: 'auto', blurImages: false });
    await expect(method(api, 'session.get')({})).resolves.toEqual({ signedIn: false });
    const signedOut = await rejection(method(api, 'queues.counts')({}));
    expect(signedOut).toMatchObject({ name: 'ConsoleApiError', status: 401, type: 'signed-out' });
    const invalid = await rejection(method(api, 'settings.set')({ undoSeconds: 999 }));
    expect(invalid).toMatchObject({ status: 400, type: 'validation' });
    expect(invalid.issues.map((issue) => issue.path)).toEqual(['undoSeconds']);
  });

  it('passes on the console’s events as they come', async () => {
    const subscribe = method(exposed[0]?.[1], 'events.subscribe');
    const heard: unknown[] = [];
    const stop: unknown = await subscribe((event: unknown) => heard.push(event));
    if (typeof stop !== 'function') throw new Error('subscribe gave no unsubscribe function');
    link.emit(IPC_EVENTS_CHANNEL, { type: 'settings.changed' });
    link.emit(IPC_EVENTS_CHANNEL, { type: 'settings.changed', extra: 'dropped by the schema' });
    link.emit(IPC_EVENTS_CHANNEL, { type: 'not.an.event' });
    Reflect.apply(stop, undefined, []);
    link.emit(IPC_EVENTS_CHANNEL, { type: 'settings.changed' });
    expect(heard).toEqual([{ type: 'settings.changed' }, { type: 'settings.changed' }]);
  });
});
