// Shared by the renderer's component tests (each file opts into jsdom with a docblock and imports
// this): the browser parts jsdom lacks that Mantine needs (STACK.md, trap 7), and a cleanup
// after each test, since vitest's globals are off.
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetPlaces } from '../../renderer/src/features/queues/memory';

// Two shared cores: a whole console renders slower here than on a desk.
configure({ asyncUtilTimeout: 8000 });

if (typeof window !== 'undefined') {
  if (window.matchMedia === undefined) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: (query: string): MediaQueryList => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  if (window.ResizeObserver === undefined) window.ResizeObserver = ResizeObserverStub;
  // jsdom lays nothing out; a scrolling container gets a 1000 × 600 viewport, so a virtualised
  // table renders the rows a window of that size would show.
  const scrolls = (el: HTMLElement) => el.style.overflowY === 'auto';
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get(this: HTMLElement) { return scrolls(this) ? 600 : 0; } });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get(this: HTMLElement) { return scrolls(this) ? 1000 : 0; } });
  // Mantine's autosizing textarea listens for web fonts loading.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });
  if (Element.prototype.scrollIntoView === undefined) Element.prototype.scrollIntoView = () => undefined;
  if (Element.prototype.scrollTo === undefined) Element.prototype.scrollTo = () => undefined;
}

afterEach(() => {
  cleanup();
  // The notifications store is a module singleton: toasts of one test would fill the next one's limit.
  notifications.clean();
  forgetPlaces();
  window.location.hash = '';
  window.sessionStorage.clear();
  window.localStorage.clear();
});
