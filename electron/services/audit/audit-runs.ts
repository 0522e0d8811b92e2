// Audit runs (RULES.md R13) over a workspace's cache, for auditors: started, followed with
// progress events, read back grouped, exported as CSV. The work runs in a worker thread when the
// runtime provides one (electron/services/audit/audit-worker.ts), so a large cache never holds
// up the console's other calls; otherwise in-process in chunks.
import { randomUUID } from 'node:crypto';
import { AUDIT_FINDINGS, auditRecords, toIso, type AuditFinding, type Policy } from '../../../core';
import type { AuditFindingView, AuditRun } from '../../contract';
import type { CacheDb } from '../db/open-cache';
import { toCsv } from '../decisions/records';
import type { EventBus } from '../events';
import { countRecords, loadAuditRecords } from './load-records';

/** Findings kept per run: far more than a person reads; the count says how many there were. */
const MAX_FINDINGS = 5000;

export interface AuditJob {
  file: string;
  from: string;
  to: string;
  policy: Policy;
}

export interface AuditOutcome {
  findings: AuditFinding[];
  findingsTotal: number;
  examined: Record<string, number>;
  policyVersion: string;
}

/** Runs one audit: in a worker thread, or in-process. Reports (phase, done, total) as it goes. */
export type AuditRunner = (job: AuditJob, db: CacheDb, progress: (phase: string, done: number, total: number) => void) => Promise<AuditOutcome>;

export const inProcessRunner: AuditRunner = async (job, db, progress) => {
  const total = await countRecords(db.read);
  progress('reading the cache', 0, total);
  const records = await loadAuditRecords(db.read, (done) => progress('reading the cache', done, total));
  progress('replaying the rules', total, total);
  const report = auditRecords(records, { from: job.from, to: job.to }, job.policy);
  return { findings: report.findings.slice(0, MAX_FINDINGS), findingsTotal: report.findings.length, examined: report.examined, policyVersion: report.policyVersion };
};

export interface AuditRunsDeps {
  db: CacheDb;
  policy: () => Policy;
  platformNow: () => number;
  events: EventBus;
  log: (line: string) => void;
  runner?: AuditRunner;
  /** Whether the cache holds everything up to a time: the sync engine knows. */
  coverage?: (to: string) => { complete: boolean; missing: string[] };
}

interface Run {
  view: AuditRun;
  findings: AuditFinding[];
}

function view(finding: AuditFinding): AuditFindingView {
  return { ...finding, title: AUDIT_FINDINGS[finding.kind].title };
}

export class AuditRuns {
  private readonly runs = new Map<string, Run>();
  private cancelled = false;

  constructor(private readonly deps: AuditRunsDeps) {}

  start(from: string, to: string): AuditRun {
    if (Date.parse(from) >= Date.parse(to)) throw new RangeError('from: the period must start before it ends');
    const runId = randomUUID();
    const policy = this.deps.policy();
    const run: Run = {
      findings: [],
      view: {
        runId,
        state: 'running',
        from: toIso(Date.parse(from)),
        to: toIso(Date.parse(to)),
        startedAt: toIso(this.deps.platformNow()),
        progress: { phase: 'starting', done: 0, total: 0 },
        ...(this.deps.coverage === undefined ? {} : { coverage: this.deps.coverage(to) }),
        findings: [],
        findingsTotal: 0,
      },
    };
    // Keep the last few runs only.
    if (this.runs.size >= 10) this.runs.delete(this.runs.keys().next().value ?? '');
    this.runs.set(runId, run);
    const runner = this.deps.runner ?? inProcessRunner;
    let lastEmit = 0;
    const progress = (phase: string, done: number, total: number) => {
      run.view.progress = { phase, done, total };
      const t = Date.now();
      if (t - lastEmit > 100 || done === total) {
        lastEmit = t;
        this.deps.events.emit({ type: 'audit.progress', runId, phase, done, total });
      }
    };
    void runner({ file: this.deps.db.file, from: run.view.from, to: run.view.to, policy }, this.deps.db, progress)
      .then((outcome) => {
        if (this.cancelled) return;
        run.findings = outcome.findings;
        run.view = {
          ...run.view,
          state: 'done',
          findings: outcome.findings.map(view),
          findingsTotal: outcome.findingsTotal,
          examined: outcome.examined,
          policyVersion: outcome.policyVersion,
        };
        this.deps.events.emit({ type: 'audit.progress', runId, phase: 'done', done: run.view.progress.total, total: run.view.progress.total });
      })
      .catch((error: unknown) => {
        this.deps.log(`audit ${runId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        run.view = { ...run.view, state: 'failed', error: 'The audit could not finish; the reason has been logged. Try again.' };
        this.deps.events.emit({ type: 'audit.progress', runId, phase: 'failed', done: 0, total: 0 });
      });
    return run.view;
  }

  get(runId: string): AuditRun | undefined {
    return this.runs.get(runId)?.view;
  }

  exportCsv(runId: string): { filename: string; csv: string; rows: number } | undefined {
    const run = this.runs.get(runId);
    if (run === undefined || run.view.state !== 'done') return undefined;
    const header = ['rule', 'kind', 'title', 'recordType', 'recordId', 'at', 'explanation', 'policyVersion'];
    const csv = toCsv(
      header,
      run.findings.map((f) => [f.rule, f.kind, AUDIT_FINDINGS[f.kind].title, f.recordType, f.recordId, f.at, f.explanation, f.policyVersion]),
    );
    return { filename: `audit-${run.view.from.slice(0, 10)}-${run.view.to.slice(0, 10)}.csv`, csv, rows: run.findings.length };
  }

  cancelAll(): void {
    this.cancelled = true;
  }
}
