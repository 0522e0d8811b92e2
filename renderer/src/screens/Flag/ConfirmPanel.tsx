// Confirming a flag (RULES.md R12): the sanctions with what they would do to the designer (the
// rule core's preview), the ground (a code-of-conduct clause and the moderator's own words),
// and the statement of reasons composed by the core from its five parts — shown as parts and
// as the letter the designer will read, which the moderator may edit.
import { Alert, Badge, Box, Button, Checkbox, Group, List, NumberInput, Paper, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { SANCTION_TITLES, STATEMENT_PART_ORDER, STATEMENT_PART_TITLES } from '../../../../core';
import type { FlagItem } from '../../../../electron/contract';
import type { FlagDraft } from '../../features/flags/confirm';
import { MAX_SUSPEND_DAYS, suspensionEnd, validDays } from '../../features/flags/sanctions';
import { editIsStale } from '../../features/flags/statement';
import { usePlatformNow, useSession } from '../../features/session/session';
import { countOf, dateWords, stamp } from '../../features/time/words';
import { categoryTitle } from './FlagFacts';
import { Section } from '../../ui/Section';

/** Esc leaves a field, so the next Esc (or ⏎) works on the flag again. */
function blurOnEscape(e: React.KeyboardEvent<HTMLTextAreaElement>) {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.currentTarget.blur();
  }
}

function VoidPicker({ item, draft }: { item: FlagItem; draft: FlagDraft }) {
  const inEvidence = new Set(item.timeline.filter((e) => e.kind === 'rating' || e.kind === 'rating_change').map((e) => e.id));
  const ratings = [...item.ratings].sort((a, b) => Number(inEvidence.has(b.id)) - Number(inEvidence.has(a.id)) || a.at.localeCompare(b.at));
  if (ratings.length === 0) {
    return (
      <Text size="sm" c="dimmed" pl={4}>
        No rating of this designer is named in the evidence.
      </Text>
    );
  }
  return (
    <Stack gap={4} pl={4} role="group" aria-label="Ratings to void">
      {ratings.map((r) => (
        <Checkbox
          key={r.id}
          size="xs"
          color="red"
          disabled={r.voided}
          checked={draft.sanctions.ratingIds.includes(r.id)}
          onChange={(e) => draft.sanction({ type: 'rating', id: r.id, on: e.currentTarget.checked })}
          label={
            <Group gap={6} wrap="nowrap" component="span">
              <Text span size="sm" fw={600} className="tabular">
                {r.stars === null ? 'removed' : `★${r.stars}`}
              </Text>
              <Text span size="sm">
                {categoryTitle(r.category)} · {dateWords(r.at)} · {r.id}
              </Text>
              {inEvidence.has(r.id) && (
                <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
                  in the evidence
                </Badge>
              )}
              {r.voided && (
                <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
                  already voided
                </Badge>
              )}
            </Group>
          }
        />
      ))}
    </Stack>
  );
}

