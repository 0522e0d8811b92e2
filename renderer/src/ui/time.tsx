// Countdowns in platform time, with the absolute time and zone on hover (UI.md). A native title,
// not a Tooltip component: these sit in every row of a table that scrolls through 100,000.
import { Text, type MantineColor } from '@mantine/core';
import { reviewSla } from '../../../core';
import { usePlatformNow, useSession } from '../features/session/session';
import { agoWords, stamp, untilWords } from '../features/time/words';
import { STATUS_COLORS } from '../theme';

export function ReleasesIn({ at }: { at: string | undefined }) {
  const now = usePlatformNow();
  if (at === undefined) return <Text span c="dimmed">—</Text>;
  const ms = Date.parse(at);
  return (
    <Text span size="sm" className="tabular" title={stamp(at, now)}>
      {untilWords(ms, now, 'released')}
    </Text>
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
    <Text span size={size} c={color} fw={sla === 'on_time' ? undefined : 600} className="tabular" title={`Due ${stamp(dueAt, now)}`}>
      {untilWords(Date.parse(dueAt), now)}
    </Text>
  );
}

export function Ago({ at }: { at: string }) {
  const now = usePlatformNow();
  return (
    <Text span size="sm" c="dimmed" className="tabular" title={stamp(at, now)}>
      {agoWords(Date.parse(at), now)}
    </Text>
  );
}
