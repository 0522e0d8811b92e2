// The audit's worker thread: it opens the workspace file read-only itself (only the job's few
// fields cross over, never the records), reads the cache in chunks, replays the rules (R13) and
// posts progress and the outcome. A large cache then never holds up the console's other calls.
import { parentPort, workerData } from 'node:worker_threads';
import knexFactory from 'knex';
import { auditRecords } from '../../../core';
import { countRecords, loadAuditRecords } from './load-records';
import type { AuditJob, AuditOutcome } from './audit-runs';

export type AuditWorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; outcome: AuditOutcome }
  | { type: 'failed'; error: string };

const MAX_FINDINGS = 5000;

async function run(job: AuditJob): Promise<AuditOutcome> {
  const db = knexFactory({
    client: 'sqlite3',
    connection: { filename: job.file },
    useNullAsDefault: true,
    pool: { min: 1, max: 1, afterCreate: (conn: { exec(sql: string, cb: (e: Error | null) => void): void }, done: (e: Error | null, c: unknown) => void) => conn.exec('PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;', (e) => done(e, conn)) },
  });
  try {
    const post = (message: AuditWorkerMessage) => parentPort?.postMessage(message);
    const total = await countRecords(db);
    post({ type: 'progress', phase: 'reading the cache', done: 0, total });
    let last = 0;
    const records = await loadAuditRecords(db, (done) => {
      if (done - last >= 5000 || done === total) {
        last = done;
        post({ type: 'progress', phase: 'reading the cache', done, total });
      }
    });
    post({ type: 'progress', phase: 'replaying the rules', done: total, total });
    const report = auditRecords(records, { from: job.from, to: job.to }, job.policy);
    return { findings: report.findings.slice(0, MAX_FINDINGS), findingsTotal: report.findings.length, examined: report.examined, policyVersion: report.policyVersion };
  } finally {
    await db.destroy();
  }
}

if (parentPort !== null) {
  run(workerData as AuditJob).then(
    (outcome) => parentPort?.postMessage({ type: 'done', outcome } satisfies AuditWorkerMessage),
    (error: unknown) => parentPort?.postMessage({ type: 'failed', error: error instanceof Error ? error.message : String(error) } satisfies AuditWorkerMessage),
  );
}
