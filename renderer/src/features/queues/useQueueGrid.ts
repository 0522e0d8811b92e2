// Everything a queue screen keeps about its grid, for the submission queues and the flag queue
// alike: the window of rows the grid shows, the cursor and the place remembered per view, the
// keyboard's moves, opening the cursor's item, and the sort in the URL. The screen adds its own
// filters, keys and words; the table takes `grid` as it is (ui/VirtualGrid.tsx).
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { Queue } from '../../../../electron/contract';
import { navigate } from '../../routing/hashLocation';
import type { QueueView } from '../queryKeys';
import { step, type Cursor } from './cursor';
import { recallPlace, rememberPlace } from './memory';
import { useQueueWindow, type QueueWindow } from './useQueueWindow';
import { itemPath, queuePath } from './view';

export type SortKey = 'due' | 'arrived';

/** What a queue's table hands on to the virtualised grid. */
export interface QueueGridProps {
  view: QueueView;
  onSort: (sort: SortKey) => void;
  window: QueueWindow;
  total: number;
  cursor: Cursor;
  onCursor: (cursor: Cursor) => void;
  onRange: (range: { start: number; end: number }) => void;
  initialScrollTop: number;
  onScrollTop: (top: number) => void;
  gridRef: RefObject<HTMLDivElement | null>;
  /** Scroll requests from the keyboard: the cursor index to bring into view. */
  scrollTo: { index: number; seq: number } | null;
}

export interface QueueGrid {
  win: QueueWindow;
  total: number;
  cursor: Cursor;
  gridRef: RefObject<HTMLDivElement | null>;
  /** j/k: the cursor one row on (or back), kept in view. */
  move: (delta: number) => void;
  /** Opens the row's item, remembering it as the place to come back to. */
  open: (index: number) => void;
  grid: QueueGridProps;
}

export function useQueueGrid(queue: Queue, view: QueueView): QueueGrid {
  const place = useMemo(() => recallPlace(queue, view), [queue, view]);
  const [cursor, setCursor] = useState<Cursor>({ index: place.index, id: place.id });
  const [range, setRange] = useState({ start: Math.max(0, place.index - 10), end: place.index + 30 });
  const [scrollTo, setScrollTo] = useState<{ index: number; seq: number } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const win = useQueueWindow(queue, view, range);
  const total = win.total ?? 0;

  const onCursor = useCallback(
    (next: Cursor) => {
      setCursor(next);
      rememberPlace(queue, view, { index: next.index, id: next.id });
    },
    [queue, view],
  );

  const move = (delta: number) => {
    const next = step(cursor, delta, total, win.row);
    onCursor(next);
    setScrollTo({ index: next.index, seq: Date.now() });
  };

  const open = useCallback(
    (index: number) => {
      const row = win.row(index);
      if (row === undefined) return;
      onCursor({ index, id: row.id });
      navigate(itemPath(queue, row.id, view));
    },
    [win, onCursor, queue, view],
  );

  const onSort = (sort: SortKey) => {
    const order = view.sort === sort && view.order === 'asc' ? 'desc' : 'asc';
    navigate(queuePath(queue, { ...view, sort, order }), { replace: true });
  };

  return {
    win,
    total,
    cursor,
    gridRef,
    move,
    open,
    grid: {
      view,
      onSort,
      window: win,
      total,
      cursor,
      onCursor,
      onRange: setRange,
      initialScrollTop: place.scrollTop,
      onScrollTop: (scrollTop) => rememberPlace(queue, view, { scrollTop }),
      gridRef,
      scrollTo,
    },
  };
}
