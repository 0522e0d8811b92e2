// Runs an audit in a worker thread (audit-worker.ts). Under tsx (the browser host, tests) the
// worker registers tsx's loader before importing the TypeScript entry; the built app points at
// the bundled JavaScript entry instead.
import { Worker } from 'node:worker_threads';
import type { AuditOutcome, AuditRunner } from './audit-runs';
import type { AuditWorkerMessage } from './audit-worker';

export interface WorkerEntry {
  url: URL;
  /** The entry is TypeScript: register tsx in the worker first. */
  typescript: boolean;
}

/** The worker entry beside this file: TypeScript when the services run from source. */
export function defaultWorkerEntry(): WorkerEntry {
  const typescript = import.meta.url.endsWith('.ts');
  return { url: new URL(typescript ? './audit-worker.ts' : './audit-worker.js', import.meta.url), typescript };
}

export function workerRunner(entry: WorkerEntry = defaultWorkerEntry()): AuditRunner {
  return (job, _db, progress) =>
    new Promise<AuditOutcome>((resolve, reject) => {
      const worker = entry.typescript
        ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.url.href)}); });`, { eval: true, workerData: job })
        : new Worker(entry.url, { workerData: job });
      let settled = false;
      worker.on('message', (message: AuditWorkerMessage) => {
        if (message.type === 'progress') progress(message.phase, message.done, message.total);
        else if (message.type === 'done') {
          settled = true;
          resolve(message.outcome);
          void worker.terminate();
        } else {
          settled = true;
          reject(new Error(message.error));
          void worker.terminate();
        }
      });
      worker.on('error', (error) => {
        if (!settled) reject(error);
        settled = true;
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the audit worker stopped (exit ${code}) before it finished`));
        settled = true;
      });
    });
}
