// The offline audit (RULES.md R13): a run over a period of the cache, started in the console's
// service (a worker thread, off the window's critical path), followed through its progress
// events, read back and grouped by rule, exported as CSV.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Policy } from '../../../../core';
import type { AuditFindingView, AuditRun } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { saveText } from '../journal/download';
import { queryKeys } from '../queryKeys';

const DAY_MS = 86_400_000;

/** A period as whole UTC days, the last included: the API's `to` is the next day's midnight. */
export function periodOf(fromDay: string, toDay: string): { from: string; to: string } | null {
  const from = Date.parse(`${fromDay}T00:00:00.000Z`);
  const to = Date.parse(`${toDay}T00:00:00.000Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return { from: new Date(from).toISOString(), to: new Date(to + DAY_MS).toISOString() };
}

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function useStartAudit() {
  const api = useApi();
  return useMutation({ mutationFn: (period: { from: string; to: string }) => api.audit.run(period) });
}

export function useAuditRun(runId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.auditRun(runId ?? ''),
    queryFn: () => api.audit.get({ runId: runId ?? '' }),
    enabled: runId !== null,
    // Progress events refresh it (queryKeys.ts); the poll covers a stream that is down.
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });
}

export function useAuditExport() {
  const api = useApi();
  return useMutation({
    mutationFn: async (runId: string) => {
      const exported = await api.audit.export({ runId });
      saveText(exported.filename, exported.csv, 'text/csv');
      return exported;
    },
  });
}

export interface RuleGroup {
  rule: string;
  findings: AuditFindingView[];
  /** By finding kind, in the order they first appear. */
  kinds: Array<{ kind: AuditFindingView['kind']; title: string; findings: AuditFindingView[] }>;
}

const RULE_ORDER = ['R3', 'R4', 'R5', 'R7', 'R8', 'R12'];

/** The findings grouped by rule (R3 first), then by kind. */
export function groupFindings(findings: readonly AuditFindingView[]): RuleGroup[] {
  const byRule = new Map<string, RuleGroup>();
  for (const f of findings) {
    let group = byRule.get(f.rule);
    if (group === undefined) byRule.set(f.rule, (group = { rule: f.rule, findings: [], kinds: [] }));
    group.findings.push(f);
    let kind = group.kinds.find((k) => k.kind === f.kind);
    if (kind === undefined) group.kinds.push((kind = { kind: f.kind, title: f.title, findings: [] }));
    kind.findings.push(f);
  }
  const rank = (rule: string) => (RULE_ORDER.indexOf(rule) === -1 ? 99 : RULE_ORDER.indexOf(rule));
  return [...byRule.values()].sort((a, b) => rank(a.rule) - rank(b.rule) || a.rule.localeCompare(b.rule));
}

/** What each rule says, with the numbers of the policy in force (RULES.md). */
export function ruleWords(rule: string, policy: Policy): string {
  switch (rule) {
    case 'R3':
      return `A design from a designer rated below ${policy.rating.benchmark.toFixed(2)} in its category, arriving in a project’s launch window, is held until the window ends.`;
    case 'R4':
      return `Every design of an unverified designer waits for review, decided within ${policy.verification.reviewSlaHours} hours of arriving.`;
    case 'R5':
      return 'Every rejection carries a reason code.';
    case 'R7':
      return `A mini contest admits at most ${policy.miniContest.maxDesigners} designers, each active, rated at least ${policy.miniContest.minRating} in the category, with positive feedback of at least ${policy.miniContest.minPositiveFeedbackPct}%.`;
    case 'R8':
      return `A review stays hidden until both parties have posted, or until the ${policy.reviews.windowDays}-day window ends.`;
    case 'R12':
      return 'Every sanction for manipulation carries a statement of reasons to the designer.';
    default:
      return '';
  }
}

export function progressShare(run: AuditRun): number {
  const { done, total } = run.progress;
  if (run.state !== 'running') return 100;
  return total === 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
}
