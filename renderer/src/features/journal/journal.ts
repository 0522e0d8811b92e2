// The decision journal's reads: the decisions made on this machine (filtered, newest first, a
// page at a time), one decision with its journal entries, the hash chain's verification, and
// the CSV export. Everything sits under the `decisions` key, so each decision event refreshes it.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../queryKeys';
import { saveText } from './download';
import { toApiFilter, type JournalFilter } from './filters';

export const JOURNAL_PAGE = 100;
const FIRST_PAGE: string | null = null;

export function useDecisionList(filter: JournalFilter) {
  const api = useApi();
  const apiFilter = toApiFilter(filter);
  return useInfiniteQuery({
    queryKey: queryKeys.decisionList(apiFilter),
    queryFn: ({ pageParam }) => api.decisions.list({ ...apiFilter, limit: JOURNAL_PAGE, ...(pageParam === null ? {} : { after: pageParam }) }),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.next,
    staleTime: 5_000,
  });
}

export function useDecision(decisionId: string | null) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.decision(decisionId ?? ''), queryFn: () => api.decisions.get({ decisionId: decisionId ?? '' }), enabled: decisionId !== null });
}

export function useJournalVerify() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.journalVerify, queryFn: () => api.journal.verify({}), staleTime: 10_000 });
}

/** Exports the filtered journal as CSV and hands it to the browser as a download. */
export function useJournalExport() {
  const api = useApi();
  return useMutation({
    mutationFn: async (filter: JournalFilter) => {
      const exported = await api.journal.export(toApiFilter(filter));
      saveText(exported.filename, exported.csv, 'text/csv');
      return exported;
    },
  });
}
