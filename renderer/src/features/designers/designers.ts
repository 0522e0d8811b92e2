// Designers by handle, for the command palette and the designer filter.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';

export function useDesignerSearch(query: string) {
  const api = useApi();
  const q = query.trim().replace(/^@/, '');
  return useQuery({
    queryKey: queryKeys.designerSearch(q),
    queryFn: () => api.designers.search({ query: q, limit: 8 }),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
}
