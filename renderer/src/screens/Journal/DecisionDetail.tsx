// One journal entry, opened from the list (`?open=<decisionId>` in the URL): the decision, what
// the moderator was shown when making it, the statement or note that went out, the platform's
// answer, and the journal entries behind it with their hashes.
import { Anchor, Badge, Code, Drawer, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { OutputOf } from '../../../../electron/contract';
import { outcomeDone } from '../../features/decisions/tracker';
import { sanctionWords } from '../../features/flags/words';
import { JOURNAL_KIND_WORDS, storyOf } from '../../features/journal/entry';
import { useDecision } from '../../features/journal/journal';
import { QUEUE_TITLES } from '../../features/queues/view';
import { usePlatformNow } from '../../features/session/session';
import { ratingWords, stamp } from '../../features/time/words';
import { ErrorState, LoadingState } from '../../ui/States';
import { categoryTitle } from '../Flag/FlagFacts';
import { Section } from '../../ui/Section';
import { STATE_WORDS, reasonTitle } from '../../features/journal/words';

function Facts({ rows }: { rows: Array<[string, React.ReactNode]> }) {
  return (
    <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Td c="dimmed" w={150} style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Td>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DecisionDetail({ decisionId, onClose, me }: { decisionId: string | null; onClose: () => void; me: { id: string; name: string } }) {
  const decision = useDecision(decisionId);
  const now = usePlatformNow();
  return (
    <Drawer opened={decisionId !== null} onClose={onClose} position="right" size="xl" title={<Title order={2}>Decision {decisionId?.slice(0, 8)}</Title>} closeButtonProps={{ 'aria-label': 'Close the decision' }}>
      {decision.isPending ? (
        <LoadingState />
      ) : decision.isError ? (
        <ErrorState error={decision.error} />
      ) : (
        <DetailBody d={decision.data} me={me} now={now} />
      )}
    </Drawer>
  );
}

function DetailBody({ d, me, now }: { d: OutputOf<'decisions.get'>; me: { id: string; name: string }; now: number }) {
  const story = storyOf(d.journal);
  const state = STATE_WORDS[d.state];
  return (
    <Stack gap="lg" data-testid="decision-detail">
      <Facts
        rows={[
          ['Subject', <Anchor key="s" href={d.subjectType === 'flag' ? `#/items/flag/${encodeURIComponent(d.subjectId)}` : `#/items/submission/${encodeURIComponent(d.subjectId)}`}>{`${d.subjectType === 'flag' ? 'Flag' : 'Design'} ${d.subjectId}`}</Anchor>],
          ['Outcome', `${outcomeDone(d.outcome)}${d.reasonCode === undefined ? '' : ` (${reasonTitle(d.reasonCode).toLowerCase()})`}`],
          ...(d.sanctions !== undefined && d.sanctions.length > 0 ? ([['Sanctions', sanctionWords(d.sanctions)]] satisfies Array<[string, string]>) : []),
          ['Decided', `${stamp(d.decidedAt, now)} (platform time)`],
          ['Moderator', d.moderatorId === me.id ? me.name : d.moderatorId],
          ['Queue', d.queue === undefined ? '—' : QUEUE_TITLES[d.queue]],
          [
            'State',
            <Badge key="st" variant="dot" color={state.color} size="sm">
              {state.label}
            </Badge>,
          ],
          ['Decision id', <Code key="id">{d.decisionId}</Code>],
        ]}
      />

      <Section title="What the moderator was shown" order={3}>
        {story.shown === undefined ? (
          <Text size="sm" c="dimmed">
            Not recorded.
          </Text>
        ) : (
          <Stack gap={6}>
            {story.shown.explanation !== undefined && story.shown.explanation !== '' && (
              <Paper withBorder p="sm" radius="md">
                <Text size="sm">{story.shown.explanation}</Text>
              </Paper>
            )}
            <Facts
              rows={[
                ['Policy', story.shown.policyVersion ?? '—'],
                ...(story.shown.rating === undefined ? [] : ([['Rating then', `${categoryTitle(story.shown.rating.category)} ${ratingWords(story.shown.rating)}`]] satisfies Array<[string, string]>)),
                ...(story.shown.evidenceKeys.length === 0
                ? []
                : ([['Evidence relied on', <Stack key="ev" gap={0}>{story.shown.evidenceKeys.map((k) => <Text key={k} size="xs" ff="monospace">{k}</Text>)}</Stack>]] satisfies Array<[string, React.ReactNode]>)),
              ]}
            />
          </Stack>
        )}
      </Section>

      {(story.statement !== undefined || story.note !== undefined) && (
        <Section title={story.statement !== undefined ? 'Statement of reasons sent' : 'Note'} order={3}>
          <Paper withBorder p="sm" radius="md">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {story.statement ?? story.note}
            </Text>
          </Paper>
        </Section>
      )}

      <Section title="The platform’s answer" order={3}>
        {story.answer === undefined ? (
          <Text size="sm" c="dimmed">
            {d.state === 'undone' ? 'None: it was undone before it left the machine.' : 'Not yet: it waits in the outbox.'}
          </Text>
        ) : (
          <Stack gap={6} data-testid="platform-answer">
            <Text size="sm">{d.platformAnswer ?? story.answer.result}</Text>
            <Facts
              rows={[
                ['Status', story.answer.status === undefined ? '—' : String(story.answer.status)],
                ...(story.answer.problemType === undefined ? [] : ([['Problem', story.answer.problemType]] satisfies Array<[string, string]>)),
                ...(story.answer.detail === undefined ? [] : ([['Detail', story.answer.detail]] satisfies Array<[string, string]>)),
                ...(story.answer.entities.length === 0 ? [] : ([['Changed', story.answer.entities.join(', ')]] satisfies Array<[string, string]>)),
              ]}
            />
          </Stack>
        )}
      </Section>

      <Section title="Journal entries" order={3}>
        <Table verticalSpacing={3} horizontalSpacing={6} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              <Table.Th scope="col">Platform time</Table.Th>
              <Table.Th scope="col">Hash</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.journal.map((e) => (
              <Table.Tr key={e.n}>
                <Table.Td className="tabular">{e.n}</Table.Td>
                <Table.Td>{JOURNAL_KIND_WORDS[e.kind]}</Table.Td>
                <Table.Td className="tabular">{stamp(e.atPlatform, now)}</Table.Td>
                <Table.Td>
                  <Code title={e.hash}>{e.hash.slice(0, 12)}…</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  );
}
