// The sync engine's state for the status bar. Events write it straight into the cache; a slow
// poll covers a stream that is down.
import { useQuery } from '@tanstack/react-query';
import { useApi, useConnectionState } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';

export function useSyncStatus() {
  const api = useApi();
  const connection = useConnectionState();
  return useQuery({
    queryKey: queryKeys.syncStatus,
    queryFn: () => api.sync.status({}),
    refetchInterval: connection === 'open' ? 15_000 : 3_000,
  });
}

export function useQueueCounts() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.counts, queryFn: () => api.queues.counts({}), staleTime: 5_000, refetchInterval: 30_000 });
}
