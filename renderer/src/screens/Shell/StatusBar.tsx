// The one-line status bar (UI.md, "The frame"): online or offline, last sync in words, decisions
// waiting, conflicts, the platform's clock, and a progress bar during a long sync.
import { Anchor, Box, Button, Group, Progress, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../../electron/contract';
import { useApi, useConnectionState } from '../../api/ApiContext';
import type { ConnectionState } from '../../api/events';
import { queryKeys } from '../../features/queryKeys';
import { usePlatformNow } from '../../features/session/session';
import { useSyncStatus } from '../../features/sync/sync';
import { agoWords, clockWords, count, countOf } from '../../features/time/words';
import { STATUS_COLORS } from '../../theme';

export type LinkState = 'online' | 'offline' | 'syncing' | 'service-down' | 'unknown';

export function linkState(status: SyncStatus | undefined, connection: ConnectionState, serviceFailed: boolean): LinkState {
  if (serviceFailed || connection === 'closed') return 'service-down';
  if (status === undefined) return 'unknown';
  return status.state;
}

const DOT: Record<LinkState, string> = {
  online: 'var(--mantine-color-green-7)',
  syncing: 'var(--mantine-color-blue-6)',
  offline: 'var(--mantine-color-gray-5)',
  'service-down': 'var(--mantine-color-red-7)',
  unknown: 'var(--mantine-color-gray-5)',
};

/** The leading words: "Online", "Offline — 3 decisions wait and will be sent when the platform is back". */
export function linkWords(state: LinkState, outbox: number): string {
  switch (state) {
    case 'online':
      return 'Online';
    case 'syncing':
      return 'Syncing';
    case 'offline':
      return outbox > 0 ? `Offline — ${countOf(outbox, 'decision')} ${outbox === 1 ? 'waits' : 'wait'} and will be sent when the platform is back` : 'Offline — the platform is not answering; the queues show what this machine holds';
    case 'service-down':
      return 'The console’s service is not answering — reconnecting';
    case 'unknown':
      return 'Connecting…';
  }
}

const Sep = () => (
  <Text span c="dimmed" aria-hidden>
    ·
  </Text>
);

export function StatusBar() {
  const api = useApi();
  const client = useQueryClient();
  const sync = useSyncStatus();
  const connection = useConnectionState();
  const now = usePlatformNow();
  const status = sync.data;
  const state = linkState(status, connection, sync.isError && sync.data === undefined);
  const outbox = status?.outbox ?? 0;
  const conflicts = status?.conflicts ?? 0;
  const progress = status?.progress;
  const showProgress = status?.state === 'syncing' && progress !== undefined && progress.total > 0;
  const confirm = useMutation({
    mutationFn: () => api.sync.confirmDeletions({}),
    onSuccess: (next) => client.setQueryData(queryKeys.syncStatus, next),
  });

  return (
    <Box h="100%" px="md" style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
      <Group gap={8} wrap="nowrap" h="100%" className="tabular" style={{ fontSize: 'var(--mantine-font-size-xs)', overflow: 'hidden' }}>
        <Box w={8} h={8} style={{ borderRadius: '50%', background: DOT[state], flexShrink: 0 }} aria-hidden />
        <Tooltip label={status?.lastError ?? 'The link to the platform'} disabled={status?.lastError === undefined}>
          <Text size="xs" fw={500} role="status" aria-live="polite" style={{ whiteSpace: 'nowrap' }} data-testid="link-state">
            {linkWords(state, outbox)}
          </Text>
        </Tooltip>
        {showProgress && (
          <>
            <Sep />
            <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
              Syncing {count(progress.done)} / {count(progress.total)}
            </Text>
            <Progress value={Math.min(100, (100 * progress.done) / progress.total)} w={140} size="sm" aria-label="Sync progress" />
          </>
        )}
        {status !== undefined && state !== 'service-down' && (
          <>
            <Sep />
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="last-sync">
              {status.lastSyncedAt === null ? 'never synced' : `synced ${agoWords(Date.parse(status.lastSyncedAt), now)}`}
            </Text>
            {!(state === 'offline' && outbox > 0) && (
              <>
                <Sep />
                <Text size="xs" c={status.outboxStalled ? STATUS_COLORS.warn : 'dimmed'} style={{ whiteSpace: 'nowrap' }} data-testid="outbox">
                  {count(outbox)} waiting{status.outboxStalled ? ' (not moving)' : ''}
                </Text>
              </>
            )}
            <Sep />
            <Anchor href="#/conflicts" size="xs" c={conflicts > 0 ? STATUS_COLORS.problem : 'dimmed'} fw={conflicts > 0 ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="conflicts">
              {countOf(conflicts, 'conflict')}
            </Anchor>
          </>
        )}
        {status?.failsafe !== undefined && (
          <>
            <Sep />
            <Text size="xs" c={STATUS_COLORS.warn} style={{ whiteSpace: 'nowrap' }}>
              Sync paused: it would delete {count(status.failsafe.deletes)} of {count(status.failsafe.cached)} cached records
            </Text>
            <Button size="compact-xs" variant="light" color="yellow" onClick={() => confirm.mutate()} loading={confirm.isPending}>
              Allow
            </Button>
          </>
        )}
        <Box style={{ flex: 1 }} />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="platform-time">
          platform time {clockWords(now)}
        </Text>
      </Group>
    </Box>
  );
}
