// The layer map must really fail a forbidden import, however it is spelled (a rule with gaps is
// worse than none: microsoft/vscode#140983). Virtual files are linted through the real
// eslint.config.js, so these tests cover the config, not a copy of it.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  return (await lint(filePath, code)).map((m) => m.ruleId ?? m.message);
}

/** Every way to load one module, each on its own line of one file (one lint per module). */
function spellings(spec: string): { code: string; lines: Map<number, string> } {
  const ways: [string, string][] = [
    ['import', `import '${spec}';`],
    ['named import', `import { x1 } from '${spec}';`],
    ['type import', `import type { X2 } from '${spec}';`],
    ['re-export', `export { x3 } from '${spec}';`],
    ['export *', `export * from '${spec}';`],
    ['export * as', `export * as x4 from '${spec}';`],
    ['dynamic import()', `export const x5 = import('${spec}');`],
    ['template import()', `export const x6 = import(\`${spec}\`);`],
    ['require()', `export const x7 = require('${spec}');`],
    ['import = require()', `import x8 = require('${spec}');`],
    ['import() type', `export type X9 = typeof import('${spec}');`],
  ];
  return {
    code: `${ways.map(([, line]) => line).join('\n')}\nexport const used = [x1, x8];\nexport type Used = X2;\n`,
    lines: new Map(ways.map(([how], i) => [i + 1, how])),
  };
}

