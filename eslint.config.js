import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

/** Only the Electron shell may import 'electron'; core, renderer and the shared contract stay portable. */
const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: "Only electron/main (and the preload) may import 'electron'." }],
      patterns: [{ group: ['electron/*'], message: "Only electron/main may import 'electron'." }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['error', 'warn'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['electron/core/**', 'shared/**'], rules: noElectron },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...noElectron,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Personal data must never reach browser storage.' },
        { name: 'sessionStorage', message: 'Personal data must never reach browser storage.' },
        { name: 'indexedDB', message: 'Personal data must never reach browser storage.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
