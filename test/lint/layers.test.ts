// The layer map must really fail a forbidden import (a rule with gaps is worse than none).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it.each([
    ['core/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['core/x.ts', "import path from 'path';\nexport const p = path;\n"],
    ['core/x.ts', "import knex from 'knex';\nexport const k = knex;\n"],
    ['core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['core/x.ts', "import { useState } from 'react';\nexport const u = useState;\n"],
    ['core/x.ts', "import { Button } from '@mantine/core';\nexport const b = Button;\n"],
    ['core/manipulation/x.ts', "import { f } from '../../platform/store';\nexport const g = f;\n"],
    ['core/x.ts', "import { f } from '../electron/services/cache';\nexport const g = f;\n"],
    ['electron/contract/x.ts', "import { f } from '../services/cache';\nexport const g = f;\n"],
    ['renderer/src/x.ts', "import { f } from '../../electron/services/cache';\nexport const g = f;\n"],
    ['renderer/src/x.ts', "import sqlite3 from 'sqlite3';\nexport const s = sqlite3;\n"],
    ['platform/x.ts', "import { f } from '../electron/services/cache';\nexport const g = f;\n"],
    ['platform/x.ts', "import { f } from '../renderer/src/App';\nexport const g = f;\n"],
    ['electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['test/x.test.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may not: %s', async (file, code) => {
    expect(await ruleIdsFor(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['core/x.ts', 'export const now = Date.now();\n', 'no-restricted-properties'],
    ['core/x.ts', 'export const r = Math.random();\n', 'no-restricted-properties'],
    ['core/x.ts', 'export const d = new Date();\n', 'no-restricted-syntax'],
  ])('%s may not read the clock or randomness: %s', async (file, code, rule) => {
    expect(await ruleIdsFor(file, code)).toContain(rule);
  });

  it.each([
    ['core/x.ts', "import { z } from 'zod';\nimport { toMs } from './time';\nexport const s = z.string();\nexport const t = toMs;\nexport const d = new Date(0);\n"],
    ['electron/contract/x.ts', "import { z } from 'zod';\nimport { toMs } from '../../core/time';\nexport const s = z.string();\nexport const t = toMs;\n"],
    ['renderer/src/x.ts', "import { toMs } from '../../core/time';\nexport const t = toMs;\n"],
    ['platform/x.ts', "import { readFileSync } from 'node:fs';\nimport { toMs } from '../core/time';\nexport const t = [toMs, readFileSync];\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may import what its layer has', async (file, code) => {
    expect(await ruleIdsFor(file, code)).toEqual([]);
  });
});
