// The flag queue's columns (UI.md, "Queue screens"): score (bar and number) · designer ·
// customer · detectors as small badges · first hit · age · who is looking.
import { Anchor, Badge, Box, Group, Text, VisuallyHidden } from '@mantine/core';
import type { FlagRow } from '../../../../electron/contract';
import { DETECTOR_SHORT, detectorTitle, scoreWords } from '../../features/flags/words';
import { Ago } from '../../ui/time';
import type { GridColumn } from '../../ui/VirtualGrid';
import { Lookers } from '../Queue/columns';

export interface FlagCellContext {
  onFilterDesigner: (id: string) => void;
}

export interface FlagColumn extends GridColumn {
  cell: (row: FlagRow, ctx: FlagCellContext) => React.ReactNode;
}

export function ScoreBar({ score, width = 44 }: { score: number; width?: number }) {
  const pct = Math.max(0, Math.min(100, score));
  return (
    <Group gap={8} wrap="nowrap" title={`Score ${scoreWords(score)} of 100`}>
      <Box w={width} h={6} style={{ borderRadius: 3, background: 'var(--mantine-color-default-border)', overflow: 'hidden', flexShrink: 0 }} aria-hidden>
        <Box h="100%" w={`${pct}%`} style={{ background: 'var(--mantine-primary-color-filled)' }} />
      </Box>
      <Text span size="sm" fw={600} className="tabular">
        {scoreWords(score)}
      </Text>
    </Group>
  );
}

/**
 * Two badges and "+N" for the rest (its title names them): a row is one line high, and a badge cut
 * off mid-word ("Raised af") reads as a different word. A badge that still does not fit ends in "…".
 */
const SHOWN_DETECTORS = 2;

function DetectorBadges({ detectors }: { detectors: FlagRow['detectors'] }) {
  const shown = detectors.slice(0, SHOWN_DETECTORS);
  const rest = detectors.slice(SHOWN_DETECTORS);
  return (
    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
      {shown.map((d) => (
        <Badge key={d} size="xs" variant="light" color="gray" title={detectorTitle(d)} style={{ flexShrink: 1, minWidth: 0, textTransform: 'none' }}>
          {DETECTOR_SHORT[d]}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Badge size="xs" variant="outline" color="gray" title={rest.map(detectorTitle).join('; ')} style={{ flexShrink: 0, textTransform: 'none' }}>
          +{rest.length}
          <VisuallyHidden> more: {rest.map((d) => DETECTOR_SHORT[d]).join(', ')}</VisuallyHidden>
        </Badge>
      )}
    </Group>
  );
}

export const FLAG_COLUMNS: FlagColumn[] = [
  { id: 'score', title: 'Score', width: '104px', sort: 'due', cell: (row) => <ScoreBar score={row.score} /> },
  {
    id: 'designer',
    title: 'Designer',
    width: 'minmax(150px, 1fr)',
    cell: (row, ctx) => (
      <Anchor
        component="button"
        type="button"
        size="sm"
        fw={500}
        truncate
        tabIndex={-1}
        onClick={(e: React.MouseEvent) => {
          e.stopPropagation();
          ctx.onFilterDesigner(row.designer.id);
        }}
        title={`Show only @${row.designer.handle}’s flags`}
      >
        @{row.designer.handle}
      </Anchor>
    ),
  },
  {
    id: 'customer',
    title: 'Customer',
    width: 'minmax(130px, 0.9fr)',
    cell: (row) =>
      row.customer === undefined ? (
        <Text span size="sm" c="dimmed">
          several
        </Text>
      ) : (
        <Text span size="sm" truncate title={row.customer.displayName}>
          {row.customer.displayName}
        </Text>
      ),
  },
  {
    id: 'detectors',
    title: 'Detectors',
    width: 'minmax(200px, 1.3fr)',
    cell: (row) => <DetectorBadges detectors={row.detectors} />,
  },
  {
    id: 'firstHit',
    title: 'First hit',
    width: 'minmax(220px, 2fr)',
    cell: (row) => (
      <Text span size="sm" c="dimmed" title={row.firstHit}>
        {row.firstHit}
      </Text>
    ),
  },
  { id: 'age', title: 'Age', width: '150px', sort: 'arrived', cell: (row) => <Ago at={row.createdAt} /> },
  { id: 'looking', title: 'Looking', width: '110px', cell: (row) => <Lookers lookers={row.lookers} /> },
];
