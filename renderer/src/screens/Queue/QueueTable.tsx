// A submission queue's rows in the shared virtualised grid (ui/VirtualGrid.tsx): the queue's
// columns, and a tick box per row for batch decisions where the role may decide.
import { Checkbox } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { QueueRow, SubmissionRow } from '../../../../electron/contract';
import type { QueueGridProps } from '../../features/queues/useQueueGrid';
import { VirtualGrid, gridCellStyle, gridRowStyle } from '../../ui/VirtualGrid';
import { SkeletonCells, type CellContext, type Column } from './columns';

const SELECT_WIDTH = '36px';

export interface QueueTableProps extends QueueGridProps {
  label: string;
  columns: readonly Column[];
  onOpen: (index: number) => void;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string, index: number, range: boolean) => void;
  cell: Omit<CellContext, 'showImages'>;
}

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
      style={gridRowStyle(template, top, current, checked)}
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
          <div key={c.id} role="gridcell" style={gridCellStyle}>
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

export function QueueTable({ label, columns, onOpen, selectable, selected, onToggle, cell, ...grid }: QueueTableProps) {
  const template = [...(selectable ? [SELECT_WIDTH] : []), ...columns.map((c) => c.width)].join(' ');
  const domId = `queue-row-${label.replace(/\W+/g, '-')}`;
  // Two contexts, so the memoised rows redraw only when a fling starts or stops: images load
  // once the grid has settled.
  const ctx = useMemo(() => ({ settled: { ...cell, showImages: true }, moving: { ...cell, showImages: false } }), [cell]);

  return (
    <VirtualGrid
      {...grid}
      label={label}
      template={template}
      colCount={columns.length + (selectable ? 1 : 0)}
      leadingHeader={selectable ? <div role="columnheader" aria-label="Selected" /> : undefined}
      columns={columns}
      multiselectable={selectable}
      currentRowId={domId}
      renderRow={({ index, top, current, settled }) => {
        const row = asSubmission(grid.window.row(index));
        return (
          <Row
            row={row}
            index={index}
            top={top}
            template={template}
            columns={columns}
            current={current}
            checked={row !== undefined && selected.has(row.id)}
            selectable={selectable}
            ctx={settled ? ctx.settled : ctx.moving}
            domId={domId}
            onClick={onOpen}
            onToggle={onToggle}
          />
        );
      }}
    />
  );
}
