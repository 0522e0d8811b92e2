// Finding a designer by handle or name (the same search as the command palette, Ctrl K), each
// result opening the profile.
import { Anchor, Badge, Box, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useDesignerSearch } from '../../features/designers/designers';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { KeyHint } from '../../ui/KeyHint';
import { EmptyState, ErrorState } from '../../ui/States';
import { ACCOUNT_COLORS, VERIFICATION_COLORS } from '../../ui/DesignerFacts';
import { useScreenFocus } from '../Shell/useScreenFocus';

export function DesignersScreen() {
  const initial = new URLSearchParams(useHashSearch()).get('q') ?? '';
  const [query, setQuery] = useState(initial);
  const [settled] = useDebouncedValue(query, 200);
  const found = useDesignerSearch(settled);
  const input = useRef<HTMLInputElement>(null);
  useScreenFocus(input);
  const q = settled.trim().replace(/^@/, '');
  const items = found.data?.items ?? [];

  return (
    <Box p="lg" style={{ overflowY: 'auto', height: '100%' }}>
      <Stack gap="md" maw={900}>
        <Group justify="space-between" align="baseline">
          <Title order={1} data-screen-title tabIndex={-1} style={{ outline: 'none' }}>
            Designers
          </Title>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              also from anywhere with
            </Text>
            <KeyHint id="palette" />
          </Group>
        </Group>
        <TextInput
          ref={input}
          aria-label="Find a designer by handle or name"
          placeholder="@handle or name"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            navigate(e.currentTarget.value.trim() === '' ? '/designers' : `/designers?q=${encodeURIComponent(e.currentTarget.value.trim())}`, { replace: true });
          }}
          onKeyDown={(e) => {
            const first = items[0];
            if (e.key === 'Enter' && first !== undefined) navigate(`/designers/${encodeURIComponent(first.id)}`);
          }}
          maw={420}
        />
        {q.length < 2 ? (
          <Text size="sm" c="dimmed">
            Type at least two letters of a handle or a name. ⏎ opens the first match.
          </Text>
        ) : found.isError ? (
          <ErrorState error={found.error} />
        ) : found.data !== undefined && items.length === 0 ? (
          <EmptyState title="No designer matches">Nothing in this machine’s cache has that handle or name.</EmptyState>
        ) : (
          <Table verticalSpacing={6} horizontalSpacing={8} fz="sm" highlightOnHover data-testid="designer-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Handle</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Verification</Table.Th>
                <Table.Th scope="col">Account</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={`#/designers/${encodeURIComponent(d.id)}`} fw={500}>
                      @{d.handle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{d.displayName}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={VERIFICATION_COLORS[d.verification] ?? 'gray'}>
                      {d.verification}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={ACCOUNT_COLORS[d.accountStatus] ?? 'gray'}>
                      {d.accountStatus}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Box>
  );
}
