// SYNC-API.md, "The reference platform's event log": the marketplace events the platform
// replays through the rule core, and the format of every test fixture and generated dataset.
import { z } from 'zod';
import { id, isoTime, stars, text } from './common';
import {
  ACCOUNT_STATUS,
  PROJECT_KINDS,
  REPORT_CATEGORIES,
  SUBMISSION_KINDS,
  VERIFICATION,
  categorySchema,
  reviewCategoriesSchema,
} from './entities';

const party = z.enum(['client', 'designer']);

function event<T extends string, S extends z.ZodRawShape>(type: T, data: S) {
  return z.object({ at: isoTime, type: z.literal(type), data: z.object(data) });
}

export const marketplaceEventSchema = z.discriminatedUnion('type', [
  event('designer.joined', {
    id,
    handle: z.string().min(1).max(64),
    displayName: text(200).optional(),
    country: text(64).optional(),
    verification: z.enum(VERIFICATION),
  }),
  event('designer.verification_changed', { id, verification: z.enum(VERIFICATION) }),
  event('designer.status_changed', {
    id,
    accountStatus: z.enum(ACCOUNT_STATUS),
    suspendedUntil: isoTime.optional(),
  }),
  event('customer.joined', { id, displayName: text(200).optional() }),
  event('project.launched', {
    id,
    customerId: id,
    title: text(300).optional(),
    category: categorySchema,
    kind: z.enum(PROJECT_KINDS),
    endsAt: isoTime,
  }),
  event('project.closed', { id }),
  event('project.cancelled', { id }),
  event('submission.created', { id, projectId: id, designerId: id, kind: z.enum(SUBMISSION_KINDS) }),
  event('submission.withdrawn', { id }),
  event('rating.set', { submissionId: id, stars: stars.nullable() }),
  event('contract.started', { id, customerId: id, designerId: id, title: text(300).optional() }),
  event('contract.closed', { id }),
  event('review.posted', {
    id,
    contractId: id,
    authorRole: party,
    kind: z.enum(['final', 'interim']).optional(),
    overall: z.number().min(1).max(5).optional(),
    categories: reviewCategoriesSchema.optional(),
    text: text(5000),
  }),
  event('review.changed', {
    id,
    overall: z.number().min(1).max(5).optional(),
    categories: reviewCategoriesSchema.optional(),
    text: text(5000).optional(),
  }),
  event('review.extension_requested', { id, contractId: id, requestedBy: party }),
  event('review.extension_decided', { id, approved: z.boolean() }),
  event('feedback_change.enabled', { contractId: id }),
  event('feedback.requested', { contractId: id }),
  event('private_feedback.posted', {
    id,
    contractId: id,
    reasonEnded: text(1000),
    recommend: z.number().int().min(1).max(10),
  }),
  event('message.sent', {
    id,
    designerId: id,
    customerId: id,
    fromRole: z.enum(['designer', 'customer']),
    body: text(20_000),
    projectId: id.optional(),
    contractId: id.optional(),
  }),
  event('report.filed', {
    id,
    customerId: id,
    designerId: id,
    category: z.enum(REPORT_CATEGORIES),
    body: text(20_000),
  }),
]);

export const eventLogSchema = z.object({ events: z.array(marketplaceEventSchema) });

export type MarketplaceEvent = z.infer<typeof marketplaceEventSchema>;
export type EventType = MarketplaceEvent['type'];
export type EventOf<T extends EventType> = Extract<MarketplaceEvent, { type: T }>;
export type EventLog = z.infer<typeof eventLogSchema>;
export const EVENT_TYPES = marketplaceEventSchema.options.map((o) => o.shape.type.value) as EventType[];
