// The flag queue as a virtualised grid: the same window, cursor and place memory as the
// submission queues (features/queues), with the flag's own row. No batch selection: every flag
// is decided on its evidence, one at a time.
import { Box, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type CSSProperties, type Ref } from 'react';
import type { FlagRow, QueueRow } from '../../../../electron/contract';
import { reanchor, type Cursor } from '../../features/queues/cursor';
import type { QueueWindow } from '../../features/queues/useQueueWindow';
import type { QueueView } from '../../features/queryKeys';
import { FLAG_COLUMNS, type FlagCellContext } from './flagColumns';

export const FLAG_ROW_HEIGHT = 40;
const TEMPLATE = FLAG_COLUMNS.map((c) => c.width).join(' ');
const DOM_ID = 'flag-row-current';

export interface FlagTableProps {
  window: QueueWindow;
  total: number;
  view: QueueView;
  cursor: Cursor;
  onCursor: (cursor: Cursor) => void;
  onOpen: (index: number) => void;
  onRange: (range: { start: number; end: number }) => void;
  onSort: (sort: 'due' | 'arrived') => void;
  ctx: FlagCellContext;
  initialScrollTop: number;
  onScrollTop: (top: number) => void;
  gridRef: Ref<HTMLDivElement>;
  scrollTo: { index: number; seq: number } | null;
}

const rowStyle = (top: number, current: boolean): CSSProperties => ({
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  height: FLAG_ROW_HEIGHT,
  transform: `translateY(${top}px)`,
  display: 'grid',
  gridTemplateColumns: TEMPLATE,
  alignItems: 'center',
  borderBottom: '1px solid var(--row-border)',
  background: current ? 'var(--row-selected)' : undefined,
  boxShadow: current ? 'inset 3px 0 0 var(--mantine-color-blue-7)' : undefined,
  cursor: 'pointer',
});

const cellStyle: CSSProperties = { padding: '0 8px', minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' };

interface RowProps {
  row: FlagRow | undefined;
  index: number;
  top: number;
  current: boolean;
  ctx: FlagCellContext;
  onClick: (index: number) => void;
}

const Row = memo(function Row({ row, index, top, current, ctx, onClick }: RowProps) {
  return (
    <div role="row" id={current ? DOM_ID : undefined} aria-rowindex={index + 2} aria-selected={current} data-row-index={index} data-row-id={row?.id} style={rowStyle(top, current)} onClick={() => onClick(index)} className="queue-row">
      {FLAG_COLUMNS.map((c) => (
        <div key={c.id} role="gridcell" style={cellStyle}>
          {row === undefined ? <Skeleton h={10} w="70%" /> : c.cell(row, ctx)}
        </div>
      ))}
    </div>
  );
});

const asFlag = (row: QueueRow | undefined): FlagRow | undefined => (row?.subjectType === 'flag' ? row : undefined);

export function FlagTable(props: FlagTableProps) {
  const { window: win, total, cursor, onCursor, view } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => FLAG_ROW_HEIGHT,
    overscan: 12,
    initialOffset: props.initialScrollTop,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items[items.length - 1]?.index ?? 0;

  const { onRange } = props;
  useEffect(() => onRange({ start, end }), [start, end, onRange]);

  const { scrollTo } = props;
  useEffect(() => {
    if (scrollTo !== null) virtualizer.scrollToIndex(scrollTo.index, { align: 'auto' });
  }, [scrollTo, virtualizer]);

  // Flags arrive and leave while the moderator reads: the cursor follows its flag (features/queues/cursor.ts).
  useLayoutEffect(() => {
    if (win.total === undefined) return;
    const next = reanchor(cursor, win.row, win.total);
    if (next.index === cursor.index && next.id === cursor.id) return;
    const el = scrollRef.current;
    if (el !== null && next.shift !== 0) {
      const cursorTop = cursor.index * FLAG_ROW_HEIGHT;
      if (cursorTop >= el.scrollTop && cursorTop < el.scrollTop + el.clientHeight) el.scrollTop += next.shift * FLAG_ROW_HEIGHT;
    }
    onCursor({ index: next.index, id: next.id });
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

  return (
    <Box
      ref={props.gridRef}
      role="grid"
      aria-label="Manipulation flags"
      aria-rowcount={total + 1}
      aria-colcount={FLAG_COLUMNS.length}
      aria-activedescendant={cursorRendered && total > 0 ? DOM_ID : undefined}
      tabIndex={0}
      style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', outline: 'none' }}
      data-testid="queue-grid"
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: TEMPLATE, alignItems: 'center', height: 32, borderBottom: '1px solid var(--row-border)', scrollbarGutter: 'stable', overflow: 'hidden' }}>
          {FLAG_COLUMNS.map((c) => {
            const active = c.sort !== undefined && view.sort === c.sort;
            return (
              <div key={c.id} role="columnheader" aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : c.sort === undefined ? undefined : 'none'} style={{ padding: '0 8px' }}>
                {c.sort === undefined ? (
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                    {c.title}
                  </Text>
                ) : (
                  <UnstyledButton onClick={() => c.sort !== undefined && props.onSort(c.sort)} aria-label={`Sort by ${c.title.toLowerCase()}`}>
                    <Text size="xs" fw={600} c={active ? undefined : 'dimmed'} tt="uppercase" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                      {c.title}
                      {active && (view.order === 'asc' ? <IconArrowUp size={12} /> : <IconArrowDown size={12} />)}
                    </Text>
                  </UnstyledButton>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" style={{ flex: 1, minHeight: 0, overflowY: 'auto', scrollbarGutter: 'stable', contain: 'strict' }} data-testid="queue-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <Row key={item.index} row={asFlag(win.row(item.index))} index={item.index} top={item.start} current={item.index === cursor.index} ctx={props.ctx} onClick={props.onOpen} />
          ))}
        </div>
      </div>
    </Box>
  );
}
