// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'zlib',
  'http',
  'url',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/',
      'assets/',
      'bin/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Raw Electron IPC is only allowed where the typed contract is bound (GitHub Desktop's rule).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='electron'] ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]",
          message:
            'Use the typed IPC contract (src/main/app/ipc, src/preload) instead of raw ipcMain/ipcRenderer.',
        },
      ],
    },
  },
  {
    files: ['src/main/app/ipc/**/*.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Text from files reaches the terminal only through src/main/cli/print.ts (terminalSafe).
    files: ['src/main/cli/**/*.ts'],
    ignores: ['src/main/cli/print.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='write'][callee.object.property.name=/^std(out|err)$/][callee.object.object.name='process']",
          message: 'Print with printOut/printErr (src/main/cli/print.ts): they escape control characters.',
        },
      ],
    },
  },
  {
    // Layering (VS Code's "code-layering"): shared is pure, runs in Node and in the browser.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src/shared is pure TypeScript: no Node modules.' },
            {
              group: ['electron', 'react', 'react-dom'],
              message: 'src/shared may not depend on Electron or the UI.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared may not import other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer is web code: reach main through window.dicomInk.' },
            { group: ['electron'], message: 'The renderer reaches main only through the preload API.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer may import src/shared only.' },
          ],
        },
      ],
    },
  },
);
