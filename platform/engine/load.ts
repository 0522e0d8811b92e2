// Rebuilds the world from the store after a start (or a roll-back): entities, then the indexes
// and timers they imply, so a restarted platform holds exactly what a continuous run would.
import { ENTITY_SCHEMAS, type EntityOf, type EntityType, type Policy } from '../../core';
import type { Store } from '../store/store';
import { World } from './world';

function isEntityType(type: string): type is EntityType {
  return Object.hasOwn(ENTITY_SCHEMAS, type);
}

export async function loadWorld(store: Pick<Store, 'eachEntity' | 'aux'>, policy: Policy): Promise<World> {
  const world = new World(policy);
  const entities: Array<{ type: EntityType; entity: EntityOf<EntityType> }> = [];
  await store.eachEntity(20_000, (rows) => {
    for (const row of rows) {
      if (!isEntityType(row.type)) continue;
      // The store holds only what the engine wrote, so its JSON is trusted as the entity
      // rather than re-validated (millions of rows on a large dataset).
      const entity: EntityOf<EntityType> = JSON.parse(row.data);
      entities.push({ type: row.type, entity });
    }
  });
  world.restore(entities);
  for (const [key, value] of await store.aux()) {
    world.aux.set(key, value);
    if (key.startsWith('reviewVersionAt:')) world.reviewVersionAt.set(key.slice('reviewVersionAt:'.length), value);
  }
  return world;
}
