// A key as buttons and the sheet show it, from the one shortcut registry.
import { Group, Kbd, Text } from '@mantine/core';
import { SHORTCUTS, keyLabel, type ShortcutId } from '../shortcuts';

/** Three or more single digits in a row read better as a range ("1 – 6") than as a list. */
function digitRange(keys: readonly string[]): [string, string] | null {
  if (keys.length < 3 || !keys.every((k) => /^[0-9]$/.test(k))) return null;
  const run = keys.every((k, i) => i === 0 || Number(k) === Number(keys[i - 1]) + 1);
  const first = keys[0];
  const last = keys[keys.length - 1];
  return run && first !== undefined && last !== undefined ? [first, last] : null;
}

const or = (
  <Text span size="xs" c="dimmed">
    or
  </Text>
);

/**
 * The key (or with `all`, every key) of a shortcut. Hidden from screen readers beside a button
 * that already says what it does; `announce` keeps it readable where the key is the content
 * (the shortcut sheet).
 */
export function KeyHint({ id, all = false, announce = false }: { id: ShortcutId; all?: boolean; announce?: boolean }) {
  const keys = all ? SHORTCUTS[id].keys : SHORTCUTS[id].keys.slice(0, 1);
  const range = digitRange(keys);
  return (
    <Group gap={4} wrap="nowrap" component="span" aria-hidden={!announce}>
      {range !== null ? (
        <Group gap={4} wrap="nowrap" component="span" aria-label={`${range[0]} to ${range[1]}`}>
          <Kbd size="xs">{range[0]}</Kbd>
          <Text span size="xs" c="dimmed" aria-hidden>
            –
          </Text>
          <Kbd size="xs">{range[1]}</Kbd>
        </Group>
      ) : (
        keys.map((hotkey, i) => (
          <Group key={hotkey} gap={2} wrap="nowrap" component="span">
            {i > 0 && or}
            {keyLabel(hotkey).map((k) => (
              <Kbd key={k} size="xs">
                {k}
              </Kbd>
            ))}
          </Group>
        ))
      )}
    </Group>
  );
}
