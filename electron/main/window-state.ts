// The window comes back where it was: size, position and maximised, kept in userData. A saved
// position that no longer lies on a screen (a monitor unplugged) is dropped, so the window
// never opens out of sight.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { MIN_HEIGHT, MIN_WIDTH } from './window';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };

/** How much of the window's top edge must lie on a screen for its position to be kept. */
const VISIBLE_TITLE_BAR = { width: 120, height: 30 };

export function parseWindowState(text: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The state to open with on these screens (their work areas): the size is kept within the
 * largest screen and above the window's minimum; the position only if the top edge is
 * reachable with the mouse on some screen.
 */
export function fitToScreens(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const largest = workAreas.reduce<Rect | null>((best, area) => (best === null || area.width * area.height > best.width * best.height ? area : best), null);
  const width = Math.max(MIN_WIDTH, largest === null ? state.width : Math.min(state.width, largest.width));
  const height = Math.max(MIN_HEIGHT, largest === null ? state.height : Math.min(state.height, largest.height));
  const sized: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return sized;
  const titleBar: Rect = { x: state.x, y: state.y, width, height: VISIBLE_TITLE_BAR.height };
  const reachable = workAreas.some((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= Math.min(VISIBLE_TITLE_BAR.width, width) && seen.height >= VISIBLE_TITLE_BAR.height;
  });
  return reachable ? { ...sized, x: state.x, y: state.y } : sized;
}

export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(readFileSync(file, 'utf8')) ?? DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written atomically (temp file + rename): a crash mid-write leaves the last good state. */
export function saveWindowState(file: string, bounds: Rect, maximized: boolean): void {
  const state = stateSchema.parse({ x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height), maximized });
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}