export function SanctionForm({ item, draft }: { item: FlagItem; draft: FlagDraft }) {
  const now = usePlatformNow();
  const s = draft.sanctions;
  const banned = s.ban === 'armed';
  const end = s.suspend ? suspensionEnd(now, s.days) : null;
  const voiding = s.ratingIds.length > 0;
  return (
    <Section title="Sanctions">
      <Stack gap="xs" data-testid="sanctions">
        <Checkbox label={SANCTION_TITLES.warn} checked={s.warn} disabled={banned} onChange={(e) => draft.sanction({ type: 'warn', on: e.currentTarget.checked })} />
        <Text size="sm" fw={500} mt={4}>
          {SANCTION_TITLES.void_ratings}
          <Text span size="sm" c="dimmed" fw={400}>
            {voiding ? ` — ${countOf(s.ratingIds.length, 'rating')} picked` : ' — pick them here or in the evidence'}
          </Text>
        </Text>
        <VoidPicker item={item} draft={draft} />
        <Group gap="sm" align="center" wrap="nowrap">
          <Checkbox label={SANCTION_TITLES.suspend} checked={s.suspend} disabled={banned} onChange={(e) => draft.sanction({ type: 'suspend', on: e.currentTarget.checked })} />
          {s.suspend && (
            <>
              <NumberInput
                aria-label="Days of suspension"
                value={s.days}
                onChange={(v) => draft.sanction({ type: 'days', days: typeof v === 'number' ? v : Number(v) })}
                min={1}
                max={MAX_SUSPEND_DAYS}
                allowDecimal={false}
                w={90}
                size="xs"
                suffix=" days"
              />
              <Text size="sm" c={end === null ? 'red.8' : 'dimmed'} className="tabular" data-testid="suspend-end">
                {end === null ? `1 to ${MAX_SUSPEND_DAYS} days` : `ends ${stamp(end, now)} ${new Date(end).getUTCFullYear()}`}
              </Text>
            </>
          )}
        </Group>
        <Checkbox
          color="red"
          label={SANCTION_TITLES.ban}
          checked={s.ban !== 'off'}
          onChange={(e) => draft.sanction(e.currentTarget.checked ? { type: 'ban-ask' } : { type: 'ban-off' })}
        />
        {s.ban === 'asked' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={`Ban @${item.designer.handle} for good?`} data-testid="ban-ask">
            <Text size="sm" mb="xs">
              A ban is permanent: the designer can no longer use the marketplace. It goes alone or with voided ratings, so a warning or a suspension is taken off. You will be asked once more before it is sent.
            </Text>
            <Group gap="xs">
              <Button size="xs" color="red" onClick={() => draft.sanction({ type: 'ban-arm' })}>
                Yes, ban @{item.designer.handle}
              </Button>
              <Button size="xs" variant="default" onClick={() => draft.sanction({ type: 'ban-off' })}>
                No
              </Button>
            </Group>
          </Alert>
        )}
        {banned && (
          <Text size="sm" c="red.8" fw={600} data-testid="ban-armed">
            Ban chosen — permanent. You will be asked once more when you confirm.
          </Text>
        )}
        {s.suspend && !banned && !validDays(s.days) && (
          <Text size="sm" c="red.8">
            Suspend for a whole number of days from 1 to {MAX_SUSPEND_DAYS}.
          </Text>
        )}
      </Stack>
    </Section>
  );
}

