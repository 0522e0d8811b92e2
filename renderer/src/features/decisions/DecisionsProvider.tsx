// Deciding, undoing and hearing back: every decision made in this window goes through here, so
// the toasts, the undo key and the conflict alerts all see the same list.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Sanction } from '../../../../core';
import type { Queue } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { ConsoleApiError, describeError } from '../../api/errors';
import { navigate } from '../../routing/hashLocation';
import { useTicker } from '../clock/clock';
import { itemQuery } from '../items/items';
import { queryKeys, type SubjectType } from '../queryKeys';
import { hideDecisionToast, showConflict, showProblem, showQueued, showSettled, showWaiting } from './toasts';
import { DecisionTracker, outcomeDone, type TrackedDecision } from './tracker';

export interface DecideRequest {
  subjectType: SubjectType;
  subjectId: string;
  outcome: 'approve' | 'reject' | 'dismiss' | 'confirm';
  reasonCode?: string;
  note?: string;
  expectedRev?: number;
  /** A flag's confirmation: the sanctions, the letter to the designer, the evidence relied on. */
  sanctions?: Sanction[];
  statementOfReasons?: string;
  evidenceKeys?: string[];
  queue?: Queue;
  path?: string;
}

export interface BatchRequest {
  subjectIds: string[];
  outcome: 'approve' | 'reject';
  reasonCode?: string;
  note?: string;
  queue: Queue;
  undoSeconds: number;
}

export interface Decisions {
  tracker: DecisionTracker;
  decide(request: DecideRequest): Promise<TrackedDecision>;
  batch(request: BatchRequest): Promise<{ decided: number; skipped: { subjectId: string; reason: string }[] }>;
  /** Undoes the newest decision (or batch) still in its window; resolves with what was undone. */
  undoLast(): Promise<TrackedDecision[]>;
}

const DecisionsContext = createContext<Decisions | null>(null);

/** How long after the end of the undo window a decision may stay silent before we say it waits. */
const SILENCE_MS = 4000;

