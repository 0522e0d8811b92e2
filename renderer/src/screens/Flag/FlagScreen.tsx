// One manipulation flag (RULES.md R12, UI.md "The item" for a flag): the evidence timeline on
// the left with each detector's hit above it; on the right why it is here, the designer and the
// customer — or, while confirming, the sanctions, their preview and the statement of reasons.
// The decision bar sits at the bottom. Opening the flag claims it; leaving releases it.
import './flag.css';
import { Anchor, Badge, Box, Button, Group, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FLAG_STATUS_TITLES } from '../../../../core';
import type { FlagItem } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { ConsoleApiError, describeError } from '../../api/errors';
import { useClaim } from '../../features/claims/claims';
import { useDecisions } from '../../features/decisions/DecisionsProvider';
import { useFlagDraft } from '../../features/flags/confirm';
import { sanctionsOf } from '../../features/flags/sanctions';
import { dismissReasonForKey } from '../../features/flags/words';
import { prefetchItem, useItem } from '../../features/items/items';
import { rememberPlace } from '../../features/queues/memory';
import { findNext } from '../../features/queues/useQueueWindow';
import { DEFAULT_VIEW, QUEUE_TITLES, itemPath, parseView, queuePath } from '../../features/queues/view';
import { queryKeys } from '../../features/queryKeys';
import { useAbilities } from '../../features/session/session';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { LookersLine } from '../Item/ItemFacts';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { ConfirmPanel } from './ConfirmPanel';
import { EvidenceTimeline } from './EvidenceTimeline';
import { FlagDecisionBar } from './FlagDecisionBar';
import { FlagCustomer, FlagDesigner, FlagRecord, FlagWhy, HitList } from './FlagFacts';

export function FlagScreen({ id, inQueue }: { id: string; inQueue: boolean }) {
  const item = useItem('flag', id);
  if (item.isPending) return <LoadingState label="Loading the flag…" />;
  if (item.isError) {
    if (item.error instanceof ConsoleApiError && item.error.status === 404) {
      return (
        <EmptyState title={`${id} is not on this machine yet`}>
          It appears here as soon as the sync brings it. If the id is wrong, go back with Esc or pick another from the palette (Ctrl K).
        </EmptyState>
      );
    }
    return <ErrorState error={item.error} title="This flag could not be loaded" onRetry={() => void item.refetch()} />;
  }
  if (item.data.subjectType !== 'flag') return <ErrorState error={new Error(`${id} is a submission, not a flag.`)} />;
  return <FlagView item={item.data} inQueue={inQueue} />;
}

function FlagView({ item, inQueue }: { item: FlagItem; inQueue: boolean }) {
  const api = useApi();
  const client = useQueryClient();
  const decisions = useDecisions();
  const abilities = useAbilities();
  const search = useHashSearch();
  const view = useMemo(() => (inQueue ? parseView('flags', search) : DEFAULT_VIEW), [inQueue, search]);
  const canDecide = abilities.decideFlags;
  const claim = useClaim('flag', item.id, canDecide);
  const draft = useFlagDraft(item, canDecide);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pointed, setPointed] = useState<number | null>(null);
  const [askBan, setAskBan] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const nextRef = useRef<Promise<string | null> | null>(null);

  useScreenFocus(rootRef, item.id);
  useEffect(() => rememberPlace('flags', view, { id: item.id }), [item.id, view]);

  useEffect(() => {
    const next = findNext(client, api, 'flags', view, item.id).catch(() => null);
    nextRef.current = next;
    void next.then((nextId) => (nextId === null ? undefined : prefetchItem(client, api, 'flag', nextId).catch(() => undefined)));
  }, [client, api, view, item.id]);

  const back = useCallback(() => navigate(queuePath('flags', view)), [view]);
  const goNext = useCallback(async () => {
    const nextId = await (nextRef.current ?? findNext(client, api, 'flags', view, item.id).catch(() => null));
    if (nextId === null || nextId === item.id) {
      back();
      return;
    }
    navigate(itemPath('flags', nextId, view), { replace: true });
  }, [client, api, view, item.id, back]);

  const send = async () => {
    if (busy || !item.decidable || !canDecide) return;
    const confirming = draft.mode === 'confirm';
    setBusy(true);
    setError(null);
    try {
      await decisions.decide({
        subjectType: 'flag',
        subjectId: item.id,
        expectedRev: item.rev,
        queue: 'flags',
        path: itemPath('flags', item.id, view),
        ...(confirming
          ? { outcome: 'confirm' as const, sanctions: sanctionsOf(draft.sanctions), statementOfReasons: draft.letter, evidenceKeys: item.timeline.filter((e) => draft.ticked.has(e.key)).map((e) => e.key) }
          : { outcome: 'dismiss' as const, reasonCode: draft.dismissReason ?? '', ...(draft.note.trim() === '' ? {} : { note: draft.note.trim() }) }),
      });
      await goNext();
    } catch (e) {
      setBusy(false);
      if (e instanceof ConsoleApiError && e.status === 409) {
        setError(`This flag changed before your decision reached it: ${e.detail} It now shows its current state.`);
        void client.invalidateQueries({ queryKey: queryKeys.item('flag', item.id) });
      } else {
        setError(describeError(e));
      }
    }
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

  const undo = () => {
    void decisions.undoLast().then((undone) => {
      const only = undone.length === 1 ? undone[0] : undefined;
      if (only?.path !== undefined && only.subjectId !== item.id) navigate(only.path);
    });
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
    <Box ref={rootRef} tabIndex={-1} style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, outline: 'none' }} aria-labelledby="flag-title" data-testid="flag-screen" data-item-id={item.id}>
      <Group px="lg" py="sm" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor href={`#${queuePath('flags', view)}`} size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
            <IconArrowLeft size={14} /> {QUEUE_TITLES.flags} <Text span size="xs" c="dimmed">(Esc)</Text>
          </Anchor>
          <Title order={1} id="flag-title" size="h2" lineClamp={1}>
            {title} <Text span c="dimmed" fw={400} size="sm">· {item.id}</Text>
          </Title>
          <Badge variant="light" color={item.decidable ? 'blue' : 'gray'}>
            {FLAG_STATUS_TITLES[item.status]}
          </Badge>
        </Group>
        <LookersLine lookers={item.lookers} {...(others === undefined ? {} : { heldBy: others })} />
      </Group>

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

      {canDecide ? (
        <FlagDecisionBar item={item} draft={draft} busy={busy} error={error} onSubmit={submit} onNext={() => void goNext()} onUndo={undo} noteRef={noteRef} />
      ) : (
        <Box px="lg" py="sm" style={{ borderTop: '1px solid var(--row-border)' }}>
          <Text size="sm" c="dimmed" data-testid="read-only">
            Read-only: your role looks at decisions but does not make them.
          </Text>
        </Box>
      )}

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
    </Box>
  );
}
