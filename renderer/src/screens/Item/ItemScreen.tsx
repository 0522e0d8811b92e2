// One submission: the design large on the left, why it is here and who made it on the right,
// the decision bar at the bottom. Opening it claims it; leaving releases it. The next item is
// fetched while this one is on screen, so decide-and-next shows it at once.
import { Anchor, Badge, Box, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { SUBMISSION_STATUS_TITLES } from '../../../../core';
import type { Queue, SubmissionItem } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { ConsoleApiError, describeError } from '../../api/errors';
import { useClaim } from '../../features/claims/claims';
import { useDecisions } from '../../features/decisions/DecisionsProvider';
import { EMPTY_DRAFT, draftProblem, draftReducer } from '../../features/decisions/draft';
import { prefetchItem, useItem } from '../../features/items/items';
import { rememberPlace } from '../../features/queues/memory';
import { findNext } from '../../features/queues/useQueueWindow';
import { DEFAULT_VIEW, QUEUE_TITLES, itemPath, parseView, queuePath } from '../../features/queues/view';
import { queryKeys } from '../../features/queryKeys';
import { useAbilities } from '../../features/session/session';
import { useSettings } from '../../features/settings/settings';
import { navigate, useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { statusWord } from '../../ui/status';
import { useScreenFocus } from '../Shell/useScreenFocus';
import { DecisionBar } from './DecisionBar';
import { DesignView } from './DesignView';
import { DesignerCard, ItemCountdown, LookersLine, ProjectCard, WhyBlock } from './ItemFacts';

type SubmissionQueue = Exclude<Queue, 'flags'>;

/** The queue an item belongs to by its state, for an item opened by id. */
function queueOf(item: SubmissionItem): SubmissionQueue {
  return item.status === 'pending_review' || item.reviewDueAt !== undefined ? 'review' : 'held';
}

export function ItemScreen({ id, queue: routeQueue }: { id: string; queue?: SubmissionQueue }) {
  const item = useItem('submission', id);
  if (item.isPending) return <LoadingState label="Loading the design…" />;
  if (item.isError) {
    if (item.error instanceof ConsoleApiError && item.error.status === 404) {
      return (
        <EmptyState title={`${id} is not on this machine yet`}>
          It appears here as soon as the sync brings it. If the id is wrong, go back with Esc or pick another from the palette (Ctrl K).
        </EmptyState>
      );
    }
    return <ErrorState error={item.error} title="This item could not be loaded" onRetry={() => void item.refetch()} />;
  }
  if (item.data.subjectType !== 'submission') return <ErrorState error={new Error('Flags open in the flag view, which arrives with the next part of the console.')} />;
  return <SubmissionView item={item.data} queue={routeQueue ?? queueOf(item.data)} inQueue={routeQueue !== undefined} />;
}

function SubmissionView({ item, queue, inQueue }: { item: SubmissionItem; queue: SubmissionQueue; inQueue: boolean }) {
  const api = useApi();
  const client = useQueryClient();
  const decisions = useDecisions();
  const abilities = useAbilities();
  const settings = useSettings();
  const search = useHashSearch();
  const view = useMemo(() => (inQueue ? parseView(queue, search) : DEFAULT_VIEW), [inQueue, queue, search]);
  const canDecide = abilities.decideSubmissions;
  const claim = useClaim('submission', item.id, canDecide);

  const [draft, dispatch] = useReducer(draftReducer, EMPTY_DRAFT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [blurred, setBlurred] = useState(settings.data?.blurImages ?? false);
  const [zoomed, setZoomed] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const nextRef = useRef<Promise<string | null> | null>(null);

  useScreenFocus(rootRef, item.id);

  // A new item starts with a clean bar.
  useEffect(() => {
    dispatch({ type: 'reset' });
    setError(null);
    setBusy(false);
    setZoomed(false);
    rememberPlace(queue, view, { id: item.id });
  }, [item.id, queue, view]);

  useEffect(() => {
    setBlurred(settings.data?.blurImages ?? false);
  }, [item.id, settings.data?.blurImages]);

  // The next item, found and loaded while this one is on screen.
  useEffect(() => {
    const next = findNext(client, api, queue, view, item.id).catch(() => null);
    nextRef.current = next;
    void next.then((nextId) => (nextId === null ? undefined : prefetchItem(client, api, 'submission', nextId).catch(() => undefined)));
  }, [client, api, queue, view, item.id]);

  const back = useCallback(() => navigate(queuePath(queue, view)), [queue, view]);

  const goNext = useCallback(async () => {
    const nextId = await (nextRef.current ?? findNext(client, api, queue, view, item.id).catch(() => null));
    if (nextId === null || nextId === item.id) {
      back();
      return;
    }
    navigate(itemPath(queue, nextId, view), { replace: true });
  }, [client, api, queue, view, item.id, back]);

  const decide = async (outcome: 'approve' | 'reject') => {
    if (busy || !item.decidable) return;
    setBusy(true);
    setError(null);
    try {
      await decisions.decide({
        subjectType: 'submission',
        subjectId: item.id,
        outcome,
        ...(outcome === 'reject' && draft.reasonCode !== undefined ? { reasonCode: draft.reasonCode } : {}),
        ...(outcome === 'reject' && draft.note.trim() !== '' ? { note: draft.note.trim() } : {}),
        expectedRev: item.rev,
        queue,
        path: itemPath(queue, item.id, view),
      });
      await goNext();
    } catch (e) {
      setBusy(false);
      if (e instanceof ConsoleApiError && e.status === 409) {
        setError(`This design changed before your decision reached it: ${e.detail} It now shows its current state.`);
        void client.invalidateQueries({ queryKey: queryKeys.item('submission', item.id) });
      } else {
        setError(describeError(e));
      }
    }
  };

  const submit = () => {
    if (!item.decidable) {
      void goNext();
      return;
    }
    if (draft.outcome === null || draftProblem(draft) !== null) return;
    void decide(draft.outcome);
  };

  const undo = () => {
    void decisions.undoLast().then((undone) => {
      const only = undone.length === 1 ? undone[0] : undefined;
      if (only?.path !== undefined && only.subjectId !== item.id) navigate(only.path);
    });
  };

  useShortcuts(
    {
      back,
      blur: () => setBlurred((b) => !b),
      zoom: () => setZoomed((z) => !z),
      ...(canDecide
        ? {
            approve: () => void decide('approve'),
            reject: () => item.decidable && dispatch({ type: 'reject' }),
            reason: (e: KeyboardEvent) => item.decidable && dispatch({ type: 'reason', key: e.key }),
            note: () => {
              if (!item.decidable) return;
              dispatch({ type: 'reject' });
              setTimeout(() => noteRef.current?.focus(), 0);
            },
            decideNext: submit,
          }
        : { decideNext: () => void goNext() }),
    },
    !zoomed,
  );

  const others = claim?.claimed === false ? claim.heldBy : undefined;
  const alt = `Design by @${item.designer.handle} for “${item.project.title}”`;

  return (
    <Box ref={rootRef} tabIndex={-1} style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, outline: 'none' }} aria-labelledby="item-title" data-testid="item-screen" data-item-id={item.id}>
      <Group px="lg" py="sm" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--row-border)' }}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor href={`#${queuePath(queue, view)}`} size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
            <IconArrowLeft size={14} /> {QUEUE_TITLES[queue]} <Text span size="xs" c="dimmed">(Esc)</Text>
          </Anchor>
          <Title order={1} id="item-title" size="h2" lineClamp={1}>
            {item.project.title} <Text span c="dimmed" fw={400} size="sm">· {item.id}</Text>
          </Title>
          <Badge variant="light" color={item.decidable ? 'blue' : 'gray'} title={SUBMISSION_STATUS_TITLES[item.status]}>
            {statusWord(item.status)}
          </Badge>
        </Group>
        <LookersLine lookers={item.lookers} {...(others === undefined ? {} : { heldBy: others })} />
      </Group>

      <Box style={{ flex: 1, minHeight: 0, display: 'flex', gap: 'var(--mantine-spacing-lg)', padding: 'var(--mantine-spacing-lg)' }}>
        <Box style={{ flex: '3 1 0', minWidth: 0 }}>
          <DesignView assetId={item.assetId} alt={alt} blurred={blurred} onBlur={() => setBlurred((b) => !b)} zoomed={zoomed} onZoom={setZoomed} />
        </Box>
        <ScrollArea style={{ flex: '2 1 0', minWidth: 300 }} type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': 'Why it is here, the designer and the project' }}>
          <Stack gap="lg" pr="xs">
            <WhyBlock item={item} />
            <ItemCountdown item={item} />
            <DesignerCard item={item} />
            <ProjectCard item={item} />
          </Stack>
        </ScrollArea>
      </Box>

      {canDecide ? (
        <DecisionBar item={item} draft={draft} dispatch={dispatch} busy={busy} error={error} onApprove={() => void decide('approve')} onSubmit={submit} onNext={() => void goNext()} onUndo={undo} noteRef={noteRef} />
      ) : (
        <Box px="lg" py="sm" style={{ borderTop: '1px solid var(--row-border)' }}>
          <Text size="sm" c="dimmed" data-testid="read-only">
            Read-only: your role looks at decisions but does not make them.
          </Text>
        </Box>
      )}
    </Box>
  );
}
