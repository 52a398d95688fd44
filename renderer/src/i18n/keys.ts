/**
 * Translation keys as a type. A key written in the source is checked by the compiler (see i18next.d.ts); a key that
 * arrives as data (an `i18nKey` the main side sends, a field problem a form keeps) meets `t()` only here.
 */
import type { ParseKeys, TFunction } from 'i18next';

/** Every key of the catalogue (a plural key without its `_one` / `_other` ending). */
export type TranslationKey = ParseKeys;

export type TextValues = Record<string, string | number>;

/**
 * The text of a key that arrives as data. The compiler cannot see such a key; the locale and problem-message tests
 * check that every key the main side and the forms can produce exists, and i18next falls back to Finnish.
 */
export function translateKey(t: TFunction, key: string, values: TextValues = {}): string {
  return t(key as TranslationKey, values);
}

/** Whether a code from data is one of a known list, so that a key built from it is a known key. */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
