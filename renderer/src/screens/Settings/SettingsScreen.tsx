// Settings: the workspace and sign-out, the undo window, the look, and the policy in force,
// shown readably with its version.
import { Alert, Badge, Box, Button, Card, Group, NumberInput, SegmentedControl, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../../electron/contract';
import { describeError } from '../../api/errors';
import { useSession, useSignOut } from '../../features/session/session';
import { policyRows } from '../../features/settings/policy';
import { useSaveSettings, useSettings } from '../../features/settings/settings';
import { navigate } from '../../routing/hashLocation';
import { ErrorState, LoadingState } from '../../ui/States';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { STATUS_COLORS } from '../../theme';

const ROLE_TITLES: Record<string, string> = { quality: 'Quality', trust_safety: 'Trust & safety', auditor: 'Auditor', admin: 'Admin' };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" id={id}>
      <Title order={2} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function UndoWindow({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const [value, setValue] = useState<number | string>(settings.undoSeconds);
  useEffect(() => setValue(settings.undoSeconds), [settings.undoSeconds]);
  const n = typeof value === 'number' ? value : Number(value);
  const valid = Number.isInteger(n) && n >= 0 && n <= 60;
  return (
    <Stack gap="xs">
      <NumberInput
        label="Undo window (seconds)"
        description="How long a decision waits on this machine before it is sent"
        min={0}
        max={60}
        step={1}
        value={value}
        onChange={setValue}
        error={valid ? undefined : 'A whole number from 0 to 60'}
        // A short field for a number of seconds, with its button beside it.
        styles={{ wrapper: { width: 120 } }}
        inputContainer={(field) => (
          <Group gap="sm" wrap="nowrap">
            {field}
            <Button variant="default" onClick={() => valid && save.mutate({ undoSeconds: n })} disabled={!valid || n === settings.undoSeconds} loading={save.isPending}>
              Save
            </Button>
          </Group>
        )}
      />
      {save.isError && (
        <Text size="sm" c={STATUS_COLORS.problem} role="alert">
          {describeError(save.error)}
        </Text>
      )}
    </Stack>
  );
}

export function SettingsScreen() {
  const session = useSession();
  const settings = useSettings();
  const save = useSaveSettings();
  const heading = useRef<HTMLHeadingElement>(null);
  useScreenFocus(heading);
  const signOut = useSignOut(() => navigate('/', { replace: true }));

  return (
    <Box p="lg" style={{ overflowY: 'auto', height: '100%' }}>
      <Stack gap="lg" maw={880}>
        <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-screen-title>
          Settings
        </Title>

        <Section id="workspace" title="Workspace">
          <Stack gap="xs">
            <Text size="sm">
              <Text span c="dimmed">
                Platform{' '}
              </Text>
              {session.platformUrl}
              {session.demo && (
                <Badge ml="xs" size="sm" variant="light">
                  demo
                </Badge>
              )}
            </Text>
            <Group gap="xs">
              <Text size="sm">
                <Text span c="dimmed">
                  Signed in as{' '}
                </Text>
                {session.moderator.displayName}
              </Text>
              {session.moderator.roles.map((r) => (
                <Badge key={r} size="sm" variant="light" color="gray">
                  {ROLE_TITLES[r] ?? r}
                </Badge>
              ))}
            </Group>
            <Group mt="xs">
              <Button variant="default" color="red" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                Sign out
              </Button>
            </Group>
            {signOut.isError && (
              <Alert color="red" variant="light">
                {describeError(signOut.error)}
              </Alert>
            )}
          </Stack>
        </Section>

        {settings.isPending ? (
          <LoadingState />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <>
            <Section id="undo" title="Decisions">
              <UndoWindow settings={settings.data} />
            </Section>
            <Section id="look" title="Look">
              <Stack gap="md">
                <div>
                  <Text size="sm" fw={500} mb={4} id="theme-label">
                    Theme
                  </Text>
                  <SegmentedControl
                    aria-labelledby="theme-label"
                    value={settings.data.theme}
                    onChange={(theme) => (theme === 'light' || theme === 'dark' || theme === 'auto') && save.mutate({ theme })}
                    data={[
                      { value: 'light', label: 'Light' },
                      { value: 'dark', label: 'Dark' },
                      { value: 'auto', label: 'Follow the system' },
                    ]}
                  />
                </div>
                <Switch label="Blur designs until I unblur them (B)" checked={settings.data.blurImages} onChange={(e) => save.mutate({ blurImages: e.currentTarget.checked })} />
              </Stack>
            </Section>
          </>
        )}

        <Section id="policy" title="Policy in force">
          <Group gap="xs" mb="sm">
            <Badge variant="light" size="lg">
              Version {session.policyVersion}
            </Badge>
            <Text size="sm" c="dimmed">
              The rules every queue, explanation and audit here follows, as the platform sent them.
            </Text>
          </Group>
          <Table verticalSpacing="xs" striped layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Rule</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th w={200}>Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policyRows(session.policy).map((row) => (
                <Table.Tr key={`${row.rule}-${row.what}`}>
                  <Table.Td>
                    <Badge variant="outline" color="gray" size="sm">
                      {row.rule}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{row.what}</Table.Td>
                  <Table.Td fw={500}>{row.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {session.policy.conduct.clauses.length > 0 && (
            <Stack gap={6} mt="md">
              <Text size="sm" fw={600}>
                Code of conduct
              </Text>
              {session.policy.conduct.clauses.map((c) => (
                <Text key={c.id} size="sm">
                  <Text span fw={500}>
                    {c.id} {c.title}.
                  </Text>{' '}
                  <Text span c="dimmed">
                    {c.text}
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
    </Box>
  );
}
