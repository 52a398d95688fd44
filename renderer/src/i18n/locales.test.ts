import { describe, expect, it } from 'vitest';
import { api, type LockReason } from '@shared/api';
import { ERROR_CODES } from '@shared/errors';
import { CUSTOM_MESSAGES } from '@shared/validation';
import { LOCALES } from '@shared/locales';
import { PERMISSIONS, ROLES } from '@shared/roles';
import { KNOWN_ACTIONS } from '../features/audit/actions';
import { STRENGTH_HINTS } from '../features/vault/strength';
import { bundles, PART_NAMES, type Tree } from '@shared/i18n/bundles';

const locales: Record<string, Tree> = bundles;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(locales).map(([name, tree]) => [name, flatten(tree)]));
const finnish = flat.fi ?? new Map<string, string>();

/** A key exists if it is there as such or in its plural forms (key_one, key_other). */
function exists(key: string): boolean {
  return finnish.has(key) || (finnish.has(`${key}_one`) && finnish.has(`${key}_other`));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/gu)].map((m) => m[1] ?? '').sort();
}

const LOCK_REASONS = { manual: true, idle: true, suspend: true, 'screen-lock': true, shutdown: true } satisfies Record<
  LockReason,
  true
>;
const VAULT_PROBLEMS = ['slots_missing', 'slots_corrupt', 'db_missing', 'db_corrupt', 'db_foreign', 'db_newer'];
/** Every issue code zod 4 reports; the main side sends them back as `validation.<code>`. */
const ZOD_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
];

describe('the interface languages', () => {
  it('are exactly the supported locales, with Finnish, Swedish and English', () => {
    expect(Object.keys(locales).sort()).toEqual([...LOCALES].sort());
  });

  it('are made of every part file of every locale', () => {
    const files = Object.keys(import.meta.glob('../../../shared/i18n/parts/*.json')).map((path) => path.split('/').pop());
    const listed = PART_NAMES.flatMap((part) => LOCALES.map((locale) => `${part}.${locale}.json`));
    expect([...files].sort()).toEqual([...listed].sort());
  });

  it('have exactly the same keys in every locale', () => {
    const reference = [...finnish.keys()].sort();
    for (const [name, entries] of Object.entries(flat)) expect([...entries.keys()].sort(), name).toEqual(reference);
  });

  it('have no empty texts', () => {
    for (const [name, entries] of Object.entries(flat)) {
      for (const [key, value] of entries) expect(value.trim(), `${name}: ${key}`).not.toBe('');
    }
  });

  it('use the same {{placeholders}} for a key in every locale', () => {
    for (const [key, value] of finnish) {
      for (const [name, entries] of Object.entries(flat)) {
        expect(placeholders(entries.get(key) ?? ''), `${name}: ${key}`).toEqual(placeholders(value));
      }
    }
  });

  it('explain every error code the main side can send', () => {
    for (const code of ERROR_CODES) expect(exists(`errors.${code}`), code).toBe(true);
  });

  it('name every role', () => {
    for (const role of ROLES) expect(exists(`roles.${role}`), role).toBe(true);
  });

  it('say why Polku was locked, for every reason the main side gives', () => {
    for (const reason of Object.keys(LOCK_REASONS)) expect(exists(`unlock.reasons.${reason}`), reason).toBe(true);
  });

  it('explain every problem with the vault files, and what to do about it', () => {
    for (const problem of [...VAULT_PROBLEMS, 'other']) {
      expect(exists(`broken.problems.${problem}.what`), problem).toBe(true);
      expect(exists(`broken.problems.${problem}.todo`), problem).toBe(true);
    }
  });

  it('have every strength level and every piece of passphrase advice', () => {
    for (const level of [0, 1, 2, 3, 4]) expect(exists(`strength.levels.${level}`)).toBe(true);
    for (const hint of STRENGTH_HINTS) expect(exists(`strength.hints.${hint}`), hint).toBe(true);
  });

  it('have a message for every validation problem the main side can report', () => {
    for (const code of ZOD_ISSUE_CODES) expect(exists(`validation.${code}`), code).toBe(true);
    for (const message of CUSTOM_MESSAGES) expect(exists(`validation.${message}`), message).toBe(true);
  });

  it('name every language in the language menu', () => {
    for (const locale of LOCALES) expect(exists(`language.names.${locale}`), locale).toBe(true);
  });

  it('stay discreet: no text names the programme’s subject or calls anyone a victim', () => {
    const forbidden: Record<string, RegExp> = {
      fi: /uhri|ihmiskaup|hyväksikäy|riisto/iu,
      sv: /offer|människohandel|exploat|utnyttj/iu,
      en: /victim|traffick|exploit/iu,
    };
    for (const [name, entries] of Object.entries(flat)) {
      for (const [key, value] of entries) expect(value, `${name}: ${key}`).not.toMatch(forbidden[name] ?? /$^/u);
    }
  });
});

describe('the renderer sources', () => {
  const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;
  const namespaces = new Set(Object.keys(bundles.fi));
  // Audit action names look like keys too (`referrals.send`); their texts are under `audit.actions.`.
  const notKeys = new Set<string>([...Object.keys(api), ...PERMISSIONS, ...KNOWN_ACTIONS]);

  it('are found by the scan', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('use only translation keys that exist', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      // Every quoted string that starts with a locale namespace is a key, except IPC channel, permission and audit
      // action names.
      for (const match of text.matchAll(/['"`]([a-zA-Z]+(?:\.[\w-]+)+)['"`]/gu)) {
        const key = match[1] ?? '';
        if (!namespaces.has(key.split('.')[0] ?? '') || notKeys.has(key)) continue;
        if (!exists(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('call t() with a literal key or with a key built from a known prefix', () => {
    const dynamic: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/\bt\(\s*`([^`]*)`/gu)) {
        const prefix = (match[1] ?? '').split('${')[0] ?? '';
        if (!namespaces.has(prefix.split('.')[0] ?? '')) dynamic.push(`${file}: ${match[1]}`);
      }
    }
    expect(dynamic).toEqual([]);
  });
});
