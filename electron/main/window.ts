// The console's window and what it may do. The BrowserWindow constructor comes in as an
// argument, so a unit test builds the window with a stand-in and reads the very options the app
// uses, without loading `electron` (STACK.md, trap 1). webPreferences stay written inline in
// the `new BrowserWindow` call: Electronegativity reads them there (STACK.md, trap 9).
import type { BrowserWindowConstructorOptions } from 'electron';
import type { AppUrls } from './app-url';
import { isAllowedExternalUrl } from './external-links';
import type { WindowState } from './window-state';

export const WINDOW_TITLE = 'Moderation Console';
export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;

export interface ConsoleWindowOptions {
  /** The built preload (out/preload/index.cjs). */
  preload: string;
  /** Where the window was last (window-state.ts), already fitted to the screens. */
  state: WindowState;
  /** Dark or light, to match the renderer's first paint. */
  backgroundColor: string;
}

export function createConsoleWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, options: ConsoleWindowOptions): W {
  return new BrowserWindow({
    ...(options.state.x === undefined || options.state.y === undefined ? {} : { x: options.state.x, y: options.state.y }),
    width: options.state.width,
    height: options.state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: WINDOW_TITLE,
    backgroundColor: options.backgroundColor,
    // Shown once the first frame is painted (and the workspace is open or a moment has passed).
    show: false,
    webPreferences: {
      preload: options.preload,
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
      // A middle click on a link would otherwise open it in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** will-navigate / will-redirect / will-frame-navigate: the page stays the console's own. */
export function mayNavigate(url: string, urls: Pick<AppUrls, 'isAppUrl'>): boolean {
  return urls.isAppUrl(url);
}

/**
 * A request for a new window (a target=_blank link, window.open) never opens one; an allowed
 * https link opens in the system browser instead.
 */
export function newWindowDecision(url: string, allowedHosts: ReadonlySet<string>): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url, allowedHosts) };
}

/** Permission requests and checks (camera, notifications, clipboard reads …): always no. */
export const grantsPermission = (): boolean => false;
