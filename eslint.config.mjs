import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Libraries are used through their public index only, as @keurmerk/<lib>.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/libs/**', '@keurmerk/*/src/**'], message: 'Import libraries as @keurmerk/<lib>.' }] }],
    },
  },
);