// [importing file, specifier it may not load]
const forbidden: [string, string][] = [
  // core/: core/ and zod only
  ['core/x.ts', 'node:fs'],
  ['core/x.ts', 'path'],
  ['core/x.ts', 'fs/promises'],
  ['core/x.ts', 'knex'],
  ['core/x.ts', 'electron'],
  ['core/x.ts', 'react'],
  ['core/x.ts', '@mantine/core'],
  ['core/x.ts', 'dayjs'],
  ['core/x.ts', 'fast-check'],
  ['core/x.ts', '../platform/x'],
  ['core/x.ts', './../platform/x'],
  ['core/manipulation/x.ts', '../../core/../platform/x'],
  ['core/manipulation/x.ts', '../../platform/store'],
  ['core/x.ts', '../electron/services/cache'],
  ['core/x.ts', '../electron/contract/api'],
  ['core/x.ts', '../test/core/builders'],
  ['core/x.ts', '../node_modules/electron/index.js'],
  ['core/x.ts', '../../outside/x'],
  ['core/x.ts', '#internal'],
  ['core/x.ts', 'https://example.com/x.js'],
  // electron/contract/: core/, itself, zod
  ['electron/contract/x.ts', '../services/cache'],
  ['electron/contract/x.ts', '../main/index'],
  ['electron/contract/x.ts', '../preload/index'],
  ['electron/contract/x.ts', '../../platform/server'],
  ['electron/contract/x.ts', '../../renderer/src/App'],
  ['electron/contract/x.ts', 'node:path'],
  ['electron/contract/x.ts', 'electron'],
  // electron/preload/: electron, the contract
  ['electron/preload/x.ts', 'node:path'],
  ['electron/preload/x.ts', '../../core/time'],
  ['electron/preload/x.ts', 'zod'],
  ['electron/preload/x.ts', '../main/index'],
  ['electron/preload/x.ts', '../services/cache'],
  // electron/main/
  ['electron/main/x.ts', '../../renderer/src/App'],
  ['electron/main/x.ts', '../../platform/server'],
  ['electron/main/x.ts', '../host/server'],
  ['electron/main/x.ts', '../preload/index'],
  ['electron/main/x.ts', '../../migrations/0001_cache'],
  ['electron/main/x.ts', 'knex'],
  ['electron/main/x.ts', 'react'],
  ['electron/main/x.ts', 'node:module'],
  ['electron/main/x.ts', 'fast-check'],
  // electron/services/ and electron/host/: never electron, renderer; platform only via server
  ['electron/services/x.ts', 'electron'],
  ['electron/services/x.ts', '../../renderer/src/App'],
  ['electron/services/x.ts', '../../platform/store/store'],
  ['electron/services/x.ts', '../../platform/engine/engine'],
  ['electron/services/x.ts', '../../platform/server/../engine/engine'],
  ['electron/services/x.ts', '../../platform/server'],
  ['electron/host/x.ts', '../../platform/server'],
  ['electron/host/x.ts', '../../platform/cli'],
  ['electron/services/x.ts', '../host/server'],
  ['electron/services/x.ts', '../main/index'],
  ['electron/services/x.ts', 'react'],
  ['electron/services/x.ts', 'node:module'],
  ['electron/host/x.ts', 'electron'],
  ['electron/host/x.ts', '../../renderer/src/App'],
  ['electron/host/x.ts', '../../platform/http/routes'],
  ['electron/host/x.ts', '../main/index'],
  ['electron/host/x.ts', '../../migrations/0001_cache'],
  // migrations/: knex only
  ['migrations/0001_x.ts', 'node:fs'],
  ['migrations/0001_x.ts', 'zod'],
  ['migrations/0001_x.ts', 'sqlite3'],
  ['migrations/0001_x.ts', '../core/time'],
  ['migrations/0001_x.ts', '../electron/services/cache'],
  // renderer/: React, Mantine, TanStack, dayjs, recharts, core/, the contract
  ['renderer/src/x.ts', 'node:fs'],
  ['renderer/src/x.ts', 'path'],
  ['renderer/src/x.ts', 'electron'],
  ['renderer/src/x.ts', 'knex'],
  ['renderer/src/x.ts', 'sqlite3'],
  ['renderer/src/x.ts', 'lodash'],
  ['renderer/src/x.ts', 'fast-check'],
  ['renderer/src/x.ts', '../../electron/services/cache'],
  ['renderer/src/x.ts', '../../electron/host/server'],
  ['renderer/src/x.ts', '../../electron/main/index'],
  ['renderer/src/x.ts', '../../electron/preload/index'],
  ['renderer/src/x.ts', '../../platform/server'],
  ['renderer/src/x.ts', '../../migrations/0001_cache'],
  // platform/: Node, knex, sqlite3, zod, core/
  ['platform/x.ts', '../test/platform/helpers'],
  ['platform/x.ts', '../bench/lib'],
  ['platform/engine/x.ts', '../../test/platform/helpers'],
  ['platform/x.ts', '../electron/services/cache'],
  ['platform/x.ts', '../electron/contract/api'],
  ['platform/x.ts', '../renderer/src/App'],
  ['platform/x.ts', '../migrations/0001_cache'],
  ['platform/x.ts', 'electron'],
  ['platform/x.ts', 'react'],
  ['platform/x.ts', 'fast-check'],
  ['platform/x.ts', 'node:module'],
  // test/, bench/, scripts/, tools: anything but electron; only test/ and bench/ import them
  ['test/x.test.ts', 'electron'],
  ['test/x.test.ts', 'electron/main'],
  ['test/x.test.ts', '../node_modules/electron'],
  ['bench/x.ts', 'electron'],
  ['scripts/x.ts', 'electron'],
  ['scripts/x.ts', '../test/platform/helpers'],
  ['scripts/x.ts', '../bench/lib'],
  ['vite.config.ts', 'electron'],
];

