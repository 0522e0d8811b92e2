// The decision journal: every decision made on this machine, newest first, filtered by state,
// outcome, reason, queue, moderator and day (all in the URL); one entry's detail with what the
// moderator was shown and the platform's answer; the hash chain's verification; CSV export.
import { Alert, Anchor, Badge, Box, Button, Group, Select, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconLinkOff } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { DISMISS_REASONS, OUTCOMES, REJECT_REASONS } from '../../../../core';
import { DECISION_STATES, QUEUES, type DecisionEntry } from '../../../../electron/contract';
import { describeError } from '../../api/errors';
import { outcomeDone, OUTCOME_WORDS } from '../../features/decisions/tracker';
import { sanctionWords } from '../../features/flags/words';
import { STATE_WORDS, reasonTitle } from '../../features/journal/words';
import { isJournalFiltered, journalPath, parseJournalFilter, type JournalFilter, type Outcome } from '../../features/journal/filters';
import { useDecisionList, useJournalExport, useJournalVerify } from '../../features/journal/journal';
import { QUEUE_TITLES } from '../../features/queues/view';
import { usePlatformNow, useSession } from '../../features/session/session';
import { count, countOf, stamp } from '../../features/time/words';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { KeyHint } from '../../ui/KeyHint';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { DecisionDetail } from './DecisionDetail';

const REASON_OPTIONS = [
  { group: 'Reject', items: Object.entries(REJECT_REASONS).map(([value, label]) => ({ value, label })) },
  { group: 'Dismiss', items: Object.entries(DISMISS_REASONS).map(([value, label]) => ({ value, label })) },
];

function without<K extends keyof JournalFilter>(filter: JournalFilter, key: K): JournalFilter {
  const next = { ...filter };
  delete next[key];
  return next;
}

