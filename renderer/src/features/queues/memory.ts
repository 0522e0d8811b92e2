// Where the moderator was in each queue view (the cursor row and the scroll), so coming back from
// an item lands on the same row, or on the one after it when the item has left the queue.
import type { Queue } from '../../../../electron/contract';
import type { QueueView } from '../queryKeys';
import { viewToSearch } from './view';

export interface QueuePlace {
  id: string | null;
  index: number;
  scrollTop: number;
}

const places = new Map<string, QueuePlace>();
const MAX_PLACES = 50;

const keyOf = (queue: Queue, view: QueueView) => `${queue}?${viewToSearch(view)}`;

export function recallPlace(queue: Queue, view: QueueView): QueuePlace {
  return places.get(keyOf(queue, view)) ?? { id: null, index: 0, scrollTop: 0 };
}

export function rememberPlace(queue: Queue, view: QueueView, place: Partial<QueuePlace>): void {
  const key = keyOf(queue, view);
  const before = places.get(key) ?? { id: null, index: 0, scrollTop: 0 };
  places.delete(key);
  places.set(key, { ...before, ...place });
  if (places.size > MAX_PLACES) {
    const oldest = places.keys().next().value;
    if (oldest !== undefined) places.delete(oldest);
  }
}

/** Forgets every place (a sign-out, a fresh test). */
export function forgetPlaces(): void {
  places.clear();
}
