// A queue: title and count, filters (in the URL), the virtualised table, and the batch bar.
// The logic lives in features/queues; this screen wires keys and layout.
import { Affix, Box, Button, Group, Kbd, Paper, Text, Title, Transition } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Queue, QueueFilter } from '../../../../electron/contract';
import { idsBetween, step, type Cursor } from '../../features/queues/cursor';
import { recallPlace, rememberPlace } from '../../features/queues/memory';
import { useQueueWindow } from '../../features/queues/useQueueWindow';
import { QUEUE_TITLES, isFiltered, itemPath, parseView, queuePath } from '../../features/queues/view';
import { useAbilities, useSession } from '../../features/session/session';
import { useSettings } from '../../features/settings/settings';
import { useQueueCounts } from '../../features/sync/sync';
import { count, countOf } from '../../features/time/words';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { KeyHint } from '../../ui/KeyHint';
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

  const place = useMemo(() => recallPlace(queue, view), [queue, view]);
  const [cursor, setCursor] = useState<Cursor>({ index: place.index, id: place.id });
  const [range, setRange] = useState({ start: Math.max(0, place.index - 10), end: place.index + 30 });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [scrollTo, setScrollTo] = useState<{ index: number; seq: number } | null>(null);
  const [batch, setBatch] = useState<'approve' | 'reject' | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const win = useQueueWindow(queue, view, range);
  const total = win.total ?? 0;
  // Focus goes to the grid once it exists (after the first page), else to the heading.
  useScreenFocus(gridRef, `${queue}?${search}:${win.total === undefined ? 'loading' : win.total > 0 ? 'rows' : 'empty'}`);

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

  const setFilter = useCallback(
    (filter: QueueFilter) => {
      setSelected(new Set());
      navigate(queuePath(queue, { ...view, filter }), { replace: true });
    },
    [queue, view],
  );
  const setSort = (sort: 'due' | 'arrived') => {
    const order = view.sort === sort && view.order === 'asc' ? 'desc' : 'asc';
    navigate(queuePath(queue, { ...view, sort, order }), { replace: true });
  };

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

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box px="lg" pt="md" pb="sm" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Group justify="space-between" align="baseline" mb="sm" wrap="nowrap">
          <Group gap="sm" align="baseline" wrap="nowrap">
            <Title order={1} tabIndex={-1} data-screen-title style={{ outline: 'none' }}>
              {QUEUE_TITLES[queue]}
            </Title>
            <Text size="sm" c="dimmed" className="tabular" data-testid="queue-count">
              {win.total === undefined
                ? ''
                : isFiltered(view) && unfiltered !== undefined
                  ? `${count(total)} of ${count(unfiltered)} match`
                  : countOf(total, queue === 'held' ? 'design held' : 'design waiting', queue === 'held' ? 'designs held' : 'designs waiting')}
            </Text>
          </Group>
          <Group gap="md" visibleFrom="md" wrap="nowrap">
            <Group gap={4} wrap="nowrap">
              <KeyHint id="next" />
              <KeyHint id="previous" />
              <Text size="xs" c="dimmed">
                move
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <KeyHint id="open" />
              <Text size="xs" c="dimmed">
                open
              </Text>
            </Group>
            {canDecide && (
              <Group gap={4} wrap="nowrap">
                <KeyHint id="select" />
                <Text size="xs" c="dimmed">
                  select
                </Text>
              </Group>
            )}
          </Group>
        </Group>
        <FilterBar queue={queue} filter={view.filter} onChange={setFilter} designerLabel={designerLabel} projectLabel={projectLabel} firstRef={filterRef} />
      </Box>

      <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
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
          <QueueTable
            label={QUEUE_TITLES[queue]}
            columns={COLUMNS[queue]}
            window={win}
            total={total}
            view={view}
            cursor={cursor}
            onCursor={onCursor}
            onOpen={open}
            onRange={setRange}
            onSort={setSort}
            selectable={canDecide}
            selected={selected}
            onToggle={toggle}
            cell={cell}
            initialScrollTop={place.scrollTop}
            onScrollTop={(scrollTop) => rememberPlace(queue, view, { scrollTop })}
            gridRef={gridRef}
            scrollTo={scrollTo}
          />
        )}
      </Box>

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
    </Box>
  );
}

