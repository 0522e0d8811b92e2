// The `?` sheet, drawn from the same registry that binds the keys.
import { Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { SHORTCUTS, isShortcutId, type ShortcutGroup } from '../../shortcuts';
import { KeyHint } from '../../ui/KeyHint';

// One key column width for every group, so the descriptions line up across the sheet.
const KEY_COLUMN = 136;

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
            <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false} layout="fixed">
              <Table.Tbody>
                {ids
                  .filter((id) => SHORTCUTS[id].group === group)
                  .map((id) => {
                    const spec = SHORTCUTS[id];
                    return (
                      <Table.Tr key={id}>
                        <Table.Td w={KEY_COLUMN} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                          <KeyHint id={id} all announce />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {spec.label}
                            {'where' in spec && (
                              <Text span size="xs" c="dimmed" ml={6} style={{ whiteSpace: 'nowrap' }}>
                                ({spec.where})
                              </Text>
                            )}
                          </Text>
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
