// A queue: title and count, filters (in the URL), the virtualised table, and the batch bar.
// The logic lives in features/queues; this screen wires keys and layout.
import { Affix, Button, Group, Kbd, Paper, Text, Transition } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Queue, QueueFilter } from '../../../../electron/contract';
import { idsBetween } from '../../features/queues/cursor';
import { useQueueGrid } from '../../features/queues/useQueueGrid';
import { QUEUE_TITLES, isFiltered, parseView, queuePath } from '../../features/queues/view';
import { useAbilities, useSession } from '../../features/session/session';
import { useSettings } from '../../features/settings/settings';
import { useQueueCounts } from '../../features/sync/sync';
import { count, countOf } from '../../features/time/words';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { QUEUE_KEYS, QueueFrame } from '../../ui/QueueFrame';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { BatchDialog } from './BatchDialog';
import { FilterBar } from './FilterBar';
import { COLUMNS, type CellContext } from './columns';
import { QueueTable } from './QueueTable';

type SubmissionQueue = Exclude<Queue, 'flags'>;

function emptyWords(queue: SubmissionQueue, benchmark: number, slaHours: number): { title: string; body: string } {
  return queue === 'held'
    ? { title: 'Nothing is held', body: `Designs from designers rated below ${benchmark.toFixed(1)} in a category appear here while a project’s launch window is open, soonest release first.` }
    : { title: 'No reviews waiting', body: `Every design of an unverified designer appears here, to be decided within ${slaHours} hours, the one due first on top.` };
}

export function QueueScreen({ queue }: { queue: SubmissionQueue }) {
  const search = useHashSearch();
  const view = useMemo(() => parseView(queue, search), [queue, search]);
  const session = useSession();
  const abilities = useAbilities();
  const settings = useSettings();
  const counts = useQueueCounts();
  const canDecide = abilities.decideSubmissions;

  const { win, total, cursor, gridRef, move, open, grid } = useQueueGrid(queue, view);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [batch, setBatch] = useState<'approve' | 'reject' | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  // Focus goes to the grid once it exists (after the first page), else to the heading.
  useScreenFocus(gridRef, `${queue}?${search}:${win.total === undefined ? 'loading' : win.total > 0 ? 'rows' : 'empty'}`);

  const setFilter = useCallback(
    (filter: QueueFilter) => {
      setSelected(new Set());
      navigate(queuePath(queue, { ...view, filter }), { replace: true });
    },
    [queue, view],
  );

  const toggle = useCallback(
    (id: string, index: number, range: boolean) => {
      setSelected((before) => {
        const next = new Set(before);
        if (range && anchor !== null) {
          for (const rid of idsBetween(anchor, index, win.row)) next.add(rid);
        } else if (next.has(id)) {
          next.delete(id);
        } else {
          next.add(id);
        }
        return next;
      });
      setAnchor(index);
    },
    [anchor, win],
  );

  const cell = useMemo<Omit<CellContext, 'showImages'>>(
    () => ({
      blur: settings.data?.blurImages ?? false,
      onFilterDesigner: (designerId) => setFilter({ ...view.filter, designerId }),
      onFilterProject: (projectId) => setFilter({ ...view.filter, projectId }),
    }),
    [settings.data?.blurImages, view, setFilter],
  );

  useShortcuts(
    {
      next: () => move(1),
      previous: () => move(-1),
      open: () => open(cursor.index),
      filter: () => filterRef.current?.focus(),
      ...(canDecide
        ? {
            select: () => {
              const row = win.row(cursor.index);
              if (row !== undefined) toggle(row.id, cursor.index, false);
            },
            selectRange: () => {
              const row = win.row(cursor.index);
              if (row !== undefined) toggle(row.id, cursor.index, true);
            },
            batchApprove: () => selected.size > 0 && setBatch('approve'),
            batchReject: () => selected.size > 0 && setBatch('reject'),
            clearSelection: () => setSelected(new Set()),
          }
        : {}),
    },
    batch === null,
  );

  const first = win.row(0);
  const designerLabel = view.filter.designerId !== undefined && first?.subjectType === 'submission' ? `@${first.designer.handle}` : undefined;
  const projectLabel = view.filter.projectId !== undefined && first?.subjectType === 'submission' ? `“${first.project.title}”` : undefined;
  const unfiltered = counts.data?.[queue];
  const empty = emptyWords(queue, session.policy.rating.benchmark, session.policy.verification.reviewSlaHours);

  const countText =
    win.total === undefined
      ? ''
      : isFiltered(view) && unfiltered !== undefined
        ? `${count(total)} of ${count(unfiltered)} match`
        : countOf(total, queue === 'held' ? 'design held' : 'design waiting', queue === 'held' ? 'designs held' : 'designs waiting');

  return (
    <QueueFrame
      title={QUEUE_TITLES[queue]}
      countText={countText}
      hints={canDecide ? [...QUEUE_KEYS, { keys: ['select'], words: 'select' }] : QUEUE_KEYS}
      filters={<FilterBar queue={queue} filter={view.filter} onChange={setFilter} designerLabel={designerLabel} projectLabel={projectLabel} firstRef={filterRef} />}
    >
      {win.error !== null && win.total === undefined ? (
        <ErrorState error={win.error} title="The queue could not be loaded" />
      ) : win.loading ? (
        <LoadingState label="Loading the queue…" />
      ) : total === 0 ? (
        isFiltered(view) ? (
          <EmptyState title="Nothing matches these filters">
            {unfiltered !== undefined && unfiltered > 0 ? `${countOf(unfiltered, 'design')} in the queue without them. ` : ''}
            <Button variant="subtle" size="compact-sm" onClick={() => setFilter({})}>
              Clear filters
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title={empty.title}>{empty.body}</EmptyState>
        )
      ) : (
        <QueueTable {...grid} label={QUEUE_TITLES[queue]} columns={COLUMNS[queue]} onOpen={open} selectable={canDecide} selected={selected} onToggle={toggle} cell={cell} />
      )}

      <Transition mounted={canDecide && selected.size > 0} transition="slide-up" duration={120}>
        {(styles) => (
          <Affix position={{ bottom: 44, left: '50%' }} style={{ ...styles, transform: `${styles.transform ?? ''} translateX(-50%)` }}>
            <Paper shadow="md" withBorder px="md" py="xs" radius="md">
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" fw={600} className="tabular">
                  {count(selected.size)} selected
                </Text>
                <Button size="compact-sm" onClick={() => setBatch('approve')} rightSection={<Kbd size="xs">⇧ A</Kbd>}>
                  Approve all
                </Button>
                <Button size="compact-sm" color="red" variant="light" onClick={() => setBatch('reject')} rightSection={<Kbd size="xs">⇧ R</Kbd>}>
                  Reject all
                </Button>
                <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setSelected(new Set())} rightSection={<Kbd size="xs">Esc</Kbd>}>
                  Clear
                </Button>
              </Group>
            </Paper>
          </Affix>
        )}
      </Transition>

      {batch !== null && (
        <BatchDialog
          opened
          outcome={batch}
          subjectIds={[...selected]}
          queue={queue}
          onClose={() => {
            setBatch(null);
            gridRef.current?.focus();
          }}
          onDone={() => {
            setBatch(null);
            setSelected(new Set());
            gridRef.current?.focus();
          }}
        />
      )}
    </QueueFrame>
  );
}

