// Countdowns in platform time, with the absolute time and zone on hover (UI.md).
import { Text, Tooltip, type MantineColor } from '@mantine/core';
import { reviewSla } from '../../../core';
import { usePlatformNow, useSession } from '../features/session/session';
import { agoWords, stamp, untilWords } from '../features/time/words';
import { STATUS_COLORS } from '../theme';

export function ReleasesIn({ at }: { at: string | undefined }) {
  const now = usePlatformNow();
  if (at === undefined) return <Text span c="dimmed">—</Text>;
  const ms = Date.parse(at);
  return (
    <Tooltip label={stamp(at, now)}>
      <Text span size="sm" className="tabular">
        {untilWords(ms, now, 'released')}
      </Text>
    </Tooltip>
  );
}

/** The 48-hour clock: amber once due soon (from 36 h), red and "overdue by …" after 48 h. */
export function DueIn({ submittedAt, dueAt, size = 'sm' }: { submittedAt: string; dueAt: string | undefined; size?: 'sm' | 'md' | 'lg' }) {
  const now = usePlatformNow();
  const { policy } = useSession();
  if (dueAt === undefined) return <Text span c="dimmed">—</Text>;
  const sla = reviewSla(submittedAt, new Date(now).toISOString(), policy);
  const color: MantineColor | undefined = sla === 'overdue' ? STATUS_COLORS.overdue : sla === 'due_soon' ? STATUS_COLORS.dueSoon : undefined;
  return (
    <Tooltip label={`Due ${stamp(dueAt, now)}`}>
      <Text span size={size} c={color} fw={sla === 'on_time' ? undefined : 600} className="tabular">
        {untilWords(Date.parse(dueAt), now)}
      </Text>
    </Tooltip>
  );
}

export function Ago({ at }: { at: string }) {
  const now = usePlatformNow();
  return (
    <Tooltip label={stamp(at, now)}>
      <Text span size="sm" c="dimmed" className="tabular">
        {agoWords(Date.parse(at), now)}
      </Text>
    </Tooltip>
  );
}
