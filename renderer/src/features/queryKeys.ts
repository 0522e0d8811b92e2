// Every TanStack Query key in one place, and which keys each console event makes stale, so a
// screen never invents a key that an event then fails to refresh.
import type { ConsoleEvent, Queue, QueueFilter } from '../../../electron/contract';

export type SubjectType = 'submission' | 'flag';

/** What a queue table shows: the filter and the order (the URL holds the same). */
export interface QueueView {
  filter: QueueFilter;
  sort: 'due' | 'arrived';
  order: 'asc' | 'desc';
}

export const queryKeys = {
  all: [] as const,
  session: ['session'] as const,
  settings: ['settings'] as const,
  syncStatus: ['sync', 'status'] as const,
  counts: ['queues', 'counts'] as const,
  queuePages: (queue?: Queue) => (queue === undefined ? (['queues', 'page'] as const) : (['queues', 'page', queue] as const)),
  queuePage: (queue: Queue, view: QueueView, pageIndex: number, pageSize: number) => ['queues', 'page', queue, view, pageSize, pageIndex] as const,
  items: ['items'] as const,
  item: (subjectType: SubjectType, id: string) => ['items', subjectType, id] as const,
  asset: (assetId: string) => ['assets', assetId] as const,
  decisions: ['decisions'] as const,
  conflicts: ['conflicts'] as const,
  preview: (subjectIds: readonly string[], outcome: string) => ['decisions', 'preview', outcome, ...subjectIds] as const,
  designers: ['designers'] as const,
  designerSearch: (query: string) => ['designers', 'search', query] as const,
  designer: (id: string) => ['designers', id] as const,
  // Trust and safety, the journal, the dashboard and the audit (issue 13). Journal reads sit
  // under `decisions`, so every decision event refreshes them; an audit run under `audit`.
  sanctionPreview: (flagId: string, sanctions: unknown) => ['flags', 'preview', flagId, sanctions] as const,
  statement: (flagId: string, input: unknown) => ['flags', 'statement', flagId, input] as const,
  decisionList: (filter: unknown) => ['decisions', 'list', filter] as const,
  decision: (decisionId: string) => ['decisions', 'get', decisionId] as const,
  journalVerify: ['decisions', 'journal', 'verify'] as const,
  dashboard: (days: number) => ['dashboard', days] as const,
  auditRun: (runId: string) => ['audit', runId] as const,
} as const;

export type QueryKey = readonly unknown[];

/** The keys an event makes stale (a prefix each: every query under it refetches if shown). */
export function keysForEvent(event: ConsoleEvent): QueryKey[] {
  switch (event.type) {
    case 'queues.changed':
      return [
        queryKeys.counts,
        ...event.queues.map((queue) => queryKeys.queuePages(queue)),
        ...event.subjectIds.flatMap((id) => [queryKeys.item('submission', id), queryKeys.item('flag', id)]),
      ];
    case 'sync.status':
      // The status itself is written straight into the cache (no refetch); see useEventBridge.
      return [];
    case 'decision.changed':
      return [queryKeys.decisions, queryKeys.item(event.subjectType, event.subjectId), queryKeys.counts];
    case 'conflicts.changed':
      return [queryKeys.conflicts, queryKeys.syncStatus];
    case 'claims.changed':
      return [queryKeys.item(event.subjectType, event.subjectId), queryKeys.queuePages()];
    case 'session.changed':
      return [queryKeys.all];
    case 'settings.changed':
      return [queryKeys.settings];
    case 'audit.progress':
      return [['audit', event.runId]];
    case 'menu.command':
      // Not data: the shell acts on it (navigation, palette, sheet).
      return [];
  }
}
