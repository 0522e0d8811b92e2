// Decisions the platform answered with "someone decided first" or a refusal. They stay listed
// until the moderator acknowledges each one; nothing drops them silently.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';

export function useConflicts(includeAcknowledged: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.conflicts, includeAcknowledged],
    queryFn: () => api.conflicts.list({ includeAcknowledged, limit: 200 }),
  });
}

export function useAcknowledgeConflict() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decisionId: string) => api.conflicts.acknowledge({ decisionId }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.conflicts });
      void client.invalidateQueries({ queryKey: queryKeys.syncStatus });
    },
  });
}

export function useBatchPreview(subjectIds: readonly string[], outcome: 'approve' | 'reject', enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.preview(subjectIds, outcome),
    queryFn: () => api.decisions.preview({ subjectType: 'submission', subjectIds: [...subjectIds], outcome }),
    enabled: enabled && subjectIds.length > 0,
    staleTime: 0,
  });
}
