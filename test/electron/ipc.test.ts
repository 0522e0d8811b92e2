// Main's IPC binding on a stand-in ipcMain, over a real console service (a temporary data
// folder, no one signed in): one handler per contract method, the sender checked before
// anything runs, one argument only, the envelope checked on the way out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, ipcChannel, isMethodName } from '../../electron/contract';
import { bindConsoleIpc } from '../../electron/main/ipc';
import { createConsole, type CallResult, type ConsoleService } from '../../electron/services/console/console';
import { memorySecrets } from '../../electron/services/console/secrets';

interface FakeEvent {
  trusted: boolean;
}

let dataDir = '';
let service: ConsoleService;
let handlers: Map<string, (event: FakeEvent, ...args: unknown[]) => Promise<unknown>>;
let calls: string[];
let logged: string[];
let unbind: () => void;

function bind(console: { call(method: string, input: unknown): Promise<CallResult> }) {
  handlers = new Map();
  unbind = bindConsoleIpc<FakeEvent>({
    ipcMain: { handle: (channel, handler) => void handlers.set(channel, handler), removeHandler: (channel) => void handlers.delete(channel) },
    console: {
      call: (method: string, input: unknown) => {
        calls.push(method);
        return console.call(method, input);
      },
    },
    isTrusted: (event) => event.trusted,
    log: (line) => void logged.push(line),
  });
}

function invoke(method: string, event: FakeEvent, ...args: unknown[]): Promise<unknown> {
  const handler = isMethodName(method) ? handlers.get(ipcChannel(method)) : undefined;
  if (handler === undefined) throw new Error(`no handler for ${method}`);
  return handler(event, ...args);
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ipc-test-'));
  service = createConsole({ dataDir, secrets: memorySecrets() });
  calls = [];
  logged = [];
  bind(service);
});

afterEach(async () => {
  unbind();
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the console API over IPC', () => {
  it('has one handler per contract method, on the method’s own channel, and no other', () => {
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
  });

  it('answers a trusted call with the envelope of the console service', async () => {
    await expect(invoke('settings.get', { trusted: true }, {})).resolves.toEqual({ ok: true, value: { undoSeconds: 5, theme: 'auto', blurImages: false } });
    await expect(invoke('queues.counts', { trusted: true }, {})).resolves.toMatchObject({ ok: false, problem: { status: 401 } });
  });

  it('passes invalid input to the service, which refuses it and changes nothing', async () => {
    const answer = await invoke('settings.set', { trusted: true }, { undoSeconds: 5, colour: 'red' });
    expect(answer).toMatchObject({ ok: false, problem: { status: 400, type: 'https://console.example/problems/validation' } });
    await expect(invoke('settings.get', { trusted: true }, {})).resolves.toMatchObject({ ok: true, value: { undoSeconds: 5 } });
  });

  it('refuses a call from anywhere but the console’s page before the service sees it', async () => {
    const answer = await invoke('settings.set', { trusted: false }, { undoSeconds: 30 });
    expect(answer).toMatchObject({ ok: false, problem: { status: 403, type: 'https://console.example/problems/untrusted-sender' } });
    expect(calls).toEqual([]);
    expect(logged.some((line) => line.includes('settings.set refused'))).toBe(true);
    await expect(invoke('settings.get', { trusted: true }, {})).resolves.toMatchObject({ ok: true, value: { undoSeconds: 5 } });
  });

  it('refuses more than one argument', async () => {
    await expect(invoke('settings.get', { trusted: true }, {}, 'extra')).resolves.toMatchObject({ ok: false, problem: { status: 400 } });
    expect(calls).toEqual([]);
  });

  it('never sends an answer outside the envelope', async () => {
    unbind();
    bind({ call: async () => JSON.parse('{"ok":"yes","value":1}') });
    await expect(invoke('settings.get', { trusted: true }, {})).resolves.toMatchObject({ ok: false, problem: { status: 500, type: 'https://console.example/problems/internal' } });
  });

  it('removes every handler when unbound', () => {
    unbind();
    expect(handlers.size).toBe(0);
  });
});
