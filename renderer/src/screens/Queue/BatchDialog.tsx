// Batch mode: one outcome and reason for every selected row, a preview of what will change, then
// one confirmation. Number keys pick the reason here as in the decision bar.
import { Alert, Button, Group, Kbd, Modal, Radio, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Queue } from '../../../../electron/contract';
import { describeError } from '../../api/errors';
import { useDecisions } from '../../features/decisions/DecisionsProvider';
import { useBatchPreview } from '../../features/decisions/conflicts';
import { REJECT_REASON_CHOICES, missingForReject, reasonForKey } from '../../features/decisions/reasons';
import { useSettings } from '../../features/settings/settings';
import { countOf } from '../../features/time/words';
import { isTyping } from '../../shortcuts';
import { statusWord } from '../../ui/status';
import { STATUS_COLORS } from '../../theme';

export interface BatchDialogProps {
  opened: boolean;
  outcome: 'approve' | 'reject';
  subjectIds: string[];
  queue: Queue;
  onClose: () => void;
  onDone: () => void;
}

export function BatchDialog({ opened, outcome, subjectIds, queue, onClose, onDone }: BatchDialogProps) {
  const decisions = useDecisions();
  const settings = useSettings();
  const preview = useBatchPreview(subjectIds, outcome, opened);
  const [reasonCode, setReasonCode] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verb = outcome === 'approve' ? 'Approve' : 'Reject';
  const missing = outcome === 'reject' ? missingForReject(reasonCode, note) : null;
  const changing = preview.data?.items.filter((i) => i.to !== null).length;

  const submit = async () => {
    if (missing !== null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await decisions.batch({
        subjectIds,
        outcome,
        ...(outcome === 'reject' && reasonCode !== undefined ? { reasonCode } : {}),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
        queue,
        undoSeconds: settings.data?.undoSeconds ?? 5,
      });
      if (result.skipped.length > 0) {
        setError(`${countOf(result.skipped.length, 'design was', 'designs were')} skipped: ${result.skipped.slice(0, 3).map((s) => s.reason).join('; ')}${result.skipped.length > 3 ? ' …' : ''}`);
      }
      setReasonCode(undefined);
      setNote('');
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title={`${verb} ${countOf(subjectIds.length, 'design')}`}
      size="lg"
      centered
      onKeyDown={(e) => {
        if (isTyping(e.target)) return;
        const reason = outcome === 'reject' ? reasonForKey(e.key) : undefined;
        if (reason !== undefined) {
          e.preventDefault();
          setReasonCode(reason);
        } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Stack gap="md">
        {outcome === 'reject' && (
          <Radio.Group label="Reason" value={reasonCode ?? null} onChange={setReasonCode} withAsterisk>
            <Stack gap={6} mt={6}>
              {REJECT_REASON_CHOICES.map((r, i) => (
                // Focus starts on the first reason (Mantine's trap would pick the close button).
                <Radio key={r.code} value={r.code} data-autofocus={i === 0 || undefined} label={<Group gap={8} wrap="nowrap"><Kbd size="xs">{r.key}</Kbd><span>{r.title}</span></Group>} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Textarea
          label={reasonCode === 'other' ? 'Note (needed for “Other”)' : 'Note (optional)'}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={5}
          maxLength={5000}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
        />
        <div>
          <Text size="sm" fw={600} mb={4}>
            What will change
          </Text>
          {preview.isPending ? (
            <Text size="sm" c="dimmed">
              Working out what changes…
            </Text>
          ) : preview.isError ? (
            <Text size="sm" c={STATUS_COLORS.problem}>
              {describeError(preview.error)}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={220} type="auto">
              <Table verticalSpacing={4} fz="sm" stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Design</Table.Th>
                    <Table.Th>Now</Table.Th>
                    <Table.Th>After</Table.Th>
                    <Table.Th>Why</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.data.items.map((i) => (
                    <Table.Tr key={i.subjectId}>
                      <Table.Td>{i.subjectId}</Table.Td>
                      <Table.Td>{statusWord(i.from)}</Table.Td>
                      <Table.Td fw={500}>{i.to === null ? 'unchanged' : statusWord(i.to)}</Table.Td>
                      <Table.Td c="dimmed">{i.detail}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
        </div>
        {error !== null && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c={missing === null ? 'dimmed' : STATUS_COLORS.problem}>
            {missing ?? (changing === undefined ? '' : `${countOf(changing, 'design')} will change; you can undo for ${settings.data?.undoSeconds ?? 5} s.`)}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose} rightSection={<Kbd size="xs">Esc</Kbd>}>
              Cancel
            </Button>
            <Button color={outcome === 'reject' ? 'red' : undefined} data-autofocus={outcome === 'approve' || undefined} onClick={() => void submit()} loading={busy} disabled={missing !== null} rightSection={<Kbd size="xs">⏎</Kbd>}>
              {verb} {countOf(subjectIds.length, 'design')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
