// The right-hand column of the item (UI.md, "The item"): why it is here, the countdown, the
// designer, the project, who else is looking.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconEye, IconInfoCircle } from '@tabler/icons-react';
import { CATEGORIES, SUBMISSION_STATUS_TITLES, reviewSla } from '../../../../core';
import type { Looker, SubmissionItem } from '../../../../electron/contract';
import { usePlatformNow, useSession } from '../../features/session/session';
import { count, ratingWords, stamp, untilWords } from '../../features/time/words';
import { STATUS_COLORS } from '../../theme';
import { DesignerHeading, RatingTrend } from '../../ui/DesignerFacts';
import { Section } from '../../ui/Section';

export function WhyBlock({ item }: { item: SubmissionItem }) {
  return (
    <Paper p="md" radius="md" bg="var(--mantine-primary-color-light)" style={{ borderLeft: '3px solid var(--mantine-primary-color-filled)' }} data-testid="why">
      <Group gap={6} mb={4}>
        <IconInfoCircle size={16} aria-hidden />
        <Title order={2} size="h4">
          Why it is here
        </Title>
      </Group>
      <Text size="md" style={{ lineHeight: 1.55 }}>
        {item.explanation}
      </Text>
      <Text size="xs" c="dimmed" mt={6}>
        Policy {item.policyVersion}
      </Text>
    </Paper>
  );
}

/** The clock that matters for this item, in platform time, big. */
export function ItemCountdown({ item }: { item: SubmissionItem }) {
  const now = usePlatformNow();
  const { policy } = useSession();
  if (item.status === 'pending_review' && item.reviewDueAt !== undefined) {
    const sla = reviewSla(item.submittedAt, new Date(now).toISOString(), policy);
    const color = sla === 'overdue' ? STATUS_COLORS.overdue : sla === 'due_soon' ? STATUS_COLORS.dueSoon : undefined;
    return (
      <Group gap="xs" align="baseline" data-testid="countdown">
        <Text size="sm" c="dimmed">
          Review due
        </Text>
        <Text size="xl" fw={700} c={color} className="tabular">
          {untilWords(Date.parse(item.reviewDueAt), now)}
        </Text>
        <Text size="sm" c="dimmed" className="tabular">
          {stamp(item.reviewDueAt, now)}
        </Text>
      </Group>
    );
  }
  if (item.status === 'held' && item.releaseAt !== undefined) {
    return (
      <Group gap="xs" align="baseline" data-testid="countdown">
        <Text size="sm" c="dimmed">
          The customer sees it
        </Text>
        <Text size="xl" fw={700} className="tabular">
          {untilWords(Date.parse(item.releaseAt), now, 'released')}
        </Text>
        <Text size="sm" c="dimmed" className="tabular">
          {stamp(item.releaseAt, now)}
        </Text>
      </Group>
    );
  }
  return (
    <Text size="sm" data-testid="countdown">
      {SUBMISSION_STATUS_TITLES[item.status]}
      {item.releaseAt !== undefined && item.status === 'scheduled' ? ` — shown ${untilWords(Date.parse(item.releaseAt), now, 'since')}, ${stamp(item.releaseAt, now)}` : ''}
    </Text>
  );
}

export function DesignerCard({ item }: { item: SubmissionItem }) {
  const d = item.designer;
  const category = item.project.category;
  const ratings = [...d.ratings].sort((a, b) => (a.category === category ? -1 : b.category === category ? 1 : 0));
  return (
    <Section title="Designer">
      <Stack gap="xs">
        <DesignerHeading designer={d} />
        <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" withRowBorders={false}>
          <Table.Tbody>
            {ratings.map((r) => (
              <Table.Tr key={r.category} fw={r.category === category ? 600 : undefined}>
                <Table.Td>{r.category === 'overall' ? 'Overall' : CATEGORIES[r.category]}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {ratingWords(r)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td c="dimmed">Overall</Table.Td>
              <Table.Td ta="right" c="dimmed" className="tabular">
                {ratingWords(d.overall)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <RatingTrend designer={d} />
        <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td c="dimmed" w={90}>
                Decisions
              </Table.Td>
              <Table.Td className="tabular">
                {count(d.decisions.approved)} approved · {count(d.decisions.rejected)} rejected
                {d.decisions.pending > 0 ? ` · ${count(d.decisions.pending)} waiting` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">Flags</Table.Td>
              <Table.Td className="tabular">
                {d.flags.open + d.flags.confirmed + d.flags.dismissed === 0 ? 'none' : `${count(d.flags.open)} open · ${count(d.flags.confirmed)} confirmed · ${count(d.flags.dismissed)} dismissed`}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Section>
  );
}

const KIND_WORDS: Record<string, string> = { contest: 'Contest', mini_contest: 'Mini contest' };

export function ProjectCard({ item }: { item: SubmissionItem }) {
  const now = usePlatformNow();
  const p = item.project;
  const windowEnd = Date.parse(p.launchWindowEndsAt);
  const ends = Date.parse(p.endsAt);
  return (
    <Section title="Project">
      <Stack gap={4}>
        <Text fw={600}>{p.title}</Text>
        <Text size="sm" c="dimmed">
          {CATEGORIES[p.category]} · {KIND_WORDS[p.kind] ?? p.kind} · {p.status}
          {p.customer !== undefined ? ` · for ${p.customer.displayName}` : ''}
        </Text>
        <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" withRowBorders={false} mt={4}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td c="dimmed">Launched</Table.Td>
              <Table.Td className="tabular">{stamp(p.launchedAt, now)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">Launch window ends</Table.Td>
              <Table.Td className="tabular">
                {stamp(p.launchWindowEndsAt, now)}{' '}
                <Text span c="dimmed">
                  ({windowEnd > now ? untilWords(windowEnd, now) : 'closed'})
                </Text>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">Project ends</Table.Td>
              <Table.Td className="tabular">
                {stamp(p.endsAt, now)}{' '}
                <Text span c="dimmed">
                  ({ends > now ? `${untilWords(ends, now).replace(/^in /, '')} left` : 'ended'})
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Section>
  );
}

export function LookersLine({ lookers, heldBy }: { lookers: readonly Looker[]; heldBy?: string }) {
  const others = lookers.filter((l) => !l.mine).map((l) => l.displayName);
  if (heldBy !== undefined && !others.includes(heldBy)) others.push(heldBy);
  if (others.length === 0) return null;
  return (
    <Badge variant="light" color="violet" size="lg" leftSection={<IconEye size={14} />} data-testid="lookers" style={{ textTransform: 'none' }}>
      {others.join(', ')} {others.length === 1 ? 'is' : 'are'} also looking
    </Badge>
  );
}
