// The flag queue's rows in the shared virtualised grid (ui/VirtualGrid.tsx): the same window,
// cursor and place memory as the submission queues, with the flag's own columns. No batch
// selection: every flag is decided on its evidence, one at a time.
import { Skeleton } from '@mantine/core';
import { memo } from 'react';
import type { FlagRow, QueueRow } from '../../../../electron/contract';
import type { QueueGridProps } from '../../features/queues/useQueueGrid';
import { VirtualGrid, gridCellStyle, gridRowStyle } from '../../ui/VirtualGrid';
import { FLAG_COLUMNS, type FlagCellContext } from './flagColumns';

const TEMPLATE = FLAG_COLUMNS.map((c) => c.width).join(' ');
const DOM_ID = 'flag-row-current';

export interface FlagTableProps extends QueueGridProps {
  onOpen: (index: number) => void;
  ctx: FlagCellContext;
}

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
    <div role="row" id={current ? DOM_ID : undefined} aria-rowindex={index + 2} aria-selected={current} data-row-index={index} data-row-id={row?.id} style={gridRowStyle(TEMPLATE, top, current)} onClick={() => onClick(index)} className="queue-row">
      {FLAG_COLUMNS.map((c) => (
        <div key={c.id} role="gridcell" style={gridCellStyle}>
          {row === undefined ? <Skeleton h={10} w="70%" /> : c.cell(row, ctx)}
        </div>
      ))}
    </div>
  );
});

const asFlag = (row: QueueRow | undefined): FlagRow | undefined => (row?.subjectType === 'flag' ? row : undefined);

export function FlagTable({ onOpen, ctx, ...grid }: FlagTableProps) {
  return (
    <VirtualGrid
      {...grid}
      label="Manipulation flags"
      template={TEMPLATE}
      colCount={FLAG_COLUMNS.length}
      columns={FLAG_COLUMNS}
      currentRowId={DOM_ID}
      renderRow={({ index, top, current }) => <Row row={asFlag(grid.window.row(index))} index={index} top={top} current={current} ctx={ctx} onClick={onOpen} />}
    />
  );
}
