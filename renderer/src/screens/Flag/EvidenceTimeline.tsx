// The flag's evidence as a timeline (UI.md, "The item", for a flag): messages as chat bubbles
// with the matched phrases marked, rating changes as ★2 → ★5 with the hours since the
// designer's message, reports, reviews, feedback changes and new accounts. Each piece has a tick
// box to cite it in the statement of reasons; a rating can be picked to void from here too.
// A detector may name one rating twice (as it stood, then as it changed): both stay as evidence
// with their own "Cite", but the void box sits on the first mention only — one rating, one
// choice — and the later mention points back to it.
import { Anchor, Badge, Box, Checkbox, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconMessage, IconRefresh, IconStar, IconUserPlus, IconQuote } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TimelineEntry } from '../../../../electron/contract';
import { DETECTOR_SHORT, detectorTitle, hoursSinceWords, starsWords } from '../../features/flags/words';
import { usePlatformNow } from '../../features/session/session';
import { stamp } from '../../features/time/words';
import { Highlighted } from './Highlighted';

export interface EvidenceTimelineProps {
  entries: readonly TimelineEntry[];
  /** Keys of the entries cited; null hides the tick boxes (a role that decides nothing). */
  ticked: ReadonlySet<string> | null;
  onTick: (key: string, on: boolean) => void;
  /** Entries of the hit the moderator points at, shown outlined. */
  focus: ReadonlySet<string>;
  /** Ratings that can be voided (ids), and those picked; null when not confirming. */
  voiding: { pickable: ReadonlySet<string>; picked: ReadonlySet<string>; onPick: (ratingId: string, on: boolean) => void } | null;
  customerName?: string | undefined;
}

const KIND_WORDS: Record<TimelineEntry['kind'], string> = {
  message: 'Message',
  rating: 'Rating',
  rating_change: 'Rating change',
  review: 'Review',
  report: 'Customer report',
  feedback_change: 'Feedback change enabled',
  account: 'Customer account',
};

const isRating = (entry: TimelineEntry) => entry.kind === 'rating' || entry.kind === 'rating_change';

/** The first entry that names each rating, in timeline order: where its void box goes. */
function firstRatingMentions(entries: readonly TimelineEntry[]): ReadonlyMap<string, TimelineEntry> {
  const first = new Map<string, TimelineEntry>();
  for (const entry of entries) if (isRating(entry) && !first.has(entry.id)) first.set(entry.id, entry);
  return first;
}

const voidBoxId = (ratingId: string) => `void-box-${ratingId}`;

function citeLabel(entry: TimelineEntry, when: string): string {
  return `Cite the ${KIND_WORDS[entry.kind].toLowerCase()} of ${when} in the statement`;
}

function Detectors({ entry }: { entry: TimelineEntry }) {
  return (
    <Group gap={4} wrap="wrap">
      {entry.detectors.map((d) => (
        <Badge key={d} size="xs" variant="light" color="gray" title={detectorTitle(d)} style={{ textTransform: 'none' }}>
          {DETECTOR_SHORT[d]}
        </Badge>
      ))}
    </Group>
  );
}

function Bubble({ entry, customerName }: { entry: TimelineEntry; customerName?: string | undefined }) {
  const fromDesigner = entry.fromRole !== 'customer';
  return (
    <Box style={{ display: 'flex', justifyContent: fromDesigner ? 'flex-start' : 'flex-end' }}>
      <Paper
        px="md"
        py="sm"
        radius="lg"
        maw="88%"
        className={fromDesigner ? 'bubble bubble-designer' : 'bubble bubble-customer'}
        style={{ borderTopLeftRadius: fromDesigner ? 4 : undefined, borderTopRightRadius: fromDesigner ? undefined : 4 }}
      >
        <Text size="xs" c="dimmed" mb={2}>
          {fromDesigner ? `Designer to ${customerName ?? 'the customer'}` : `${customerName ?? 'The customer'} to the designer`}
        </Text>
        <Text size="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.55 }} data-testid="message-body">
          <Highlighted body={entry.body ?? entry.detail} spans={entry.spans} />
        </Text>
      </Paper>
    </Box>
  );
}

function Quote({ text, title }: { text: string; title: string }) {
  return (
    <Paper px="md" py="sm" radius="md" withBorder style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}>
      <Text size="xs" c="dimmed" mb={2}>
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Paper>
  );
}

function icon(kind: TimelineEntry['kind']): ReactNode {
  switch (kind) {
    case 'message':
      return <IconMessage size={14} />;
    case 'rating':
    case 'rating_change':
      return <IconStar size={14} />;
    case 'report':
      return <IconAlertTriangle size={14} />;
    case 'review':
      return <IconQuote size={14} />;
    case 'feedback_change':
      return <IconRefresh size={14} />;
    case 'account':
      return <IconUserPlus size={14} />;
  }
}

