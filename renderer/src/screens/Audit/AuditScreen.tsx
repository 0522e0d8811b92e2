// The offline audit (RULES.md R13): the auditor picks a period and runs the rule core's audit
// over this machine's cache. It runs in the console's service, off the window, with its
// progress shown here; then the findings grouped by rule — each naming the record, what the
// platform did, what the rule says and the policy version — whether the cache holds the whole
// period (and what it lacks), and a CSV export. The run is kept in the URL (`?run=`).
import { Accordion, Alert, Anchor, Badge, Box, Button, Code, Group, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { AuditFindingView, AuditRun } from '../../../../electron/contract';
import { describeError } from '../../api/errors';
import { dayOf, groupFindings, periodOf, progressShare, ruleWords, useAuditExport, useAuditRun, useStartAudit } from '../../features/audit/audit';
import { usePlatformNow, useSession } from '../../features/session/session';
import { count, countOf, dateWords, stamp } from '../../features/time/words';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useScreenFocus } from '../Shell/useScreenFocus';

const DAY_MS = 86_400_000;

function RecordLink({ f }: { f: AuditFindingView }) {
  const label = `${f.recordType} ${f.recordId}`;
  if (f.recordType === 'submission') return <Anchor href={`#/items/submission/${encodeURIComponent(f.recordId)}`} size="sm">{label}</Anchor>;
  if (f.recordType === 'flag') return <Anchor href={`#/items/flag/${encodeURIComponent(f.recordId)}`} size="sm">{label}</Anchor>;
  return <Code>{label}</Code>;
}

