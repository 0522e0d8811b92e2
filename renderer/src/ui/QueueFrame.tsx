// The frame of every queue screen (UI.md, "Queue screens"): the title with the count of what
// the filters show, the keys that work here, the filter chips, and below them the grid (or why
// it is empty) filling the rest of the screen.
import { Box, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ShortcutId } from '../shortcuts';
import { KeyHint } from './KeyHint';

export interface KeyWords {
  keys: readonly ShortcutId[];
  /** What they do, in a word or two ("move", "open"). */
  words: string;
}

export function QueueFrame({ title, countText, hints, filters, children }: { title: string; countText: string; hints: readonly KeyWords[]; filters: ReactNode; children: ReactNode }) {
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box px="lg" pt="md" pb="sm" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Group justify="space-between" align="baseline" mb="sm" wrap="nowrap">
          <Group gap="sm" align="baseline" wrap="nowrap">
            <Title order={1} tabIndex={-1} data-screen-title style={{ outline: 'none' }}>
              {title}
            </Title>
            <Text size="sm" c="dimmed" className="tabular" data-testid="queue-count">
              {countText}
            </Text>
          </Group>
          <Group gap="md" visibleFrom="md" wrap="nowrap">
            {hints.map((hint) => (
              <Group key={hint.words} gap={4} wrap="nowrap">
                {hint.keys.map((id) => (
                  <KeyHint key={id} id={id} />
                ))}
                <Text size="xs" c="dimmed">
                  {hint.words}
                </Text>
              </Group>
            ))}
          </Group>
        </Group>
        {filters}
      </Box>
      <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{children}</Box>
    </Box>
  );
}

/** The keys both queue kinds show: j/k move, ⏎ opens. */
export const QUEUE_KEYS: readonly KeyWords[] = [
  { keys: ['next', 'previous'], words: 'move' },
  { keys: ['open'], words: 'open' },
];
