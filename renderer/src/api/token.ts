// The browser host's one-time token: taken from `?token=` on first load, kept for this tab in
// sessionStorage, and removed from the visible URL (so it is not shared with a screenshot or
// a copied link).
const KEY = 'console.token';

export interface TokenWindow {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeToken(win: TokenWindow): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl.length > 0 && fromUrl.length <= 500) {
    win.sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.toString());
    return fromUrl;
  }
  return win.sessionStorage.getItem(KEY);
}
