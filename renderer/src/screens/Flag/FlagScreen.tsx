// One manipulation flag (RULES.md R12, UI.md "The item" for a flag): the evidence timeline on
// the left with each detector's hit above it; on the right why it is here, the designer and the
// customer — or, while confirming, the sanctions, their preview and the statement of reasons.
// The decision bar sits at the bottom. Opening the flag claims it; leaving releases it.
import './flag.css';
import { Badge, Box, Button, Group, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { FLAG_STATUS_TITLES } from '../../../../core';
import type { FlagItem } from '../../../../electron/contract';
import { useClaim } from '../../features/claims/claims';
import { useItemDecision } from '../../features/decisions/useItemDecision';
import { useFlagDraft } from '../../features/flags/confirm';
import { sanctionsOf } from '../../features/flags/sanctions';
import { dismissReasonForKey } from '../../features/flags/words';
import { useItem } from '../../features/items/items';
import { useItemNavigation } from '../../features/items/useItemNavigation';
import { DEFAULT_VIEW, QUEUE_TITLES, itemPath, parseView, queuePath } from '../../features/queues/view';
import { useAbilities } from '../../features/session/session';
import { useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { ItemFrame, ItemGate } from '../../ui/ItemFrame';
import { ErrorState } from '../../ui/States';
import { LookersLine } from '../Item/ItemFacts';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { ConfirmPanel } from './ConfirmPanel';
import { EvidenceTimeline } from './EvidenceTimeline';
import { FlagDecisionBar } from './FlagDecisionBar';
import { FlagCustomer, FlagDesigner, FlagRecord, FlagWhy, HitList } from './FlagFacts';

export function FlagScreen({ id, inQueue }: { id: string; inQueue: boolean }) {
  const query = useItem('flag', id);
  return (
    <ItemGate id={id} query={query} what="flag">
      {(item) => (item.subjectType !== 'flag' ? <ErrorState error={new Error(`${id} is a submission, not a flag.`)} /> : <FlagView item={item} inQueue={inQueue} />)}
    </ItemGate>
  );
}

function FlagView({ item, inQueue }: { item: FlagItem; inQueue: boolean }) {
  const abilities = useAbilities();
  const search = useHashSearch();
  const view = useMemo(() => (inQueue ? parseView('flags', search) : DEFAULT_VIEW), [inQueue, search]);
  const canDecide = abilities.decideFlags;
  const claim = useClaim('flag', item.id, canDecide);
  const draft = useFlagDraft(item, canDecide);
  const [pointed, setPointed] = useState<number | null>(null);
  const [askBan, setAskBan] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useScreenFocus(rootRef, item.id);
  const { back, goNext, undo } = useItemNavigation('flag', 'flags', view, item.id);

  const { busy, error, decide } = useItemDecision('flag', item.id, goNext);
  const send = async () => {
    if (!item.decidable || !canDecide) return;
    await decide({
      expectedRev: item.rev,
      queue: 'flags',
      path: itemPath('flags', item.id, view),
      ...(draft.mode === 'confirm'
        ? { outcome: 'confirm' as const, sanctions: sanctionsOf(draft.sanctions), statementOfReasons: draft.letter, evidenceKeys: item.timeline.filter((e) => draft.ticked.has(e.key)).map((e) => e.key) }
        : { outcome: 'dismiss' as const, reasonCode: draft.dismissReason ?? '', ...(draft.note.trim() === '' ? {} : { note: draft.note.trim() }) }),
    });
  };

  const submit = () => {
    if (!item.decidable || !canDecide) {
      void goNext();
      return;
    }
    if (draft.mode === 'dismiss' && draft.dismissProblems.length === 0) void send();
    else if (draft.mode === 'confirm' && draft.confirmProblems.length === 0) {
      // A ban is asked twice: once in the form, once here.
      if (draft.sanctions.ban === 'armed') setAskBan(true);
      else void send();
    }
  };

  const decidable = canDecide && item.decidable;
  useShortcuts(
    {
      back: () => (draft.mode !== null ? draft.setMode(null) : back()),
      ...(decidable
        ? {
            dismiss: () => draft.setMode('dismiss'),
            confirmFlag: () => draft.setMode('confirm'),
            dismissReason: (e: KeyboardEvent) => {
              if (draft.mode !== 'dismiss') return;
              const code = dismissReasonForKey(e.key);
              if (code !== undefined) draft.setDismissReason(code);
            },
            note: () => {
              draft.setMode('dismiss');
              setTimeout(() => noteRef.current?.focus(), 0);
            },
            decideNext: submit,
          }
        : { decideNext: () => void goNext() }),
    },
    !askBan,
  );

  const others = claim?.claimed === false ? claim.heldBy : undefined;
  const focus = useMemo(() => new Set(pointed === null ? [] : (item.hits[pointed]?.evidenceKeys ?? [])), [pointed, item.hits]);
  const pickable = useMemo(() => new Set(item.ratings.filter((r) => !r.voided).map((r) => r.id)), [item.ratings]);
  const picked = useMemo(() => new Set(draft.sanctions.ratingIds), [draft.sanctions.ratingIds]);
  const confirming = decidable && draft.mode === 'confirm';
  const title = item.customer === undefined ? `@${item.designer.handle}` : `@${item.designer.handle} and ${item.customer.displayName}`;

  return (
    <ItemFrame
      rootRef={rootRef}
      testId="flag-screen"
      itemId={item.id}
      backTitle={QUEUE_TITLES.flags}
      backHref={`#${queuePath('flags', view)}`}
      titleId="flag-title"
      title={title}
      badge={
        <Badge variant="light" color={item.decidable ? 'blue' : 'gray'}>
          {FLAG_STATUS_TITLES[item.status]}
        </Badge>
      }
      aside={<LookersLine lookers={item.lookers} {...(others === undefined ? {} : { heldBy: others })} />}
      bar={canDecide ? <FlagDecisionBar item={item} draft={draft} busy={busy} error={error} onSubmit={submit} onNext={() => void goNext()} onUndo={undo} noteRef={noteRef} /> : null}
    >
      <Box style={{ flex: 1, minHeight: 0, display: 'flex', gap: 'var(--mantine-spacing-lg)', padding: '0 0 0 var(--mantine-spacing-lg)' }}>
        <ScrollArea style={{ flex: '3 1 0', minWidth: 0 }} type="auto" offsetScrollbars>
          <Stack gap="md" py="md" pr="xs">
            <HitList item={item} active={pointed} onPoint={setPointed} />
            <Box>
              <Title order={2} size="h4" c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }} mb={4}>
                Evidence ({item.timeline.length})
              </Title>
              <EvidenceTimeline
                entries={item.timeline}
                ticked={decidable ? draft.ticked : null}
                onTick={draft.tick}
                focus={focus}
                voiding={confirming ? { pickable, picked, onPick: (ratingId, on) => draft.sanction({ type: 'rating', id: ratingId, on }) } : null}
                customerName={item.customer?.displayName}
              />
            </Box>
          </Stack>
        </ScrollArea>
        <ScrollArea style={{ flex: '2 1 0', minWidth: 340 }} type="auto" offsetScrollbars>
          <Stack gap="lg" py="md" pr="lg">
            <FlagWhy item={item} />
            {confirming ? (
              <ConfirmPanel item={item} draft={draft} />
            ) : (
              <>
                <FlagDesigner item={item} />
                <FlagCustomer item={item} />
                <FlagRecord item={item} />
              </>
            )}
          </Stack>
        </ScrollArea>
      </Box>

      <Modal opened={askBan} onClose={() => setAskBan(false)} title={`Ban @${item.designer.handle} for good?`} centered>
        <Stack gap="sm">
          <Text size="sm">
            This is the second time you are asked. The ban is sent with the statement of reasons when the undo window ends; the designer can no longer use the marketplace and can only appeal.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setAskBan(false)} data-autofocus>
              Not now
            </Button>
            <Button
              color="red"
              onClick={() => {
                setAskBan(false);
                void send();
              }}
            >
              Ban and send
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ItemFrame>
  );
}
