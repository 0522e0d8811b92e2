// Items the end-to-end scenarios work on, added to the generated marketplace through the
// platform's development event log (SYNC-API.md), each scenario with its own ids.
import { DAY, HOUR, Log, MINUTE, Mirror, postEvents, serverNow, uid, type Client } from '../platform/contract/helpers';

export interface HeldBatch {
  designerId: string;
  projectId: string;
  /** In the held queue's order (same release time, then by id). */
  submissionIds: string[];
}

// Names people would have, so the screenshots read like a real marketplace; ids stay unique.
const PEOPLE = [
  ['mira', 'Mira Okafor'],
  ['jonas', 'Jonas Lindqvist'],
  ['amara', 'Amara Nwosu'],
  ['teo', 'Teodora Ilić'],
] as const;
const PROJECTS = ['Logo for Northwind Coffee', 'Wordmark for Kestrel Bikes', 'Logo for Lumen Yoga', 'Brand mark for Harbor & Pine'] as const;
const CUSTOMERS = ['Northwind Coffee', 'Kestrel Bikes', 'Lumen Yoga', 'Harbor & Pine'] as const;
let named = 0;

function customerJoined(log: Log, id: string): void {
  log.push({ at: log.now, type: 'customer.joined', data: { id, displayName: CUSTOMERS[named % CUSTOMERS.length] ?? CUSTOMERS[0] } });
}

function designerJoined(log: Log, id: string, verification: 'verified' | 'unverified'): void {
  const [handle, name] = PEOPLE[named % PEOPLE.length] ?? PEOPLE[0];
  log.push({ at: log.now, type: 'designer.joined', data: { id, handle: `${handle}_${id.slice(-4)}`, displayName: name, country: 'PT', verification } });
}

function projectLaunched(log: Log, id: string, customerId: string, durationMs: number): void {
  const title = PROJECTS[named % PROJECTS.length] ?? PROJECTS[0];
  log.push({ at: log.now, type: 'project.launched', data: { id, customerId, title, category: 'logo', kind: 'contest', endsAt: new Date(log.nowMs + durationMs).toISOString() } });
}

/** A verified designer rated 1 star in logos submits `n` logos to a fresh 3-day contest: all held (R3). */
export async function seedHeld(admin: Client, prefix: string, n: number): Promise<HeldBatch> {
  const log = new Log((await serverNow(admin)) + MINUTE);
  named += 1;
  const designerId = uid(`${prefix}-d`);
  const customerId = uid(`${prefix}-c`);
  const earlier = uid(`${prefix}-p0`);
  const rated = uid(`${prefix}-s0`);
  customerJoined(log, customerId);
  designerJoined(log, designerId, 'verified');
  log.wait(MINUTE);
  log.project(earlier, customerId, 10 * DAY).wait(MINUTE);
  log.submission(rated, earlier, designerId).wait(MINUTE);
  log.rating(rated, 1).wait(MINUTE);
  const projectId = uid(`${prefix}-p`);
  projectLaunched(log, projectId, customerId, 3 * DAY);
  log.wait(10 * MINUTE);
  const submissionIds: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const id = `${projectId}-s${i}`;
    submissionIds.push(id);
    log.submission(id, projectId, designerId).wait(MINUTE);
  }
  const result = await postEvents(admin, log);
  if (result.refused.length > 0) throw new Error(`seedHeld: refused ${JSON.stringify(result.refused)}`);
  return { designerId, projectId, submissionIds };
}

export interface PendingOne {
  designerId: string;
  projectId: string;
  submissionId: string;
}

/** An unverified designer's design, one hour into a 3-day contest's 7.2-hour launch window (R4). */
export async function seedPending(admin: Client, prefix: string): Promise<PendingOne> {
  const log = new Log((await serverNow(admin)) + MINUTE);
  named += 1;
  const designerId = uid(`${prefix}-d`);
  const customerId = uid(`${prefix}-c`);
  const projectId = uid(`${prefix}-p`);
  const submissionId = uid(`${prefix}-s`);
  customerJoined(log, customerId);
  designerJoined(log, designerId, 'unverified');
  log.wait(MINUTE);
  projectLaunched(log, projectId, customerId, 3 * DAY);
  log.wait(HOUR);
  log.submission(submissionId, projectId, designerId);
  const result = await postEvents(admin, log);
  if (result.refused.length > 0) throw new Error(`seedPending: refused ${JSON.stringify(result.refused)}`);
  return { designerId, projectId, submissionId };
}

export const INCENTIVE_MESSAGE = 'Please change your rating to 5 stars and the next logo is free.';

export interface FlagOne {
  designerId: string;
  handle: string;
  /** The rating the customer raised after the message (its id is the submission's). */
  raisedRatingId: string;
  flagId: string;
}

/**
 * A designer with two logo ratings, 3 stars from one customer and 1 from another, writes to the
 * second offering free work for a five-star rating; ten minutes later that rating becomes 5. The
 * logo rating stands at 4.00 (2); voiding the raised one leaves 3.00 (1). Returns the open flag
 * the platform raised (R12), found on its feed.
 */
export async function seedFlag(admin: Client, prefix: string): Promise<FlagOne> {
  const log = new Log((await serverNow(admin)) + MINUTE);
  const designerId = uid(`${prefix}-d`);
  const other = uid(`${prefix}-c1`);
  const customerId = uid(`${prefix}-c2`);
  const p1 = uid(`${prefix}-p1`);
  const p2 = uid(`${prefix}-p2`);
  const s1 = uid(`${prefix}-s1`);
  const raised = uid(`${prefix}-s2`);
  log.customer(other).customer(customerId).designer(designerId, 'verified').wait(MINUTE);
  log.project(p1, other, 10 * DAY).project(p2, customerId, 10 * DAY).wait(MINUTE);
  log.submission(s1, p1, designerId).submission(raised, p2, designerId).wait(MINUTE);
  log.rating(s1, 3).rating(raised, 1).wait(MINUTE);
  log.message(uid(`${prefix}-m`), designerId, customerId, INCENTIVE_MESSAGE, p2).wait(10 * MINUTE);
  log.rating(raised, 5);
  const result = await postEvents(admin, log);
  if (result.refused.length > 0) throw new Error(`seedFlag: refused ${JSON.stringify(result.refused)}`);
  const mirror = new Mirror(admin);
  await mirror.sync();
  const flag = mirror.all('flag').find((f) => f.designerId === designerId && f.status === 'open');
  if (flag === undefined) throw new Error(`seedFlag: no open flag on ${designerId}`);
  return { designerId, handle: mirror.get('designer', designerId).handle, raisedRatingId: raised, flagId: flag.id };
}
