// Empty, loading and error states: a calm sentence that says why, and what to do.
import { Alert, Button, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { describeError } from '../api/errors';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center h="100%" mih={160} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

export function EmptyState({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <Center h="100%" mih={200} p="xl">
      <Stack align="center" gap="xs" maw={460} ta="center">
        <ThemeIcon variant="light" color="gray" size={44} radius="xl" aria-hidden>
          {icon ?? <IconInbox size={24} stroke={1.5} />}
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        {children !== undefined && (
          <Text size="sm" c="dimmed">
            {children}
          </Text>
        )}
      </Stack>
    </Center>
  );
}

export function ErrorState({ error, onRetry, title = 'This could not be loaded' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Center h="100%" mih={200} p="xl">
      <Alert variant="light" color="red" title={title} icon={<IconAlertTriangle size={18} />} maw={520} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{describeError(error)}</Text>
          {onRetry !== undefined && (
            <Button size="xs" variant="default" onClick={onRetry}>
              Try again
            </Button>
          )}
        </Stack>
      </Alert>
    </Center>
  );
}

export function ScreenTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
      <Title order={1} tabIndex={-1} data-screen-title style={{ outline: 'none' }}>
        {children}
      </Title>
      {right}
    </Stack>
  );
}
