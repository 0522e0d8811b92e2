// The packaging config is checked against electron-builder's own schema, offline: a typo in
// electron-builder.yml fails here instead of on a release machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
// Read the YAML with the parser electron-builder itself uses (a dependency of app-builder-lib).
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { load } = fromBuilder('js-yaml') as { load: (text: string) => unknown };

describe('electron-builder.yml', () => {
  it('validates against electron-builder’s schema', async () => {
    const config = load(readFileSync('electron-builder.yml', 'utf8'));
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would fail on an unknown option', async () => {
    const config = { ...(load(readFileSync('electron-builder.yml', 'utf8')) as object), npmRebuidl: false };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/npmRebuidl/);
  });

  it('does not rebuild the native module and unpacks it from the asar', () => {
    const config = load(readFileSync('electron-builder.yml', 'utf8')) as { npmRebuild: boolean; asarUnpack: string[] };
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
  });
});
