// `npm run check:electronegativity` (part of `npm test`, after the build): Electronegativity,
// every check on, over the app's source (electron/ and renderer/, copied to a temp folder so the
// scan sees them together, the page's CSP included) and over the built output (out/), for
// Electron's own version. Electronegativity exits 0 whatever it finds (STACK.md, trap 9), so this
// reads its SARIF report and fails on any finding that electronegativity-findings.ts does not
// accept by name, and on a parse error (a file it could not read is a file it did not check).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/security/csp';
import { cspOnlyMaybe, judge, type Finding, type ScanName } from './electronegativity-findings';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const CLI = require.resolve('@doyensec/electronegativity/dist/index.js');
const ELECTRON_VERSION = z.object({ devDependencies: z.object({ electron: z.string() }) }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).devDependencies.electron;

const sarifSchema = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string(),
            message: z.object({ text: z.string() }),
            locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number() }) }) })).min(1),
          }),
        ),
      }),
    )
    .length(1),
});

interface Scan {
  findings: Finding[];
  parseErrors: string[];
  ms: number;
}

function lineOf(folder: string, file: string, line: number): string {
  try {
    return (readFileSync(join(folder, file), 'utf8').split('\n')[line - 1] ?? '').trim();
  } catch {
    return '';
  }
}

function scan(folder: string, report: string): Promise<Scan> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, '-i', folder, '-e', ELECTRON_VERSION, '-o', report, '-r', '-v', 'false'], {
      env: { ...process.env, LANG: 'en-US', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`Electronegativity exited with ${code}:\n${output.slice(-2000)}`));
      if (!existsSync(report)) return reject(new Error(`Electronegativity wrote no report:\n${output.slice(-2000)}`));
      const sarif = sarifSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
      const findings = (sarif.runs[0]?.results ?? []).map((result): Finding => {
        const where = result.locations[0]?.physicalLocation;
        const file = where === undefined || where.artifactLocation.uri.startsWith('file://') ? '' : where.artifactLocation.uri;
        const line = where?.region.startLine ?? 0;
        return { rule: result.ruleId, message: result.message.text, file, line, text: file === '' ? '' : lineOf(folder, file, line) };
      });
      const parseErrors = output.split('\n').filter((line) => line.includes('Error parsing ') && !line.includes('Tolerable error parsing'));
      resolvePromise({ findings, parseErrors, ms: performance.now() - started });
    });
  });
}

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): unknown };
  Version: { CSP3: unknown };
}

/** The policy as Electronegativity's own evaluator (Google's csp-evaluator) sees it. */
function cspEvaluation(policy: string): Array<{ severity: number; directive: string; description: string }> {
  // Electronegativity's own dependency (hoisted beside it).
  const evaluator: CspEvaluatorModule = require('@doyensec/csp-evaluator');
  const found = new evaluator.CspEvaluator(new evaluator.CspParser(policy).csp, evaluator.Version.CSP3).evaluate();
  return z.array(z.object({ severity: z.number(), directive: z.string(), description: z.string() })).parse(found);
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out/main/index.js')) || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    console.error('Electronegativity: out/ is not built; run `npm run build` first (npm test does).');
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const source = join(work, 'source');
    for (const part of ['electron', 'renderer', 'package.json']) cpSync(join(ROOT, part), join(source, part), { recursive: true });
    const started = performance.now();
    const [sourceScan, builtScan] = await Promise.all([scan(source, join(work, 'source.sarif')), scan(join(ROOT, 'out'), join(work, 'built.sarif'))]);
    const scans: Record<ScanName, Scan> = { source: sourceScan, built: builtScan };
    const verdict = judge({ source: sourceScan.findings, built: builtScan.findings });

    const csp = cspEvaluation(CONTENT_SECURITY_POLICY);
    const cspFine = cspOnlyMaybe(csp);
    let failed = !cspFine || verdict.unexpected.length > 0 || verdict.stale.length > 0;
    for (const name of ['source', 'built'] as const) {
      const s = scans[name];
      console.log(`Electronegativity ${name} (${name === 'source' ? 'electron/ + renderer/' : 'out/'}), Electron ${ELECTRON_VERSION}: ${s.findings.length} findings, ${s.findings.length - verdict.unexpected.filter((u) => u.scan === name).length} of them accepted below; ${(s.ms / 1000).toFixed(1)} s`);
      for (const error of s.parseErrors) {
        failed = true;
        console.error(`  could not parse (so not checked): ${error}`);
      }
    }
    for (const { scan: name, finding } of verdict.unexpected) console.error(`  FINDING ${name}: ${finding.rule} ${finding.file}:${finding.line} ${finding.text} — ${finding.message}`);
    for (const { scan: name, rule, matched } of verdict.stale) console.error(`  ACCEPTED ENTRY ${rule} matched ${matched} findings in the ${name} scan, not exactly 1: update test/electron/electronegativity-findings.ts (and README.md)`);
    for (const { scan: name, finding } of verdict.accepted) console.log(`  accepted (${name}): ${finding.rule} ${finding.file}:${finding.line} — see test/electron/electronegativity-findings.ts`);
    console.log(`  the CSP, by Electronegativity's evaluator: ${csp.map((f) => `${f.directive}: ${f.description}`).join(' · ') || 'nothing'}`);
    if (!cspFine) console.error('  the CSP has a finding above "maybe": the CSP entry no longer holds');
    console.log(`Electronegativity: ${failed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s (both scans at once; about 13 s of each is the tool failing to reach github.com offline)`);
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
