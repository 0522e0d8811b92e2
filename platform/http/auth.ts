// Bearer tokens → moderators (SYNC-API "Auth and roles"). Development mode uses the fixed
// tokens; otherwise a random token per moderator is minted at each start and printed. Roles
// are checked here, once (requireRole).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Moderator, Role, SubjectType } from '../../core';
import { HttpProblem } from './problem';

/** The platform's moderators, one per role, and the fixed token each has in development mode. */
const MODERATORS: ReadonlyArray<{ devToken: string; moderator: Moderator }> = [
  { devToken: 'dev-quality', moderator: { id: 'mod-quality', rev: 1, displayName: 'Quality', roles: ['quality'] } },
  { devToken: 'dev-trust', moderator: { id: 'mod-trust', rev: 1, displayName: 'Trust & Safety', roles: ['trust_safety'] } },
  { devToken: 'dev-auditor', moderator: { id: 'mod-auditor', rev: 1, displayName: 'Auditor', roles: ['auditor'] } },
  { devToken: 'dev-admin', moderator: { id: 'mod-admin', rev: 1, displayName: 'Admin', roles: ['admin'] } },
];

/** The moderators as this run names them: marked "(dev)" in development mode only. */
export function moderatorsFor(dev: boolean): Moderator[] {
  return MODERATORS.map(({ moderator }) => (dev ? { ...moderator, displayName: `${moderator.displayName} (dev)` } : moderator));
}

export interface TokenTable {
  /** token → moderator id */
  readonly tokens: ReadonlyMap<string, string>;
  /** For printing: moderator id → token. */
  readonly byModerator: ReadonlyArray<{ token: string; moderatorId: string }>;
}

export function tokenTable(dev: boolean): TokenTable {
  const entries = MODERATORS.map(({ devToken, moderator }) => ({
    // Outside development mode a fixed token would be a known password: mint fresh ones.
    token: dev ? devToken : `${devToken.replace('dev-', '')}-${randomBytes(18).toString('base64url')}`,
    moderatorId: moderator.id,
  }));
  return { tokens: new Map(entries.map((e) => [e.token, e.moderatorId])), byModerator: entries };
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export function authenticate(req: IncomingMessage, table: TokenTable, moderators: ReadonlyMap<string, Moderator>): Moderator {
  const token = bearerToken(req);
  if (token === null) {
    throw new HttpProblem(401, 'unauthorized', 'Send Authorization: Bearer <token>.', {}, { 'WWW-Authenticate': 'Bearer' });
  }
  const id = table.tokens.get(token);
  const moderator = id === undefined ? undefined : moderators.get(id);
  if (moderator === undefined) {
    throw new HttpProblem(401, 'unauthorized', 'The token is not valid; sign in again.', {}, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  return moderator;
}

/** Who works each queue (SYNC-API "Auth and roles"): admin may do everything, auditors read only. */
const ROLE_OF_SUBJECT = { submission: 'quality', flag: 'trust_safety' } as const satisfies Record<SubjectType, Role>;

/**
 * The one role check: deciding or claiming a subject needs the role of its queue (or admin);
 * a 403 problem otherwise. Claims follow decisions: "I am looking at this" is only useful from
 * someone who may decide it.
 */
export function requireRole(moderator: Moderator, subjectType: SubjectType, action: 'decide' | 'claim'): void {
  const needs = ROLE_OF_SUBJECT[subjectType];
  if (moderator.roles.includes('admin') || moderator.roles.includes(needs)) return;
  const verb = action === 'decide' ? 'Deciding' : 'Claiming';
  throw new HttpProblem(403, 'forbidden', `${verb} a ${subjectType} needs the ${needs} or admin role; ${moderator.id} has ${moderator.roles.join(', ')}.`);
}
