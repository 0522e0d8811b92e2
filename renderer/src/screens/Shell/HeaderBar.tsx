// The header: the workspace (platform, moderator, roles), the palette's field and the theme.
import { ActionIcon, Badge, Burger, Group, Menu, Text, Tooltip, UnstyledButton, useComputedColorScheme } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconChevronDown, IconLogout, IconMoon, IconSearch, IconSettings, IconSun } from '@tabler/icons-react';
import { useSession, useSignOut } from '../../features/session/session';
import { useSaveSettings } from '../../features/settings/settings';
import { navigate } from '../../routing/hashLocation';
import { KeyHint } from '../../ui/KeyHint';

const ROLE_TITLES: Record<string, string> = { quality: 'Quality', trust_safety: 'Trust & safety', auditor: 'Auditor', admin: 'Admin' };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function HeaderBar({ navOpened, onBurger }: { navOpened: boolean; onBurger: () => void }) {
  const session = useSession();
  const scheme = useComputedColorScheme('light');
  const save = useSaveSettings();
  const signOut = useSignOut(() => navigate('/', { replace: true }));
  const nextScheme = scheme === 'dark' ? 'light' : 'dark';

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Burger opened={navOpened} onClick={onBurger} size="sm" hiddenFrom="sm" aria-label="Show the navigation" />
        <Text fw={700} size="md" style={{ whiteSpace: 'nowrap' }}>
          Moderation console
        </Text>
        <Text size="sm" c="dimmed" truncate visibleFrom="md">
          {hostOf(session.platformUrl)}
          {session.demo ? ' · demo workspace' : ''}
        </Text>
      </Group>

      <UnstyledButton
        onClick={() => spotlight.open()}
        aria-label="Search or jump (Ctrl K)"
        style={{
          flex: '0 1 360px',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
          padding: '5px 10px',
          background: 'var(--mantine-color-default)',
        }}
      >
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap={6} wrap="nowrap">
            <IconSearch size={15} stroke={1.6} />
            <Text size="sm" c="dimmed">
              Search or jump…
            </Text>
          </Group>
          <KeyHint id="palette" />
        </Group>
      </UnstyledButton>

      <Group gap="xs" wrap="nowrap">
        <Tooltip label={nextScheme === 'dark' ? 'Dark theme' : 'Light theme'}>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => save.mutate({ theme: nextScheme })} aria-label={`Switch to the ${nextScheme} theme`}>
            {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
          </ActionIcon>
        </Tooltip>
        <Menu position="bottom-end" width={240}>
          <Menu.Target>
            <UnstyledButton aria-label={`Signed in as ${session.moderator.displayName}`} px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500} truncate maw={160}>
                  {session.moderator.displayName}
                </Text>
                <Group gap={4} wrap="nowrap" visibleFrom="lg">
                  {session.moderator.roles.map((role) => (
                    <Badge key={role} size="xs" variant="light" color="gray">
                      {ROLE_TITLES[role] ?? role}
                    </Badge>
                  ))}
                </Group>
                <IconChevronDown size={14} />
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{session.platformUrl}</Menu.Label>
            <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => navigate('/settings')}>
              Settings
            </Menu.Item>
            <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()}>
              Sign out
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
