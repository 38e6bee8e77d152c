// ESLint flat config. The folder rules mirror the layers in docs (STYLE.md "One runtime per folder"):
// shared/ is pure TypeScript, electron/core never touches Electron, renderer/ never touches Node.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** `no-restricted-imports` options: bare names (and their subpaths) plus regexes over the import string. */
function restrictImports({ names = [], regexes = [] }) {
  return [
    'error',
    {
      paths: names.map((name) => ({
        name,
        message: `${name} is not allowed in this folder (see docs/STYLE.md layers).`,
      })),
      patterns: [
        // Subpaths of packages (react/jsx-runtime, electron/main); Node's own subpaths are listed in `paths`.
        ...names
          .filter((name) => !nodeBuiltins.includes(name))
          .map((name) => ({ group: [`${name}/*`], message: `${name} is not allowed in this folder.` })),
        ...regexes.map(([regex, message]) => ({ regex, message })),
      ],
    },
  ];
}

const NODE = { names: nodeBuiltins, regexes: [['^node:', 'Node built-ins are not allowed in this folder.']] };
const intoElectronFolder = ['^(\\.\\./)+electron(/|$)', 'Code under electron/ is not reachable from here.'];
const intoRenderer = ['^(\\.\\./)+renderer(/|$)', 'renderer/ is not reachable from here.'];
const intoCoreOrMainOrHost = [
  '^(\\.\\./)+(core|main|host)(/|$)',
  'The preload only speaks to shared/ and Electron.',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', '.*/**'] },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-console': 'error',
    },
  },

  // Type-aware checks, only the ones that catch real bugs (a lost promise is a lost sale or a lost error).
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  // Migrations take `Kysely<any>` on purpose: they must not depend on today's schema types (STYLE.md).
  { files: ['electron/core/db/migrations/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },

  // Scripts, benchmarks, tests and the web host's CLI talk to a terminal.
  { files: ['scripts/**', 'bench/**', 'tests/**', 'electron/host/cli.ts'], rules: { 'no-console': 'off' } },

  // The renderer: browser globals and the React hooks rules.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },

  // Layers.
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrictImports({
        names: ['electron', 'react', 'react-dom', ...NODE.names],
        regexes: [...NODE.regexes, intoElectronFolder, intoRenderer],
      }),
    },
  },
  {
    files: ['electron/core/**', 'electron/host/**'],
    rules: {
      'no-restricted-imports': restrictImports({
        names: ['electron', 'electron-updater'],
        regexes: [intoRenderer],
      }),
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': restrictImports({
        names: NODE.names,
        regexes: [...NODE.regexes, intoCoreOrMainOrHost, intoRenderer],
      }),
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrictImports({
        names: ['electron', 'electron-updater', ...NODE.names],
        regexes: [...NODE.regexes, intoElectronFolder],
      }),
    },
  },

  prettier,
);
