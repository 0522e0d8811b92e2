// The Electronegativity gate's judgement: an accepted finding passes only at its exact place,
// exactly once per scan; anything else fails, and so does an entry that no longer matches.
import { describe, expect, it } from 'vitest';
import { ACCEPTED_FINDINGS, cspOnlyMaybe, judge, type Finding } from './electronegativity-findings';

const preloadSource: Finding = { rule: 'PRELOAD_JS_CHECK', message: 'Review the use of preload scripts', file: 'electron/main/window.ts', line: 35, text: 'preload: options.preload,' };
const preloadBuilt: Finding = { ...preloadSource, file: 'main/index.js', line: 4996 };
const openSource: Finding = { rule: 'OPEN_EXTERNAL_JS_CHECK', message: 'Review the use of openExternal', file: 'electron/main/index.ts', line: 84, text: 'if (decision.openExternally) void shell.openExternal(url);' };
const openBuilt: Finding = { ...openSource, file: 'main/index.js', line: 5155, text: 'if (decision.openExternally) shell.openExternal(url);' };
const csp: Finding = { rule: 'CSP_GLOBAL_CHECK', message: 'One or more CSP directives detected seems to be vulnerable', file: 'renderer/index.html', line: 5, text: '<meta' };
const clean = { source: [preloadSource, openSource, csp], built: [preloadBuilt, openBuilt, csp] };

describe('judging Electronegativity’s findings', () => {
  it('passes the reviewed findings at their places, each with its reason', () => {
    const verdict = judge(clean);
    expect(verdict.unexpected).toEqual([]);
    expect(verdict.stale).toEqual([]);
    expect(verdict.accepted).toHaveLength(6);
    expect(verdict.accepted.every((a) => a.why.length > 50)).toBe(true);
  });

  it('fails any other finding, even of an accepted rule elsewhere', () => {
    const elsewhere = { ...openSource, file: 'electron/main/menu.ts', text: 'shell.openExternal(link);' };
    const sandboxOff: Finding = { rule: 'SANDBOX_JS_CHECK', message: 'Use sandbox', file: 'electron/main/window.ts', line: 30, text: 'return new BrowserWindow({' };
    const verdict = judge({ ...clean, source: [...clean.source, elsewhere, sandboxOff] });
    expect(verdict.unexpected.map((u) => u.finding)).toEqual([elsewhere, sandboxOff]);
  });

  it('fails a CSP found weak, not merely maybe weak', () => {
    const weak = { ...csp, message: 'One or more CSP directives detected are vulnerable' };
    expect(judge({ source: [preloadSource, openSource, weak] }).unexpected.map((u) => u.finding)).toEqual([weak]);
  });

  it('fails an accepted entry that matches twice or not at all', () => {
    const verdict = judge({ source: [preloadSource, preloadSource, csp] });
    expect(verdict.stale).toEqual([
      { scan: 'source', rule: 'PRELOAD_JS_CHECK', matched: 2 },
      { scan: 'source', rule: 'OPEN_EXTERNAL_JS_CHECK', matched: 0 },
    ]);
  });

  it('holds the CSP entry only while the evaluator says no more than "maybe"', () => {
    expect(cspOnlyMaybe([{ severity: 40 }, { severity: 50 }])).toBe(true);
    expect(cspOnlyMaybe([{ severity: 50 }, { severity: 30 }])).toBe(false);
    expect(cspOnlyMaybe([{ severity: 10 }])).toBe(false);
  });

  it('names a reason for every accepted finding', () => {
    for (const entry of ACCEPTED_FINDINGS) expect(entry.why).toMatch(/\S{3,}/);
  });
});
