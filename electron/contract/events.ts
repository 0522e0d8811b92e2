// Events the Node side pushes to the renderer: IPC events in Electron, Server-Sent Events in the
// browser host. Nudges that say what changed, so the renderer refetches what it shows.
import { z } from 'zod';
import { SUBJECT_TYPES } from '../../core';
import { DECISION_STATES, QUEUES, id, syncStatusSchema } from './views';

/** What the application menu can ask of the screens (it shows the same keys as the key map). */
export const MENU_COMMANDS = ['go.held', 'go.review', 'go.flags', 'go.journal', 'go.dashboard', 'palette.open', 'shortcuts.open'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

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
  /** The Electron app's menu asks the screens to go somewhere or open something. */
  z.object({ type: z.literal('menu.command'), command: z.enum(MENU_COMMANDS) }),
  z.object({ type: z.literal('audit.progress'), runId: id, phase: z.string(), done: z.number().int().min(0), total: z.number().int().min(0) }),
]);
export type ConsoleEvent = z.infer<typeof consoleEventSchema>;
export type ConsoleEventType = ConsoleEvent['type'];
