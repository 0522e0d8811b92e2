// A window onto a queue of any length: the table asks for the rows it shows, we fetch the pages
// that hold them (by offset, so a jump to row 80,000 costs one page) and keep them in the query
// cache, where events mark them stale and the shown ones refetch.
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConsoleApi, Queue, QueueRow } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { queryKeys, type QueueView } from '../queryKeys';

export const PAGE_SIZE = 100;

interface Page {
  items: QueueRow[];
  total: number;
  /** Null only for keyset paging (`after`), which the table does not use. */
  offset: number | null;
}

function fetchPage(api: ConsoleApi, queue: Queue, view: QueueView, pageIndex: number): Promise<Page> {
  return api.queues.page({ queue, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE, filter: view.filter, sort: view.sort, order: view.order });
}

export function pageQuery(api: ConsoleApi, queue: Queue, view: QueueView, pageIndex: number) {
  return {
    queryKey: queryKeys.queuePage(queue, view, pageIndex, PAGE_SIZE),
    queryFn: () => fetchPage(api, queue, view, pageIndex),
    staleTime: 10_000,
  };
}

export interface QueueWindow {
  /** Rows in the queue under this view; undefined until the first page answers. */
  total: number | undefined;
  row(index: number): QueueRow | undefined;
  loading: boolean;
  error: unknown;
  /** Changes whenever any shown page does, for memoised children. */
  version: number;
}

/** The total of the newest page of this view already in the cache, whichever page it is. */
function cachedTotal(client: QueryClient, queue: Queue, view: QueueView): number | undefined {
  let total: number | undefined;
  let at = -1;
  for (const [key, data] of client.getQueriesData<Page>({ queryKey: ['queues', 'page', queue, view, PAGE_SIZE] })) {
    const updatedAt = client.getQueryState(key)?.dataUpdatedAt ?? 0;
    if (data !== undefined && updatedAt > at) {
      total = data.total;
      at = updatedAt;
    }
  }
  return total;
}

export function useQueueWindow(queue: Queue, view: QueueView, range: { start: number; end: number }): QueueWindow {
  const api = useApi();
  const client = useQueryClient();
  const first = Math.max(0, Math.floor(range.start / PAGE_SIZE));
  const last = Math.max(first, Math.floor(Math.max(range.start, range.end) / PAGE_SIZE));
  const indexes: number[] = [];
  for (let p = first; p <= last && indexes.length < 20; p += 1) indexes.push(p);

  const results = useQueries({ queries: indexes.map((p) => pageQuery(api, queue, view, p)) });

  let newest: Page | undefined;
  let newestAt = -1;
  let version = 0;
  for (const r of results) {
    version += r.dataUpdatedAt;
    if (r.data !== undefined && r.dataUpdatedAt > newestAt) {
      newest = r.data;
      newestAt = r.dataUpdatedAt;
    }
  }
  const pages = results.map((r) => r.data);
  const error = results.find((r) => r.error !== null)?.error ?? null;
  // A jump far into the queue asks for pages not fetched yet: the total of pages fetched before
  // keeps the table (and its scroll place) on screen, with skeleton rows while they load.
  const total = newest?.total ?? cachedTotal(client, queue, view);

  // A row beyond the total (a page that shrank since) is gone, not stale.
  const row = (index: number) => {
    if (total !== undefined && index >= total) return undefined;
    return pages[Math.floor(index / PAGE_SIZE) - first]?.items[index % PAGE_SIZE];
  };

  return { total, row, loading: total === undefined && error === null, error, version };
}

/** The row after `id` in a view, from the cached pages (fetching the next page if needed). */
export async function findNext(client: QueryClient, api: ConsoleApi, queue: Queue, view: QueueView, id: string): Promise<string | null> {
  const cached = client.getQueriesData<Page>({ queryKey: ['queues', 'page', queue, view, PAGE_SIZE] });
  for (const [key, page] of cached) {
    if (page === undefined) continue;
    const at = page.items.findIndex((r) => r.id === id);
    if (at === -1) continue;
    const following = page.items[at + 1];
    if (following !== undefined) return following.id;
    const pageIndex = Number(key[key.length - 1]);
    if (!Number.isInteger(pageIndex) || pageIndex * PAGE_SIZE + page.items.length >= page.total) return null;
    const next = await client.fetchQuery(pageQuery(api, queue, view, pageIndex + 1));
    return next.items[0]?.id ?? null;
  }
  // Not in any cached page (opened by id): the head of the queue is next.
  const head = await client.fetchQuery(pageQuery(api, queue, view, 0));
  return head.items.find((r) => r.id !== id)?.id ?? null;
}
