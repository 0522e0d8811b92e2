// What the app opens at start (resume, or a fresh demo), and the clean-up of an old demo
// workspace: its cache file and the token its sign-in kept.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardDemoWorkspace, planStart, readDemoRecord, recordingSecrets, writeDemoRecord, type DemoRecord } from '../../electron/main/demo-workspace';
import { memorySecrets } from '../../electron/services/console/secrets';
import { workspaceFile } from '../../electron/services/console/workspace';

const demo: DemoRecord = { platformUrl: 'http://127.0.0.1:41234', moderatorId: 'mod-admin', secretKeys: ['token:1'] };

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-workspace-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the start-up plan', () => {
  it.each([
    ['nothing was open', null, null, 'demo'],
    ['nothing was open, an old demo is remembered', null, demo, 'demo'],
    ['the last workspace was the demo', { platformUrl: demo.platformUrl, moderatorId: demo.moderatorId }, demo, 'demo'],
    ['a real platform was open', { platformUrl: 'https://platform.example.com', moderatorId: 'ana' }, null, 'resume'],
    ['a real platform was open after a demo', { platformUrl: 'https://platform.example.com', moderatorId: 'ana' }, demo, 'resume'],
    ['another moderator on the demo’s old address', { platformUrl: demo.platformUrl, moderatorId: 'ana' }, demo, 'resume'],
  ] as const)('%s: %s', (_what, last, record, plan) => {
    expect(planStart(last, record)).toBe(plan);
  });
});

describe('the demo record', () => {
  it('round-trips, and reads as none when absent or malformed', () => {
    const file = join(dir, 'demo-workspace.json');
    expect(readDemoRecord(file)).toBeNull();
    writeDemoRecord(file, demo);
    expect(readDemoRecord(file)).toEqual(demo);
    writeFileSync(file, '{"platformUrl": 3}');
    expect(readDemoRecord(file)).toBeNull();
    writeDemoRecord(file, null);
    expect(existsSync(file)).toBe(false);
  });

  it('discards the old demo’s cache (with its WAL) and its token, and nothing else', async () => {
    const cache = workspaceFile(dir, demo.platformUrl, demo.moderatorId);
    const other = workspaceFile(dir, 'https://platform.example.com', 'ana');
    mkdirSync(dirname(cache), { recursive: true });
    for (const file of [cache, `${cache}-wal`, `${cache}-shm`, other]) writeFileSync(file, 'x');
    const secrets = memorySecrets();
    await secrets.set('token:1', 'dev-admin');
    await secrets.set('token:2', 'real');

    await discardDemoWorkspace(dir, demo, secrets);
    expect([existsSync(cache), existsSync(`${cache}-wal`), existsSync(`${cache}-shm`), existsSync(other)]).toEqual([false, false, false, true]);
    await expect(secrets.get('token:1')).resolves.toBeUndefined();
    await expect(secrets.get('token:2')).resolves.toBe('real');
  });
});

describe('recording the demo sign-in’s secrets', () => {
  it('notes only the keys written with the watched value, while watching', async () => {
    const secrets = recordingSecrets(memorySecrets());
    await secrets.set('before', 'dev-admin');
    secrets.record('dev-admin');
    await secrets.set('token:demo', 'dev-admin');
    await secrets.set('token:real', 'something else');
    expect(secrets.recorded()).toEqual(['token:demo']);
    secrets.record(null);
    await secrets.set('after', 'dev-admin');
    expect(secrets.recorded()).toEqual([]);
    await expect(secrets.get('token:demo')).resolves.toBe('dev-admin');
  });
});
