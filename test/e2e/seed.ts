// Items the end-to-end scenarios work on, added to the generated marketplace through the
// platform's development event log (SYNC-API.md), each scenario with its own ids.
import { DAY, HOUR, Log, MINUTE, postEvents, serverNow, uid, type Client } from '../platform/contract/helpers';

export interface HeldBatch {
  designerId: string;
  projectId: string;
  /** In the held queue's order (same release time, then by id). */
  submissionIds: string[];
}

/** A verified designer rated 1 star in logos submits `n` logos to a fresh 3-day contest: all held (R3). */
export async function seedHeld(admin: Client, prefix: string, n: number): Promise<HeldBatch> {
  const log = new Log((await serverNow(admin)) + MINUTE);
  const designerId = uid(`${prefix}-d`);
  const customerId = uid(`${prefix}-c`);
  const earlier = uid(`${prefix}-p0`);
  const rated = uid(`${prefix}-s0`);
  log.customer(customerId).designer(designerId, 'verified').wait(MINUTE);
  log.project(earlier, customerId, 10 * DAY).wait(MINUTE);
  log.submission(rated, earlier, designerId).wait(MINUTE);
  log.rating(rated, 1).wait(MINUTE);
  const projectId = uid(`${prefix}-p`);
  log.project(projectId, customerId, 3 * DAY).wait(10 * MINUTE);
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
  const designerId = uid(`${prefix}-d`);
  const customerId = uid(`${prefix}-c`);
  const projectId = uid(`${prefix}-p`);
  const submissionId = uid(`${prefix}-s`);
  log.customer(customerId).designer(designerId, 'unverified').wait(MINUTE);
  log.project(projectId, customerId, 3 * DAY).wait(HOUR);
  log.submission(submissionId, projectId, designerId);
  const result = await postEvents(admin, log);
  if (result.refused.length > 0) throw new Error(`seedPending: refused ${JSON.stringify(result.refused)}`);
  return { designerId, projectId, submissionId };
}
