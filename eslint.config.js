// Lint, and the layer map of docs/architecture.md: each folder may import only what its
// runtime has. test/lint/layers.test.ts proves each rule really fails a forbidden import.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SEE = 'See docs/architecture.md, "Layers".';
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** A no-restricted-imports rule: named packages and regexes over the import path. */
function restrict(packages, regexes, why) {
  return [
    'error',
    {
      paths: packages.map((name) => ({ name, message: `${why} ${SEE}` })),
      patterns: [
        ...regexes.map((regex) => ({ regex, message: `${why} ${SEE}` })),
        ...packages.map((name) => ({ group: [`${name}/**`], message: `${why} ${SEE}` })),
      ],
    },
  ];
}

const uiPackages = ['react', 'react-dom', 'react/jsx-runtime', '@mantine/core', '@mantine/hooks'];
const dbPackages = ['knex', 'sqlite3'];
const up = '^(\\.\\./)+';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The "common" layer: pure TypeScript, time and randomness come in as arguments.
    files: ['core/**/*.ts', 'electron/contract/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', ...dbPackages, ...uiPackages],
        [`${up}(electron|renderer|platform|migrations|test|bench|scripts)(/|$)`, '^@mantine/'],
        'core/ and electron/contract/ are pure: no Node, Electron, database, UI or other-folder imports.',
      ),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `Time is an argument in core/. ${SEE}` },
        { object: 'Math', property: 'random', message: `Randomness is an argument in core/. ${SEE}` },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `Time is an argument in core/: new Date() reads the clock. ${SEE}`,
        },
      ],
    },
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', ...dbPackages, ...uiPackages],
        [`${up}(electron/(main|preload|services|host)|renderer|platform|migrations|test|bench|scripts)(/|$)`, '^@mantine/', `^\\.\\./(main|preload|services|host)(/|$)`],
        'electron/contract/ is pure: it imports core/ and zod only.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', ...dbPackages],
        [`${up}(electron/(main|preload|services|host)|platform|migrations)(/|$)`],
        'The renderer reaches the rest only through the console API contract (electron/contract/).',
      ),
    },
  },
  {
    files: ['platform/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', ...uiPackages],
        [`${up}(electron|renderer|migrations)(/|$)`],
        'platform/ is a separate program: it shares core/ and nothing of the console.',
      ),
    },
  },
  {
    // Requiring electron outside main/preload tries to download its binary (STACK.md trap 1).
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', ...uiPackages],
        [`${up}renderer(/|$)`],
        'Services, host and migrations run under plain Node without Electron or the UI.',
      ),
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': restrict(['electron'], [], 'Tests and tools run under plain Node without the Electron binary.'),
    },
  },
);
