// Rebuilds the world from the store after a start: entities, then the indexes and timers they
// imply, so a restarted platform holds exactly what a continuous run would.
import { ENTITY_SCHEMAS, type EntityType, type Policy } from '../../core';
import type { Store } from '../store/store';
import { indexEntity, scheduleTimers } from './index-entities';
import type { TimerQueue } from './timers';
import type { World } from './world';

function isEntityType(type: string): type is EntityType {
  return Object.hasOwn(ENTITY_SCHEMAS, type);
}

export async function loadWorld(store: Store, world: World, timers: TimerQueue, policy: Policy): Promise<number> {
  const order: Array<{ type: EntityType; id: string }> = [];
  await store.eachEntity(20_000, (rows) => {
    for (const row of rows) {
      if (!isEntityType(row.type)) continue;
      // The store holds only what the engine wrote, so its JSON is trusted as the entity
      // rather than re-validated (millions of rows on a large dataset).
      const table: Map<string, unknown> = world.tables[row.type];
      table.set(row.id, JSON.parse(row.data));
      order.push({ type: row.type, id: row.id });
    }
  });
  // Indexes after every entity is in place: a submission's index needs its project.
  for (const { type, id } of order) {
    const entity = world.tables[type].get(id);
    if (entity === undefined) continue;
    indexEntity(world, type, entity);
    scheduleTimers(world, timers, policy, type, id);
  }
  for (const [key, value] of await store.aux()) {
    world.aux.set(key, value);
    if (key.startsWith('reviewVersionAt:')) world.reviewVersionAt.set(key.slice('reviewVersionAt:'.length), value);
  }
  return order.length;
}
