// The platform's store across versions: a store written before designers had a history is
// brought up to the wire shape by its migration, and its feed sends each designer again.
import { describe, expect, it } from 'vitest';
import knexFactory from 'knex';
import { designerSchema } from '../../core';
import { openStore } from '../../platform/store/store';
import { ev, openEngine, useEngines } from './helpers';

const { storePath, track } = useEngines();

describe('migration 0002: designer history', () => {
  it('gives a designer stored without a history its state from joinedAt, a new rev and a new seq', async () => {
    const path = storePath();
    const first = await openEngine(path);
    await first.engine.applyEvents([ev.designer('2026-11-02T08:00:00.000Z', 'd1', 'unverified'), ev.customer('2026-11-02T08:00:00.000Z', 'c1')]);
    await first.close();

    // Rewind the store to before the migration: the designer as it was written then.
    const knex = knexFactory({ client: 'sqlite3', connection: { filename: path }, useNullAsDefault: true });
    let lastBefore: number;
    try {
      lastBefore = Number((await knex('meta').where({ key: 'seq' }).first<{ value: string }>())?.value);
      const row: { data: string; seq: number } = await knex('entities').where({ type: 'designer', id: 'd1' }).first();
      const { history: _history, ...old } = designerSchema.parse(JSON.parse(row.data));
      await knex('entities').where({ type: 'designer', id: 'd1' }).update({ data: JSON.stringify(old) });
      await knex('knex_migrations').where({ name: '0002_designer_history' }).delete();
    } finally {
      await knex.destroy();
    }

    const store = await openStore(path);
    const rows = await store.feedRows(0, 100);
    await store.close();
    const designerRow = rows.find((r) => r.type === 'designer');
    const designer = designerSchema.parse(JSON.parse(designerRow?.data ?? 'null'));
    expect(designer).toMatchObject({ rev: 2, history: [{ at: '2026-11-02T08:00:00.000Z', verification: 'unverified', accountStatus: 'active' }] });
    // Sent again: a new change at the end of the feed.
    expect(lastBefore).toBeGreaterThan(0);
    expect(designerRow?.seq).toBe(lastBefore + 1);

    // And the engine carries on from there: the seq continues after it.
    const reopened = track(await openEngine(path));
    expect(reopened.store.lastSeq).toBe(designerRow?.seq);
  });
});
