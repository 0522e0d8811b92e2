// Shared by the renderer's component tests (each file opts into jsdom with a docblock and imports
// this): the browser parts jsdom lacks that Mantine needs (STACK.md, trap 7), and a cleanup
// after each test, since vitest's globals are off.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

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
  if (Element.prototype.scrollIntoView === undefined) Element.prototype.scrollIntoView = () => undefined;
  if (Element.prototype.scrollTo === undefined) Element.prototype.scrollTo = () => undefined;
}

afterEach(() => {
  cleanup();
  window.location.hash = '';
  window.sessionStorage.clear();
  window.localStorage.clear();
});
