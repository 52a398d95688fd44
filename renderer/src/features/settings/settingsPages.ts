/**
 * The settings pages, in the order of their list. A page shows when it holds a section the reader may see
 * (SettingsScreen's SECTIONS); 'assessments' holds the coordinator's hiding of the assessment form's items;
 * 'organisation' holds the organisation's name and phone for the printed week.
 */
export const SETTINGS_PAGES = [
  'language',
  'lock',
  'keys',
  'backups',
  'records',
  'programme',
  'assessments',
  'organisation',
] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];