function Findings({ run }: { run: AuditRun }) {
  const { policy } = useSession();
  const now = usePlatformNow();
  const groups = groupFindings(run.findings);
  if (run.findingsTotal === 0) {
    return (
      <EmptyState title="No findings" icon={<IconCircleCheck size={24} stroke={1.5} />}>
        Replaying the rules over the period gives the platform’s own states: every hold, review, publication, contest entry and decision followed its rule.
      </EmptyState>
    );
  }
  return (
    <Accordion multiple defaultValue={groups.map((g) => g.rule)} variant="separated" data-testid="findings">
      {groups.map((g) => (
        <Accordion.Item key={g.rule} value={g.rule} data-rule={g.rule}>
          <Accordion.Control>
            <Group gap="sm">
              <Badge variant="default" size="lg">
                {g.rule}
              </Badge>
              <Text fw={600}>{countOf(g.findings.length, 'finding')}</Text>
              <Text size="sm" c="dimmed">
                {ruleWords(g.rule, policy)}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="md">
              {g.kinds.map((k) => (
                <Box key={k.kind}>
                  <Text size="sm" fw={600} mb={4}>
                    {k.title} <Text span c="dimmed" fw={400}>({count(k.findings.length)})</Text>
                  </Text>
                  <Table verticalSpacing={4} horizontalSpacing={8} fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Record</Table.Th>
                        <Table.Th scope="col">When</Table.Th>
                        <Table.Th scope="col">What the platform did</Table.Th>
                        <Table.Th scope="col">Policy</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {k.findings.map((f) => (
                        <Table.Tr key={`${f.kind}-${f.recordId}-${f.at}`} data-testid="finding" data-record-type={f.recordType} data-record-id={f.recordId} data-kind={f.kind}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <RecordLink f={f} />
                          </Table.Td>
                          <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                            {stamp(f.at, now)}
                          </Table.Td>
                          <Table.Td>{f.explanation}</Table.Td>
                          <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                            {f.policyVersion}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Box>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function RunView({ runId }: { runId: string }) {
  const run = useAuditRun(runId);
  const exporter = useAuditExport();
  const now = usePlatformNow();
  if (run.isPending) return <LoadingState label="Opening the audit…" />;
  if (run.isError) return <ErrorState error={run.error} title="This audit run is not on this machine any more" />;
  const r = run.data;
  // The service counts by plural record names ("submissions"); one of them reads in the singular.
  const examined = r.examined === undefined ? [] : Object.entries(r.examined).map(([what, n]) => `${count(n)} ${n === 1 ? what.replace(/s$/, '') : what}`);
  return (
    <Stack gap="md" data-testid="audit-run" data-state={r.state}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>
            {dateWords(r.from)} – {dateWords(new Date(Date.parse(r.to) - 1).toISOString())}
            <Text span c="dimmed" fw={400} size="sm">
              {' '}
              · started {stamp(r.startedAt, now)}
              {r.policyVersion !== undefined ? ` · policy ${r.policyVersion}` : ''}
            </Text>
          </Text>
          {examined.length > 0 && (
            <Text size="sm" c="dimmed">
              Examined {examined.join(', ')}.
            </Text>
          )}
        </Stack>
        {r.state === 'done' && (
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => exporter.mutate(r.runId)} loading={exporter.isPending}>
            Export CSV
          </Button>
        )}
      </Group>
      {exporter.isError && (
        <Text size="sm" c="red.8" role="alert">
          The export failed: {describeError(exporter.error)}
        </Text>
      )}
      {exporter.isSuccess && (
        <Text size="sm" c="dimmed" data-testid="export-done">
          Exported {countOf(exporter.data.rows, 'finding')} as {exporter.data.filename}.
        </Text>
      )}

      {r.coverage !== undefined &&
        (r.coverage.complete ? (
          <Text size="sm" c="dimmed" data-testid="coverage">
            <IconCircleCheck size={14} style={{ verticalAlign: -2 }} /> The cache holds the whole period.
          </Text>
        ) : (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="The cache does not hold the whole period" data-testid="coverage">
            <Text size="sm" mb={4}>
              The audit ran on what this machine has; findings may be missing for what it lacks. Sync with the platform, then run it again.
            </Text>
            <Stack gap={0}>
              {r.coverage.missing.map((m) => (
                <Text key={m} size="sm">
                  · {m}
                </Text>
              ))}
            </Stack>
          </Alert>
        ))}

      {r.state === 'running' ? (
        <Paper withBorder p="md" radius="md" role="status" aria-live="polite" data-testid="audit-progress">
          <Group justify="space-between" mb={6}>
            <Text size="sm" fw={500}>
              {r.progress.phase.charAt(0).toUpperCase()}
              {r.progress.phase.slice(1)}…
            </Text>
            <Text size="sm" c="dimmed" className="tabular">
              {r.progress.total === 0 ? '' : `${count(r.progress.done)} / ${count(r.progress.total)}`}
            </Text>
          </Group>
          <Progress value={progressShare(r)} size="sm" animated aria-label="Audit progress" />
          <Text size="xs" c="dimmed" mt={6}>
            It runs in the console’s service, off this window: you can go on working and come back.
          </Text>
        </Paper>
      ) : r.state === 'failed' ? (
        <Alert color="red" variant="light" title="The audit could not finish" role="alert">
          {r.error ?? 'The reason has been logged.'}
        </Alert>
      ) : (
        <>
          <Text size="sm" fw={600} data-testid="findings-total">
            {r.findingsTotal === 0 ? 'No findings.' : `${countOf(r.findingsTotal, 'finding')}${r.findings.length < r.findingsTotal ? ` — the first ${count(r.findings.length)} are listed; the export holds them all` : ''}.`}
          </Text>
          <Findings run={r} />
        </>
      )}
    </Stack>
  );
}

export function AuditScreen() {
  const search = useHashSearch();
  const runId = new URLSearchParams(search).get('run');
  const now = usePlatformNow();
  const [fromDay, setFromDay] = useState(() => dayOf(now - 30 * DAY_MS));
  const [toDay, setToDay] = useState(() => dayOf(now));
  const start = useStartAudit();
  const heading = useRef<HTMLHeadingElement>(null);
  useScreenFocus(heading);
  const period = periodOf(fromDay, toDay);

  const run = () => {
    if (period === null) return;
    start.mutate(period, { onSuccess: (r) => navigate(`/audit?run=${encodeURIComponent(r.runId)}`) });
  };

  return (
    <Box p="lg" style={{ overflowY: 'auto', height: '100%' }}>
      <Stack gap="lg" maw={1200}>
        <Stack gap={4}>
          <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-screen-title>
            Audit
          </Title>
          <Text size="sm" c="dimmed">
            Replays the rule core over this machine’s cache (R13) and lists every place where the platform’s records differ from what the rules say. Works offline.
          </Text>
        </Stack>
        <Paper withBorder p="md" radius="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput label="From" type="date" value={fromDay} onChange={(e) => setFromDay(e.currentTarget.value)} w={170} />
            <TextInput label="To (included)" type="date" value={toDay} onChange={(e) => setToDay(e.currentTarget.value)} w={170} />
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={run} loading={start.isPending} disabled={period === null}>
              Run the audit
            </Button>
            <Text size="sm" c={period === null ? 'red.8' : 'dimmed'}>
              {period === null ? 'The period must start on or before its last day.' : 'Days in platform time (UTC).'}
            </Text>
          </Group>
          {start.isError && (
            <Text size="sm" c="red.8" mt="xs" role="alert">
              The audit could not start: {describeError(start.error)}
            </Text>
          )}
        </Paper>
        {runId === null ? (
          <Text size="sm" c="dimmed">
            Pick a period and run the audit. The findings are grouped by rule, each with its record, what the platform did, the rule and the policy version.
          </Text>
        ) : (
          <RunView key={runId} runId={runId} />
        )}
      </Stack>
    </Box>
  );
}
