// The window's options, read from the very `new BrowserWindow(...)` call the app makes (the
// constructor is passed in: a stand-in records what it is given), and the navigation, new-window
// and permission decisions main applies to it.
import { describe, expect, it } from 'vitest';
import { appUrls } from '../../electron/main/app-url';
import { MIN_HEIGHT, MIN_WIDTH, createConsoleWindow, grantsPermission, mayNavigate, newWindowDecision } from '../../electron/main/window';

type BrowserWindowConstructorOptions = ConstructorParameters<Parameters<typeof createConsoleWindow>[0]>[0];

class RecordingWindow {
  static made: BrowserWindowConstructorOptions[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.made.push(options);
  }
}

const preload = '/app/out/preload/index.cjs';

function build(state = { width: 1200, height: 800, maximized: false, x: 10, y: 20 }) {
  RecordingWindow.made = [];
  const window = createConsoleWindow(RecordingWindow, { preload, state, backgroundColor: '#ffffff' });
  expect(RecordingWindow.made).toHaveLength(1);
  return window.options;
}

describe('the console window', () => {
  it('is sandboxed and isolated, with the node features off and the built CommonJS preload', () => {
    const prefs = build().webPreferences;
    expect(prefs).toEqual({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs?.preload?.endsWith('.cjs')).toBe(true);
  });

  it('opens hidden (shown once painted), at the remembered place and size, never below its minimum', () => {
    const options = build();
    expect(options).toMatchObject({ show: false, x: 10, y: 20, width: 1200, height: 800, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT });
  });

  it('lets the system place a window whose position was not kept', () => {
    const options = build({ width: 1440, height: 900, maximized: false, x: 5, y: 5 });
    expect(options.x).toBe(5);
    RecordingWindow.made = [];
    const unplaced = createConsoleWindow(RecordingWindow, { preload, state: { width: 1440, height: 900, maximized: true }, backgroundColor: '#000000' }).options;
    expect('x' in unplaced || 'y' in unplaced).toBe(false);
  });
});

describe('navigation, new windows, permissions', () => {
  const urls = appUrls({ indexHtml: '/app/out/renderer/index.html', packaged: true });

  it.each([
    ['file:///app/out/renderer/index.html#/queues/held', true],
    ['file:///app/out/renderer/index.html?x=1', true],
    ['file:///etc/passwd', false],
    ['file:///app/out/renderer/other.html', false],
    ['https://evil.example/', false],
    ['http://127.0.0.1:5173/', false],
    ['javascript:alert(1)', false],
  ])('navigating to %s: %s', (url, allowed) => {
    expect(mayNavigate(url, urls)).toBe(allowed);
  });

  it('never opens a new window; an allowed https link goes to the system browser instead', () => {
    const hosts = new Set(['platform.example.com']);
    expect(newWindowDecision('https://platform.example.com/items/1', hosts)).toEqual({ action: 'deny', openExternally: true });
    expect(newWindowDecision('https://evil.example/', hosts)).toEqual({ action: 'deny', openExternally: false });
    expect(newWindowDecision('http://platform.example.com/', hosts)).toEqual({ action: 'deny', openExternally: false });
    expect(newWindowDecision('file:///etc/passwd', hosts)).toEqual({ action: 'deny', openExternally: false });
  });

  it('grants no permission', () => {
    expect(grantsPermission()).toBe(false);
  });
});
