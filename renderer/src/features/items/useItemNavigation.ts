// Moving between the items of a queue, for a submission and a flag alike: the next item is found
// and loaded while this one is on screen (so decide-and-next shows it at once), Esc goes back to
// the queue view it came from, and undo returns to the item it took back.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { Queue } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { navigate } from '../../routing/hashLocation';
import { useDecisions } from '../decisions/DecisionsProvider';
import type { QueueView, SubjectType } from '../queryKeys';
import { rememberPlace } from '../queues/memory';
import { findNext } from '../queues/useQueueWindow';
import { itemPath, queuePath } from '../queues/view';
import { prefetchItem } from './items';

export interface ItemNavigation {
  back: () => void;
  /** The next item of the view, or back to the queue when this was the last. */
  goNext: () => Promise<void>;
  /** Undoes the last decision and, if it was another item's, opens that one. */
  undo: () => void;
}

export function useItemNavigation(subjectType: SubjectType, queue: Queue, view: QueueView, itemId: string): ItemNavigation {
  const api = useApi();
  const client = useQueryClient();
  const decisions = useDecisions();
  const nextRef = useRef<Promise<string | null> | null>(null);

  useEffect(() => rememberPlace(queue, view, { id: itemId }), [queue, view, itemId]);

  useEffect(() => {
    const next = findNext(client, api, queue, view, itemId).catch(() => null);
    nextRef.current = next;
    void next.then((nextId) => (nextId === null ? undefined : prefetchItem(client, api, subjectType, nextId).catch(() => undefined)));
  }, [client, api, subjectType, queue, view, itemId]);

  const back = useCallback(() => navigate(queuePath(queue, view)), [queue, view]);

  const goNext = useCallback(async () => {
    const nextId = await (nextRef.current ?? findNext(client, api, queue, view, itemId).catch(() => null));
    if (nextId === null || nextId === itemId) {
      back();
      return;
    }
    navigate(itemPath(queue, nextId, view), { replace: true });
  }, [client, api, queue, view, itemId, back]);

  const undo = useCallback(() => {
    void decisions.undoLast().then((undone) => {
      const only = undone.length === 1 ? undone[0] : undefined;
      if (only?.path !== undefined && only.subjectId !== itemId) navigate(only.path);
    });
  }, [decisions, itemId]);

  return { back, goNext, undo };
}
