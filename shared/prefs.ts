/** Preferences of this computer, kept outside the vault because they are not personal data. */
import { z } from 'zod';
import { channel } from './channel';
import { LOCALES } from './locales';

export const locale = z.enum(LOCALES);

export const prefsChannels = {
  /** The interface language; kept outside the vault (it is not personal data) so the locked screens use it too. */
  'prefs.setLocale': channel('public', z.object({ locale }).strict(), z.null()),
} as const;
