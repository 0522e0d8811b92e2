import { AppShell, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DEFAULT_POLICY, REJECT_REASONS, SUBMISSION_STATUS_TITLES } from '../../core';

const policy = DEFAULT_POLICY;

/** The numbers moderators work by, from the rule core's policy (RULES.md). */
const POLICY_ROWS: readonly { rule: string; what: string; value: string }[] = [
  { rule: 'R3', what: 'Hold threshold (star rating below)', value: policy.rating.benchmark.toFixed(2) },
  { rule: 'R2', what: 'Launch window', value: `${policy.launchWindow.fraction * 100}% of the project, ${policy.launchWindow.minHours}–${policy.launchWindow.maxHours} h` },
  { rule: 'R4', what: 'Review of unverified designers', value: `within ${policy.verification.reviewSlaHours} h, due soon from ${policy.verification.reviewSlaHours * policy.verification.warnFraction} h` },
  { rule: 'R7', what: 'Mini contests', value: `${policy.miniContest.maxDesigners} designers, rating ≥ ${policy.miniContest.minRating}, positive feedback ≥ ${policy.miniContest.minPositiveFeedbackPct}%` },
  { rule: 'R8', what: 'Double-blind review window', value: `${policy.reviews.windowDays} days (+${policy.reviews.extensionDays} on request)` },
  { rule: 'R12', what: 'Flag window', value: `hits within ${policy.detectors.flagJoinDays} days join one flag` },
  { rule: 'R12', what: 'Appeals', value: `${policy.appeals.windowDays} days from the decision` },
];

/** The console's shell; the queues, item view and sync bar arrive with the console issues. */
export function App() {
  return (
    <AppShell header={{ height: 56 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between">
          <Title order={1} size="h4">
            Moderation console
          </Title>
          <Badge variant="light" size="lg">
            Policy {policy.version}
          </Badge>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Stack gap="lg" maw={1100}>
          <div>
            <Title order={2} size="h3">
              Policy in force
            </Title>
            <Text c="dimmed" size="sm">
              The rules every queue, verdict and audit in this console follows. The queues appear here once the console is connected to the platform.
            </Text>
          </div>
          <Card withBorder radius="md" padding={0}>
            <Table striped verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>Rule</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {POLICY_ROWS.map((row) => (
                  <Table.Tr key={`${row.rule}-${row.what}`}>
                    <Table.Td>
                      <Badge variant="outline" color="gray">
                        {row.rule}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{row.what}</Table.Td>
                    <Table.Td fw={600}>{row.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Card withBorder radius="md">
              <Title order={3} size="h5" mb="xs">
                Submission states
              </Title>
              <Stack gap={6}>
                {Object.entries(SUBMISSION_STATUS_TITLES).map(([status, title]) => (
                  <Group key={status} gap="xs" wrap="nowrap">
                    <Badge variant="light" w={160}>
                      {status.replace('_', ' ')}
                    </Badge>
                    <Text size="sm">{title}</Text>
                  </Group>
                ))}
              </Stack>
            </Card>
            <Card withBorder radius="md">
              <Title order={3} size="h5" mb="xs">
                Reasons to reject a design
              </Title>
              <Stack gap={6}>
                {Object.entries(REJECT_REASONS).map(([code, title]) => (
                  <Text key={code} size="sm">
                    {title} <Text span c="dimmed" size="xs">({code})</Text>
                  </Text>
                ))}
              </Stack>
            </Card>
          </SimpleGrid>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
