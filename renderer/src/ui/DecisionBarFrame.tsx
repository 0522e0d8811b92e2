// The frame both decision bars share (a submission's and a flag's), sticky at the bottom of the
// item: what is being drafted above, the refusal in words, the decision buttons with Undo on the
// left and, on the right, what still stops the decision beside the button that sends it. An item
// with nothing to decide gets one line saying why, and the way on.
import { Alert, Box, Button, Chip, Group, Kbd, Text, type ChipProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SubmissionItem } from '../../../electron/contract';
import { useNow } from '../features/clock/clock';
import { outcomeDone } from '../features/decisions/tracker';
import { KeyHint } from './KeyHint';

/** A decision made here that has not left the machine yet (an item's or a flag's: the same shape). */
type Pending = NonNullable<SubmissionItem['pending']>;

const barStyle = { borderTop: '1px solid var(--row-border)', background: 'var(--mantine-color-body)' };

export function UndoButton({ onUndo, compact = false }: { onUndo: () => void; compact?: boolean }) {
  const look = compact ? ({ size: 'compact-sm', variant: 'light' } as const) : ({ variant: 'subtle', color: 'gray' } as const);
  return (
    <Button {...look} onClick={onUndo} rightSection={<KeyHint id="undo" />}>
      Undo
    </Button>
  );
}

/** A decision made here that has not left the machine: its countdown, and Undo while it lasts. */
export function PendingLine({ pending, onUndo }: { pending: Pending; onUndo: () => void }) {
  const now = useNow();
  const left = Math.ceil((Date.parse(pending.sendsAt) - now) / 1000);
  return (
    <Group gap="sm">
      <Text size="sm" fw={500} data-testid="decision-state">
        {outcomeDone(pending.outcome)} here — {pending.state === 'sending' || left <= 0 ? 'on its way to the platform' : `sending in ${left} s`}
      </Text>
      {pending.state === 'queued' && left > 0 && <UndoButton onUndo={onUndo} compact />}
    </Group>
  );
}

/** The bar of an item with nothing to decide: the line saying why, and the next item. */
export function ClosedBar({ line, nextLabel, onNext }: { line: ReactNode; nextLabel: string; onNext: () => void }) {
  return (
    <Box px="lg" py="sm" style={barStyle} role="region" aria-label="Decision">
      <Group justify="space-between" wrap="nowrap">
        {line}
        <Button variant="default" onClick={onNext} rightSection={<Kbd size="xs">⏎</Kbd>}>
          {nextLabel}
        </Button>
      </Group>
    </Box>
  );
}

export interface DecisionBarFrameProps {
  /** The draft's own controls (reason chips, note), above the buttons while drafting. */
  draft: ReactNode;
  error: string | null;
  /** The decision buttons, before Undo. */
  actions: ReactNode;
  onUndo: () => void;
  hint: string;
  /** The button that sends the draft, when there is a draft to send. */
  send: ReactNode;
}

export function DecisionBarFrame({ draft, error, actions, onUndo, hint, send }: DecisionBarFrameProps) {
  return (
    <Box px="lg" py="sm" style={barStyle} role="region" aria-label="Decision">
      {draft}
      {error !== null && (
        <Alert color="red" variant="light" py={6} mb="xs" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {actions}
          <UndoButton onUndo={onUndo} />
        </Group>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {/* Cut short only on a narrow window; the whole of it on hover. */}
          <Text size="sm" c="dimmed" data-testid="draft-hint" truncate title={hint}>
            {hint}
          </Text>
          {send}
        </Group>
      </Group>
    </Box>
  );
}

/** The send button of a draft, with ⏎ beside it. */
export function SendButton({ label, color, disabled, busy, onSubmit }: { label: string; color?: string; disabled: boolean; busy: boolean; onSubmit: () => void }) {
  return (
    <Button color={color} onClick={onSubmit} disabled={disabled || busy} loading={busy} rightSection={<Kbd size="xs">⏎</Kbd>} style={{ flexShrink: 0 }}>
      {label}
    </Button>
  );
}

/** Reasons to pick from, each with its number key shown on the chip. */
export function KeyedChips<C extends string>({
  label,
  choices,
  value,
  onPick,
  look,
}: {
  label: string;
  choices: readonly { code: C; key: string; title: string }[];
  value: C | undefined;
  onPick: (code: C) => void;
  look: Pick<ChipProps, 'size' | 'variant' | 'color' | 'styles'>;
}) {
  return (
    <Chip.Group
      value={value ?? null}
      onChange={(code) => {
        const choice = choices.find((c) => c.code === code);
        if (choice !== undefined) onPick(choice.code);
      }}
    >
      <Group gap={6} role="radiogroup" aria-label={label}>
        {choices.map((r) => (
          <Chip key={r.code} value={r.code} icon={null} {...look}>
            <Group gap={5} wrap="nowrap" component="span">
              <Kbd size="xs">{r.key}</Kbd>
              {r.title}
            </Group>
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
