// The manipulation flags queue (RULES.md R12): highest score first, the detectors that fired,
// the designer and customer, the first hit and the age, filtered by detector, minimum score
// and designer (all in the URL). j/k move, ⏎ opens the flag.
import { Button } from '@mantine/core';
import { IconFlag3 } from '@tabler/icons-react';
import { useCallback, useMemo, useRef } from 'react';
import type { QueueFilter } from '../../../../electron/contract';
import { useQueueGrid } from '../../features/queues/useQueueGrid';
import { QUEUE_TITLES, isFiltered, parseView, queuePath } from '../../features/queues/view';
import { useQueueCounts } from '../../features/sync/sync';
import { count, countOf } from '../../features/time/words';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { QUEUE_KEYS, QueueFrame } from '../../ui/QueueFrame';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { FlagFilterBar } from './FlagFilterBar';
import { FlagTable } from './FlagTable';

export function FlagsScreen() {
  const search = useHashSearch();
  const view = useMemo(() => parseView('flags', search), [search]);
  const counts = useQueueCounts();
  const { win, total, cursor, gridRef, move, open, grid } = useQueueGrid('flags', view);
  const filterRef = useRef<HTMLInputElement>(null);
  useScreenFocus(gridRef, `flags?${search}:${win.total === undefined ? 'loading' : win.total > 0 ? 'rows' : 'empty'}`);

  const setFilter = useCallback((filter: QueueFilter) => navigate(queuePath('flags', { ...view, filter }), { replace: true }), [view]);
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

  const countText = win.total === undefined ? '' : isFiltered(view) && unfiltered !== undefined ? `${count(total)} of ${count(unfiltered)} match` : countOf(total, 'open flag');

  return (
    <QueueFrame title={QUEUE_TITLES.flags} countText={countText} hints={QUEUE_KEYS} filters={<FlagFilterBar filter={view.filter} onChange={setFilter} designerLabel={designerLabel} firstRef={filterRef} />}>
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
        <FlagTable {...grid} onOpen={open} ctx={ctx} />
      )}
    </QueueFrame>
  );
}
