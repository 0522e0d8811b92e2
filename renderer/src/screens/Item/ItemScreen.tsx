// One submission: the design large on the left, why it is here and who made it on the right,
// the decision bar at the bottom. Opening it claims it; leaving releases it. The next item is
// fetched while this one is on screen, so decide-and-next shows it at once.
import { Badge, Box, ScrollArea, Stack } from '@mantine/core';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { SUBMISSION_STATUS_TITLES } from '../../../../core';
import type { Queue, SubmissionItem } from '../../../../electron/contract';
import { useClaim } from '../../features/claims/claims';
import { EMPTY_DRAFT, draftProblem, draftReducer } from '../../features/decisions/draft';
import { useItemDecision } from '../../features/decisions/useItemDecision';
import { useItem } from '../../features/items/items';
import { useItemNavigation } from '../../features/items/useItemNavigation';
import { DEFAULT_VIEW, QUEUE_TITLES, itemPath, parseView, queuePath } from '../../features/queues/view';
import { useAbilities } from '../../features/session/session';
import { useSettings } from '../../features/settings/settings';
import { useHashSearch } from '../../routing/hashLocation';
import { useShortcuts } from '../../shortcuts';
import { ItemFrame, ItemGate } from '../../ui/ItemFrame';
import { ErrorState } from '../../ui/States';
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
  const query = useItem('submission', id);
  return (
    <ItemGate id={id} query={query} what="design">
      {(item) =>
        item.subjectType !== 'submission' ? (
          <ErrorState error={new Error(`${id} is a flag, not a submission.`)} />
        ) : (
          <SubmissionView item={item} queue={routeQueue ?? queueOf(item)} inQueue={routeQueue !== undefined} />
        )
      }
    </ItemGate>
  );
}

function SubmissionView({ item, queue, inQueue }: { item: SubmissionItem; queue: SubmissionQueue; inQueue: boolean }) {
  const abilities = useAbilities();
  const settings = useSettings();
  const search = useHashSearch();
  const view = useMemo(() => (inQueue ? parseView(queue, search) : DEFAULT_VIEW), [inQueue, queue, search]);
  const canDecide = abilities.decideSubmissions;
  const claim = useClaim('submission', item.id, canDecide);

  const [draft, dispatch] = useReducer(draftReducer, EMPTY_DRAFT);
  const [blurred, setBlurred] = useState(settings.data?.blurImages ?? false);
  const [zoomed, setZoomed] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useScreenFocus(rootRef, item.id);

  // A new item starts with a clean bar.
  useEffect(() => {
    dispatch({ type: 'reset' });
    setZoomed(false);
  }, [item.id]);

  useEffect(() => {
    setBlurred(settings.data?.blurImages ?? false);
  }, [item.id, settings.data?.blurImages]);

  const { back, goNext, undo } = useItemNavigation('submission', queue, view, item.id);

  const { busy, error, decide: send } = useItemDecision('submission', item.id, goNext);
  const decide = async (outcome: 'approve' | 'reject') => {
    if (!item.decidable) return;
    await send({
      outcome,
      ...(outcome === 'reject' && draft.reasonCode !== undefined ? { reasonCode: draft.reasonCode } : {}),
      ...(outcome === 'reject' && draft.note.trim() !== '' ? { note: draft.note.trim() } : {}),
      expectedRev: item.rev,
      queue,
      path: itemPath(queue, item.id, view),
    });
  };

  const submit = () => {
    if (!item.decidable) {
      void goNext();
      return;
    }
    if (draft.outcome === null || draftProblem(draft) !== null) return;
    void decide(draft.outcome);
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
    <ItemFrame
      rootRef={rootRef}
      testId="item-screen"
      itemId={item.id}
      backTitle={QUEUE_TITLES[queue]}
      backHref={`#${queuePath(queue, view)}`}
      titleId="item-title"
      title={item.project.title}
      badge={
        <Badge variant="light" color={item.decidable ? 'blue' : 'gray'} title={SUBMISSION_STATUS_TITLES[item.status]}>
          {statusWord(item.status)}
        </Badge>
      }
      aside={<LookersLine lookers={item.lookers} {...(others === undefined ? {} : { heldBy: others })} />}
      bar={
        canDecide ? (
          <DecisionBar item={item} draft={draft} dispatch={dispatch} busy={busy} error={error} onApprove={() => void decide('approve')} onSubmit={submit} onNext={() => void goNext()} onUndo={undo} noteRef={noteRef} />
        ) : null
      }
    >
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
    </ItemFrame>
  );
}
