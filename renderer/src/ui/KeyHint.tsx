// A key as buttons and the sheet show it, from the one shortcut registry.
import { Group, Kbd, Text } from '@mantine/core';
import { SHORTCUTS, keyLabel, type ShortcutId } from '../shortcuts';

export function KeyHint({ id, all = false }: { id: ShortcutId; all?: boolean }) {
  const keys = all ? SHORTCUTS[id].keys : SHORTCUTS[id].keys.slice(0, 1);
  return (
    <Group gap={4} wrap="nowrap" component="span" aria-hidden>
      {keys.map((hotkey, i) => (
        <Group key={hotkey} gap={2} wrap="nowrap" component="span">
          {i > 0 && (
            <Text span size="xs" c="dimmed">
              or
            </Text>
          )}
          {keyLabel(hotkey).map((k) => (
            <Kbd key={k} size="xs">
              {k}
            </Kbd>
          ))}
        </Group>
      ))}
    </Group>
  );
}
