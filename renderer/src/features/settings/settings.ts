// The console's settings (undo window, theme, blur): read once, written optimistically so a
// switch flips at once and flips back if the service refuses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => api.settings.get({}), staleTime: 60_000 });
}

export function useSaveSettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => api.settings.set(patch),
    onMutate: async (patch) => {
      await client.cancelQueries({ queryKey: queryKeys.settings });
      const before = client.getQueryData<Settings>(queryKeys.settings);
      if (before !== undefined) client.setQueryData<Settings>(queryKeys.settings, { ...before, ...patch });
      return { before };
    },
    onError: (_error, _patch, context) => {
      if (context?.before !== undefined) client.setQueryData(queryKeys.settings, context.before);
    },
    onSuccess: (saved) => client.setQueryData(queryKeys.settings, saved),
  });
}
