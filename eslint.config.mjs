import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      '**/*.js',
      '**/*.mjs',
      '!apps/api/src/{web,resident}/public/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Prettier owns the layout; max-len stays on so no line, string or markup included, passes 140 characters.
  prettier,
  { rules: { 'max-len': ['error', { code: 140, tabWidth: 2 }] } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Libraries are used through their public index only, as @keurmerk/<lib>.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/libs/**', '@keurmerk/*/src/**'], message: 'Import libraries as @keurmerk/<lib>.' }] },
      ],
    },
  },
  // The pages' browser scripts: plain scripts (no modules, no build step) in the browsers the app supports.
  {
    files: ['apps/api/src/{web,resident}/public/*.js'],
    languageOptions: { ecmaVersion: 2020, sourceType: 'script', globals: { ...globals.browser } },
    rules: { strict: ['error', 'function'] },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } } },
  {
    files: ['apps/api/src/web/public/sw.js'],
    // VERSION and ASSETS are prepended when the worker is served (auditor/service-worker.ts).
    languageOptions: { globals: { ...globals.serviceworker, VERSION: 'readonly', ASSETS: 'readonly' } },
    rules: { strict: ['error', 'global'] },
  },
);