describe('layers/imports', () => {
  it.each(forbidden)('%s may not load %s, however it is written', async (file, spec) => {
    const { code, lines } = spellings(spec);
    const [result] = await eslint.lintText(code, { filePath: file });
    const flagged = new Set((result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.line));
    expect([...lines].filter(([line]) => !flagged.has(line)).map(([, how]) => how)).toEqual([]);
  });

  it.each([
    ['computed import()', "const name = 'zod';\nexport const m = import(name);\n"],
    ['template import() with a hole', "const v = 'zod';\nexport const m = import(`${v}`);\n"],
    ['computed require()', "const name = 'zod';\nexport const m = require(name);\n"],
    ['require as a value', 'const load = require;\nexport const m = load;\n'],
    ['require.call', "export const m = require.call(null, 'node:fs');\n"],
    ['module.require', "export const m = module.require('node:fs');\n"],
  ])('core/ may not load a module it cannot name: %s', async (_how, code) => {
    expect(await ruleIdsFor('core/x.ts', code)).toContain('layers/imports');
  });

  it.each([
    ['a createRequire function', "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const m = load('electron');\n"],
    ['createRequire called at once', "import { createRequire } from 'node:module';\nexport const m = createRequire(import.meta.url)('electron');\n"],
    ['a createRequire function passed on', "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const m = [load];\n"],
  ])('test/ may not load electron through %s', async (_how, code) => {
    expect(await ruleIdsFor('test/x.test.ts', code)).toContain('layers/imports');
  });

  it.each([
    ['a named import other than contextBridge/ipcRenderer', "import { app } from 'electron';\nexport const a = app;\n"],
    ['a default import', "import electron from 'electron';\nexport const a = electron;\n"],
    ['a namespace import', "import * as electron from 'electron';\nexport const a = electron;\n"],
    ['export *', "export * from 'electron';\n"],
    ['a re-export of another name', "export { shell } from 'electron';\n"],
    ['require()', "export const { contextBridge } = require('electron');\n"],
    ['import()', "export const e = import('electron');\n"],
  ])('electron/preload/ may not take from electron %s', async (_how, code) => {
    expect(await ruleIdsFor('electron/preload/x.ts', code)).toContain('layers/imports');
  });

  it.each([
    ['electron/x.ts'],
    ['docs/x.ts'],
    ['shared/x.ts'],
  ])('%s is in no layer: an error, not a pass', async (file) => {
    expect(await ruleIdsFor(file, 'export const a = 1;\n')).toContain('layers/imports');
  });

  it('says what is wrong and links the layer table', async () => {
    const [message] = await lint('core/manipulation/x.ts', "import '../../core/../platform/x';\n");
    expect(message?.message).toBe('core/ may not import "platform/x" ("../../core/../platform/x"). See docs/architecture.md, "Layers".');
  });

  it.each([
    ['core/x.ts', "import { z } from 'zod';\nimport { toMs } from './time';\nimport type { Policy } from './policy.js';\nexport const s = [z.string(), toMs];\nexport type P = Policy;\n"],
    ['core/manipulation/x.ts', "export * from '../time';\nexport { toMs } from '../../core/time';\nexport const m = import('./flags');\n"],
    ['electron/contract/x.ts', "import { z } from 'zod';\nimport { toMs } from '../../core/time';\nimport { methods } from './methods';\nexport const s = [z.string(), toMs, methods];\n"],
    ['electron/preload/x.ts', "import { contextBridge, ipcRenderer } from 'electron';\nimport { methods } from '../contract/methods';\nimport { bind } from './bind';\nexport const a = [contextBridge, ipcRenderer, methods, bind];\n"],
    ['electron/preload/y.ts', "export { contextBridge } from 'electron';\n"],
    ['electron/main/x.ts', "import { join } from 'node:path';\nimport { app, BrowserWindow } from 'electron';\nimport { z } from 'zod';\nimport { createCache } from '../services/cache';\nimport { methods } from '../contract/methods';\nimport { toMs } from '../../core/time';\nimport { w } from './window';\nexport const a = [join, app, BrowserWindow, z, createCache, methods, toMs, w];\n"],
    ['electron/services/x.ts', "import { readFile } from 'node:fs/promises';\nimport knex from 'knex';\nimport sqlite3 from 'sqlite3';\nimport { z } from 'zod';\nimport { migrationSource } from '../../migrations/index';\nimport { methods } from '../contract/methods';\nimport { toMs } from '../../core/time';\nimport { q } from './queues';\nexport const a = [readFile, knex, sqlite3, z, migrationSource, methods, toMs, q];\n"],
    ['electron/services/y.ts', "export { migrationSource } from '../../migrations/index.js';\n"],
    ['electron/host/x.ts', "import { createServer } from 'node:http';\nimport { createCache } from '../services/cache';\nimport { methods } from '../contract/methods';\nimport { routes } from './routes';\nexport const a = [createServer, createCache, methods, routes];\n"],
    ['migrations/0001_x.ts', "import type { Knex } from 'knex';\nimport { m } from './0000_y';\nexport const up = (k: Knex) => [k, m];\n"],
    ['renderer/src/x.tsx', "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { Button } from '@mantine/core';\nimport '@mantine/core/styles.css';\nimport { useQuery } from '@tanstack/react-query';\nimport dayjs from 'dayjs';\nimport { LineChart } from 'recharts';\nimport { Route } from 'wouter';\nimport { IconCheck } from '@tabler/icons-react';\nimport { theme } from './theme';\nimport classes from './x.module.css';\nimport { toMs } from '../../core/time';\nimport { methods } from '../../electron/contract/methods';\nexport const a = [useState, createRoot, Button, useQuery, dayjs, LineChart, Route, IconCheck, theme, classes, toMs, methods];\n"],
    ['platform/engine/x.ts', "import { readFileSync } from 'node:fs';\nimport { Knex } from 'knex';\nimport sqlite3 from 'sqlite3';\nimport { z } from 'zod';\nimport { toMs } from '../../core/time';\nimport { w } from './world';\nimport { s } from '../server';\nexport const t = [readFileSync, Knex, sqlite3, z, toMs, w, s];\n"],
    ['test/platform/x.test.ts', "import { createRequire } from 'node:module';\nimport fc from 'fast-check';\nimport { it } from 'vitest';\nimport { startPlatform } from '../../platform/server';\nimport { run } from '../../bench/lib';\nimport { h } from './helpers';\nconst load = createRequire(import.meta.url);\nexport const a = [fc, it, startPlatform, run, h, load('js-yaml'), load.resolve('electron/package.json')];\n"],
    ['bench/x.ts', "import { h } from '../test/platform/helpers';\nimport { startPlatform } from '../platform/server';\nexport const a = [h, startPlatform];\n"],
    ['scripts/x.mjs', "import { createRequire } from 'node:module';\nimport { startPlatform } from '../platform/server.ts';\nconst require = createRequire(import.meta.url);\nexport const a = [startPlatform, require.resolve('electron/install.js')];\n"],
    ['vite.config.ts', "import { defineConfig } from 'electron-vite';\nexport default defineConfig({});\n"],
  ])('%s may import what its layer has', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('layers/pure', () => {
  it.each([
    ['Date.now()', 'export const t = Date.now();\n'],
    ["Date['now']()", "export const t = Date['now']();\n"],
    ['Date()', 'export const t = Date();\n'],
    ['Date() with arguments', 'export const t = Date(0);\n'],
    ['new Date()', 'export const t = new Date();\n'],
    ['new Date(...[])', 'const none: number[] = [];\nexport const t = new Date(...none);\n'],
    ['globalThis.Date.now()', 'export const t = globalThis.Date.now();\n'],
    ["globalThis['Date']", "export const D = globalThis['Date'];\n"],
    ['window.Date', 'export const t = window.Date;\n'],
    ['self.Date', 'export const t = self.Date;\n'],
    ['global.Date', 'export const t = global.Date;\n'],
    ['const { now } = Date', 'const { now } = Date;\nexport const t = now();\n'],
    ['an alias of Date', 'const D = Date;\nexport const t = new D();\n'],
    ['Date passed on', 'export const t = Reflect.get(Date, "now");\n'],
    ['Math.random()', 'export const r = Math.random();\n'],
    ["Math['random']()", "export const r = Math['random']();\n"],
    ['const { random } = Math', 'const { random } = Math;\nexport const r = random();\n'],
    ['Math[key]', "const key = 'random';\nexport const r = Math[key];\n"],
    ['performance.now()', 'export const t = performance.now();\n'],
    ['crypto.randomUUID()', 'export const id = crypto.randomUUID();\n'],
    ['crypto.getRandomValues()', 'export const r = crypto.getRandomValues(new Uint8Array(4));\n'],
    ['process.hrtime()', 'export const t = process.hrtime();\n'],
    ['Intl.DateTimeFormat().format()', 'export const t = new Intl.DateTimeFormat().format();\n'],
    ['Temporal.Now', 'export const t = Temporal.Now;\n'],
    ['fetch', "export const r = fetch('http://127.0.0.1');\n"],
    ['setTimeout', 'export const t = setTimeout(() => 0, 1);\n'],
    ['setInterval', 'export const t = setInterval(() => 0, 1);\n'],
    ['setImmediate', 'export const t = setImmediate(() => 0);\n'],
    ['queueMicrotask', 'queueMicrotask(() => 0);\n'],
    ['eval', "export const t = eval('Date.now()');\n"],
    ['new Function', "export const t = new Function('return Date.now()');\n"],
    ['.constructor', "export const t = (() => 0).constructor('return Date.now()');\n"],
  ])('core/ may not read the clock or randomness: %s', async (_how, code) => {
    expect(await ruleIdsFor('core/x.ts', code)).toContain('layers/pure');
  });

  it.each([
    ['Date.now()', 'export const t = Date.now();\n'],
    ['globalThis.Date.now()', 'export const t = globalThis.Date.now();\n'],
    ['Math.random()', 'export const r = Math.random();\n'],
  ])('electron/contract/ is as pure: %s', async (_how, code) => {
    expect(await ruleIdsFor('electron/contract/x.ts', code)).toContain('layers/pure');
  });

  it('core/ may compute with the time it is given', async () => {
    const code = [
      'export const d = new Date(0);',
      "export const ms = Date.parse('2026-01-01T00:00:00Z') + Date.UTC(2026, 0, 1);",
      'export const isDate = (x: unknown): x is Date => x instanceof Date;',
      'export const when: Date = new Date(ms);',
      'export const m = Math.max(1, Math.floor(2.5), Math.PI);',
      'export const later = (now: () => number) => now() + 1;',
      'export type Clock = typeof Date.now;',
      '',
    ].join('\n');
    expect(await lint('core/x.ts', code)).toEqual([]);
  });

  it('holds for core/ and the contract only', async () => {
    expect(await lint('platform/x.ts', 'export const t = [Date.now(), Math.random(), new Date()];\n')).toEqual([]);
  });
});

// docs/architecture.md, "Layers" shows the map this config really holds, rendered here from
// the config ESLint computes for a file, so the page cannot claim what lint does not check.
type May = {
  node?: boolean | 'all';
  packages?: string[];
  names?: Record<string, string[]>;
  anyPackageExcept?: string[];
  paths?: string[];
  anyPathExcept?: string[];
};
type Layer = { folders: string[]; rootFiles?: boolean; runsIn: string; pure?: boolean; may: May };

const code = (s: string): string => `\`${s}\``;

function mayImport(may: May): string {
  const parts: string[] = [];
  if (may.node === 'all') parts.push('Node builtins');
  if (may.node === true) parts.push('Node builtins but `module`');
  for (const p of may.packages ?? []) {
    const names = may.names?.[p];
    parts.push(names ? `${code(p)} (named imports ${names.map(code).join(', ')} only)` : code(p));
  }
  if (may.anyPackageExcept) parts.push(`any package but ${may.anyPackageExcept.map(code).join(', ')}`);
  for (const p of may.paths ?? []) parts.push(p.endsWith('/') ? code(p) : `${code(p)} (that file only)`);
  if (may.anyPathExcept) {
    parts.push(may.anyPathExcept.length === 0 ? 'any file' : `any file but ${may.anyPathExcept.map(code).join(', ')}`);
  }
  return parts.join(', ');
}

function layerTable(layers: Layer[]): string {
  const rows = layers.map((l) => {
    const folders = [...l.folders.map(code), ...(l.rootFiles ? ['files at the root'] : [])].join(', ');
    return `| ${folders} | ${l.runsIn}${l.pure ? ', pure' : ''} | ${mayImport(l.may)} |`;
  });
  return ['| folder | runs in | may import |', '|---|---|---|', ...rows].join('\n');
}

describe('docs/architecture.md', () => {
  it('shows the layer map eslint.config.js holds', async () => {
    const config = (await eslint.calculateConfigForFile('core/x.ts')) as { rules: Record<string, [unknown, { layers: Layer[] }]> };
    const layers = config.rules['layers/imports']?.[1].layers ?? [];
    expect(layers.length).toBeGreaterThan(5);
    expect(readFileSync('docs/architecture.md', 'utf8')).toContain(layerTable(layers));
  });
});
