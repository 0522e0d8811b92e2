// Designers carry a `history` of their verification and account status (SYNC-API.md). A store
// written before has designers without one: each gets the one entry that can be known, its
// current state from `joinedAt`, a new rev and a new seq, so a console pulling the feed is
// sent the designer again and never sees an entity the wire schema refuses.
import type { Knex } from 'knex';

interface Row {
  id: string;
  data: string;
}

export async function up(knex: Knex): Promise<void> {
  const rows: Row[] = await knex('entities').select('id', 'data').where({ type: 'designer', deleted: 0 }).orderBy('seq');
  const meta: { value: string } | undefined = await knex('meta').where({ key: 'seq' }).first();
  let seq = Number(meta?.value ?? 0);
  let changed = 0;
  for (const row of rows) {
    const designer: Record<string, unknown> = JSON.parse(row.data);
    if (Array.isArray(designer.history)) continue;
    const { joinedAt, verification, accountStatus, suspendedUntil } = designer;
    designer.history = [{ at: joinedAt, verification, accountStatus, ...(suspendedUntil === undefined ? {} : { suspendedUntil }) }];
    designer.rev = Number(designer.rev) + 1;
    seq += 1;
    changed += 1;
    await knex('entities').where({ type: 'designer', id: row.id }).update({ data: JSON.stringify(designer), seq });
  }
  if (changed > 0) await knex('meta').insert({ key: 'seq', value: String(seq) }).onConflict('key').merge();
}

export async function down(): Promise<void> {
  // The history stays: older code reads past a field it does not know.
}
