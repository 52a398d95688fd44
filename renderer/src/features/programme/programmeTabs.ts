/** The tabs of the programme page; a file of its own so that the app's places can name them without the screen. */
export const PROGRAMME_TABS = ['cohorts', 'week', 'partners'] as const;
export type ProgrammeTab = (typeof PROGRAMME_TABS)[number];
