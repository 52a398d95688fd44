import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundles, lookup } from '@shared/i18n/bundles';
import { LOCALES } from '@shared/locales';
import { PARTNER_PROBLEMS } from './partners/handlers';
import { PROGRAMME_PROBLEMS } from './sessions/problems';

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
