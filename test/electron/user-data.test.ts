// The desktop app and the browser host keep their workspaces in the same folder: Electron's
// userData is the product name under the OS's app-data folder (main sets it so explicitly), and
// package.json and electron-builder.yml must give the app that same name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_NAME, defaultUserDataDir } from '../../electron/services/user-data';

const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const { load }: { load(text: string): unknown } = fromBuilder('js-yaml');

describe('where the workspaces live', () => {
  it('is named the same by package.json, electron-builder.yml and the services', () => {
    const pkg: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
    const builder: unknown = load(readFileSync('electron-builder.yml', 'utf8'));
    expect(pkg).toMatchObject({ productName: PRODUCT_NAME });
    expect(builder).toMatchObject({ productName: PRODUCT_NAME });
  });

  it('is Electron’s appData folder plus the product name, on every platform', () => {
    // Electron's appData: %APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config.
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\ana\\AppData\\Roaming', PRODUCT_NAME));
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/home/ana/.cfg' }, 'linux')).toBe(join('/home/ana/.cfg', PRODUCT_NAME));
    expect(defaultUserDataDir({}, 'darwin')).toMatch(/Library[/\\]Application Support[/\\]Moderation Console$/);
  });
});
