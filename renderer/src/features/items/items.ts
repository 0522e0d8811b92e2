// An item and its design image. Images never change for an asset id, so they are kept as long
// as the app runs; the next item's are fetched while the moderator still looks at this one.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ConsoleApi } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { ConsoleApiError } from '../../api/errors';
import { queryKeys, type SubjectType } from '../queryKeys';

export function itemQuery(api: ConsoleApi, subjectType: SubjectType, id: string) {
  return { queryKey: queryKeys.item(subjectType, id), queryFn: () => api.items.get({ subjectType, subjectId: id }), staleTime: 5_000 };
}

export function assetQuery(api: ConsoleApi, assetId: string) {
  return { queryKey: queryKeys.asset(assetId), queryFn: () => api.assets.get({ assetId }), staleTime: Infinity, gcTime: 10 * 60_000 };
}

/** An item not in the cache yet (a link opened before the sync brought it) is asked for again. */
const notCachedYet = (error: unknown) => error instanceof ConsoleApiError && error.status === 404;

export function useItem(subjectType: SubjectType, id: string) {
  const api = useApi();
  return useQuery({ ...itemQuery(api, subjectType, id), refetchInterval: (query) => (notCachedYet(query.state.error) ? 2000 : false) });
}

export function useAsset(assetId: string | undefined, enabled = true) {
  const api = useApi();
  return useQuery({ ...assetQuery(api, assetId ?? ''), enabled: enabled && assetId !== undefined });
}

/** Loads an item and its image into the cache, so opening it shows it at once. */
export async function prefetchItem(client: QueryClient, api: ConsoleApi, subjectType: SubjectType, id: string): Promise<void> {
  const item = await client.fetchQuery(itemQuery(api, subjectType, id));
  if (item.subjectType === 'submission') await client.prefetchQuery(assetQuery(api, item.assetId));
}
