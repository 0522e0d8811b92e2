import { AppShell, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_POLICY, SUBMISSION_STATUS_TITLES } from '../../core';

/** The shell the queues will fill; for now it shows the policy the rule core carries. */
export function App() {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">Moderation console</Title>
          <Badge variant="light">policy {DEFAULT_POLICY.version}</Badge>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Stack gap="xs">
          <Title order={2} size="h5">Submission states</Title>
          {Object.entries(SUBMISSION_STATUS_TITLES).map(([status, title]) => (
            <Text key={status} size="sm">
              <b>{status}</b>: {title}
            </Text>
          ))}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
