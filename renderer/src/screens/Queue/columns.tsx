// The columns of each queue (UI.md, "Queue screens"): held by release time, 48-hour reviews by
// due time. One grid template per queue, shared by the header and every row.
import { Anchor, Badge, Group, Skeleton, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { CATEGORIES } from '../../../../core';
import type { Looker, Queue, SubmissionRow } from '../../../../electron/contract';
import { ratingWords } from '../../features/time/words';
import { LINK_COLOR, STATUS_COLORS } from '../../theme';
import { Ago, DueIn, ReleasesIn } from '../../ui/time';
import type { GridColumn } from '../../ui/VirtualGrid';
import { Thumb } from './Thumb';

export interface Column extends GridColumn {
  cell: (row: SubmissionRow, ctx: CellContext) => React.ReactNode;
}

export interface CellContext {
  showImages: boolean;
  blur: boolean;
  onFilterDesigner: (id: string) => void;
  onFilterProject: (id: string) => void;
}

const VERIFICATION_WORDS: Record<string, string> = { verified: 'Verified', unverified: 'Unverified', revoked: 'Revoked' };

export function Lookers({ lookers }: { lookers: readonly Looker[] }) {
  const others = lookers.filter((l) => !l.mine);
  if (others.length === 0) return null;
  const names = others.map((l) => l.displayName).join(', ');
  return (
    <Badge variant="light" color="violet" size="sm" leftSection={<IconEye size={12} />} style={{ maxWidth: '100%' }} title={`${names} ${others.length === 1 ? 'is' : 'are'} looking at this`}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{others.length === 1 ? others[0]?.displayName : `${others.length} looking`}</span>
    </Badge>
  );
}

const designer: Column = {
  id: 'designer',
  title: 'Designer',
  width: 'minmax(180px, 1.3fr)',
  cell: (row, ctx) => (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Anchor
        component="button"
        type="button"
        size="sm"
        fw={500}
        c={LINK_COLOR}
        truncate
        tabIndex={-1}
        onClick={(e: React.MouseEvent) => {
          e.stopPropagation();
          ctx.onFilterDesigner(row.designer.id);
        }}
        title={`Show only @${row.designer.handle}`}
      >
        @{row.designer.handle}
      </Anchor>
      <Text span size="sm" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
        {ratingWords(row.rating)}
      </Text>
    </Group>
  ),
};

const designerVerified: Column = {
  ...designer,
  cell: (row, ctx) => (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      {designer.cell(row, ctx)}
      {/* Quiet: in this queue nearly every designer is unverified (R4); revoked stands out. */}
      <Badge size="xs" variant="light" color={row.designer.verification === 'revoked' ? 'red' : 'gray'} c={row.designer.verification === 'revoked' ? STATUS_COLORS.problem : 'dimmed'} style={{ flexShrink: 0 }}>
        {VERIFICATION_WORDS[row.designer.verification] ?? row.designer.verification}
      </Badge>
    </Group>
  ),
};

const project: Column = {
  id: 'project',
  title: 'Project',
  width: 'minmax(200px, 1.2fr)',
  cell: (row, ctx) => (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Anchor
        component="button"
        type="button"
        size="sm"
        c="var(--mantine-color-text)"
        truncate
        tabIndex={-1}
        onClick={(e: React.MouseEvent) => {
          e.stopPropagation();
          ctx.onFilterProject(row.project.id);
        }}
        title={`Show only “${row.project.title}”`}
      >
        {row.project.title}
      </Anchor>
      <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {CATEGORIES[row.project.category]}
      </Text>
    </Group>
  ),
};

const thumb: Column = {
  id: 'thumb',
  title: '',
  width: '44px',
  cell: (row, ctx) => <Thumb assetId={row.assetId} load={ctx.showImages} blur={ctx.blur} />,
};

const arrived: Column = { id: 'arrived', title: 'Arrived', width: '132px', sort: 'arrived', cell: (row) => <Ago at={row.submittedAt} /> };

const releasesIn: Column = { id: 'due', title: 'Releases', width: '170px', sort: 'due', cell: (row) => <ReleasesIn at={row.releaseAt} /> };

const dueIn: Column = { id: 'due', title: 'Due', width: '200px', sort: 'due', cell: (row) => <DueIn submittedAt={row.submittedAt} dueAt={row.reviewDueAt} /> };

const looking: Column = { id: 'looking', title: 'Looking', width: '110px', cell: (row) => <Lookers lookers={row.lookers} /> };

export const COLUMNS: Record<Exclude<Queue, 'flags'>, Column[]> = {
  held: [thumb, designer, project, arrived, releasesIn, looking],
  review: [thumb, designerVerified, project, arrived, dueIn, { ...looking, title: 'Claimed by' }],
};

export function SkeletonCells({ columns }: { columns: readonly Column[] }) {
  return (
    <>
      {columns.map((c) => (
        <div key={c.id} role="gridcell" style={{ padding: '0 8px' }}>
          {c.id === 'thumb' ? <Skeleton h={28} w={28} /> : <Skeleton h={10} w="70%" />}
        </div>
      ))}
    </>
  );
}
