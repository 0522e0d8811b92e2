// Screens that arrive with the next part of the console: a clear word about what comes and what
// to use meanwhile, never a blank page.
import { Badge, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useRef } from 'react';
import { useScreenFocus } from '../Shell/useScreenFocus';

export interface ComingProps {
  title: string;
  icon: Icon;
  what: string;
  meanwhile?: string;
}

export function ComingScreen({ title, icon: ScreenIcon, what, meanwhile }: ComingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useScreenFocus(heading, title);
  return (
    <Center h="100%" p="xl">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon variant="light" size={52} radius="xl" color="gray" aria-hidden>
          <ScreenIcon size={28} stroke={1.5} />
        </ThemeIcon>
        <Group gap="xs" justify="center">
          <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-screen-title>
            {title}
          </Title>
          <Badge variant="light" color="gray">
            Coming
          </Badge>
        </Group>
        <Text size="sm">{what}</Text>
        {meanwhile !== undefined && (
          <Text size="sm" c="dimmed">
            {meanwhile}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
