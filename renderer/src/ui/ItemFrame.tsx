// The frame of an item page, a submission's or a flag's (UI.md, "The item"): while it loads,
// what to do when this machine does not have it yet; then a top bar with the way back to the
// queue (Esc), the title, the status and who else is looking, the page's two columns, and the
// decision bar — or, for a role that decides nothing, a line that says so.
import { Anchor, Box, Group, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode, RefObject } from 'react';
import type { Item } from '../../../electron/contract';
import { ConsoleApiError } from '../api/errors';
import { EmptyState, ErrorState, LoadingState } from './States';

/** The item once loaded; before that, its loading, not-here-yet or error state. */
export function ItemGate({ id, query, what, children }: { id: string; query: UseQueryResult<Item>; what: 'design' | 'flag'; children: (item: Item) => ReactNode }) {
  if (query.isPending) return <LoadingState label={`Loading the ${what}…`} />;
  if (query.isError) {
    if (query.error instanceof ConsoleApiError && query.error.status === 404) {
      return (
        <EmptyState title={`${id} is not on this machine yet`}>
          It appears here as soon as the sync brings it. If the id is wrong, go back with Esc or pick another from the palette (Ctrl K).
        </EmptyState>
      );
    }
    return <ErrorState error={query.error} title={`This ${what === 'design' ? 'item' : what} could not be loaded`} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}

export interface ItemFrameProps {
  rootRef: RefObject<HTMLDivElement | null>;
  testId: string;
  itemId: string;
  /** The queue's title and its view's address, for the way back. */
  backTitle: string;
  backHref: string;
  titleId: string;
  title: ReactNode;
  badge: ReactNode;
  /** Right of the top bar: who else is looking. */
  aside: ReactNode;
  /** The decision bar; null for a role that decides nothing. */
  bar: ReactNode | null;
  children: ReactNode;
}

export function ItemFrame({ rootRef, testId, itemId, backTitle, backHref, titleId, title, badge, aside, bar, children }: ItemFrameProps) {
  return (
    <Box ref={rootRef} tabIndex={-1} style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, outline: 'none' }} aria-labelledby={titleId} data-testid={testId} data-item-id={itemId}>
      <Group px="lg" py="sm" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor href={backHref} size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
            <IconArrowLeft size={14} /> {backTitle} <Text span size="xs" c="dimmed">(Esc)</Text>
          </Anchor>
          <Title order={1} id={titleId} size="h2" lineClamp={1}>
            {title} <Text span c="dimmed" fw={400} size="sm">· {itemId}</Text>
          </Title>
          {badge}
        </Group>
        {aside}
      </Group>
      {children}
      {bar ?? (
        <Box px="lg" py="sm" style={{ borderTop: '1px solid var(--row-border)' }}>
          <Text size="sm" c="dimmed" data-testid="read-only">
            Read-only: your role looks at decisions but does not make them.
          </Text>
        </Box>
      )}
    </Box>
  );
}
