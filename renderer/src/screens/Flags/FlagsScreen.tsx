// The manipulation flags queue (RULES.md R12): highest score first, the detectors that fired,
// the designer and customer, the first hit and the age, filtered by detector, minimum score
// and designer (all in the URL). j/k move, ⏎ opens the flag.
import { Box, Button, Group, Text, Title } from '@mantine/core';
import { IconFlag3 } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { QueueFilter } from '../../../../electron/contract';
import { step, type Cursor } from '../../features/queues/cursor';
import { recallPlace, rememberPlace } from '../../features/queues/memory';
import { useQueueWindow } from '../../features/queues/useQueueWindow';
import { QUEUE_TITLES, isFiltered, itemPath, parseView, queuePath } from '../../features/queues/view';
import { useQueueCounts } from '../../features/sync/sync';
import { count, countOf } from '../../features/time/words';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { KeyHint } from '../../ui/KeyHint';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { FlagFilterBar } from './FlagFilterBar';
import { FlagTable } from './FlagTable';

export function FlagsScreen() {
  const search = useHashSearch();
  const view = useMemo(() => parseView('flags', search), [search]);
  const counts = useQueueCounts();
  const place = useMemo(() => recallPlace('flags', view), [view]);
  const [cursor, setCursor] = useState<Cursor>({ index: place.index, id: place.id });
  const [range, setRange] = useState({ start: Math.max(0, place.index - 10), end: place.index + 30 });
  const [scrollTo, setScrollTo] = useState<{ index: number; seq: number } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const win = useQueueWindow('flags', view, range);
  const total = win.total ?? 0;
  useScreenFocus(gridRef, `flags?${search}:${win.total === undefined ? 'loading' : win.total > 0 ? 'rows' : 'empty'}`);

  const onCursor = useCallback(
    (next: Cursor) => {
      setCursor(next);
      rememberPlace('flags', view, { index: next.index, id: next.id });
    },
    [view],
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
      navigate(itemPath('flags', row.id, view));
    },
    [win, onCursor, view],
  );

  const setFilter = useCallback((filter: QueueFilter) => navigate(queuePath('flags', { ...view, filter }), { replace: true }), [view]);
  const setSort = (sort: 'due' | 'arrived') => {
    const order = view.sort === sort && view.order === 'asc' ? 'desc' : 'asc';
    navigate(queuePath('flags', { ...view, sort, order }), { replace: true });
  };
  const ctx = useMemo(() => ({ onFilterDesigner: (designerId: string) => setFilter({ ...view.filter, designerId }) }), [setFilter, view.filter]);

  useShortcuts({
    next: () => move(1),
    previous: () => move(-1),
    open: () => open(cursor.index),
    filter: () => filterRef.current?.focus(),
  });

  const first = win.row(0);
  const designerLabel = view.filter.designerId !== undefined && first?.subjectType === 'flag' ? `@${first.designer.handle}` : undefined;
  const unfiltered = counts.data?.flags;

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box px="lg" pt="md" pb="sm" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Group justify="space-between" align="baseline" mb="sm" wrap="nowrap">
          <Group gap="sm" align="baseline" wrap="nowrap">
            <Title order={1} tabIndex={-1} data-screen-title style={{ outline: 'none' }}>
              {QUEUE_TITLES.flags}
            </Title>
            <Text size="sm" c="dimmed" className="tabular" data-testid="queue-count">
              {win.total === undefined ? '' : isFiltered(view) && unfiltered !== undefined ? `${count(total)} of ${count(unfiltered)} match` : countOf(total, 'open flag')}
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
          </Group>
        </Group>
        <FlagFilterBar filter={view.filter} onChange={setFilter} designerLabel={designerLabel} firstRef={filterRef} />
      </Box>

      <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {win.error !== null && win.total === undefined ? (
          <ErrorState error={win.error} title="The flags could not be loaded" />
        ) : win.loading ? (
          <LoadingState label="Loading the flags…" />
        ) : total === 0 ? (
          isFiltered(view) ? (
            <EmptyState title="No flag matches these filters">
              {unfiltered !== undefined && unfiltered > 0 ? `${countOf(unfiltered, 'open flag')} without them. ` : ''}
              <Button variant="subtle" size="compact-sm" onClick={() => setFilter({})}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState title="No open flags" icon={<IconFlag3 size={24} stroke={1.5} />}>
              When the detectors see pressure or an offer for a rating, a rating raised after a message, a burst of new accounts or copied reviews, the flag appears here, highest score first.
            </EmptyState>
          )
        ) : (
          <FlagTable
            window={win}
            total={total}
            view={view}
            cursor={cursor}
            onCursor={onCursor}
            onOpen={open}
            onRange={setRange}
            onSort={setSort}
            ctx={ctx}
            initialScrollTop={place.scrollTop}
            onScrollTop={(scrollTop) => rememberPlace('flags', view, { scrollTop })}
            gridRef={gridRef}
            scrollTo={scrollTo}
          />
        )}
      </Box>
    </Box>
  );
}
