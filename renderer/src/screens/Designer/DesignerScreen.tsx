// A designer's profile: ratings per category with the count behind each and their trend over
// time, verification and account status with their history and sanctions, the positive
// feedback score, private feedback at risk (staff only), submissions and their outcomes, and
// past flags with their decisions.
import { Anchor, Badge, Box, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { IconArrowLeft, IconUserQuestion } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { CATEGORY_IDS, FLAG_STATUS_TITLES, SUBMISSION_STATUS, SUBMISSION_STATUS_TITLES } from '../../../../core';
import type { DesignerProfile } from '../../../../electron/contract';
import { ConsoleApiError } from '../../api/errors';
import { statusCounts, trendRows, useDesignerProfile } from '../../features/designers/profile';
import { outcomeDone } from '../../features/decisions/tracker';
import { rejectReasonTitle } from '../../features/decisions/reasons';
import { DETECTOR_SHORT, detectorTitle, sanctionWords, scoreWords } from '../../features/flags/words';
import { usePlatformNow, useSession } from '../../features/session/session';
import { count, countOf, dateWords, ratingWords, stamp } from '../../features/time/words';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { statusWord } from '../../ui/status';
import { ACCOUNT_COLORS, VERIFICATION_COLORS } from '../../ui/DesignerFacts';
import { categoryTitle } from '../Flag/FlagFacts';
import { Section } from '../../ui/Section';
import { useScreenFocus } from '../Shell/useScreenFocus';

/** One colour per category, fixed, so a category keeps its line across profiles. */
export const CATEGORY_COLORS: Record<string, string> = {
  logo: 'blue.7',
  web: 'teal.7',
  app: 'violet.6',
  brand_identity: 'orange.7',
  print: 'cyan.7',
  packaging: 'pink.6',
  illustration: 'lime.8',
  social_media: 'indigo.5',
};

const categoryOrder = (category: string) => (CATEGORY_IDS as readonly string[]).indexOf(category);
const isSubmissionStatus = (status: string): status is (typeof SUBMISSION_STATUS)[number] => (SUBMISSION_STATUS as readonly string[]).includes(status);

const shortDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]}`;
};

export function DesignerScreen({ id }: { id: string }) {
  const profile = useDesignerProfile(id);
  if (profile.isPending) return <LoadingState label="Loading the designer…" />;
  if (profile.isError) {
    if (profile.error instanceof ConsoleApiError && profile.error.status === 404) {
      return (
        <EmptyState title={`No designer ${id} on this machine`} icon={<IconUserQuestion size={24} stroke={1.5} />}>
          The cache holds every designer the queues refer to. Find one by handle or name with Ctrl K.
        </EmptyState>
      );
    }
    return <ErrorState error={profile.error} title="This profile could not be loaded" onRetry={() => void profile.refetch()} />;
  }
  return <Profile d={profile.data} />;
}

function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} className="tabular">
        {value}
      </Text>
      {detail !== undefined && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

function TrendChart({ d }: { d: DesignerProfile }) {
  const now = usePlatformNow();
  // The profile's own clock moves once a second; the chart only needs the day.
  const day = Math.floor(now / 86_400_000);
  const rows = useMemo(() => trendRows(d.ratingSeries, day * 86_400_000 + 86_399_999), [d.ratingSeries, day]);
  const categories = d.ratingSeries.map((s) => s.category);
  if (rows.length < 2) {
    return (
      <Text size="sm" c="dimmed">
        {rows.length === 0 ? 'No rating yet: the trend starts with the first one.' : 'One rating so far: the trend needs a second.'}
      </Text>
    );
  }
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const summary = categories.map((c) => {
    const s = d.ratingSeries.find((x) => x.category === c);
    const from = s?.points[0]?.value;
    const to = s?.points[s.points.length - 1]?.value;
    return `${categoryTitle(c)} from ${from?.toFixed(2) ?? '—'} to ${to?.toFixed(2) ?? '—'}`;
  });
  return (
    <Box role="img" aria-label={`Rating trend ${dateWords(new Date(first).toISOString())} to ${dateWords(new Date(last).toISOString())}: ${summary.join('; ')}`} data-testid="trend-chart">
      <LineChart
        h={220}
        data={rows}
        dataKey="t"
        series={categories.map((c) => ({ name: c, label: categoryTitle(c), color: CATEGORY_COLORS[c] ?? 'gray.6' }))}
        curveType="stepAfter"
        connectNulls
        withDots={false}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 28 }}
        strokeWidth={2}
        yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5], width: 28 }}
        xAxisProps={{ type: 'number', scale: 'time', domain: [first, last], tickFormatter: shortDate, minTickGap: 40 }}
        valueFormatter={(v) => v.toFixed(2)}
        tooltipProps={{ labelFormatter: (t: unknown) => (typeof t === 'number' ? stamp(new Date(t).toISOString(), now) : '') }}
        referenceLines={[{ y: 2.5, label: 'Hold below 2.5', color: 'gray.6' }]}
      />
    </Box>
  );
}

function Profile({ d }: { d: DesignerProfile }) {
  const now = usePlatformNow();
  const { policy } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useScreenFocus(heading, d.id);
  const ratings = [...d.ratings].sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category));
  const pf = d.positiveFeedback;
  const risk = d.privateFeedbackAtRisk;
  const flagsTotal = d.flags.open + d.flags.confirmed + d.flags.dismissed;

  return (
    <Box style={{ overflowY: 'auto', height: '100%' }} data-testid="designer-profile">
      <Box px="lg" pt="md" pb="sm" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Anchor href="#/designers" size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <IconArrowLeft size={14} /> Designers
        </Anchor>
        <Group gap="sm" align="baseline" mt={4} wrap="wrap">
          <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-screen-title>
            @{d.handle}
          </Title>
          <Text c="dimmed">{d.displayName}</Text>
          <Badge variant="dot" color={VERIFICATION_COLORS[d.verification] ?? 'gray'}>
            {d.verification}
          </Badge>
          <Badge variant="dot" color={ACCOUNT_COLORS[d.accountStatus] ?? 'gray'} data-testid="account-status">
            {d.accountStatus}
            {d.suspendedUntil !== undefined ? ` until ${stamp(d.suspendedUntil, now)}` : ''}
          </Badge>
          <Text size="sm" c="dimmed">
            {d.country} · joined {dateWords(d.joinedAt)} · {d.id}
          </Text>
        </Group>
      </Box>

      <Stack gap="xl" p="lg" maw={1200}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Stat label="Overall rating" value={d.overall.value ?? 'unrated'} detail={countOf(d.overall.count, 'rated design')} testId="stat-overall" />
          <Stat label="Positive feedback" value={pf.score === null ? '—' : `${Math.round(pf.score)}%`} detail={pf.counted === 0 ? pf.explanation : `${count(pf.positive)} positive of ${countOf(pf.counted, 'counted review')}`} />
          <Stat label="Decisions" value={count(d.decisions.approved + d.decisions.rejected)} detail={`${count(d.decisions.approved)} approved · ${count(d.decisions.rejected)} rejected${d.decisions.pending > 0 ? ` · ${count(d.decisions.pending)} waiting` : ''}`} />
          <Stat label="Flags" value={count(flagsTotal)} detail={`${count(d.flags.open)} open · ${count(d.flags.confirmed)} confirmed · ${count(d.flags.dismissed)} dismissed`} />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="xl">
          <Section title="Ratings by category">
            <Table verticalSpacing={4} horizontalSpacing={8} fz="sm" data-testid="ratings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Category</Table.Th>
                  <Table.Th scope="col">Rating (count)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ratings.map((r) => (
                  <Table.Tr key={r.category}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Box w={10} h={10} style={{ borderRadius: 2, background: `var(--mantine-color-${(CATEGORY_COLORS[r.category] ?? 'gray.6').replace('.', '-')})` }} aria-hidden />
                        {categoryTitle(r.category)}
                      </Group>
                    </Table.Td>
                    <Table.Td className="tabular" c={r.value !== null && Number(r.value) * 100 < policy.rating.benchmark * 100 ? 'red.8' : undefined}>
                      {ratingWords(r)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={600}>Overall</Table.Td>
                  <Table.Td className="tabular" fw={600}>
                    {ratingWords(d.overall)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Section>
          <Box style={{ gridColumn: 'span 2' }}>
            <Section title="Trend">
              <TrendChart d={d} />
            </Section>
          </Box>
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Section title="Verification and account">
            <Table verticalSpacing={4} horizontalSpacing={8} fz="sm" data-testid="history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">From</Table.Th>
                  <Table.Th scope="col">Verification</Table.Th>
                  <Table.Th scope="col">Account</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...d.history].reverse().map((h, i) => (
                  <Table.Tr key={`${h.at}-${i}`}>
                    <Table.Td className="tabular">{stamp(h.at, now)}</Table.Td>
                    <Table.Td>{h.verification}</Table.Td>
                    <Table.Td>
                      {h.accountStatus}
                      {h.suspendedUntil !== undefined ? ` until ${stamp(h.suspendedUntil, now)}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          <Section title="Private feedback at risk" right={<Badge size="sm" variant="outline" color="gray">Staff only</Badge>}>
            <Text size="sm" mb="xs" data-testid="at-risk">
              {risk.total === 0
                ? 'No private feedback yet.'
                : `${count(risk.atRisk)} of ${countOf(risk.total, 'private answer')} below ${policy.privateFeedback.atRiskBelow} (would recommend, 1–10). Never shown to the designer.`}
            </Text>
            {risk.items.length > 0 && (
              <Table verticalSpacing={4} horizontalSpacing={8} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Contract</Table.Th>
                    <Table.Th scope="col">Recommend</Table.Th>
                    <Table.Th scope="col">Why it ended</Table.Th>
                    <Table.Th scope="col">Posted</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {risk.items.map((r) => (
                    <Table.Tr key={r.contractId}>
                      <Table.Td>{r.contractId}</Table.Td>
                      <Table.Td className="tabular">{r.recommend}</Table.Td>
                      <Table.Td>{r.reasonEnded}</Table.Td>
                      <Table.Td className="tabular">{dateWords(r.postedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </SimpleGrid>

        <Section title="Flags and sanctions">
          {d.flagList.length === 0 ? (
            <Text size="sm" c="dimmed">
              No flag has been raised on this designer.
            </Text>
          ) : (
            <Table verticalSpacing={4} horizontalSpacing={8} fz="sm" data-testid="flag-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Raised</Table.Th>
                  <Table.Th scope="col">Score</Table.Th>
                  <Table.Th scope="col">Detectors</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Decision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.flagList.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Anchor href={`#/items/flag/${encodeURIComponent(f.id)}`} size="sm" className="tabular">
                        {dateWords(f.createdAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="tabular">{scoreWords(f.score)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {f.detectors.map((det) => (
                          <Badge key={det} size="xs" variant="light" color="gray" title={detectorTitle(det)} style={{ textTransform: 'none' }}>
                            {DETECTOR_SHORT[det]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{FLAG_STATUS_TITLES[f.status]}</Table.Td>
                    <Table.Td>
                      {f.decision === undefined
                        ? '—'
                        : `${outcomeDone(f.decision.outcome)} by ${f.decision.moderatorName}, ${dateWords(f.decision.at)}${f.decision.sanctions !== undefined && f.decision.sanctions.length > 0 ? ` · ${sanctionWords(f.decision.sanctions)}` : ''}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>

        <Section title="Submissions">
          <Group gap={6} mb="sm" data-testid="submission-counts">
            {statusCounts(d.submissions.byStatus).map(({ status, n }) => (
              <Badge key={status} variant="light" color="gray" size="lg" style={{ textTransform: 'none' }} title={isSubmissionStatus(status) ? SUBMISSION_STATUS_TITLES[status] : status}>
                {statusWord(status)} {count(n)}
              </Badge>
            ))}
          </Group>
          {d.submissions.recent.length > 0 && (
            <Table verticalSpacing={4} horizontalSpacing={8} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Submitted</Table.Th>
                  <Table.Th scope="col">Project</Table.Th>
                  <Table.Th scope="col">Category</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Decision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.submissions.recent.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td className="tabular">
                      <Anchor href={`#/items/submission/${encodeURIComponent(s.id)}`} size="sm">
                        {stamp(s.submittedAt, now)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.projectTitle}</Table.Td>
                    <Table.Td>{categoryTitle(s.category)}</Table.Td>
                    <Table.Td>{statusWord(s.status)}</Table.Td>
                    <Table.Td>
                      {s.decision === undefined ? '—' : `${outcomeDone(s.decision.outcome)}${s.decision.reasonCode !== undefined ? ` (${rejectReasonTitle(s.decision.reasonCode).toLowerCase()})` : ''} by ${s.decision.moderatorName}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </Stack>
    </Box>
  );
}
