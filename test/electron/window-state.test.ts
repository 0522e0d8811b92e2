// The window comes back where it was, but never off-screen and never larger than a screen.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH } from '../../electron/main/window';
import { DEFAULT_WINDOW_STATE, fitToScreens, loadWindowState, parseWindowState, saveWindowState } from '../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('fitting the remembered window to the screens there are now', () => {
  it.each([
    ['on the laptop', { x: 100, y: 50, width: 1200, height: 800, maximized: false }, [laptop], { x: 100, y: 50, width: 1200, height: 800, maximized: false }],
    ['on an external screen still attached', { x: 2000, y: 0, width: 1600, height: 1000, maximized: true }, [laptop, external], { x: 2000, y: 0, width: 1600, height: 1000, maximized: true }],
    ['on an external screen now gone', { x: 2000, y: 0, width: 1600, height: 1000, maximized: false }, [laptop], { width: 1440, height: 875, maximized: false }],
    ['with only a sliver of title bar on screen', { x: 1400, y: 100, width: 1200, height: 800, maximized: false }, [laptop], { width: 1200, height: 800, maximized: false }],
    ['above the top of every screen', { x: 100, y: -500, width: 1200, height: 800, maximized: false }, [laptop], { width: 1200, height: 800, maximized: false }],
    ['larger than any screen', { x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [laptop, external], { x: 0, y: 0, width: 2560, height: 1400, maximized: false }],
    ['smaller than the minimum', { width: 300, height: 200, maximized: false }, [laptop], { width: MIN_WIDTH, height: MIN_HEIGHT, maximized: false }],
    ['with no position', { width: 1200, height: 800, maximized: false }, [laptop], { width: 1200, height: 800, maximized: false }],
  ])('%s', (_what, state, screens, fitted) => {
    expect(fitToScreens(state, screens)).toEqual(fitted);
  });
});

describe('the window-state file', () => {
  it('round-trips, and falls back to the default when missing or malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'window-state-test-'));
    try {
      const file = join(dir, 'deeper', 'window-state.json');
      expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
      saveWindowState(file, { x: 10.4, y: 20.6, width: 1300, height: 850 }, true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 21, width: 1300, height: 850, maximized: true });
      expect(loadWindowState(file)).toEqual({ x: 10, y: 21, width: 1300, height: 850, maximized: true });
      writeFileSync(file, '{"width": "wide"}');
      expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts only sane numbers', () => {
    expect(parseWindowState('not json')).toBeNull();
    expect(parseWindowState('{"width": 0, "height": 10, "maximized": false}')).toBeNull();
    expect(parseWindowState('{"width": 1e9, "height": 10, "maximized": false}')).toBeNull();
    expect(parseWindowState('{"width": 800, "height": 600, "maximized": false}')).toEqual({ width: 800, height: 600, maximized: false });
  });
});
