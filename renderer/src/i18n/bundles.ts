/**
 * The translation of each locale: the base file (`<locale>.json`) with the feature parts merged in
 * (`parts/<feature>.<locale>.json`, each holding its own top-level keys). A key given twice is a mistake
 * that would silently hide a text, so merging refuses it.
 */
import type { Locale } from '@shared/locales';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';

export type Tree = { [key: string]: string | Tree };

const parts = import.meta.glob<Tree>('./parts/*.json', { eager: true, import: 'default' });

function merge(base: Tree, part: Tree, file: string): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(part)) {
    if (Object.hasOwn(out, key)) throw new Error(`${file}: the key "${key}" is already defined`);
    out[key] = value;
  }
  return out;
}

function bundle(locale: Locale, base: Tree): Tree {
  let out = base;
  for (const [file, part] of Object.entries(parts)) {
    if (file.endsWith(`.${locale}.json`)) out = merge(out, part, file);
  }
  return out;
}

export const bundles: Record<Locale, Tree> = { fi: bundle('fi', fi), sv: bundle('sv', sv), en: bundle('en', en) };
