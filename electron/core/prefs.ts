import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/locales';
import { writeFileAtomic } from './fs/atomic';

const prefsSchema = z.object({ locale: z.enum(LOCALES) });

/**
 * Preferences that the locked screens need and that say nothing about anyone: the interface language.
 * Kept beside the vault in plain JSON; a missing or damaged file falls back to the default.
 */
export function readLocale(path: string): Locale {
  try {
    const parsed = prefsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function writeLocale(path: string, locale: Locale): void {
  writeFileAtomic(path, JSON.stringify({ locale }));
}
