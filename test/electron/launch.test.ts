// The app itself, launched with the real Electron binary through Playwright: the window opens
// on the console's page, sees window.consoleApi and nothing of Node, and the demo workspace
// signs in by itself. Runs only where the Electron binary is present: Electron fetches it on
// first start, which fails on machines without github.com (this one), and tests must never
// need it (ARCHITECTURE.md, "Machines without Electron").
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const binary = join(dir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const reason = 'the Electron binary is not installed here (node_modules/electron/dist); `npm start` fetches it where github.com is reachable';

describe.skipIf(binary === null)(`the desktop app (skipped where ${reason})`, () => {
  it('opens the console with only window.consoleApi, and signs in to the demo workspace', { timeout: 240_000 }, async () => {
    if (!existsSync('out/main/index.js')) throw new Error('out/ is not built: run `npm run build` first (npm test does)');
    const dataDir = mkdtempSync(join(tmpdir(), 'launch-test-'));
    const app = await electron.launch({ executablePath: binary ?? '', args: ['out/main/index.js'], env: { ...process.env, CONSOLE_DATA_DIR: dataDir } });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html/);
      const globals = await page.evaluate(() => ({
        consoleApi: Object.keys(Reflect.get(window, 'consoleApi') ?? {}).sort(),
        require: typeof Reflect.get(window, 'require'),
        process: typeof Reflect.get(window, 'process'),
        ipcRenderer: typeof Reflect.get(window, 'ipcRenderer'),
      }));
      expect(globals.consoleApi).toContain('queues');
      expect(globals.consoleApi).toContain('events');
      expect(globals).toMatchObject({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });

      const deadline = Date.now() + 200_000;
      let session: unknown = null;
      while (Date.now() < deadline) {
        session = await page.evaluate(() => window.consoleApi?.session.get({}));
        if (typeof session === 'object' && session !== null && Reflect.get(session, 'signedIn') === true) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      expect(session).toMatchObject({ signedIn: true, demo: true });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