function Body({ entry, customerName }: { entry: TimelineEntry; customerName?: string | undefined }) {
  switch (entry.kind) {
    case 'message':
      return <Bubble entry={entry} customerName={customerName} />;
    case 'rating':
    case 'rating_change':
      return (
        <Group gap="sm" align="baseline" wrap="wrap">
          <Text fw={700} size="lg" className="tabular" data-testid="stars">
            {starsWords(entry.starsBefore, entry.starsAfter)}
          </Text>
          {entry.hoursSinceMessage !== undefined && (
            <Text size="sm" c="dimmed">
              {hoursSinceWords(entry.hoursSinceMessage)}
            </Text>
          )}
          <Text size="sm" c="dimmed" w="100%">
            {entry.kind === 'rating_change' ? `Rating of submission ${entry.id}` : entry.detail}
          </Text>
        </Group>
      );
    case 'report':
      return <Quote title={`${customerName ?? 'The customer'} reported`} text={entry.body ?? entry.detail} />;
    case 'review':
      return (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {entry.detail}
          </Text>
          {entry.body !== undefined && <Quote title="The review’s text" text={entry.body} />}
        </Stack>
      );
    default:
      return <Text size="sm">{entry.detail}</Text>;
  }
}

/** A later mention of a rating: no second void box, but where the one box is and what it says. */
function VoidPointer({ ratingId, first, picked, now }: { ratingId: string; first: TimelineEntry; picked: boolean; now: number }) {
  const focusBox = () => {
    const box = document.getElementById(voidBoxId(ratingId));
    box?.scrollIntoView({ block: 'center' });
    box?.focus();
  };
  return (
    <Text size="xs" c="dimmed" data-testid={`void-pointer-${ratingId}`}>
      Same rating as above ({stamp(first.at, now)}): {picked ? 'picked to void' : 'not picked to void'}.{' '}
      <Anchor component="button" type="button" size="xs" onClick={focusBox}>
        Go to its void box
      </Anchor>
    </Text>
  );
}

export function EvidenceTimeline({ entries, ticked, onTick, focus, voiding, customerName }: EvidenceTimelineProps) {
  const now = usePlatformNow();
  const firstMentions = firstRatingMentions(entries);
  return (
    <Stack gap={0} component="ol" aria-label="Evidence, oldest first" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="timeline">
      {entries.map((entry) => {
        const when = stamp(entry.at, now);
        const isTicked = ticked?.has(entry.key) === true;
        const ratingPickable = voiding !== null && isRating(entry) && voiding.pickable.has(entry.id);
        const first = ratingPickable ? firstMentions.get(entry.id) : undefined;
        return (
          <Box
            component="li"
            key={entry.key}
            className="evidence-entry"
            data-evidence-key={entry.key}
            data-focused={focus.has(entry.key) || undefined}
            data-ticked={isTicked || undefined}
            style={{ display: 'grid', gridTemplateColumns: '28px 1fr', gap: 10, padding: '10px 8px', borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Stack align="center" gap={6} pt={2}>
              <ThemeIcon size={24} radius="xl" variant="light" color="gray" aria-hidden>
                {icon(entry.kind)}
              </ThemeIcon>
            </Stack>
            <Stack gap={6} style={{ minWidth: 0 }}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {KIND_WORDS[entry.kind]}
                  </Text>
                  <Text size="xs" c="dimmed" className="tabular">
                    {when}
                  </Text>
                  <Detectors entry={entry} />
                </Group>
                {ticked !== null && (
                  <Checkbox size="xs" label="Cite" checked={isTicked} onChange={(e) => onTick(entry.key, e.currentTarget.checked)} aria-label={citeLabel(entry, when)} styles={{ label: { paddingLeft: 6 } }} />
                )}
              </Group>
              <Body entry={entry} customerName={customerName} />
              {voiding !== null && first !== undefined && first.key === entry.key && (
                <Checkbox
                  id={voidBoxId(entry.id)}
                  size="xs"
                  color="red"
                  label={`Void this rating (${entry.id})`}
                  checked={voiding.picked.has(entry.id)}
                  onChange={(e) => voiding.onPick(entry.id, e.currentTarget.checked)}
                  data-testid={`void-${entry.id}`}
                />
              )}
              {voiding !== null && first !== undefined && first.key !== entry.key && <VoidPointer ratingId={entry.id} first={first} picked={voiding.picked.has(entry.id)} now={now} />}
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}
