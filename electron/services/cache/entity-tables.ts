// Where each entity type of the feed lives in the cache, and the columns queries use, taken
// from the entity. Times are written in the canonical form (with milliseconds) so they compare
// as strings in SQL, whatever form the platform sent.
import { ENTITY_TYPES, toIso, toMs, type EntityOf, type EntityType } from '../../../core';

type Row = Record<string, string | number | null>;

const time = (iso: string): string => toIso(toMs(iso));
const maybeTime = (iso: string | undefined): string | null => (iso === undefined ? null : time(iso));

interface TableOf<T extends EntityType> {
  table: string;
  columns: (entity: EntityOf<T>) => Row;
}

/** Project category is denormalised onto submissions, so a queue filters by it without a join. */
export interface RowContext {
  categoryOfProject(projectId: string): string | undefined;
}

export const ENTITY_TABLES: { [T in EntityType]: TableOf<T> } = {
  designer: {
    table: 'designers',
    columns: (d) => ({ handle: d.handle, display_name: d.displayName, verification: d.verification, account_status: d.accountStatus }),
  },
  customer: { table: 'customers', columns: (c) => ({ display_name: c.displayName, created_at: time(c.createdAt) }) },
  project: {
    table: 'projects',
    columns: (p) => ({ customer_id: p.customerId, category: p.category, kind: p.kind, status: p.status, launched_at: time(p.launchedAt), ends_at: time(p.endsAt) }),
  },
  submission: {
    table: 'submissions',
    // category is filled in by the page applier (it needs the project): see applyChanges.
    columns: (s) => ({
      project_id: s.projectId,
      designer_id: s.designerId,
      status: s.status,
      submitted_at: time(s.submittedAt),
      release_at: maybeTime(s.releaseAt),
      review_due_at: maybeTime(s.reviewDueAt),
      decided_at: maybeTime(s.decision?.at),
    }),
  },
  rating: {
    table: 'ratings',
    columns: (r) => ({
      submission_id: r.submissionId,
      designer_id: r.designerId,
      customer_id: r.customerId,
      category: r.category,
      stars: r.stars,
      voided_at: maybeTime(r.voidedAt),
      changed_at: time(r.history[r.history.length - 1]?.at ?? r.history[0]?.at ?? '1970-01-01T00:00:00Z'),
    }),
  },
  contract: {
    table: 'contracts',
    columns: (c) => ({ customer_id: c.customerId, designer_id: c.designerId, started_at: time(c.startedAt), closed_at: maybeTime(c.closedAt) }),
  },
  review: { table: 'reviews', columns: (r) => ({ contract_id: r.contractId, author_role: r.authorRole, posted_at: time(r.postedAt) }) },
  reviewExtension: { table: 'review_extensions', columns: (e) => ({ contract_id: e.contractId }) },
  privateFeedback: { table: 'private_feedback', columns: (p) => ({ contract_id: p.contractId, recommend: p.recommend, posted_at: time(p.postedAt) }) },
  message: { table: 'messages', columns: (m) => ({ designer_id: m.designerId, customer_id: m.customerId, sent_at: time(m.sentAt) }) },
  report: { table: 'reports', columns: (r) => ({ designer_id: r.designerId, customer_id: r.customerId, created_at: time(r.createdAt) }) },
  flag: {
    table: 'flags',
    columns: (f) => ({ designer_id: f.designerId, customer_id: f.customerId ?? null, status: f.status, score: f.score, created_at: time(f.createdAt), decided_at: maybeTime(f.decision?.at) }),
  },
  moderator: { table: 'moderators', columns: (m) => ({ display_name: m.displayName }) },
  claim: {
    table: 'claims',
    columns: (c) => ({ subject_type: c.subjectType, subject_id: c.subjectId, moderator_id: c.moderatorId, expires_at: time(c.expiresAt) }),
  },
};

/** Every cache table of an entity type, in an order that never breaks a reference. */
export const CACHE_TABLES: readonly string[] = [...ENTITY_TYPES.map((type) => ENTITY_TABLES[type].table), 'designer_ratings'];

/** The full row of an entity: id, rev, its query columns and the JSON. */
export function entityRow<T extends EntityType>(type: T, entity: EntityOf<T>): Row {
  const spec: TableOf<T> = ENTITY_TABLES[type];
  return { id: entity.id, rev: entity.rev, ...spec.columns(entity), data: JSON.stringify(entity) };
}
