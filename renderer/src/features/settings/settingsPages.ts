/**
 * The settings pages, in the order of their list. A page shows when it holds a section the reader may see
 * (SettingsScreen's SECTIONS); 'organisation' waits for its first section.
 */
export const SETTINGS_PAGES = ['language', 'lock', 'keys', 'backups', 'records', 'programme', 'organisation'] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];
