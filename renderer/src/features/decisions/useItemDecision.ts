// Deciding the item on screen, for a submission and a flag alike: busy while the decision goes,
// then the next item; a refusal keeps the item and says why in words, and a 409 (the item changed
// first) reloads it so the screen shows its current state.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ConsoleApiError, describeError } from '../../api/errors';
import { queryKeys, type SubjectType } from '../queryKeys';
import { useDecisions, type DecideRequest } from './DecisionsProvider';

export interface ItemDecision {
  busy: boolean;
  error: string | null;
  /** Sends the decision on this item and opens the next; does nothing while one is going. */
  decide: (request: Omit<DecideRequest, 'subjectType' | 'subjectId'>) => Promise<void>;
}

export function useItemDecision(subjectType: SubjectType, itemId: string, goNext: () => Promise<void>): ItemDecision {
  const client = useQueryClient();
  const decisions = useDecisions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A new item starts with a clean bar.
  useEffect(() => {
    setBusy(false);
    setError(null);
  }, [itemId]);

  const decide = async (request: Omit<DecideRequest, 'subjectType' | 'subjectId'>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await decisions.decide({ subjectType, subjectId: itemId, ...request });
      await goNext();
    } catch (e) {
      setBusy(false);
      if (e instanceof ConsoleApiError && e.status === 409) {
        setError(`This ${subjectType === 'flag' ? 'flag' : 'design'} changed before your decision reached it: ${e.detail} It now shows its current state.`);
        void client.invalidateQueries({ queryKey: queryKeys.item(subjectType, itemId) });
      } else {
        setError(describeError(e));
      }
    }
  };

  return { busy, error, decide };
}