function ChainState() {
  const verify = useJournalVerify();
  if (verify.isPending) return <Text size="sm" c="dimmed">Checking the chain…</Text>;
  if (verify.isError) return <Text size="sm" c="red.8">The chain could not be checked: {describeError(verify.error)}</Text>;
  const v = verify.data;
  if (v.ok) {
    return (
      <Tooltip label={v.head === undefined ? 'No entries yet' : `Head hash ${v.head}: keep it elsewhere to prove nothing was rewritten later.`} multiline w={320}>
        <Badge variant="dot" color="green" size="lg" style={{ textTransform: 'none' }} data-testid="chain-state">
          Chain verified · {countOf(v.entries, 'entry', 'entries')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge variant="filled" color="red" leftSection={<IconLinkOff size={12} />} size="lg" style={{ textTransform: 'none' }} data-testid="chain-state">
      Chain broken at entry {v.firstBadEntry ?? '?'}
    </Badge>
  );
}

function ChainAlert() {
  const verify = useJournalVerify();
  const v = verify.data;
  if (v === undefined || v.ok) return null;
  return (
    <Alert color="red" variant="light" title={`The journal’s chain is broken at entry ${v.firstBadEntry ?? '?'}`} mx="lg" mt="sm" role="alert">
      {v.reason ?? 'An entry was changed, removed or reordered.'} Entries from there on cannot be trusted as written; keep this workspace’s file as it is for investigation.
    </Alert>
  );
}

function Filters({ filter, onChange, moderators }: { filter: JournalFilter; onChange: (f: JournalFilter) => void; moderators: Array<{ value: string; label: string }> }) {
  const set = <K extends keyof JournalFilter>(key: K, value: JournalFilter[K] | null) => onChange(value === null || value === undefined || value === '' ? without(filter, key) : { ...filter, [key]: value });
  return (
    <Group gap="xs" wrap="wrap" role="search" aria-label="Filters">
      <Select aria-label="State" placeholder="Any state" data={DECISION_STATES.map((s) => ({ value: s, label: STATE_WORDS[s].label }))} value={filter.state ?? null} onChange={(v) => set('state', DECISION_STATES.find((s) => s === v) ?? null)} clearable w={124} />
      <Select aria-label="Outcome" placeholder="Any outcome" data={Object.entries(OUTCOME_WORDS).map(([value, w]) => ({ value, label: w.done }))} value={filter.outcome ?? null} onChange={(v) => set('outcome', OUTCOMES.find((o): o is Outcome => o === v) ?? null)} clearable w={134} />
      <Select aria-label="Reason" placeholder="Any reason" data={REASON_OPTIONS} value={filter.reasonCode ?? null} onChange={(v) => set('reasonCode', v)} clearable w={180} comboboxProps={{ withinPortal: true }} />
      <Select aria-label="Queue" placeholder="Any queue" data={QUEUES.map((q) => ({ value: q, label: QUEUE_TITLES[q] }))} value={filter.queue ?? null} onChange={(v) => set('queue', QUEUES.find((q) => q === v) ?? null)} clearable w={150} />
      <Select aria-label="Moderator" placeholder="Any moderator" data={moderators} value={filter.moderatorId ?? null} onChange={(v) => set('moderatorId', v)} clearable w={150} />
      <TextInput aria-label="From day" type="date" value={filter.fromDay ?? ''} onChange={(e) => set('fromDay', e.currentTarget.value)} w={140} />
      <Text size="sm" c="dimmed">
        to
      </Text>
      <TextInput aria-label="To day" type="date" value={filter.toDay ?? ''} onChange={(e) => set('toDay', e.currentTarget.value)} w={140} />
      {isJournalFiltered(filter) && (
        <Button variant="subtle" color="gray" size="compact-sm" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

function Row({ d, current, me, now, onOpen }: { d: DecisionEntry; current: boolean; me: { id: string; name: string }; now: number; onOpen: () => void }) {
  const state = STATE_WORDS[d.state];
  const subjectHref = d.subjectType === 'flag' ? `#/items/flag/${encodeURIComponent(d.subjectId)}` : `#/items/submission/${encodeURIComponent(d.subjectId)}`;
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer', background: current ? 'var(--row-selected)' : undefined, boxShadow: current ? 'inset 3px 0 0 var(--mantine-color-blue-7)' : undefined }} aria-selected={current} data-decision-id={d.decisionId}>
      <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
        {stamp(d.decidedAt, now)}
      </Table.Td>
      <Table.Td style={{ maxWidth: 220 }}>
        <Anchor href={subjectHref} size="sm" onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }} title={d.subjectId}>
          {d.subjectType === 'flag' ? 'Flag' : 'Design'} {d.subjectId}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {outcomeDone(d.outcome)}
        {d.reasonCode !== undefined && (
          <Text span size="sm" c="dimmed">
            {' '}
            ({reasonTitle(d.reasonCode).toLowerCase()})
          </Text>
        )}
        {d.sanctions !== undefined && d.sanctions.length > 0 && (
          <Text size="xs" c="dimmed">
            {sanctionWords(d.sanctions)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{d.queue === undefined ? '—' : QUEUE_TITLES[d.queue]}</Table.Td>
      <Table.Td>{d.moderatorId === me.id ? me.name : d.moderatorId}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="dot" color={state.color} size="sm" tt="none">
          {state.label}
        </Badge>
      </Table.Td>
      <Table.Td style={{ maxWidth: 320 }}>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {d.platformAnswer ?? '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function JournalScreen() {
  const search = useHashSearch();
  const filter = useMemo(() => parseJournalFilter(search), [search]);
  const open = new URLSearchParams(search).get('open');
  const session = useSession();
  const now = usePlatformNow();
  const list = useDecisionList(filter);
  const exporter = useJournalExport();
  const [cursor, setCursor] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useScreenFocus(heading);

  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const me = { id: session.moderator.id, name: `${session.moderator.displayName} (you)` };
  const moderators = useMemo(() => {
    const ids = new Set([session.moderator.id, ...rows.map((r) => r.moderatorId), ...(filter.moderatorId === undefined ? [] : [filter.moderatorId])]);
    return [...ids].map((id) => ({ value: id, label: id === session.moderator.id ? `${session.moderator.displayName} (you)` : id }));
  }, [rows, session.moderator, filter.moderatorId]);

  const setFilter = (f: JournalFilter) => {
    setCursor(0);
    navigate(journalPath(f), { replace: true });
  };
  const openDetail = (decisionId: string | null) => navigate(journalPath(filter, decisionId ?? undefined), { replace: decisionId === null });

  useShortcuts(
    {
      next: () => setCursor((c) => Math.min(c + 1, Math.max(0, rows.length - 1))),
      previous: () => setCursor((c) => Math.max(0, c - 1)),
      open: () => {
        const row = rows[cursor];
        if (row !== undefined) openDetail(row.decisionId);
      },
    },
    open === null,
  );

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box px="lg" pt="md" pb="sm" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Group justify="space-between" align="center" mb="sm" wrap="nowrap">
          <Group gap="sm" align="baseline" wrap="nowrap">
            <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-screen-title>
              Decision journal
            </Title>
            <Text size="sm" c="dimmed" className="tabular" data-testid="journal-count">
              {total === undefined ? '' : isJournalFiltered(filter) ? `${countOf(total, 'decision')} match` : `${countOf(total, 'decision')} made here`}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ChainState />
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => exporter.mutate(filter)} loading={exporter.isPending} disabled={total === 0}>
              Export CSV
            </Button>
          </Group>
        </Group>
        <Filters filter={filter} onChange={setFilter} moderators={moderators} />
        {exporter.isError && (
          <Text size="sm" c="red.8" mt="xs" role="alert">
            The export failed: {describeError(exporter.error)}
          </Text>
        )}
        {exporter.isSuccess && (
          <Text size="sm" c="dimmed" mt="xs" data-testid="export-done">
            Exported {countOf(exporter.data.rows, 'decision')} as {exporter.data.filename}
            {exporter.data.truncated ? ' — the first 100,000 only; narrow the filter for the rest.' : '.'}
          </Text>
        )}
      </Box>
      <ChainAlert />
      <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} px="lg" pb="lg">
        {list.isPending ? (
          <LoadingState label="Loading the journal…" />
        ) : list.isError ? (
          <ErrorState error={list.error} title="The journal could not be loaded" onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          isJournalFiltered(filter) ? (
            <EmptyState title="No decision matches these filters">
              <Button variant="subtle" size="compact-sm" onClick={() => setFilter({})}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState title="No decisions yet">Every decision made on this machine is written here first — who, when, which reason and policy — and then the platform’s answer.</EmptyState>
          )
        ) : (
          <>
            <Table verticalSpacing={6} horizontalSpacing={8} fz="sm" stickyHeader highlightOnHover data-testid="journal-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Decided</Table.Th>
                  <Table.Th scope="col">Subject</Table.Th>
                  <Table.Th scope="col">Outcome</Table.Th>
                  <Table.Th scope="col">Queue</Table.Th>
                  <Table.Th scope="col">Moderator</Table.Th>
                  <Table.Th scope="col" w={116}>State</Table.Th>
                  <Table.Th scope="col">Platform’s answer</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((d, i) => (
                  <Row key={d.decisionId} d={d} current={i === cursor} me={me} now={now} onOpen={() => openDetail(d.decisionId)} />
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between" mt="sm">
              <Group gap={4}>
                <KeyHint id="next" />
                <KeyHint id="previous" />
                <Text size="xs" c="dimmed">
                  move ·
                </Text>
                <KeyHint id="open" />
                <Text size="xs" c="dimmed">
                  details
                </Text>
              </Group>
              {list.hasNextPage ? (
                <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Show {count(Math.min(100, (total ?? 0) - rows.length))} more
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {countOf(rows.length, 'decision')} shown
                </Text>
              )}
            </Group>
          </>
        )}
      </Box>
      <DecisionDetail decisionId={open} onClose={() => openDetail(null)} me={me} />
    </Box>
  );
}
