// The dashboard (Mantine charts): queue sizes over time, the 48-hour SLA per day (decided in
// time, late, due soon, overdue), decisions per hour by outcome, flags by detector and outcome.
// Computed by the console's service from its cache, so it works offline.
import { Box, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AreaChart, BarChart } from '@mantine/charts';
import type { ReactNode } from 'react';
import { useMemo, useRef } from 'react';
import { DASHBOARD_DAYS, dashboardWords, detectorRows, hourRows, parseDays, queueSizeRows, slaRows, useDashboard } from '../../features/dashboard/dashboard';
import { usePlatformNow } from '../../features/session/session';
import { useSyncStatus } from '../../features/sync/sync';
import { agoWords, stamp } from '../../features/time/words';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { ErrorState, LoadingState } from '../../ui/States';
import { useScreenFocus } from '../Shell/useScreenFocus';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayTick = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};
const hourTick = (ms: number) => `${String(new Date(ms).getUTCHours()).padStart(2, '0')}:00`;

function ChartCard({ title, words, children, testId }: { title: string; words: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h3" mb={2}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {words}
      </Text>
      <Box role="img" aria-label={`${title}: ${words}`}>
        {children}
      </Box>
    </Paper>
  );
}

export function DashboardScreen() {
  const search = useHashSearch();
  const days = parseDays(search);
  const dashboard = useDashboard(days);
  const sync = useSyncStatus();
  const now = usePlatformNow();
  const heading = useRef<HTMLHeadingElement>(null);
  useScreenFocus(heading);
  const d = dashboard.data;
  const rows = useMemo(
    () => (d === undefined ? null : { sizes: queueSizeRows(d), sla: slaRows(d), hours: hourRows(d), detectors: detectorRows(d), words: dashboardWords(d) }),
    [d],
  );
  const lastSync = sync.data?.lastSyncedAt;
  const offline = sync.data?.state === 'offline';

  return (
    <Box p="lg" style={{ overflowY: 'auto', height: '100%' }}>
      <Group justify="space-between" align="center" mb="md">
        <Group gap="sm" align="baseline">
          <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-screen-title>
            Dashboard
          </Title>
          <Text size="sm" c="dimmed" data-testid="dashboard-source">
            From this machine’s cache{offline ? ' — offline, as of the last sync' : ''}
            {lastSync !== undefined && lastSync !== null ? ` · synced ${agoWords(Date.parse(lastSync), now)}` : ''}
          </Text>
        </Group>
        <SegmentedControl
          aria-label="Period"
          size="xs"
          value={String(days)}
          onChange={(v) => navigate(Number(v) === 14 ? '/dashboard' : `/dashboard?days=${v}`, { replace: true })}
          data={DASHBOARD_DAYS.map((n) => ({ value: String(n), label: `${n} days` }))}
        />
      </Group>
      {dashboard.isPending ? (
        <LoadingState label="Computing the charts…" />
      ) : dashboard.isError || rows === null || d === undefined ? (
        <ErrorState error={dashboard.error} title="The dashboard could not be computed" onRetry={() => void dashboard.refetch()} />
      ) : (
        <Stack gap="lg">
          <Text size="xs" c="dimmed">
            {stamp(d.from, now)} to {stamp(d.to, now)}, platform time
          </Text>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
            <ChartCard title="Queue sizes" words={rows.words.sizes} testId="chart-sizes">
              <AreaChart
                h={240}
                data={rows.sizes}
                dataKey="t"
                series={[
                  { name: 'held', label: 'Held', color: 'blue.7' },
                  { name: 'review', label: '48-hour reviews', color: 'teal.7' },
                  { name: 'flags', label: 'Flags', color: 'violet.6' },
                ]}
                curveType="stepAfter"
                withDots={false}
                withLegend
                fillOpacity={0.12}
                strokeWidth={2}
                xAxisProps={{ type: 'number', scale: 'time', domain: ['dataMin', 'dataMax'], tickFormatter: dayTick, minTickGap: 40 }}
                yAxisProps={{ allowDecimals: false, width: 40 }}
                tooltipProps={{ labelFormatter: (t: unknown) => (typeof t === 'number' ? stamp(new Date(t).toISOString(), now) : '') }}
              />
            </ChartCard>
            <ChartCard title="48-hour reviews by due day" words={rows.words.sla} testId="chart-sla">
              <BarChart
                h={240}
                data={rows.sla}
                dataKey="day"
                type="stacked"
                series={[
                  { name: 'inTime', label: 'Decided in time', color: 'green.8' },
                  { name: 'late', label: 'Decided late', color: 'red.9' },
                  { name: 'dueSoon', label: 'Due soon', color: 'yellow.6' },
                  { name: 'overdue', label: 'Overdue', color: 'red.6' },
                ]}
                withLegend
                yAxisProps={{ allowDecimals: false, width: 40 }}
                maxBarWidth={28}
              />
            </ChartCard>
            <ChartCard title="Decisions per hour" words={rows.words.hours} testId="chart-hours">
              <BarChart
                h={240}
                data={rows.hours}
                dataKey="t"
                type="stacked"
                series={[
                  { name: 'approve', label: 'Approved', color: 'blue.7' },
                  { name: 'reject', label: 'Rejected', color: 'grape.6' },
                  { name: 'dismiss', label: 'Dismissed', color: 'gray.6' },
                  { name: 'confirm', label: 'Confirmed', color: 'indigo.9' },
                ]}
                withLegend
                xAxisProps={{ tickFormatter: hourTick, minTickGap: 24 }}
                yAxisProps={{ allowDecimals: false, width: 40 }}
                tooltipProps={{ labelFormatter: (t: unknown) => (typeof t === 'number' ? stamp(new Date(t).toISOString(), now) : '') }}
                maxBarWidth={16}
              />
            </ChartCard>
            <ChartCard title="Flags by detector" words={rows.words.detectors} testId="chart-detectors">
              <BarChart
                h={300}
                data={rows.detectors}
                dataKey="detector"
                type="stacked"
                orientation="vertical"
                series={[
                  { name: 'open', label: 'Open', color: 'blue.6' },
                  { name: 'dismissed', label: 'Dismissed', color: 'gray.5' },
                  { name: 'confirmed', label: 'Confirmed', color: 'indigo.9' },
                ]}
                withLegend
                yAxisProps={{ width: 150 }}
                xAxisProps={{ allowDecimals: false }}
                maxBarWidth={18}
              />
            </ChartCard>
          </SimpleGrid>
        </Stack>
      )}
    </Box>
  );
}
