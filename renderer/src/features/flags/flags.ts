// Trust and safety's reads while a flag is being confirmed: what the sanctions would do to the
// designer (the rule core's preview, from the cache) and the statement of reasons the core
// composes. Both follow the form as it changes, a beat behind the typing, and keep showing the
// last answer while the next one comes.
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Sanction } from '../../../../core';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';

const TYPING_MS = 250;

export function useSanctionPreview(flagId: string, sanctions: readonly Sanction[], enabled: boolean) {
  const api = useApi();
  const [settled] = useDebouncedValue(sanctions, TYPING_MS);
  return useQuery({
    queryKey: queryKeys.sanctionPreview(flagId, settled),
    queryFn: () => api.flags.previewSanctions({ flagId, sanctions: [...settled] }),
    enabled: enabled && settled.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export interface StatementRequest {
  sanctions: readonly Sanction[];
  evidenceKeys: readonly string[];
  clauseId: string;
  explanation: string;
}

/**
 * The core's statement for the form as it stands. `current` is false while the answer on
 * screen was composed from an earlier state of the form (the next one is on its way).
 */
export function useComposedStatement(flagId: string, request: StatementRequest, enabled: boolean) {
  const api = useApi();
  const [settled] = useDebouncedValue(request, TYPING_MS);
  const query = useQuery({
    queryKey: queryKeys.statement(flagId, settled),
    queryFn: () => api.flags.composeStatement({ flagId, sanctions: [...settled.sanctions], evidenceKeys: [...settled.evidenceKeys], clauseId: settled.clauseId, explanation: settled.explanation }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const current = !query.isPlaceholderData && !query.isFetching && JSON.stringify(settled) === JSON.stringify(request);
  return { ...query, current };
}
