// Routes live in the hash, query string included (`#/queues/held?category=logo`): the Electron
// window loads the renderer from file://, and a shared view must restore from the hash alone.
// wouter's own hash hook writes the query into location.search, so we keep both parts here.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) addEventListener('hashchange', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) removeEventListener('hashchange', notify);
  };
}

/** "#/queues/held?x=1" → ["/queues/held", "x=1"] */
export function splitHash(hash: string): [path: string, search: string] {
  const raw = hash.replace(/^#?\/?/, '/');
  const q = raw.indexOf('?');
  return q === -1 ? [raw, ''] : [raw.slice(0, q), raw.slice(q + 1)];
}

const currentPath = () => splitHash(location.hash)[0];
const currentSearch = () => splitHash(location.hash)[1];

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = to.startsWith('/') ? to : `/${to}`;
  const url = new URL(location.href);
  if (url.hash === `#${target}`) return;
  const oldURL = url.href;
  url.hash = target;
  history[options.replace === true ? 'replaceState' : 'pushState'](null, '', url.href);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

export function useHashPath(): [string, (to: string, options?: { replace?: boolean }) => void] {
  return [useSyncExternalStore(subscribe, currentPath, () => '/'), navigate];
}
useHashPath.hrefs = (href: string) => `#${href}`;

export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch, () => '');
}
