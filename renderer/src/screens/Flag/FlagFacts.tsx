// The right-hand column of a flag when nothing is being decided: why it is here (the core's
// sentence and the score), the detector hits, the designer and the customer, and the decision
// on record.
import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFlag3 } from '@tabler/icons-react';
import { CATEGORIES, DISMISS_REASONS } from '../../../../core';
import { isCategory } from '../../features/queues/view';
import type { FlagItem } from '../../../../electron/contract';
import { isDismissReason, sanctionWords, scoreWords } from '../../features/flags/words';
import { outcomeDone } from '../../features/decisions/tracker';
import { usePlatformNow } from '../../features/session/session';
import { agoWords, count, dateWords, ratingWords, stamp } from '../../features/time/words';
import { ScoreBar } from '../Flags/flagColumns';
import { DesignerHeading, RatingTrend } from '../../ui/DesignerFacts';
import { Section } from '../../ui/Section';


export function categoryTitle(category: string): string {
  return category === 'overall' ? 'Overall' : isCategory(category) ? CATEGORIES[category] : category;
}

export function FlagWhy({ item }: { item: FlagItem }) {
  return (
    <Paper p="md" radius="md" bg="var(--mantine-primary-color-light)" style={{ borderLeft: '3px solid var(--mantine-primary-color-filled)' }} data-testid="why">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap={6}>
          <IconFlag3 size={16} aria-hidden />
          <Title order={2} size="h4">
            Why it is here
          </Title>
        </Group>
        <ScoreBar score={item.score} width={64} />
      </Group>
      <Text size="md" style={{ lineHeight: 1.55 }}>
        {item.explanation}
      </Text>
      <Text size="xs" c="dimmed" mt={6}>
        Policy {item.policyVersion} · raised {dateWords(item.createdAt)}
      </Text>
    </Paper>
  );
}

/** Each detector's hit: title, score, the one-sentence explanation; pointing at one outlines its evidence. */
export function HitList({ item, active, onPoint }: { item: FlagItem; active: number | null; onPoint: (index: number | null) => void }) {
  return (
    <Section title={`Detector hits (${item.hits.length})`}>
      <Stack gap={4} data-testid="hits">
        {item.hits.map((hit, i) => (
          <UnstyledButton
            key={`${hit.detector}-${i}`}
            onClick={() => onPoint(active === i ? null : i)}
            aria-pressed={active === i}
            aria-label={`${hit.title}, score ${scoreWords(hit.score)}: show its evidence`}
            p="xs"
            style={{ borderRadius: 'var(--mantine-radius-sm)', background: active === i ? 'var(--row-selected)' : undefined, display: 'block', width: '100%' }}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <Box style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {hit.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {hit.summary}
                </Text>
              </Box>
              <Badge variant="light" color="blue" className="tabular" style={{ flexShrink: 0 }}>
                {scoreWords(hit.score)}
              </Badge>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Section>
  );
}

export function FlagDesigner({ item }: { item: FlagItem }) {
  const d = item.designer;
  return (
    <Section title="Designer" right={<Anchor href={`#/designers/${encodeURIComponent(d.id)}`} size="sm">Profile</Anchor>}>
      <Stack gap="xs">
        <DesignerHeading designer={d} />
        <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td c="dimmed" w={120}>
                Overall
              </Table.Td>
              <Table.Td className="tabular" fw={600}>
                {ratingWords(d.overall)}
              </Table.Td>
            </Table.Tr>
            {d.ratings.map((r) => (
              <Table.Tr key={r.category}>
                <Table.Td c="dimmed">{categoryTitle(r.category)}</Table.Td>
                <Table.Td className="tabular">{ratingWords(r)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td c="dimmed">Flags</Table.Td>
              <Table.Td className="tabular">
                {count(d.flags.open)} open · {count(d.flags.confirmed)} confirmed · {count(d.flags.dismissed)} dismissed
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <RatingTrend designer={d} />
      </Stack>
    </Section>
  );
}

export function FlagCustomer({ item }: { item: FlagItem }) {
  const now = usePlatformNow();
  const c = item.customer;
  if (c === undefined) return null;
  return (
    <Section title="Customer">
      <Text size="sm">
        {c.displayName}{' '}
        <Text span c="dimmed" size="sm">
          · account opened {dateWords(c.createdAt)} ({agoWords(Date.parse(c.createdAt), now)})
        </Text>
      </Text>
    </Section>
  );
}

export function FlagRecord({ item }: { item: FlagItem }) {
  const now = usePlatformNow();
  const d = item.decision;
  if (d === undefined) return null;
  return (
    <Section title="Decision on record">
      <Stack gap={6} data-testid="flag-record">
        <Text size="sm" fw={500}>
          {outcomeDone(d.outcome)}
          {d.reasonCode !== undefined ? ` (${isDismissReason(d.reasonCode) ? DISMISS_REASONS[d.reasonCode].toLowerCase() : d.reasonCode})` : ''} by {d.moderatorName} at {stamp(d.at, now)}
        </Text>
        {d.sanctions !== undefined && d.sanctions.length > 0 && <Text size="sm">{sanctionWords(d.sanctions)}</Text>}
        {d.statementOfReasons !== undefined && (
          <Paper withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed" mb={4}>
              Statement of reasons sent
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.statementOfReasons}
            </Text>
          </Paper>
        )}
      </Stack>
    </Section>
  );
}
