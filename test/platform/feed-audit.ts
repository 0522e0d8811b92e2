// The records an offline audit (RULES R13, core/audit.ts) reads, taken from the platform's feed
// as a console pulls it: every entity's latest version, parsed by its wire schema.
import { auditRecords, type AuditRecords, type AuditReport } from '../../core';
import type { Mirror } from './contract/helpers';

/**
 * Audits everything on the mirrored feed up to `to` (the platform's clock). `seen` is what a
 * console watching the feed would add: when it first saw a held submission visible.
 */
export function auditFeed(mirror: Mirror, to: string, seen: Pick<AuditRecords, 'shownSeen'> = {}): AuditReport {
  return auditRecords(
    {
      ...seen,
      designers: mirror.all('designer'),
      projects: mirror.all('project'),
      submissions: mirror.all('submission'),
      ratings: mirror.all('rating'),
      contracts: mirror.all('contract'),
      reviews: mirror.all('review'),
      extensions: mirror.all('reviewExtension'),
      flags: mirror.all('flag'),
    },
    { from: '2000-01-01T00:00:00.000Z', to },
  );
}

/** Findings as `kind recordType/recordId`, sorted: what a test compares. */
export function findingKeys(report: AuditReport): string[] {
  return report.findings.map((f) => `${f.kind} ${f.recordType}/${f.recordId}`).sort();
}
