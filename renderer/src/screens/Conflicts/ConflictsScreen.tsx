// Decisions that did not land: someone decided first, or the platform refused. Each shows what
// they decided and the item's state now, and stays until the moderator acknowledges it.
import { Anchor, Badge, Box, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { Conflict } from '../../../../electron/contract';
import { describeError } from '../../api/errors';
import { useAcknowledgeConflict, useConflicts } from '../../features/decisions/conflicts';
import { rejectReasonTitle } from '../../features/decisions/reasons';
import { outcomeDone } from '../../features/decisions/tracker';
import { usePlatformNow } from '../../features/session/session';
import { countOf, stamp } from '../../features/time/words';
import { useHashSearch } from '../../routing/hashLocation';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { statusWord } from '../../ui/status';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { STATUS_COLORS } from '../../theme';

function ConflictCard({ conflict, focused }: { conflict: Conflict; focused: boolean }) {
  const now = usePlatformNow();
  const acknowledge = useAcknowledgeConflict();
  const theirs = conflict.theirs;
  return (
    <Card withBorder radius="md" padding="md" style={focused ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined} data-testid="conflict" data-decision-id={conflict.decisionId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={conflict.kind === 'conflict' ? 'red' : 'orange'} variant="light">
              {conflict.kind === 'conflict' ? 'Conflict' : 'Refused'}
            </Badge>
            <Text size="xs" c="dimmed" className="tabular">
              {stamp(conflict.at, now)}
            </Text>
          </Group>
          <Text fw={600}>{conflict.summary}</Text>
          <Text size="sm">
            You: {outcomeDone(conflict.yourOutcome).toLowerCase()}
            {theirs !== undefined && (
              <>
                {' '}
                · {theirs.moderatorName}: {outcomeDone(theirs.outcome).toLowerCase()}
                {theirs.reasonCode !== undefined ? ` (${rejectReasonTitle(theirs.reasonCode).toLowerCase()})` : ''} at {stamp(theirs.at, now)}
              </>
            )}
            {conflict.currentStatus !== undefined && <> · now {statusWord(conflict.currentStatus).toLowerCase()}</>}
          </Text>
          <Text size="sm" c="dimmed">
            {conflict.detail}
          </Text>
          {conflict.subjectType === 'submission' && (
            <Anchor href={`#/items/submission/${encodeURIComponent(conflict.subjectId)}`} size="sm">
              Open {conflict.subjectId}
            </Anchor>
          )}
        </Stack>
        {conflict.acknowledged ? (
          <Badge variant="light" color="gray" leftSection={<IconCircleCheck size={12} />}>
            Seen
          </Badge>
        ) : (
          <Button size="xs" variant="default" onClick={() => acknowledge.mutate(conflict.decisionId)} loading={acknowledge.isPending}>
            Got it
          </Button>
        )}
      </Group>
      {acknowledge.isError && (
        <Text size="sm" c={STATUS_COLORS.problem} mt="xs">
          {describeError(acknowledge.error)}
        </Text>
      )}
    </Card>
  );
}

export function ConflictsScreen() {
  const [showSeen, setShowSeen] = useState(false);
  const conflicts = useConflicts(showSeen);
  const search = useHashSearch();
  const focus = new URLSearchParams(search).get('focus');
  const heading = useRef<HTMLHeadingElement>(null);
  useScreenFocus(heading);
  return (
    <Box p="lg" style={{ overflowY: 'auto', height: '100%' }}>
      {/* One column: the switch lines up with the cards' right edge. */}
      <Box maw={900}>
        <Group justify="space-between" mb="md">
          <Group gap="sm" align="baseline">
            <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-screen-title>
              Conflicts
            </Title>
            {conflicts.data !== undefined && (
              <Text size="sm" c="dimmed">
                {countOf(conflicts.data.total, 'decision')} to look at
              </Text>
            )}
          </Group>
          <Switch label="Show the ones already seen" checked={showSeen} onChange={(e) => setShowSeen(e.currentTarget.checked)} />
        </Group>
        {conflicts.isPending ? (
          <LoadingState />
        ) : conflicts.isError ? (
          <ErrorState error={conflicts.error} onRetry={() => void conflicts.refetch()} />
        ) : conflicts.data.items.length === 0 ? (
          <EmptyState title="No conflicts" icon={<IconCircleCheck size={24} stroke={1.5} />}>
            Every decision made here reached the platform as it was made. When someone decides an item first, it shows here with what they decided.
          </EmptyState>
        ) : (
          <Stack gap="sm">
            {conflicts.data.items.map((c) => (
              <ConflictCard key={c.decisionId} conflict={c} focused={c.decisionId === focus} />
            ))}
          </Stack>
        )}
      </Box>
    </Box>
  );
}
