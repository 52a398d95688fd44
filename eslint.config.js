import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import { polku } from './scripts/lint/rules.mjs';

const root = import.meta.dirname;

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

/** Core code opens databases only through db/cipher.ts, the one place that sets the key and the cipher settings. */
const noElectronNorDriver = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        ...noElectron['no-restricted-imports'][1].paths,
        {
          name: 'better-sqlite3-multiple-ciphers',
          allowTypeImports: true,
          message: 'Open databases through electron/core/db/cipher.ts, which keys them and keeps temp files in memory.',
        },
      ],
      patterns: noElectron['no-restricted-imports'][1].patterns,
    },
  ],
};

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'];

const notRenderer = { folder: 'renderer', because: 'the main side and the contract never depend on the user interface.' };
const notElectron = { folder: 'electron', because: 'the renderer reaches the main side only through the preload bridge.' };
const notTests = { folder: 'tests', because: 'production code never depends on test code.' };

/**
 * Today's edges between the domains of electron/core: `from: [to, ...]`, for production code (tests may reach any
 * domain they exercise). An import from another domain's folder that is not listed here is a lint error, so a new
 * dependency between domains is a deliberate line in this file. Files directly in electron/core (dispatch, registry)
 * are no domain.
 */
const CORE_EDGES = {
  // Saving asks for the processing consent; due dates read the cohort's period (cohortEndDate), the calendar
  // arithmetic itself is in shared/.
  assessments: ['cohorts', 'consents', 'db'],
  attendance: ['cohorts', 'db', 'participants', 'sessions', 'settings'],
  audit: ['db'],
  backup: ['audit', 'db', 'fs', 'jobs', 'settings', 'users', 'vault'],
  cohorts: ['audit', 'consents', 'db', 'participants', 'sessions'],
  // The psychologists' key to their sealed notes lives in the vault; giving it checks the colleague's account.
  compartment: ['db', 'users', 'vault'],
  consents: ['audit', 'db', 'participants'],
  // Migration 0018 seeds the vault with the instrument's first version, a frozen data module of assessments.
  db: ['assessments', 'vault'],
  flags: ['db', 'participants'],
  // A handed-over referral is linked to this register's partner of the same name. A psychologist's package carries
  // the private notes opened from their seal (psychosocial/private.ts), and the import seals them again.
  handover: ['audit', 'cohorts', 'db', 'fs', 'notes', 'participants', 'partners', 'psychosocial', 'settings', 'vault'],
  jobs: ['backup', 'fs', 'vault'],
  notes: ['consents', 'db'],
  // The overview of a file reads the domains that put a part on it, through their own readers.
  overview: ['attendance', 'cohorts', 'consents', 'flags', 'notes', 'participants', 'sessions', 'settings'],
  participants: ['audit', 'db', 'retention'],
  // Recording needs the processing consent; the form's entry summary reads the intake from the participant record.
  participation: ['consents', 'db', 'participants'],
  partners: ['audit', 'db', 'participants'],
  // A remembered place is handed back only while its file or group still exists.
  place: ['cohorts', 'db', 'participants'],
  // The plan printed for the participant goes out through the print path.
  plans: ['consents', 'db', 'print'],
  // The referral letter and the printed plan read the referral, its consent gate and the plan in force.
  print: [
    'assessments',
    'attendance',
    'consents',
    'db',
    'flags',
    'fs',
    'notes',
    'participants',
    'participation',
    'plans',
    'psychosocial',
    'referrals',
    'settings',
    'timeline',
  ],
  // Private notes are sealed under the psychologists' compartment key (vault/compartment.ts).
  psychosocial: ['consents', 'db', 'vault'],
  // A referral names its partner; the consent gate compares names as the consent register does.
  // The referral letter goes out through the print path.
  referrals: ['consents', 'db', 'participants', 'print'],
  // Reports count what the domains store: a participation by its one rule of entry and exit, the change per domain
  // as the assessments count it; the funder-statistics consent decides who the funder report counts. A report leaves
  // the app as a PDF through the print path, or as CSV through the one file-ops seam.
  reports: ['assessments', 'attendance', 'consents', 'db', 'fs', 'participation', 'print', 'settings'],
  retention: ['db', 'participants', 'settings'],
  schedule: ['db', 'print', 'sessions', 'settings'],
  search: ['db', 'notes', 'participants', 'psychosocial'],
  sessions: ['cohorts', 'db'],
  settings: ['db'],
  timeline: ['assessments', 'consents', 'db', 'flags', 'notes', 'participation', 'plans', 'psychosocial', 'referrals'],
  // Today reads every domain that puts a line on the page, through their own readers.
  today: [
    'assessments',
    'attendance',
    'backup',
    'db',
    'flags',
    'notes',
    'participants',
    'participation',
    'plans',
    'psychosocial',
    'referrals',
    'retention',
    'sessions',
  ],
  users: ['db', 'vault'],
  vault: ['audit', 'backup', 'db', 'fs', 'jobs', 'settings', 'users'],
  views: ['db'],
  visits: ['partners'],
};

