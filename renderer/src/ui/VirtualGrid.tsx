// The frame every queue draws its rows in (UI.md, "Queue screens"): a virtualised grid over a
// queue of any length — only the rows on screen exist in the page, the pages behind them come
// from the caller's window by offset — with a sticky header, the cursor row marked, kept in view
// by the keyboard and kept on its item when rows arrive or leave. The header and the rows scroll
// in the one element that takes focus, so the keyboard reaches all of it (axe's
// scrollable-region-focusable). The submission queues and the flag queue fill in the cells.
import { Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { reanchor } from '../features/queues/cursor';
import type { QueueGridProps, SortKey } from '../features/queues/useQueueGrid';
import type { QueueView } from '../features/queryKeys';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 32;

/** What the header needs of a column; each queue's column adds how it draws its cell. */
export interface GridColumn {
  id: string;
  title: string;
  width: string;
  /** Sorting by this column (the URL's `sort`). */
  sort?: SortKey;
}

export interface GridRowPlace {
  index: number;
  /** Offset of the row inside the rows' group. */
  top: number;
  current: boolean;
  /** False while a fling is under way: heavy cells (images) wait for it to stop. */
  settled: boolean;
}

export interface VirtualGridProps extends QueueGridProps {
  label: string;
  /** Cell widths, shared by the header and every row. */
  template: string;
  colCount: number;
  /** Header cells before the columns' own (a selection column). */
  leadingHeader?: ReactNode;
  columns: readonly GridColumn[];
  multiselectable?: boolean;
  /** The DOM id the current row carries (aria-activedescendant points at it). */
  currentRowId: string;
  renderRow: (place: GridRowPlace) => ReactNode;
}

function HeaderCell({ column, view, onSort }: { column: GridColumn; view: QueueView; onSort: (sort: SortKey) => void }) {
  const { sort } = column;
  const active = sort !== undefined && view.sort === sort;
  const ariaSort = active ? (view.order === 'asc' ? 'ascending' : 'descending') : sort === undefined ? undefined : 'none';
  return (
    <div role="columnheader" aria-sort={ariaSort} style={{ padding: '0 8px', display: 'flex', alignItems: 'center', height: '100%', minWidth: 0 }}>
      {sort === undefined ? (
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" lh="16px" truncate>
          {column.title}
        </Text>
      ) : (
        <UnstyledButton onClick={() => onSort(sort)} aria-label={`Sort by ${column.title.toLowerCase()}`} style={{ display: 'flex' }}>
          <Text size="xs" fw={600} c={active ? undefined : 'dimmed'} tt="uppercase" lh="16px" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            {column.title}
            {active && (view.order === 'asc' ? <IconArrowUp size={12} /> : <IconArrowDown size={12} />)}
          </Text>
        </UnstyledButton>
      )}
    </div>
  );
}

/** One row's box: placed by the virtualiser, the cursor marked with a bar, a batch tick tinted. */
export function gridRowStyle(template: string, top: number, current: boolean, checked = false): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    transform: `translateY(${top}px)`,
    display: 'grid',
    gridTemplateColumns: template,
    alignItems: 'center',
    borderBottom: '1px solid var(--row-border)',
    background: current ? 'var(--row-selected)' : checked ? 'var(--row-checked)' : undefined,
    boxShadow: current ? 'inset 3px 0 0 var(--mantine-color-blue-7)' : undefined,
    cursor: 'pointer',
  };
}

export const gridCellStyle: CSSProperties = { padding: '0 8px', minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' };

export function VirtualGrid(props: VirtualGridProps) {
  const { window: win, total, cursor, onCursor, view, template } = props;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The header row is sticky inside the same scrolling grid: rows start below it, and a row
    // brought into view by the keyboard must not hide under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: props.initialScrollTop,
    // jsdom has no layout; a real window replaces this at once.
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items[items.length - 1]?.index ?? 0;
  const [settled, setSettled] = useState(true);
  const scrolling = virtualizer.isScrolling;

  const { onRange } = props;
  useEffect(() => onRange({ start, end }), [start, end, onRange]);

  // Settled again a short pause after a fling stops (isScrolling flips back).
  useEffect(() => {
    if (scrolling) {
      setSettled(false);
      return undefined;
    }
    const t = setTimeout(() => setSettled(true), 80);
    return () => clearTimeout(t);
  }, [scrolling]);

  // Keyboard moves: keep the cursor row in view.
  const { scrollTo } = props;
  useEffect(() => {
    if (scrollTo !== null) virtualizer.scrollToIndex(scrollTo.index, { align: 'auto' });
  }, [scrollTo, virtualizer]);

  // Rows arrived or left: follow the cursor's item (features/queues/cursor.ts), scrolling by as
  // much as it moved when it was in view.
  useLayoutEffect(() => {
    if (win.total === undefined) return;
    const next = reanchor(cursor, win.row, win.total);
    if (next.index === cursor.index && next.id === cursor.id) return;
    const el = scrollRef.current;
    if (el !== null && next.shift !== 0) {
      const cursorTop = HEADER_HEIGHT + cursor.index * ROW_HEIGHT;
      const visible = cursorTop >= el.scrollTop + HEADER_HEIGHT && cursorTop < el.scrollTop + el.clientHeight;
      if (visible) el.scrollTop += next.shift * ROW_HEIGHT;
    }
    onCursor({ index: next.index, id: next.id });
    // win.version stands for every page the window holds.
  }, [win.version, win.total, cursor, onCursor, win.row]);

  const { onScrollTop } = props;
  useEffect(() => {
    const el = scrollRef.current;
    if (el === null) return undefined;
    const onScroll = () => onScrollTop(el.scrollTop);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [onScrollTop]);

  const cursorRendered = items.some((i) => i.index === cursor.index);
  const rowsSettled = settled && !scrolling;
  const { gridRef } = props;
  const setGrid = (el: HTMLDivElement | null) => {
    scrollRef.current = el;
    gridRef.current = el;
  };

  return (
    <div
      ref={setGrid}
      role="grid"
      aria-label={props.label}
      aria-rowcount={total + 1}
      aria-colcount={props.colCount}
      aria-multiselectable={props.multiselectable === true || undefined}
      aria-activedescendant={cursorRendered && total > 0 ? props.currentRowId : undefined}
      tabIndex={0}
      style={{ flex: 1, minHeight: 0, overflowY: 'auto', scrollbarGutter: 'stable', outline: 'none', position: 'relative' }}
      data-testid="queue-grid"
    >
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}>
        <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: template, alignItems: 'center', height: HEADER_HEIGHT, borderBottom: '1px solid var(--row-border)' }}>
          {props.leadingHeader}
          {props.columns.map((c) => (
            <HeaderCell key={c.id} column={c} view={view} onSort={props.onSort} />
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT, position: 'relative' }} data-testid="queue-scroll">
        {items.map((item) => (
          <Fragment key={item.index}>{props.renderRow({ index: item.index, top: item.start - HEADER_HEIGHT, current: item.index === cursor.index, settled: rowsSettled })}</Fragment>
        ))}
      </div>
    </div>
  );
}
