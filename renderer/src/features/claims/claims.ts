// Opening an item claims it (others see who is looking); leaving releases it. Claims are
// advisory: a claim someone else holds is shown, never a lock.
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import type { SubjectType } from '../queryKeys';

export interface ClaimState {
  claimed: boolean;
  heldBy?: string;
}

export function useClaim(subjectType: SubjectType, subjectId: string, enabled: boolean): ClaimState | null {
  const api = useApi();
  const [state, setState] = useState<ClaimState | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    api.claims
      .claim({ subjectType, subjectId })
      .then((answer) => {
        if (live) setState({ claimed: answer.claimed, ...(answer.heldBy === undefined ? {} : { heldBy: answer.heldBy }) });
      })
      .catch(() => {
        // A claim that fails (offline) only hides "who is looking"; the item stays usable.
        if (live) setState(null);
      });
    return () => {
      live = false;
      void api.claims.release({ subjectType, subjectId }).catch(() => undefined);
    };
  }, [api, subjectType, subjectId, enabled]);
  return state;
}
