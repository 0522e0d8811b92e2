// What the Electronegativity check accepts, and why. Electronegativity reports some checks for
// manual review on every app that uses the feature at all (any preload, any openExternal with a
// URL that is not a literal, any CSP with 'self'). Each such finding we have reviewed is listed
// here with its reason (README.md, "Electron app", says the same); it is accepted only at the
// exact place named, exactly once per scan, and an entry that no longer matches fails the check
// too, so the list cannot go stale. Everything else fails `npm test`.

export type ScanName = 'source' | 'built';

export interface Finding {
  rule: string;
  message: string;
  /** Relative to the scanned folder; "" for a finding with no file (a global check). */
  file: string;
  line: number;
  /** The flagged line, trimmed ("" when there is no file). */
  text: string;
}

export interface AcceptedFinding {
  rule: string;
  /** The file it is accepted in, per scan (the source file; its place in the bundle). */
  files: Partial<Record<ScanName, string>>;
  /** The flagged line must read so (source and bundle spell it slightly differently). */
  text?: RegExp;
  /** The finding's own words must be these (one rule has several findings). */
  message?: string;
  why: string;
}

export const ACCEPTED_FINDINGS: readonly AcceptedFinding[] = [
  {
    rule: 'PRELOAD_JS_CHECK',
    files: { source: 'electron/main/window.ts', built: 'main/index.js' },
    text: /^preload: options\.preload,$/,
    why:
      'The window’s one preload is ours (electron/preload/), reviewed: it exposes window.consoleApi and nothing else, one function per contract method on its own channel, never ipcRenderer; test/electron/preload.test.ts runs the built file with a require() that serves only `electron` and checks exactly what it exposes.',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    files: { source: 'electron/main/index.ts', built: 'main/index.js' },
    text: /^if \(decision\.openExternally\) (void )?shell\.openExternal\(url\);$/,
    why:
      'The URL comes from a link the page asked to open in a new window; it is opened only when newWindowDecision() found it allowed: https, no credentials, a host on the allow-list (the signed-in platform’s). Both functions are pure and tested (test/electron/window.test.ts, external-links.test.ts).',
  },
  {
    rule: 'CSP_GLOBAL_CHECK',
    files: { source: 'renderer/index.html', built: 'renderer/index.html' },
    message: 'One or more CSP directives detected seems to be vulnerable',
    why:
      'The policy is CONTENT_SECURITY_POLICY (electron/services/security/csp.ts). Google’s CSP evaluator, which Electronegativity runs, only says "maybe" of it: script-src \'self\' "can be problematic if you host JSONP, Angular or user uploaded files" — the console serves none of these (its scripts are its own bundle; images arrive as data: URLs). object-src, base-uri and form-action are \'none\'. The check accepts this finding only while the evaluator finds nothing above "maybe" in the policy.',
  },
];

export interface Verdict {
  accepted: Array<{ scan: ScanName; finding: Finding; why: string }>;
  unexpected: Array<{ scan: ScanName; finding: Finding }>;
  /** Entries that matched no finding, or more than one, in a scan they name. */
  stale: Array<{ scan: ScanName; rule: string; matched: number }>;
}

function matches(entry: AcceptedFinding, scan: ScanName, finding: Finding): boolean {
  return (
    entry.rule === finding.rule &&
    entry.files[scan] === finding.file &&
    (entry.text === undefined || entry.text.test(finding.text)) &&
    (entry.message === undefined || entry.message === finding.message)
  );
}

export function judge(scans: Partial<Record<ScanName, readonly Finding[]>>, accepted: readonly AcceptedFinding[] = ACCEPTED_FINDINGS): Verdict {
  const verdict: Verdict = { accepted: [], unexpected: [], stale: [] };
  for (const scan of ['source', 'built'] as const) {
    const findings = scans[scan];
    if (findings === undefined) continue;
    const counts = new Map<AcceptedFinding, number>();
    for (const finding of findings) {
      const entry = accepted.find((candidate) => matches(candidate, scan, finding));
      if (entry === undefined) {
        verdict.unexpected.push({ scan, finding });
        continue;
      }
      counts.set(entry, (counts.get(entry) ?? 0) + 1);
      verdict.accepted.push({ scan, finding, why: entry.why });
    }
    for (const entry of accepted) {
      if (entry.files[scan] === undefined) continue;
      const matched = counts.get(entry) ?? 0;
      if (matched !== 1) verdict.stale.push({ scan, rule: entry.rule, matched });
    }
  }
  return verdict;
}

/** The evaluator's severities (lower is worse); "maybe" starts at HIGH_MAYBE. */
export const CSP_SEVERITY = { HIGH: 10, SYNTAX: 20, MEDIUM: 30, HIGH_MAYBE: 40 } as const;

/** The CSP entry holds only while every evaluator finding on the policy is a "maybe" or milder. */
export function cspOnlyMaybe(evaluated: ReadonlyArray<{ severity: number }>): boolean {
  return evaluated.every((finding) => finding.severity >= CSP_SEVERITY.HIGH_MAYBE);
}
