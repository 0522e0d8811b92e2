// The Electron transport: the preload's plain rejection objects become ConsoleApiErrors the
// screens can put into words, and answers are checked against the contract like the host's.
import { describe, expect, it } from 'vitest';
import type { ConsoleApi } from '../../electron/contract';
import { electronCall } from '../../renderer/src/api/electron';
import { ConsoleApiError, describeError } from '../../renderer/src/api/errors';

function fakeApi(settingsGet: () => Promise<unknown>): ConsoleApi {
  return { settings: { get: settingsGet }, events: { subscribe: () => () => undefined } } as unknown as ConsoleApi;
}

describe('the Electron transport', () => {
  it('turns the preload’s problem object into a ConsoleApiError', async () => {
    const call = electronCall(fakeApi(() => Promise.reject({ name: 'ConsoleApiError', message: 'Your role…', status: 403, type: 'forbidden', title: 'Forbidden', detail: 'Your role cannot.', issues: [{ path: 'x', message: 'y' }] })));
    const error = await call('settings.get', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleApiError);
    expect(error).toMatchObject({ status: 403, type: 'forbidden', detail: 'Your role cannot.', issues: [{ path: 'x', message: 'y' }] });
    expect(describeError(error)).toBe('Your role does not allow this. Your role cannot.');
  });

  it('says plainly when the main process did not answer', async () => {
    const call = electronCall(fakeApi(() => Promise.reject(new Error('An object could not be cloned.'))));
    const error = await call('settings.get', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, type: 'ipc' });
  });

  it('refuses a method the preload does not have', async () => {
    const error = await electronCall(fakeApi(() => Promise.resolve({}))) ('queues.counts', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, type: 'unknown-method' });
  });
});
