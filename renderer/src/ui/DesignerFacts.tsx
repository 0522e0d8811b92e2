// The designer as an item shows them, the same on a submission and on a flag: handle and name,
// verification and account badges, where and since when, and the overall rating's trend.
import { Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import { Sparkline } from '@mantine/charts';
import type { DesignerCard } from '../../../electron/contract';
import { usePlatformNow } from '../features/session/session';
import { dateWords, stamp } from '../features/time/words';

export const ACCOUNT_COLORS: Record<string, string> = { active: 'gray', warned: 'yellow', suspended: 'red', banned: 'red' };
export const VERIFICATION_COLORS: Record<string, string> = { verified: 'green', unverified: 'gray', revoked: 'red' };

export function DesignerHeading({ designer: d }: { designer: DesignerCard }) {
  const now = usePlatformNow();
  return (
    <div style={{ minWidth: 0 }}>
      <Text fw={600} truncate>
        @{d.handle}{' '}
        <Text span c="dimmed" fw={400}>
          {d.displayName}
        </Text>
      </Text>
      <Group gap={6} mt={4} wrap="wrap">
        <Badge variant="light" color={VERIFICATION_COLORS[d.verification] ?? 'gray'} size="sm">
          {d.verification}
        </Badge>
        <Badge variant="light" color={ACCOUNT_COLORS[d.accountStatus] ?? 'gray'} size="sm">
          {d.accountStatus}
          {d.suspendedUntil !== undefined ? ` until ${stamp(d.suspendedUntil, now)}` : ''}
        </Badge>
        <Text size="xs" c="dimmed">
          {d.country} · joined {dateWords(d.joinedAt)}
        </Text>
      </Group>
    </div>
  );
}

/** The overall rating after each of its last changes, as a sparkline that says its ends in words. */
export function RatingTrend({ designer }: { designer: DesignerCard }) {
  const trend = designer.trend.map((p) => p.value);
  if (trend.length < 2) return null;
  return (
    <Tooltip label={`Overall rating over the last ${trend.length} changes`}>
      <Box aria-label={`Overall rating trend: from ${trend[0]?.toFixed(2)} to ${trend[trend.length - 1]?.toFixed(2)}`} role="img">
        <Sparkline h={32} data={trend} curveType="linear" color="blue" fillOpacity={0.15} strokeWidth={1.5} />
      </Box>
    </Tooltip>
  );
}
