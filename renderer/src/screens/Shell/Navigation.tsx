// The left rail: the queues with live counts, then the rest of the work, by role.
import { ActionIcon, Box, Divider, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { QueueCounts } from '../../../../electron/contract';
import { useAbilities } from '../../features/session/session';
import { useQueueCounts } from '../../features/sync/sync';
import { count } from '../../features/time/words';
import { STATUS_COLORS } from '../../theme';
import { QUEUE_DESTINATIONS, SETTINGS_DESTINATION, workDestinations, type Destination } from './nav';

function queueCount(d: Destination, counts: QueueCounts | undefined, collapsed: boolean): ReactNode {
  if (d.queue === undefined || counts === undefined || collapsed) return null;
  return (
    <Text span size="xs" c="dimmed" fw={600} className="tabular" data-testid={`count-${d.queue}`}>
      {count(counts[d.queue])}
    </Text>
  );
}

/** UI.md: the 48-hour queue says "3 overdue" in red (and "2 soon", due soon, in amber) under its name. */
function reviewLine(counts: QueueCounts | undefined): ReactNode {
  if (counts === undefined) return undefined;
  if (counts.reviewOverdue === 0 && counts.reviewDueSoon === 0) return undefined;
  return (
    <Text span size="xs" className="tabular" data-testid="count-review-late">
      {counts.reviewOverdue > 0 && (
        <Text span size="xs" c={STATUS_COLORS.overdue} fw={600}>
          {count(counts.reviewOverdue)} overdue
        </Text>
      )}
      {counts.reviewOverdue > 0 && counts.reviewDueSoon > 0 && ' · '}
      {counts.reviewDueSoon > 0 && (
        <Text span size="xs" c={STATUS_COLORS.dueSoon} fw={600}>
          {count(counts.reviewDueSoon)} soon
        </Text>
      )}
    </Text>
  );
}

function Item({ d, active, collapsed, right, description }: { d: Destination; active: boolean; collapsed: boolean; right?: ReactNode; description?: ReactNode }) {
  const Icon = d.icon;
  const link = (
    <NavLink
      href={`#${d.path}`}
      active={active}
      label={collapsed ? undefined : <span style={{ whiteSpace: 'nowrap' }}>{d.label}</span>}
      aria-label={collapsed ? d.label : undefined}
      leftSection={<Icon size={18} stroke={1.6} />}
      rightSection={right}
      description={collapsed ? undefined : description}
      variant="light"
      styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
    />
  );
  return collapsed ? (
    <Tooltip label={d.label} position="right">
      {link}
    </Tooltip>
  ) : (
    link
  );
}

export function Navigation({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  const abilities = useAbilities();
  const counts = useQueueCounts();
  const [path] = useLocation();
  const isActive = (d: Destination) => path === d.path || path.startsWith(`${d.path}/`);

  return (
    <Stack h="100%" gap={0} component="nav" aria-label="Screens">
      <ScrollArea style={{ flex: 1 }} px="xs" py="sm">
        {abilities.queues.length > 0 && (
          <>
            {!collapsed && (
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4}>
                Queues
              </Text>
            )}
            {abilities.queues.map((queue) => {
              const d = QUEUE_DESTINATIONS[queue];
              return <Item key={d.id} d={d} active={isActive(d)} collapsed={collapsed} right={queueCount(d, counts.data, collapsed)} description={queue === 'review' ? reviewLine(counts.data) : undefined} />;
            })}
            <Divider my="sm" />
          </>
        )}
        {workDestinations(abilities).map((d) => (
          <Item key={d.id} d={d} active={isActive(d)} collapsed={collapsed} />
        ))}
      </ScrollArea>
      <Box px="xs" py="xs" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
        <Item d={SETTINGS_DESTINATION} active={isActive(SETTINGS_DESTINATION)} collapsed={collapsed} />
        <Group justify={collapsed ? 'center' : 'flex-end'} mt={4}>
          <Tooltip label={collapsed ? 'Expand the navigation' : 'Collapse the navigation'} position="right">
            <ActionIcon variant="subtle" color="gray" onClick={onToggle} aria-label={collapsed ? 'Expand the navigation' : 'Collapse the navigation'}>
              {collapsed ? <IconLayoutSidebarLeftExpand size={18} /> : <IconLayoutSidebarLeftCollapse size={18} />}
            </ActionIcon>
          </Tooltip>
        </Group>
      </Box>
    </Stack>
  );
}
