// Events the Node side pushes to the renderer: IPC events in Electron, Server-Sent Events in the
// browser host. Nudges that say what changed, so the renderer refetches what it shows.
import { z } from 'zod';
import { SUBJECT_TYPES } from '../../core';
import { DECISION_STATES, QUEUES, id, syncStatusSchema } from './views';

export const consoleEventSchema = z.discriminatedUnion('type', [
  /** Rows arrived or left these queues (the cache or the outbox changed). */
  z.object({ type: z.literal('queues.changed'), queues: z.array(z.enum(QUEUES)).max(3), subjectIds: z.array(id).max(200) }),
  z.object({ type: z.literal('sync.status'), status: syncStatusSchema }),
  z.object({
    type: z.literal('decision.changed'),
    decisionId: id,
    subjectType: z.enum(SUBJECT_TYPES),
    subjectId: id,
    state: z.enum(DECISION_STATES),
    /** In words, for a toast ("Sent", "Someone decided this first: …"). */
    message: z.string().optional(),
  }),
  z.object({ type: z.literal('conflicts.changed'), count: z.number().int().min(0) }),
  z.object({ type: z.literal('claims.changed'), subjectType: z.enum(SUBJECT_TYPES), subjectId: id }),
  z.object({ type: z.literal('session.changed') }),
  z.object({ type: z.literal('settings.changed') }),
  z.object({ type: z.literal('audit.progress'), runId: id, phase: z.string(), done: z.number().int().min(0), total: z.number().int().min(0) }),
]);
export type ConsoleEvent = z.infer<typeof consoleEventSchema>;
export type ConsoleEventType = ConsoleEvent['type'];
