// Indexes for the queries the screens make all day (test/services/query-plans.test.ts proves
// each is used): the queues in their order, with each filter, and a designer's records.
import type { Knex } from 'knex';

const INDEXES = [
  // Queues: held by releaseAt, review by reviewDueAt (queue_at), then id; filters narrow first.
  'CREATE INDEX submissions_queue ON submissions (queue, queue_at, id) WHERE queue IS NOT NULL',
  'CREATE INDEX submissions_queue_arrived ON submissions (queue, submitted_at, id) WHERE queue IS NOT NULL',
  'CREATE INDEX submissions_queue_category ON submissions (queue, category, queue_at, id) WHERE queue IS NOT NULL',
  'CREATE INDEX submissions_queue_designer ON submissions (queue, designer_id, queue_at, id) WHERE queue IS NOT NULL',
  'CREATE INDEX submissions_queue_project ON submissions (queue, project_id, queue_at, id) WHERE queue IS NOT NULL',
  'CREATE INDEX submissions_designer ON submissions (designer_id, submitted_at)',
  'CREATE INDEX submissions_project ON submissions (project_id)',
  'CREATE INDEX submissions_pending ON submissions (pending_decision_id) WHERE pending_decision_id IS NOT NULL',
  // Flags by score, highest first.
  'CREATE INDEX flags_queue ON flags (queue, score DESC, id) WHERE queue IS NOT NULL',
  'CREATE INDEX flags_queue_designer ON flags (queue, designer_id, score DESC, id) WHERE queue IS NOT NULL',
  'CREATE INDEX flags_designer ON flags (designer_id, created_at)',
  // A designer's records, for the item screen, the profile and the evidence timeline.
  'CREATE INDEX ratings_designer ON ratings (designer_id, category, changed_at)',
  'CREATE INDEX ratings_customer ON ratings (customer_id)',
  'CREATE INDEX messages_pair ON messages (designer_id, customer_id, sent_at)',
  'CREATE INDEX reports_designer ON reports (designer_id, created_at)',
  'CREATE INDEX contracts_designer ON contracts (designer_id)',
  'CREATE INDEX reviews_contract ON reviews (contract_id)',
  'CREATE INDEX review_extensions_contract ON review_extensions (contract_id)',
  'CREATE INDEX private_feedback_contract ON private_feedback (contract_id)',
  'CREATE INDEX claims_subject ON claims (subject_type, subject_id)',
  'CREATE INDEX designers_handle ON designers (handle COLLATE NOCASE)',
  'CREATE INDEX projects_customer ON projects (customer_id)',
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of INDEXES) await knex.raw(sql);
}

export async function down(): Promise<void> {
  throw new Error('The console cache migrations are additive: there is no way down.');
}
