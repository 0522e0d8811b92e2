// The signed-in moderator, their roles and the platform's clock offset. Screens below the
// sign-in gate read it from context, so none of them has to handle "signed out" again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Queue, Session } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { useNow } from '../clock/clock';
import { forgetPlaces } from '../queues/memory';
import { queryKeys } from '../queryKeys';

export function useSessionQuery() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.session, queryFn: () => api.session.get({}), staleTime: 60_000 });
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs a signed-in SessionProvider above it');
  return session;
}

/** Platform epoch ms now, re-rendering once a second: the clock every countdown runs on. */
export function usePlatformNow(): number {
  const { clockOffsetMs } = useSession();
  return useNow() + clockOffsetMs;
}

/** What the moderator's roles let them see and do (the rest is absent, not disabled: UI.md). */
export interface Abilities {
  queues: readonly Queue[];
  decideSubmissions: boolean;
  decideFlags: boolean;
  audit: boolean;
}

export function abilitiesOf(session: Pick<Session, 'moderator' | 'can'>): Abilities {
  const roles = new Set(session.moderator.roles);
  const all = roles.has('admin') || roles.has('auditor');
  const queues: Queue[] = [];
  if (all || roles.has('quality')) queues.push('held', 'review');
  if (all || roles.has('trust_safety')) queues.push('flags');
  return { queues, decideSubmissions: session.can.decideSubmissions, decideFlags: session.can.decideFlags, audit: session.can.audit };
}

export function useAbilities(): Abilities {
  return abilitiesOf(useSession());
}

/** Signs the workspace out and forgets everything cached for it. */
export function useSignOut(onDone: () => void) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.session.signOut({}),
    onSuccess: (signedOut) => {
      client.clear();
      forgetPlaces();
      client.setQueryData(queryKeys.session, signedOut);
      onDone();
    },
  });
}
