// RULES R13 over the platform's own feed: an offline audit of a generated marketplace, every
// entity pulled from /v1/changes as a console would, finds no breach the platform did not make.
// The generator decides nothing, so the only findings are the genuine SLA ones: 48-hour
// reviews nobody decided, still waiting after their deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { auditRecords, changesPageSchema, metaSchema, type AuditReport, type Change, type EntityOf, type EntityType } from '../../core';
import { startPlatform, type RunningPlatform } from '../../platform/server';
import { parseEntity } from './contract/helpers';
import { tempDir } from './helpers';

let platform: RunningPlatform;
let dir: { dir: string; remove(): void };
let report: AuditReport;

async function get(path: string): Promise<unknown> {
  const res = await fetch(`${platform.url}${path}`, { headers: { authorization: 'Bearer dev-auditor' } });
  expect(res.status).toBe(200);
  return res.json();
}

/** Every entity of a type on the feed, as its schema reads it. */
function entitiesOf<T extends EntityType>(changes: readonly Change[], type: T): Array<EntityOf<T>> {
  const latest = new Map<string, Change>();
  for (const change of changes) if (change.type === type) latest.set(change.id, change);
  return [...latest.values()].flatMap((change) => (change.op === 'upsert' ? [parseEntity(type, change.data)] : []));
}

beforeAll(async () => {
  dir = tempDir();
  platform = await startPlatform({ storePath: join(dir.dir, 'p.sqlite'), dev: true, dataset: 'small', seed: 1, clock: '2026-11-02T08:00:00Z' });
  const changes: Change[] = [];
  let after = 0;
  for (let i = 0; i < 1000; i++) {
    const page = changesPageSchema.parse(await get(`/v1/changes?after=${after}&limit=5000`));
    changes.push(...page.changes);
    after = page.last;
    if (!page.hasMore) break;
  }
  const meta = metaSchema.parse(await get('/v1/meta'));
  report = auditRecords(
    {
      designers: entitiesOf(changes, 'designer'),
      projects: entitiesOf(changes, 'project'),
      submissions: entitiesOf(changes, 'submission'),
      ratings: entitiesOf(changes, 'rating'),
      contracts: entitiesOf(changes, 'contract'),
      reviews: entitiesOf(changes, 'review'),
      extensions: entitiesOf(changes, 'reviewExtension'),
      flags: entitiesOf(changes, 'flag'),
    },
    { from: '2000-01-01T00:00:00.000Z', to: meta.serverTime },
  );
});

afterAll(async () => {
  await platform?.close();
  dir?.remove();
});

describe('an offline audit of the platform’s own feed (small dataset)', () => {
  it('looks at the whole marketplace', () => {
    expect(report.examined.submissions).toBeGreaterThan(1000);
    expect(report.examined.reviews).toBeGreaterThan(100);
  });

  it('finds no breach the platform did not make: only reviews left overdue', () => {
    const kinds = new Set(report.findings.map((f) => f.kind));
    expect([...kinds]).toEqual(['review_overdue']);
    for (const finding of report.findings) expect(finding.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
