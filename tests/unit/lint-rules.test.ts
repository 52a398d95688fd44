/** The project's own lint rules (scripts/lint/rules.mjs), run by ESLint's RuleTester on small sources. */
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { polku } from '../../scripts/lint/rules.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = '/project';
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

describe('import-boundaries', () => {
  const options = [
    {
      root,
      forbidden: [
        { folder: 'renderer', because: 'the main side never depends on the user interface.' },
        { folder: 'tests', because: 'production code never depends on test code.' },
      ],
    },
  ];
  const inCore = `${root}/electron/core/print/labels.ts`;
  tester.run('import-boundaries', polku.rules['import-boundaries'], {
    valid: [
      { filename: inCore, options, code: "import { sql } from '../db/sql';" },
      { filename: inCore, options, code: "import { api } from '@shared/api';" },
      { filename: inCore, options, code: "import { z } from 'zod';" },
      // A folder whose name only starts like a forbidden one.
      { filename: inCore, options, code: "import x from '../../../renderers/x';" },
    ],
    invalid: [
      {
        filename: inCore,
        options,
        code: "import fi from '../../../renderer/src/i18n/parts/case.fi.json' with { type: 'json' };",
        errors: [
          {
            message:
              "This file may not import from renderer/ ('../../../renderer/src/i18n/parts/case.fi.json'): the main side never depends on the user interface.",
          },
        ],
      },
      {
        filename: `${root}/shared/api.ts`,
        options,
        code: "export { staffedVault } from '../tests/support/participants';",
        errors: [{ messageId: 'forbidden' }],
      },
      {
        filename: inCore,
        options,
        code: "const harness = await import('../../../tests/e2e/harness');",
        errors: [{ messageId: 'forbidden' }],
      },
    ],
  });
});

describe('domain-edges', () => {
  const options = [{ root, folder: 'electron/core', allowed: { notes: ['db', 'consents'] } }];
  tester.run('domain-edges', polku.rules['domain-edges'], {
    valid: [
      { filename: `${root}/electron/core/notes/repo.ts`, options, code: "import { sql } from '../db/sql';" },
      { filename: `${root}/electron/core/notes/handlers.ts`, options, code: "import { inForce } from '../consents/repo';" },
      { filename: `${root}/electron/core/notes/handlers.ts`, options, code: "import { rows } from './repo';" },
      // Files directly in electron/core belong to no domain, either way.
      { filename: `${root}/electron/core/registry.ts`, options, code: "import { notes } from './notes/handlers';" },
      { filename: `${root}/electron/core/notes/handlers.ts`, options, code: "import type { Core } from '../types';" },
    ],
    invalid: [
      {
        filename: `${root}/electron/core/notes/handlers.ts`,
        options,
        code: "import { findParticipant } from '../participants/repo';",
        errors: [
          {
            message:
              "electron/core/notes may not import from electron/core/participants ('../participants/repo'). If this dependency is deliberate, add 'participants' to the allowed edges of 'notes' in eslint.config.js.",
          },
        ],
      },
      {
        // A domain with no edges at all, from a nested folder.
        filename: `${root}/electron/core/print/sections/notes.ts`,
        options,
        code: "import { listNotes } from '../../notes/repo';",
        errors: [{ messageId: 'edge' }],
      },
    ],
  });
});

describe('no-untranslated-jsx-text', () => {
  const rule = polku.rules['no-untranslated-jsx-text'];
  tester.run('no-untranslated-jsx-text', rule, {
    valid: [
      "const a = <p>{t('home.title')}</p>;",
      'const a = <p>{count} · {total}</p>;',
      "const a = <p>{' – '}(12)</p>;",
      'const a = <input type="text" name="pseudonym" id="p" className="field wide" autoComplete="off" />;',
      'const a = <div role="status" aria-live="polite" aria-hidden="true" data-screen="home" />;',
      "const a = <input aria-label={t('search.label')} placeholder={t('search.placeholder')} />;",
      'const a = <option value="fi">{label}</option>;',
      'const a = <svg viewBox="0 0 10 10"><path d="M0 0L10 10" fill="none" /></svg>;',
      // A component's own props are options unless they are known to carry text.
      'const a = <Button variant="primary" size="small" setting="autoLockMinutes" />;',
    ],
    invalid: [
      {
        code: 'const a = <p>Tallenna</p>;',
        errors: [{ message: "Untranslated text 'Tallenna' in JSX: add a key in fi, sv and en and show it through t()." }],
      },
      { code: 'const a = <p>Спасибо</p>;', errors: [{ messageId: 'text' }] },
      { code: "const a = <p>{'Save'}</p>;", errors: [{ messageId: 'text' }] },
      { code: 'const a = <p>{`Save`}</p>;', errors: [{ messageId: 'text' }] },
      {
        code: 'const a = <input aria-label="Search" />;',
        errors: [{ message: "Untranslated text 'Search' in the aria-label attribute: add a key in fi, sv and en and use t()." }],
      },
      { code: 'const a = <img alt="Logo" src="logo.svg" />;', errors: [{ messageId: 'attribute' }] },
      { code: "const a = <input placeholder={'Nimi'} />;", errors: [{ messageId: 'attribute' }] },
      { code: 'const a = <abbr title="Participant">P</abbr>;', errors: [{ messageId: 'attribute' }, { messageId: 'text' }] },
      { code: 'const a = <Field label="Phone" />;', errors: [{ messageId: 'attribute' }] },
    ],
  });
});
