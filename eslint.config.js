import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'vigil-data/', 'coverage/', 'fuzz-failures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', fetch: 'readonly', URLSearchParams: 'readonly', history: 'readonly', location: 'readonly' } },
  },
  {
    files: ['bin/**/*.js', 'web/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', document: 'readonly', window: 'readonly', fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly' } },
  },
);
