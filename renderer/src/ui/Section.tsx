// A titled block of an item's right-hand column, of the profile and of the journal: a small
// uppercase heading, the content under it, the same rhythm on every screen.
import { Box, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ title, children, right, order = 2, testId }: { title: string; children: ReactNode; right?: ReactNode; order?: 2 | 3; testId?: string }) {
  return (
    <Box component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={order} size="h4" c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }}>
          {title}
        </Title>
        {right}
      </Group>
      {children}
    </Box>
  );
}
