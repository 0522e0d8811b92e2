// The platform's answer to a decision from the outbox, written in one transaction: the outbox row
// goes, the subject leaves its pending state, the changed entities land in the cache, the
// decision's state and the journal record the answer, and a conflict or refusal becomes a row
// the moderator sees. Nothing here is ever silently dropped.
import type { Knex } from 'knex';
import { REJECT_REASONS, DISMISS_REASONS, SUBMISSION_STATUS_TITLES, changeSchema, formatTime, type Problem } from '../../../core';
import { applyChanges, type AppliedChanges } from '../cache/apply-changes';
import type { DecisionAnswer } from '../sync/platform-client';
import { appendJournal } from './journal';

export interface OutboxRow {
  seq: number;
  decision_id: string;
  subject_type: 'submission' | 'flag';
  subject_id: string;
  request: string;
  send_after_ms: number;
  state: 'queued' | 'sending';
  attempts: number;
  next_attempt_ms: number;
  last_error: string | null;
}

export interface Settled {
  state: 'applied' | 'conflict' | 'refused';
  message: string;
  applied: AppliedChanges | null;
}

const OUTCOME_WORDS: Record<string, string> = { approve: 'approved', reject: 'rejected', dismiss: 'dismissed', confirm: 'confirmed' };

function reasonTitle(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (Object.hasOwn(REJECT_REASONS, code)) return REJECT_REASONS[code as keyof typeof REJECT_REASONS].toLowerCase();
  if (Object.hasOwn(DISMISS_REASONS, code)) return DISMISS_REASONS[code as keyof typeof DISMISS_REASONS].toLowerCase();
  return code;
}

interface TheirDecision {
  decisionId: string;
  outcome: string;
  reasonCode?: string;
  moderatorId: string;
  at: string;
}

function decisionOf(current: unknown): TheirDecision | undefined {
  if (current === null || typeof current !== 'object' || !('decision' in current)) return undefined;
  const decision = current.decision;
  if (decision === null || typeof decision !== 'object') return undefined;
  const d = decision as Record<string, unknown>;
  if (typeof d['decisionId'] !== 'string' || typeof d['outcome'] !== 'string' || typeof d['moderatorId'] !== 'string' || typeof d['at'] !== 'string') return undefined;
  return { decisionId: d['decisionId'], outcome: d['outcome'], moderatorId: d['moderatorId'], at: d['at'], ...(typeof d['reasonCode'] === 'string' ? { reasonCode: d['reasonCode'] } : {}) };
}

/** "Someone decided this first: rejected (off brief) by Ana at 14:02". */
function conflictSummary(theirs: TheirDecision | undefined, theirName: string | undefined, status: string | undefined, ourDecisionId: string): string {
  if (theirs !== undefined && theirs.decisionId !== ourDecisionId) {
    const reason = reasonTitle(theirs.reasonCode);
    return `Someone decided this first: ${OUTCOME_WORDS[theirs.outcome] ?? theirs.outcome}${reason === undefined ? '' : ` (${reason})`} by ${theirName ?? theirs.moderatorId} at ${formatTime(theirs.at)}.`;
  }
  const now = status !== undefined && Object.hasOwn(SUBMISSION_STATUS_TITLES, status) ? SUBMISSION_STATUS_TITLES[status as keyof typeof SUBMISSION_STATUS_TITLES].toLowerCase() : status;
  return `The item changed before your decision arrived${now === undefined ? '' : `: it is ${now} now`}.`;
}

async function clearPending(trx: Knex.Transaction, row: OutboxRow): Promise<void> {
  const table = row.subject_type === 'submission' ? 'submissions' : 'flags';
  await trx(table).where({ pending_decision_id: row.decision_id }).update({ pending_decision_id: null });
}

export async function settleDecision(trx: Knex.Transaction, row: OutboxRow, answer: DecisionAnswer, at: { platform: string; local: string }, moderatorId: string): Promise<Settled> {
  await trx('outbox').where({ decision_id: row.decision_id }).delete();
  await clearPending(trx, row);
  if (answer.kind === 'applied') {
    const applied = await applyChanges(trx, answer.entities);
    const message = 'Sent: the platform applied it.';
    await trx('decisions').where({ decision_id: row.decision_id }).update({ state: 'applied', platform_answer: message, answered_at: at.platform });
    await appendJournal(trx, {
      kind: 'answered',
      decisionId: row.decision_id,
      atPlatform: at.platform,
      atLocal: at.local,
      moderatorId,
      payload: { status: 200, result: 'applied', entities: answer.entities.map((e) => ({ type: e.type, id: e.id, ...(e.op === 'upsert' ? { rev: e.data.rev } : {}) })) },
    });
    return { state: 'applied', message, applied };
  }
  const problem: Problem = answer.problem;
  const current = answer.kind === 'conflict' ? answer.problem.current : undefined;
  let applied: AppliedChanges | null = null;
  if (current !== undefined) {
    // The subject as the platform has it now, checked against its own type's schema.
    const change = changeSchema.safeParse({ seq: 1, type: row.subject_type, op: 'upsert', id: current.id, data: current });
    if (change.success) applied = await applyChanges(trx, [change.data]);
  }
  const theirs = decisionOf(current);
  const their: { display_name: string } | undefined = theirs === undefined ? undefined : await trx('moderators').where({ id: theirs.moderatorId }).first('display_name');
  const state = answer.kind === 'conflict' ? 'conflict' : 'refused';
  const summary =
    answer.kind === 'conflict'
      ? conflictSummary(theirs, their?.display_name, current?.status, row.decision_id)
      : `The platform refused this decision (${answer.status}): ${problem.detail}`;
  await trx('decisions').where({ decision_id: row.decision_id }).update({ state, platform_answer: summary, answered_at: at.platform });
  await trx('conflicts')
    .insert({
      decision_id: row.decision_id,
      subject_type: row.subject_type,
      subject_id: row.subject_id,
      kind: state,
      summary,
      detail: problem.detail.slice(0, 2000),
      theirs: theirs === undefined ? null : JSON.stringify({ ...theirs, moderatorName: their?.display_name ?? theirs.moderatorId }),
      current_status: current?.status ?? null,
      at: at.platform,
      acknowledged: 0,
    })
    .onConflict('decision_id')
    .ignore();
  await appendJournal(trx, {
    kind: 'answered',
    decisionId: row.decision_id,
    atPlatform: at.platform,
    atLocal: at.local,
    moderatorId,
    payload: { status: answer.kind === 'conflict' ? 409 : answer.status, result: state, problemType: problem.type, detail: problem.detail.slice(0, 2000), ...(current === undefined ? {} : { current: { id: current.id, rev: current.rev, status: current.status } }) },
  });
  return { state, message: summary, applied };
}
