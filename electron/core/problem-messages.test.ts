import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales';
import { PARTNER_PROBLEMS } from './partners/handlers';
import { PROGRAMME_PROBLEMS } from './sessions/problems';

type Tree = { [key: string]: string | Tree };

const I18N = join(__dirname, '../../renderer/src/i18n');

/** One language's texts as the renderer merges them: the base file and every feature part. */
function texts(locale: string): Tree[] {
  const parts = readdirSync(join(I18N, 'parts')).filter((name) => name.endsWith(`.${locale}.json`));
  return [join(I18N, `${locale}.json`), ...parts.map((name) => join(I18N, 'parts', name))].map(
    (file) => JSON.parse(readFileSync(file, 'utf8')) as Tree,
  );
}

/** The sentence under `key` in one language, if there is one. */
function lookup(tree: Tree, key: string): string | undefined {
  let node: Tree | string | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

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
      const trees = texts(locale);
      return problemKeys()
        .filter((key) => trees.every((tree) => lookup(tree, key) === undefined))
        .map((key) => `${locale}: ${key}`);
    });
    expect(missing).toEqual([]);
  });
});