/** Today's edges between the renderer's features (renderer/src/features/<feature>/), as for CORE_EDGES. */
const FEATURE_EDGES = {
  attendance: ['consents', 'programme', 'settings'],
  assessments: ['consents'],
  // The log names an item of the assessment instrument by id; its wording is read where the instrument is.
  audit: ['assessments', 'registry', 'retention', 'staff'],
  backup: ['vault'],
  case: [
    'assessments',
    'attendance',
    'consents',
    'flags',
    'handover',
    'notes',
    'participants',
    'participation',
    'plans',
    'print',
    'programme',
    'psychosocial',
    'referrals',
  ],
  flags: ['consents'],
  handover: ['vault'],
  // The funder's data names the intake's codes as the participant record does; a refused save leads to the consents.
  participation: ['consents', 'participants'],
  home: ['attendance', 'backup', 'retention', 'settings', 'today'],
  programme: ['attendance', 'case', 'consents', 'partners', 'print'],
  plans: ['consents', 'print', 'referrals'],
  psychosocial: ['consents'],
  notes: ['consents', 'participants'],
  // A referral's form picks a partner from the register (or adds one there); a refused send leads to the consents;
  // a sent referral's letter is printed; the Referrals page is the registry's grid, filters and paging over referrals.
  referrals: ['consents', 'participants', 'partners', 'print', 'registry'],
  registry: ['handover', 'participants', 'programme'],
  // The Reports page picks a group from the programme's list and shows its reports in the file's tabs.
  reports: ['case', 'programme', 'settings'],
  retention: ['case'],
  search: ['notes'],
  // A six-month follow-up opens the file at its funder data.
  today: ['participation', 'programme'],
  settings: ['assessments', 'attendance', 'backup', 'reports', 'retention', 'vault'],
};

const boundaries = (...forbidden) => ({ 'polku/import-boundaries': ['error', { root, forbidden }] });

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
  { plugins: { polku } },
  {
    // Today and calendar days come from shared/days.ts: the UTC day of a moment is yesterday in Finland until 02:00.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.callee.property.name='toISOString']",
          message: 'A calendar day comes from shared/days.ts (dayOf, today): the UTC date is the wrong day near midnight.',
        },
      ],
    },
  },
  { files: ['electron/core/**', 'shared/**'], rules: noElectron },
  { files: ['electron/core/**'], ignores: [...TEST_FILES, 'electron/core/db/cipher.ts'], rules: noElectronNorDriver },
  // Where code may import from. Test code under electron/ and shared/ may use the helpers in tests/.
  { files: ['electron/**', 'shared/**'], rules: boundaries(notRenderer, notTests) },
  { files: TEST_FILES.flatMap((glob) => [`electron/${glob}`, `shared/${glob}`]), rules: boundaries(notRenderer) },
  { files: ['renderer/**'], ignores: TEST_FILES, rules: boundaries(notElectron, notTests) },
  { files: TEST_FILES.map((glob) => `renderer/${glob}`), rules: boundaries(notElectron) },
  // The preview and the build scripts are used by the tests, never the other way round.
  { files: ['scripts/**'], rules: boundaries(notTests) },
  {
    files: ['electron/core/**'],
    ignores: TEST_FILES,
    rules: { 'polku/domain-edges': ['error', { root, folder: 'electron/core', allowed: CORE_EDGES }] },
  },
  {
    files: ['renderer/src/features/**'],
    ignores: TEST_FILES,
    rules: { 'polku/domain-edges': ['error', { root, folder: 'renderer/src/features', allowed: FEATURE_EDGES }] },
  },
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
  // Interface text goes through the translations (fi, sv, en); tests may write what they render.
  { files: ['renderer/**/*.tsx'], ignores: TEST_FILES, rules: { 'polku/no-untranslated-jsx-text': 'error' } },
  {
    files: ['scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
