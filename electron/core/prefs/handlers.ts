import type { HandlerGroup } from '../handler';

/** Preferences of this computer, kept outside the vault (prefs.ts): they work while it is locked. */
export const prefsHandlers = {
  'prefs.setLocale': { kind: 'core', run: (input, { setLocale }) => (setLocale(input.locale), null) },
} satisfies HandlerGroup;
