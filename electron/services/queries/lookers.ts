// Who else is looking (the platform's claims, from the cache): the claims on these subjects that
// have not expired by the platform's clock.
import { toIso } from '../../../core';
import type { Looker } from '../../contract';
import type { QueryContext } from './context';

export async function lookersOf(ctx: QueryContext, subjectType: 'submission' | 'flag', ids: readonly string[]): Promise<Map<string, Looker[]>> {
  const result = new Map<string, Looker[]>();
  if (ids.length === 0) return result;
  const now = toIso(ctx.platformNow());
  const rows: Array<{ subject_id: string; moderator_id: string; expires_at: string; display_name: string | null }> = await ctx
    .read('claims as c')
    .leftJoin('moderators as m', 'm.id', 'c.moderator_id')
    .where('c.subject_type', subjectType)
    .whereIn('c.subject_id', ids.slice(0, 500))
    .where('c.expires_at', '>', now)
    .select('c.subject_id', 'c.moderator_id', 'c.expires_at', 'm.display_name');
  for (const row of rows) {
    const list = result.get(row.subject_id) ?? [];
    if (list.length < 20) list.push({ moderatorId: row.moderator_id, displayName: row.display_name ?? row.moderator_id, expiresAt: row.expires_at, mine: row.moderator_id === ctx.moderatorId });
    result.set(row.subject_id, list);
  }
  return result;
}
