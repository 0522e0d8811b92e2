// Which URLs are the console's own page: the built renderer's index.html (file://), or the
// electron-vite dev server during development. IPC senders, navigation and the CSP header are
// all judged by this one rule. No `electron` import: tests run it under plain Node.
import { pathToFileURL } from 'node:url';

export interface AppUrls {
  /** What the window loads. */
  readonly entry: string;
  /** The console's own page, whatever its hash or query (the renderer routes in the hash). */
  isAppUrl(url: string): boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `devServerUrl` (electron-vite's ELECTRON_RENDERER_URL) is honoured only when the app is not
 * packaged and only on loopback http, so an environment variable cannot point a packaged
 * console at someone else's page.
 */
export function appUrls(options: { indexHtml: string; devServerUrl?: string | undefined; packaged: boolean }): AppUrls {
  const dev = options.packaged ? null : loopbackOrigin(options.devServerUrl);
  if (dev !== null) {
    return { entry: options.devServerUrl ?? dev, isAppUrl: (url) => originOf(url) === dev };
  }
  const file = pathToFileURL(options.indexHtml);
  return {
    entry: file.href,
    isAppUrl(url) {
      const parsed = parse(url);
      return parsed !== null && parsed.protocol === 'file:' && parsed.host === file.host && parsed.pathname === file.pathname;
    },
  };
}

function loopbackOrigin(url: string | undefined): string | null {
  const parsed = url === undefined || url === '' ? null : parse(url);
  if (parsed === null || parsed.protocol !== 'http:' || !LOOPBACK.has(parsed.hostname)) return null;
  return parsed.origin;
}

function originOf(url: string): string | null {
  const parsed = parse(url);
  return parsed === null || parsed.protocol === 'file:' ? null : parsed.origin;
}

function parse(url: string): URL | null {
  if (url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** What main knows of an IPC call's sender. */
export interface SenderFacts {
  /** The sending frame's URL; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** The frame is the top frame of its page (no iframe, however same-origin). */
  isMainFrame: boolean;
  /** The sender is one of the console's own windows. */
  isConsoleWindow: boolean;
}

/** An IPC call is served only from the console's own window, top frame, on the console's page. */
export function isTrustedSender(facts: SenderFacts, urls: Pick<AppUrls, 'isAppUrl'>): boolean {
  return facts.isConsoleWindow && facts.isMainFrame && facts.frameUrl !== null && urls.isAppUrl(facts.frameUrl);
}
