// Lint, and the layer map of docs/architecture.md, "Layers": what each folder may import,
// as allow-lists checked on resolved paths and package names by the local plugin in
// eslint/layers-plugin.js. test/lint/layers.test.ts proves each rule fails a forbidden import
// and that the docs table is this map.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layersPlugin from './eslint/layers-plugin.js';

// `may`: `node` true = Node builtins except `module` (its createRequire loads what lint cannot
// see), 'all' = every builtin; `packages` by name ('@scope/*' for a whole scope); `names`:
// the only named imports a package may give; `paths`: repo folders ('x/') or single files
// (without extension). Anything not named is an error.
const layers = [
  {
    folders: ['core/'],
    runsIn: 'anywhere ("common")',
    pure: true,
    may: { packages: ['zod'], paths: ['core/'] },
  },
  {
    folders: ['electron/contract/'],
    runsIn: 'anywhere ("common")',
    pure: true,
    may: { packages: ['zod'], paths: ['core/', 'electron/contract/'] },
  },
  {
    folders: ['electron/preload/'],
    runsIn: 'Electron preload (sandboxed, CommonJS)',
    may: {
      packages: ['electron'],
      names: { electron: ['contextBridge', 'ipcRenderer'] },
      paths: ['electron/preload/', 'electron/contract/'],
    },
  },
  {
    folders: ['electron/main/'],
    runsIn: 'Electron main',
    may: {
      node: true,
      packages: ['electron', 'zod'],
      paths: ['electron/main/', 'electron/services/', 'electron/contract/', 'core/'],
    },
  },
  {
    folders: ['electron/services/'],
    runsIn: 'plain Node',
    may: {
      node: true,
      packages: ['knex', 'sqlite3', 'zod'],
      paths: ['electron/services/', 'electron/contract/', 'core/', 'migrations/'],
    },
  },
  {
    folders: ['electron/host/'],
    runsIn: 'plain Node',
    may: {
      node: true,
      packages: ['knex', 'sqlite3', 'zod'],
      paths: ['electron/host/', 'electron/services/', 'electron/contract/', 'core/'],
    },
  },
  {
    folders: ['migrations/'],
    runsIn: 'plain Node',
    may: { packages: ['knex'], paths: ['migrations/'] },
  },
  {
    folders: ['renderer/'],
    runsIn: 'the browser / Electron renderer',
    may: {
      packages: ['react', 'react-dom', '@mantine/*', '@tanstack/*', 'dayjs', 'recharts', 'wouter', '@tabler/icons-react'],
      paths: ['renderer/', 'core/', 'electron/contract/'],
    },
  },
  {
    folders: ['platform/'],
    runsIn: 'plain Node, a separate program',
    may: { node: true, packages: ['knex', 'sqlite3', 'zod'], paths: ['platform/', 'core/'] },
  },
  {
    folders: ['test/', 'bench/'],
    runsIn: 'plain Node (vitest, tsx)',
    may: { node: 'all', anyPackageExcept: ['electron'], anyPathExcept: [] },
  },
  {
    folders: ['scripts/', 'eslint/'],
    rootFiles: true,
    runsIn: 'plain Node (tools)',
    may: { node: 'all', anyPackageExcept: ['electron'], anyPathExcept: ['test/', 'bench/'] },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { layers: layersPlugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      eqeqeq: ['error', 'always'],
      'layers/imports': ['error', { root: import.meta.dirname, layers }],
    },
  },
  {
    files: layers.filter((l) => l.pure).flatMap((l) => l.folders.map((f) => `${f}**`)),
    languageOptions: { globals: {} },
    rules: { 'layers/pure': 'error' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
