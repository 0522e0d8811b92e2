// A queue view (filter + order) as URL parameters and back, so a view can be shared and
// restored from the hash. Unknown or malformed parameters are dropped one by one, never fatal.
import { CATEGORY_IDS, DETECTORS, type Category, type DetectorName } from '../../../../core';
import { queueFilterSchema, type Queue, type QueueFilter } from '../../../../electron/contract';
import type { QueueView } from '../queryKeys';

export const DEFAULT_VIEW: QueueView = { filter: {}, sort: 'due', order: 'asc' };

export const isCategory = (value: string): value is Category => (CATEGORY_IDS as readonly string[]).includes(value);
export const isDetector = (value: string): value is DetectorName => (DETECTORS as readonly string[]).includes(value);

export function parseView(queue: Queue, search: string): QueueView {
  const params = new URLSearchParams(search);
  const filter: QueueFilter = {};
  const category = params.get('category');
  if (category !== null && isCategory(category)) filter.category = category;
  const designer = params.get('designer');
  if (designer !== null && designer.length > 0 && designer.length <= 200) filter.designerId = designer;
  const project = params.get('project');
  if (project !== null && project.length > 0 && project.length <= 200) filter.projectId = project;
  const minAge = Number(params.get('minAge'));
  if (params.has('minAge') && Number.isFinite(minAge) && minAge > 0 && minAge <= 24 * 365) filter.minAgeHours = minAge;
  const maxAge = Number(params.get('maxAge'));
  if (params.has('maxAge') && Number.isFinite(maxAge) && maxAge > 0 && maxAge <= 24 * 365) filter.maxAgeHours = maxAge;
  if (queue === 'review') {
    if (params.get('dueSoon') === '1') filter.dueSoon = true;
    if (params.get('overdue') === '1') filter.overdue = true;
  }
  if (queue === 'flags') {
    const minScore = Number(params.get('minScore'));
    if (params.has('minScore') && Number.isFinite(minScore) && minScore > 0 && minScore <= 100) filter.minScore = minScore;
    const detector = params.get('detector');
    if (detector !== null && isDetector(detector)) filter.detector = detector;
  }
  // Whatever slipped through is still checked against the contract's own schema.
  const checked = queueFilterSchema.safeParse(filter);
  const sort = params.get('sort') === 'arrived' ? 'arrived' : 'due';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  return { filter: checked.success ? checked.data : {}, sort, order };
}

export function viewToSearch(view: QueueView): string {
  const params = new URLSearchParams();
  const f = view.filter;
  if (f.category !== undefined) params.set('category', f.category);
  if (f.designerId !== undefined) params.set('designer', f.designerId);
  if (f.projectId !== undefined) params.set('project', f.projectId);
  if (f.minAgeHours !== undefined) params.set('minAge', String(f.minAgeHours));
  if (f.maxAgeHours !== undefined) params.set('maxAge', String(f.maxAgeHours));
  if (f.dueSoon === true) params.set('dueSoon', '1');
  if (f.overdue === true) params.set('overdue', '1');
  if (f.minScore !== undefined) params.set('minScore', String(f.minScore));
  if (f.detector !== undefined) params.set('detector', f.detector);
  if (view.sort !== 'due') params.set('sort', view.sort);
  if (view.order !== 'asc') params.set('order', view.order);
  return params.toString();
}

export function queuePath(queue: Queue, view: QueueView = DEFAULT_VIEW): string {
  const search = viewToSearch(view);
  return search === '' ? `/queues/${queue}` : `/queues/${queue}?${search}`;
}

export function itemPath(queue: Queue, id: string, view: QueueView = DEFAULT_VIEW): string {
  const search = viewToSearch(view);
  const base = `/queues/${queue}/${encodeURIComponent(id)}`;
  return search === '' ? base : `${base}?${search}`;
}

export function isFiltered(view: QueueView): boolean {
  return Object.keys(view.filter).length > 0;
}

export const QUEUE_TITLES: Record<Queue, string> = {
  held: 'Held submissions',
  review: '48-hour reviews',
  flags: 'Manipulation flags',
};

export function isQueue(value: string): value is Queue {
  return value === 'held' || value === 'review' || value === 'flags';
}
