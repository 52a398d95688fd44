import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/locales';
import { writeFileAtomic } from './fs/atomic';

/** A damaged field falls back on its own, so that a bad name never costs the language, nor the other way round. */
const prefsSchema = z.object({
  locale: z.enum(LOCALES).catch(DEFAULT_LOCALE),
  lastUserName: z.string().min(1).max(80).optional().catch(undefined),
});

/**
 * What the locked screens need, kept beside the vault in plain JSON: the interface language and, only while the
 * coordinator has switched it on in Settings, the name of whoever unlocked last (docs/security.md says what that
 * costs). Nothing else about anyone.
 */
export interface Prefs {
  locale: Locale;
  lastUserName?: string | undefined;
}

/** The stored preferences; a missing or damaged file gives the defaults (Finnish, no name). */
export function readPrefs(path: string): Prefs {
  try {
    const parsed = prefsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : { locale: DEFAULT_LOCALE };
  } catch {
    return { locale: DEFAULT_LOCALE };
  }
}

function writePrefs(path: string, prefs: Prefs): void {
  // No lastUserName key at all when there is no name: nothing of a name is left in the new file.
  writeFileAtomic(path, JSON.stringify(prefs.lastUserName ? prefs : { locale: prefs.locale }));
}

export function readLocale(path: string): Locale {
  return readPrefs(path).locale;
}

export function writeLocale(path: string, locale: Locale): void {
  writePrefs(path, { ...readPrefs(path), locale });
}

/** Stores the name the unlock screen offers, or erases it (null). */
export function writeLastUserName(path: string, name: string | null): void {
  const prefs = readPrefs(path);
  writePrefs(path, { locale: prefs.locale, lastUserName: name ?? undefined });
}
