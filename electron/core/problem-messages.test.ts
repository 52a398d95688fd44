import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundles, lookup } from '@shared/i18n/bundles';
import { LOCALES, type Locale } from '@shared/locales';
import { staffedVault, type StaffedVault } from '../../tests/support/participants';
import { PARTNER_PROBLEMS } from './partners/problems';
import { PROGRAMME_PROBLEMS } from './sessions/problems';

const SHARED = join(__dirname, '../../shared');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every key the main side sends back for the renderer to translate: a refused field must never show a raw key. */
function problemKeys(): string[] {
  const literal = sources(__dirname).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/i18nKey: '([\w.]+)'/gu)].map((m) => m[1] ?? ''),
  );
  return [
    ...literal,
    ...PROGRAMME_PROBLEMS.map((key) => `programmeProblems.${key}`),
    ...PARTNER_PROBLEMS.map((key) => `partners.problems.${key}`),
  ];
}

describe('the problems the main side reports', () => {
  it('are found by the scan', () => {
    expect(problemKeys().length).toBeGreaterThan(PROGRAMME_PROBLEMS.length + PARTNER_PROBLEMS.length + 5);
  });

  it('each have a sentence in every language', () => {
    const missing = LOCALES.flatMap((locale) => {
      return problemKeys()
        .filter((key) => lookup(bundles[locale], key) === undefined)
        .map((key) => `${locale}: ${key}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('a partner contact with a bad phone number or e-mail address', () => {
  const vaults: StaffedVault[] = [];
  afterAll(() => vaults.forEach((v) => v.t.cleanup()));

  /** The sentence the form shows under each refused field, in one language. */
  async function sentences(contact: { phone: string | null; email: string | null }, locale: Locale) {
    const v = await staffedVault();
    vaults.push(v);
    const { partner } = await v.t.ok('partners.save', { name: 'Työkeskus Oy', type: 'employer', notes: null });
    const result = await v.t.call('partners.saveContact', { partnerId: partner.id, name: 'Maija', role: null, ...contact });
    return Object.fromEntries(
      (result.ok ? [] : (result.details?.issues ?? [])).map((issue) => [issue.path, lookup(bundles[locale], issue.i18nKey)]),
    );
  }

  it('is told what is wrong with each, not only to check the field', async () => {
    expect(await sentences({ phone: '-----', email: 'maija.example.fi' }, 'fi')).toEqual({
      phone: 'Anna puhelinnumero numeroina, esimerkiksi +358 40 123 4567.',
      email: 'Anna sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.',
    });
    expect(await sentences({ phone: 'call me', email: 'maija@example' }, 'en')).toEqual({
      phone: 'Give a phone number with digits only, for example +358 40 123 4567.',
      email: 'Give an email address, for example name@example.fi.',
    });
  });
});

describe('the rules of the contracts in shared/', () => {
  // A message written out by hand escapes the type check of rule() and customIssue(), and so its translation.
  it('give every custom rule its message through rule() or customIssue()', () => {
    const byHand = readdirSync(SHARED)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .filter((name) => /message:\s*['"`]/u.test(readFileSync(join(SHARED, name), 'utf8')));
    expect(byHand).toEqual([]);
  });
});
