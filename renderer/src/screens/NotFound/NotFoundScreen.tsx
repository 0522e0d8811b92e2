import { Anchor, Text } from '@mantine/core';
import { EmptyState } from '../../ui/States';

export function NotFoundScreen({ what = 'This screen does not exist' }: { what?: string }) {
  return (
    <EmptyState title={what}>
      <Text span size="sm">
        The link may be old or meant for another role. <Anchor href="#/">Go to your first queue</Anchor>.
      </Text>
    </EmptyState>
  );
}
