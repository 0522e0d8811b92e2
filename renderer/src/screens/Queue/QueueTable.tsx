// A virtualised grid over a queue of any length: only the rows on screen exist in the page, the
// pages behind them are fetched by offset, and the cursor row stays marked and in view.
import { Box, Checkbox, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { QueueRow, SubmissionRow } from '../../../../electron/contract';
import { reanchor, type Cursor } from '../../features/queues/cursor';
import type { QueueWindow } from '../../features/queues/useQueueWindow';
import type { QueueView } from '../../features/queryKeys';
import { SkeletonCells, type CellContext, type Column } from './columns';

export const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 32;
const SELECT_WIDTH = '36px';

export interface QueueTableProps {
  label: string;
  columns: readonly Column[];
  window: QueueWindow;
  total: number;
  view: QueueView;
  cursor: Cursor;
  onCursor: (cursor: Cursor) => void;
  onOpen: (index: number) => void;
  onRange: (range: { start: number; end: number }) => void;
  onSort: (sort: 'due' | 'arrived') => void;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string, index: number, range: boolean) => void;
  cell: Omit<CellContext, 'showImages'>;
  initialScrollTop: number;
  onScrollTop: (top: number) => void;
  gridRef: RefObject<HTMLDivElement | null>;
  /** Scroll requests from the keyboard: the cursor index to bring into view. */
  scrollTo: { index: number; seq: number } | null;
}

const rowStyle = (template: string, top: number, selected: boolean, checked: boolean): CSSProperties => ({
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
  background: selected ? 'var(--row-selected)' : checked ? 'var(--row-checked)' : undefined,
  boxShadow: selected ? 'inset 3px 0 0 var(--mantine-color-blue-7)' : undefined,
  cursor: 'pointer',
});

interface RowProps {
  row: SubmissionRow | undefined;
  index: number;
  top: number;
  template: string;
  columns: readonly Column[];
  current: boolean;
  checked: boolean;
  selectable: boolean;
  ctx: CellContext;
  domId: string;
  onClick: (index: number) => void;
  onToggle: (id: string, index: number, range: boolean) => void;
}

const Row = memo(function Row({ row, index, top, template, columns, current, checked, selectable, ctx, domId, onClick, onToggle }: RowProps) {
  return (
    <div
      role="row"
      id={current ? domId : undefined}
      aria-rowindex={index + 2}
      aria-selected={current}
      data-row-index={index}
      data-row-id={row?.id}
      style={rowStyle(template, top, current, checked)}
      onClick={() => onClick(index)}
      className="queue-row"
    >
      {selectable && (
        <div role="gridcell" style={{ padding: '0 10px' }} onClick={(e) => e.stopPropagation()}>
          {row !== undefined && (
            <Checkbox
              size="xs"
              checked={checked}
              tabIndex={-1}
              aria-label={`Select @${row.designer.handle}’s design`}
              onChange={(e) => onToggle(row.id, index, 'shiftKey' in e.nativeEvent && e.nativeEvent.shiftKey === true)}
            />
          )}
        </div>
      )}
      {row === undefined ? (
        <SkeletonCells columns={columns} />
      ) : (
        columns.map((c) => (
          <div key={c.id} role="gridcell" style={{ padding: '0 8px', minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
            {c.cell(row, ctx)}
          </div>
        ))
      )}
    </div>
  );
});

function asSubmission(row: QueueRow | undefined): SubmissionRow | undefined {
  return row?.subjectType === 'submission' ? row : undefined;
}

export function QueueTable(props: QueueTableProps) {
  const { columns, window: win, total, cursor, onCursor, selectable, view } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = [...(selectable ? [SELECT_WIDTH] : []), ...columns.map((c) => c.width)].join(' ');
  const domId = `queue-row-${props.label.replace(/\W+/g, '-')}`;

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

  // Images load once a fling stops (isScrolling flips back after a short pause).
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

  // Rows arrived or left: follow the cursor's item, scrolling by as much as it moved.
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

  const showImages = settled && !scrolling;
  const { cell } = props;
  const ctx = useMemo<CellContext>(() => ({ ...cell, showImages }), [cell, showImages]);
  const headerCells = [
    ...(selectable ? [<div key="select" role="columnheader" aria-label="Selected" />] : []),
    ...columns.map((c) => {
      const active = c.sort !== undefined && view.sort === c.sort;
      const ariaSort = active ? (view.order === 'asc' ? 'ascending' : 'descending') : c.sort === undefined ? undefined : 'none';
      return (
        <div key={c.id} role="columnheader" aria-sort={ariaSort} style={{ padding: '0 8px', display: 'flex', alignItems: 'center', height: '100%', minWidth: 0 }}>
          {c.sort === undefined ? (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" lh="16px" truncate>
              {c.title}
            </Text>
          ) : (
            <UnstyledButton onClick={() => c.sort !== undefined && props.onSort(c.sort)} aria-label={`Sort by ${c.title.toLowerCase()}`} style={{ display: 'flex' }}>
              <Text size="xs" fw={600} c={active ? undefined : 'dimmed'} tt="uppercase" lh="16px" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                {c.title}
                {active && (view.order === 'asc' ? <IconArrowUp size={12} /> : <IconArrowDown size={12} />)}
              </Text>
            </UnstyledButton>
          )}
        </div>
      );
    }),
  ];

  const cursorRendered = items.some((i) => i.index === cursor.index);

  // One element scrolls and takes focus (the grid), so the keyboard reaches everything in it.
  const setGrid = (el: HTMLDivElement | null) => {
    scrollRef.current = el;
    props.gridRef.current = el;
  };

  return (
    <Box
      ref={setGrid}
      role="grid"
      aria-label={props.label}
      aria-rowcount={total + 1}
      aria-colcount={columns.length + (selectable ? 1 : 0)}
      aria-multiselectable={selectable || undefined}
      aria-activedescendant={cursorRendered && total > 0 ? domId : undefined}
      tabIndex={0}
      style={{ flex: 1, minHeight: 0, overflowY: 'auto', scrollbarGutter: 'stable', outline: 'none', position: 'relative' }}
      data-testid="queue-grid"
    >
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}>
        <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: template, alignItems: 'center', height: HEADER_HEIGHT, borderBottom: '1px solid var(--row-border)' }}>
          {headerCells}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT, position: 'relative' }} data-testid="queue-scroll">
        {items.map((item) => {
          const row = asSubmission(win.row(item.index));
          return (
            <Row
              key={item.index}
              row={row}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              template={template}
              columns={columns}
              current={item.index === cursor.index}
              checked={row !== undefined && props.selected.has(row.id)}
              selectable={selectable}
              ctx={ctx}
              domId={domId}
              onClick={props.onOpen}
              onToggle={props.onToggle}
            />
          );
        })}
      </div>
    </Box>
  );
}
