// The `?` sheet, drawn from the same registry that binds the keys.
import { Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { SHORTCUTS, isShortcutId, type ShortcutGroup } from '../../shortcuts';
import { KeyHint } from '../../ui/KeyHint';

const GROUPS: readonly ShortcutGroup[] = ['Move', 'Decide', 'Batch', 'Design', 'Go to', 'General'];

export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const ids = Object.keys(SHORTCUTS).filter(isShortcutId);
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={onClose} title="Keyboard shortcuts" size={1000} centered>
      <Text size="sm" c="dimmed" mb="md">
        Keys never fire while you type in a field. Every action also has a button with its key beside it.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
        {GROUPS.map((group) => (
          <Stack key={group} gap={4}>
            <Title order={2} size="h4">
              {group}
            </Title>
            <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
              <Table.Tbody>
                {ids
                  .filter((id) => SHORTCUTS[id].group === group)
                  .map((id) => {
                    const spec = SHORTCUTS[id];
                    return (
                      <Table.Tr key={id}>
                        <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                          <KeyHint id={id} all />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm">{spec.label}</Text>
                            {'where' in spec && (
                              <Text size="xs" c="dimmed">
                                ({spec.where})
                              </Text>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
