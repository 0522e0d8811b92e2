// The left rail: the queues with live counts, then the rest of the work, by role.
import { ActionIcon, Badge, Box, Divider, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { QueueCounts } from '../../../../electron/contract';
import { useAbilities } from '../../features/session/session';
import { useQueueCounts } from '../../features/sync/sync';
import { count } from '../../features/time/words';
import { QUEUE_DESTINATIONS, SETTINGS_DESTINATION, workDestinations, type Destination } from './nav';

function queueBadge(d: Destination, counts: QueueCounts | undefined, collapsed: boolean): ReactNode {
  if (d.queue === undefined || counts === undefined) return null;
  const n = counts[d.queue];
  if (collapsed) return null;
  if (d.queue === 'review' && (counts.reviewOverdue > 0 || counts.reviewDueSoon > 0)) {
    return (
      <Group gap={4} wrap="nowrap" className="tabular">
        <Badge variant="light" color="gray" size="sm">
          {count(n)}
        </Badge>
        {counts.reviewOverdue > 0 && (
          <Badge variant="light" color="red" size="sm" title={`${count(counts.reviewOverdue)} overdue`}>
            {count(counts.reviewOverdue)} overdue
          </Badge>
        )}
        {counts.reviewOverdue === 0 && counts.reviewDueSoon > 0 && (
          <Badge variant="light" color="yellow" size="sm" title={`${count(counts.reviewDueSoon)} due soon`}>
            {count(counts.reviewDueSoon)} soon
          </Badge>
        )}
      </Group>
    );
  }
  return (
    <Badge variant="light" color="gray" size="sm" className="tabular">
      {count(n)}
    </Badge>
  );
}

function Item({ d, active, collapsed, right }: { d: Destination; active: boolean; collapsed: boolean; right?: ReactNode }) {
  const Icon = d.icon;
  const link = (
    <NavLink
      href={`#${d.path}`}
      active={active}
      label={collapsed ? undefined : d.label}
      aria-label={collapsed ? d.label : undefined}
      leftSection={<Icon size={18} stroke={1.6} />}
      rightSection={right}
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
              return <Item key={d.id} d={d} active={isActive(d)} collapsed={collapsed} right={queueBadge(d, counts.data, collapsed)} />;
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