export function SanctionPreview({ draft }: { draft: FlagDraft }) {
  const now = usePlatformNow();
  const p = draft.preview;
  if (draft.sanctions.ratingIds.length === 0 && !draft.sanctions.warn && !draft.sanctions.suspend && draft.sanctions.ban !== 'armed') {
    return (
      <Section title="What it does">
        <Text size="sm" c="dimmed">
          Choose a sanction to see the designer’s ratings and account before and after, as the rule core computes them.
        </Text>
      </Section>
    );
  }
  if (p.data === undefined) {
    return (
      <Section title="What it does">
        <Text size="sm" c="dimmed">
          {p.isError ? 'The preview could not be computed.' : 'Computing…'}
        </Text>
      </Section>
    );
  }
  const d = p.data;
  const changed = (a: { value: string | null; count: number }, b: { value: string | null; count: number }) => a.value !== b.value || a.count !== b.count;
  const figure = (f: { value: string | null; count: number }) => (f.value === null ? 'unrated' : `${f.value} (${f.count})`);
  return (
    <Section title="What it does" right={p.isFetching ? <Text size="xs" c="dimmed">updating…</Text> : undefined}>
      <Table verticalSpacing={3} horizontalSpacing={8} fz="sm" data-testid="preview" withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Rating</Table.Th>
            <Table.Th scope="col">Now</Table.Th>
            <Table.Th scope="col">After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.ratings.map((r) => (
            <Table.Tr key={r.category} data-category={r.category}>
              <Table.Td>{categoryTitle(r.category)}</Table.Td>
              <Table.Td className="tabular">{figure(r.before)}</Table.Td>
              <Table.Td className="tabular" fw={changed(r.before, r.after) ? 700 : undefined}>
                {figure(r.after)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr data-category="overall">
            <Table.Td fw={600}>Overall</Table.Td>
            <Table.Td className="tabular">{figure(d.overall.before)}</Table.Td>
            <Table.Td className="tabular" fw={changed(d.overall.before, d.overall.after) ? 700 : undefined}>
              {figure(d.overall.after)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td fw={600}>Account</Table.Td>
            <Table.Td>{d.accountStatus.before}</Table.Td>
            <Table.Td fw={d.accountStatus.before !== d.accountStatus.after ? 700 : undefined} data-testid="preview-account">
              {d.accountStatus.after}
              {d.accountStatus.suspendedUntil !== undefined && d.accountStatus.after === 'suspended' ? ` until ${stamp(d.accountStatus.suspendedUntil, now)}` : ''}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Section>
  );
}

export function GroundFields({ draft }: { draft: FlagDraft }) {
  const { policy } = useSession();
  const clauses = policy.conduct.clauses;
  const clause = clauses.find((c) => c.id === draft.statement.clauseId);
  return (
    <Section title="Ground">
      <Stack gap="xs">
        <Select
          label="Code-of-conduct clause"
          placeholder="Pick the clause the facts breach"
          data={clauses.map((c) => ({ value: c.id, label: `${c.id} · ${c.title}` }))}
          value={draft.statement.clauseId}
          onChange={(value) => draft.editStatement({ type: 'clause', clauseId: value })}
          comboboxProps={{ withinPortal: true }}
          required
        />
        {clause !== undefined && (
          <Text size="sm" c="dimmed" style={{ fontStyle: 'italic' }}>
            “{clause.text}” (policy {policy.version})
          </Text>
        )}
        <Textarea
          label="Your explanation"
          description="In your own words: why these facts breach the clause. The designer reads it as you write it."
          value={draft.statement.explanation}
          onChange={(e) => draft.editStatement({ type: 'explanation', text: e.currentTarget.value })}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={20_000}
          required
          onKeyDown={blurOnEscape}
          data-testid="explanation"
        />
      </Stack>
    </Section>
  );
}

export function StatementEditor({ draft }: { draft: FlagDraft }) {
  const composed = draft.composed.data;
  const stale = editIsStale(draft.statement, composed);
  const edited = draft.statement.edited !== null;
  return (
    <Section
      title="Statement of reasons"
      right={
        <Group gap={6}>
          {!draft.composed.current && <Text size="xs" c="dimmed">composing…</Text>}
          {edited && (
            <Badge size="sm" variant="light" color="gray">
              edited
            </Badge>
          )}
        </Group>
      }
    >
      <Stack gap="sm">
        <Box component="ol" m={0} pl={20} aria-label="The statement’s five parts" data-testid="statement-parts">
          {STATEMENT_PART_ORDER.map((part) => (
            <li key={part} style={{ marginBottom: 6 }}>
              <Text size="sm" fw={600}>
                {STATEMENT_PART_TITLES[part]}
              </Text>
              <Text size="sm" c={composed?.parts[part] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {composed === undefined ? '…' : composed.parts[part] || 'Still missing.'}
              </Text>
            </li>
          ))}
        </Box>
        {stale && (
          <Alert color="yellow" variant="light" title="The parts changed after you edited the letter" data-testid="stale-edit">
            <Text size="sm" mb="xs">
              Take the new letter (your edits go), or keep yours as it is.
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => draft.editStatement({ type: 'take-new' })}>
                Take the new letter
              </Button>
              <Button size="xs" variant="subtle" onClick={() => composed !== undefined && draft.editStatement({ type: 'keep-mine', composed: composed.text })}>
                Keep mine
              </Button>
            </Group>
          </Alert>
        )}
        <Textarea
          label="The letter the designer will read"
          description={composed === undefined ? undefined : `Appeals until ${dateWords(composed.appealUntil)}. You may edit it; it is sent as you leave it.`}
          value={draft.letter}
          onChange={(e) => draft.editStatement({ type: 'edit', text: e.currentTarget.value, composed: composed?.text ?? null })}
          autosize
          minRows={8}
          maxRows={24}
          styles={{ input: { fontSize: 13, lineHeight: 1.5 } }}
          onKeyDown={blurOnEscape}
          data-testid="letter"
        />
        {edited && (
          <Group>
            <Button size="xs" variant="subtle" color="gray" onClick={() => draft.editStatement({ type: 'take-new' })}>
              Go back to the composed letter
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

export function ConfirmPanel({ item, draft }: { item: FlagItem; draft: FlagDraft }) {
  return (
    <Stack gap="lg" data-testid="confirm-panel">
      <SanctionForm item={item} draft={draft} />
      <SanctionPreview draft={draft} />
      <Section title="Facts relied on">
        <Text size="sm" c={draft.ticked.size === 0 ? 'dimmed' : undefined} data-testid="facts-count">
          {draft.ticked.size === 0 ? 'Tick “Cite” on the evidence (left) that the statement relies on — not every hit, only what shows the breach.' : `${countOf(draft.ticked.size, 'piece')} of evidence cited. Tick or untick in the timeline.`}
        </Text>
      </Section>
      <GroundFields draft={draft} />
      <StatementEditor draft={draft} />
      {draft.confirmProblems.length > 0 && (
        <Paper withBorder p="sm" radius="md" data-testid="confirm-problems">
          <Text size="sm" fw={600} mb={4}>
            Before you can confirm
          </Text>
          <List size="sm" spacing={2}>
            {draft.confirmProblems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
