// The queue's cursor follows its row, not its position: when rows arrive above it or leave, the
// cursor moves with its item (and the table scrolls by the same amount, so nothing jumps under
// the moderator's eyes); when its item leaves, the cursor stays put on the row that took its place.

/** All the cursor needs of a row. */
export interface Identified {
  id: string;
}

export interface Cursor {
  index: number;
  id: string | null;
}

export interface Reanchored extends Cursor {
  /** Rows the cursor's item moved by (positive: further down). */
  shift: number;
}

export function reanchor(cursor: Cursor, rowAt: (index: number) => Identified | undefined, total: number, radius = 200): Reanchored {
  if (total <= 0) return { index: 0, id: null, shift: 0 };
  const index = Math.min(Math.max(0, cursor.index), total - 1);
  const here = rowAt(index);
  if (cursor.id === null) return { index, id: here?.id ?? null, shift: 0 };
  if (here?.id === cursor.id) return { index, id: cursor.id, shift: 0 };
  for (let d = 1; d <= radius; d += 1) {
    for (const i of [index - d, index + d]) {
      if (i < 0 || i >= total) continue;
      if (rowAt(i)?.id === cursor.id) return { index: i, id: cursor.id, shift: i - index };
    }
  }
  // Not nearby: its item left (or the rows around it are not loaded yet, then wait).
  if (here === undefined) return { index, id: cursor.id, shift: 0 };
  return { index, id: here.id, shift: 0 };
}

/** Moves the cursor by `delta` rows, within the queue. */
export function step(cursor: Cursor, delta: number, total: number, rowAt: (index: number) => Identified | undefined): Cursor {
  if (total <= 0) return { index: 0, id: null };
  const index = Math.min(Math.max(0, cursor.index + delta), total - 1);
  return { index, id: rowAt(index)?.id ?? null };
}

/** Selection by range (Shift x): every loaded row id between two indexes, inclusive. */
export function idsBetween(a: number, b: number, rowAt: (index: number) => Identified | undefined, limit = 500): string[] {
  const ids: string[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b) && ids.length < limit; i += 1) {
    const row = rowAt(i);
    if (row !== undefined) ids.push(row.id);
  }
  return ids;
}