export function DecisionsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const client = useQueryClient();
  const ticker = useTicker();
  const trackerRef = useRef<DecisionTracker | null>(null);
  trackerRef.current ??= new DecisionTracker();
  const tracker = trackerRef.current;
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const announced = useRef(new Set<string>());

  const refresh = (subjectType: SubjectType, subjectId: string) => {
    void client.invalidateQueries({ queryKey: queryKeys.counts });
    void client.invalidateQueries({ queryKey: queryKeys.queuePages() });
    void client.invalidateQueries({ queryKey: queryKeys.item(subjectType, subjectId) });
    void client.invalidateQueries({ queryKey: queryKeys.decisions });
  };

  const value = useMemo<Decisions>(() => {
    const watchSilence = (d: TrackedDecision) => {
      const key = d.batchId ?? d.decisionId;
      const previous = timers.current.get(key);
      if (previous !== undefined) clearTimeout(previous);
      timers.current.set(
        key,
        setTimeout(() => {
          timers.current.delete(key);
          const now = tracker.get(d.decisionId);
          if (now !== undefined && (now.state === 'queued' || now.state === 'sending')) showWaiting(now);
        }, Math.max(0, d.sendsAtMs - ticker.now()) + SILENCE_MS),
      );
    };

    const undo = async (decisions: TrackedDecision[]): Promise<TrackedDecision[]> => {
      const undone: TrackedDecision[] = [];
      for (const d of decisions) {
        try {
          await api.decisions.undo({ decisionId: d.decisionId });
          tracker.update(d.decisionId, 'undone');
          undone.push(d);
          refresh(d.subjectType, d.subjectId);
        } catch (error) {
          if (error instanceof ConsoleApiError && error.status === 409) {
            showProblem('Too late to undo', 'This decision has already left the machine. If it was wrong, decide the item again from the journal.');
          } else {
            showProblem('Undo failed', describeError(error));
          }
        }
      }
      const first = undone[0];
      // The item an undo returns to is opened from the cache: its fresh copy (decidable again) is
      // in before we resolve, or the first key pressed there would meet the stale "pending" one.
      if (undone.length === 1 && first !== undefined) {
        await client.fetchQuery({ ...itemQuery(api, first.subjectType, first.subjectId), staleTime: 0 }).catch(() => undefined);
      }
      if (first !== undefined) showSettled(first, undone.length === 1 ? `Undone — the ${first.subjectType === 'flag' ? 'flag' : 'design'} is back in its queue.` : `Undone — ${undone.length} designs are back in their queue.`, 'gray');
      return undone;
    };

    return {
      tracker,
      async decide(request) {
        const { queue, path, ...input } = request;
        const answer = await api.decisions.decide(input);
        const sendsAtMs = Date.parse(answer.sendsAt);
        const tracked: TrackedDecision = {
          decisionId: answer.decisionId,
          subjectType: request.subjectType,
          subjectId: request.subjectId,
          outcome: request.outcome,
          ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
          state: 'queued',
          sendsAtMs: Number.isNaN(sendsAtMs) ? ticker.now() : sendsAtMs,
          ...(queue === undefined ? {} : { queue }),
          ...(path === undefined ? {} : { path }),
        };
        tracker.add(tracked);
        showQueued([tracked], () => void undo([tracked]));
        watchSilence(tracked);
        refresh(request.subjectType, request.subjectId);
        return tracked;
      },
      async batch(request) {
        const answer = await api.decisions.batch({
          subjectType: 'submission',
          subjectIds: request.subjectIds,
          outcome: request.outcome,
          ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
          ...(request.note === undefined || request.note === '' ? {} : { note: request.note }),
        });
        const batchId = `batch-${answer.decided[0]?.decisionId ?? 'empty'}`;
        // The batch answer has no sendsAt: the undo window starts now, as the service's does.
        const sendsAtMs = ticker.now() + request.undoSeconds * 1000;
        const tracked = answer.decided.map(
          (d): TrackedDecision => ({
            decisionId: d.decisionId,
            subjectType: 'submission',
            subjectId: d.subjectId,
            outcome: request.outcome,
            ...(request.reasonCode === undefined ? {} : { reasonCode: request.reasonCode }),
            state: 'queued',
            sendsAtMs,
            queue: request.queue,
            batchId,
          }),
        );
        for (const d of [...tracked].reverse()) tracker.add(d);
        if (tracked.length > 0) {
          showQueued(tracked, () => void undo(tracked));
          const first = tracked[0];
          if (first !== undefined) watchSilence(first);
        }
        void client.invalidateQueries({ queryKey: queryKeys.counts });
        void client.invalidateQueries({ queryKey: queryKeys.queuePages() });
        return { decided: tracked.length, skipped: answer.skipped };
      },
      undoLast: () => undo(tracker.lastUndoable(ticker.now())),
    };
    // refresh only closes over stable values (api, client).
  }, [api, client, ticker, tracker]);

  useEffect(
    () =>
      api.events.subscribe((event) => {
        if (event.type !== 'decision.changed') return;
        const before = tracker.update(event.decisionId, event.state);
        if (event.state === 'conflict' || event.state === 'refused') {
          if (before !== undefined) hideDecisionToast(before);
          const words = event.message ?? (event.state === 'conflict' ? 'Someone decided this item first.' : 'The platform refused this decision.');
          showConflict(event.decisionId, words, () => navigate(`/conflicts?focus=${encodeURIComponent(event.decisionId)}`));
          return;
        }
        if (before === undefined) return;
        const now = tracker.get(event.decisionId) ?? before;
        // "Sent" only once the platform has it: leaving the machine is not arriving.
        if (event.state === 'applied') {
          // A batch speaks once, when its first decision lands.
          const key = now.batchId ?? now.decisionId;
          if (!announced.current.has(key)) {
            announced.current.add(key);
            showSettled(now, `${outcomeDone(now.outcome)} · sent`);
          }
        }
      }),
    [api, tracker],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    };
  }, []);

  return <DecisionsContext.Provider value={value}>{children}</DecisionsContext.Provider>;
}

export function useDecisions(): Decisions {
  const value = useContext(DecisionsContext);
  if (value === null) throw new Error('useDecisions needs a DecisionsProvider above it');
  return value;
}
