/**
 * The tabs of the Reports page and who sees each: the funder report is the coordinator's (`reports.funder`), the
 * programme report the coordinator's and the caseworkers' (`reports.programme`). A file
 * of its own so that the menu and the app's places can name them without the screen.
 */
import { roleHolds, type Permission, type Role } from '@shared/roles';

export const REPORT_TABS = ['funder', 'programme'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

const PERMISSION_OF: Record<ReportTab, Permission> = { funder: 'reports.funder', programme: 'reports.programme' };

/** The report tabs a role may open, in order; none means no Reports page in the menu. */
export function reportTabsFor(role: Role): ReportTab[] {
  return REPORT_TABS.filter((tab) => roleHolds(role, PERMISSION_OF[tab]));
}
