// Hands text to the browser as a file download through a Blob URL: no request leaves the page,
// so the renderer's CSP (connect-src 'self') is untouched, and the URL is revoked once used.

/** What the page needs to start a download; a test hands in its own. */
export interface Downloader {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  click(anchor: HTMLAnchorElement): void;
}

const browserDownloader: Downloader = {
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  click: (anchor) => anchor.click(),
};

/** A file name that is safe on every desktop: letters, digits, dot, dash, underscore. */
export function safeFilename(name: string, fallback = 'export.csv'): string {
  const cleaned = name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 120);
  return cleaned === '' ? fallback : cleaned;
}

export function saveText(filename: string, text: string, type: string, downloader: Downloader = browserDownloader): void {
  // A byte-order mark lets spreadsheet programs read the CSV as UTF-8 (names with accents).
  const blob = new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` });
  const url = downloader.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = safeFilename(filename);
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  try {
    downloader.click(anchor);
  } finally {
    anchor.remove();
    // The click has handed the URL to the download; revoke on the next turn, not before.
    setTimeout(() => downloader.revokeObjectURL(url), 0);
  }
}
