// Console events → the query cache: each event marks the keys it names stale (queryKeys.ts) and
// the sync status is written in directly. When the stream comes back after a gap, everything
// is refetched, since events sent meanwhile are lost.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi, useConnection } from '../../api/ApiContext';
import { keysForEvent, queryKeys } from '../queryKeys';

export function useEventBridge(): void {
  const api = useApi();
  const connection = useConnection();
  const client = useQueryClient();

  useEffect(
    () =>
      api.events.subscribe((event) => {
        if (event.type === 'sync.status') client.setQueryData(queryKeys.syncStatus, event.status);
        for (const queryKey of keysForEvent(event)) void client.invalidateQueries({ queryKey });
      }),
    [api, client],
  );

  useEffect(() => {
    let wasOpen = connection.state() === 'open';
    return connection.subscribe((state) => {
      if (state === 'open' && !wasOpen) void client.invalidateQueries();
      wasOpen = state === 'open';
    });
  }, [connection, client]);
}
