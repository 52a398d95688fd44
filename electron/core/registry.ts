import { api, type Channel } from '@shared/api';
import type { HandlerGroup, Handlers } from './handler';
import { assessmentHandlers, cohortChangeHandlers } from './assessments/handlers';
import { participationHandlers } from './participation/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { cohortHandlers } from './cohorts/handlers';
import { compartmentHandlers } from './compartment/handlers';
import { consentHandlers } from './consents/handlers';
import { flagHandlers } from './flags/handlers';
import { handoverHandlers } from './handover/handlers';
import { noteHandlers } from './notes/handlers';
import { overviewHandlers } from './overview/handlers';
import { participantHandlers } from './participants/handlers';
import { partnerHandlers } from './partners/handlers';
import { placeHandlers } from './place/handlers';
import { planHandlers } from './plans/handlers';
import { prefsHandlers } from './prefs/handlers';
import { printHandlers } from './print/handlers';
import { psychosocialHandlers } from './psychosocial/handlers';
import { referralHandlers } from './referrals/handlers';
import { reportHandlers } from './reports/handlers';
import { retentionHandlers } from './retention/handlers';
import { scheduleHandlers } from './schedule/handlers';
import { searchHandlers } from './search/handlers';
import { sessionHandlers } from './sessions/handlers';
import { settingsHandlers } from './settings/handlers';
import { timelineHandlers } from './timeline/handlers';
import { todayHandlers } from './today/handlers';
import { userHandlers } from './users/handlers';
import { vaultHandlers } from './vault/handlers';
import { viewHandlers } from './views/handlers';
import { visitHandlers } from './visits/handlers';

/** Joins the domains' handler groups; a channel handled twice, or not at all, is a programming error. */
export function buildRegistry(groups: readonly HandlerGroup[]): Handlers {
  const registry: HandlerGroup = {};
  for (const group of groups) {
    for (const channel of Object.keys(group) as Channel[]) {
      if (registry[channel]) throw new Error(`channel ${channel} is handled twice`);
      Object.assign(registry, { [channel]: group[channel] });
    }
  }
  const missing = (Object.keys(api) as Channel[]).filter((channel) => !registry[channel]);
  if (missing.length > 0) throw new Error(`channels without a handler: ${missing.join(', ')}`);
  return registry as Handlers;
}

export const HANDLER_GROUPS: readonly HandlerGroup[] = [
  vaultHandlers,
  prefsHandlers,
  settingsHandlers,
  userHandlers,
  auditHandlers,
  participantHandlers,
  consentHandlers,
  flagHandlers,
  handoverHandlers,
  noteHandlers,
  searchHandlers,
  psychosocialHandlers,
  compartmentHandlers,
  referralHandlers,
  reportHandlers,
  planHandlers,
  assessmentHandlers,
  cohortChangeHandlers,
  participationHandlers,
  viewHandlers,
  timelineHandlers,
  cohortHandlers,
  sessionHandlers,
  attendanceHandlers,
  partnerHandlers,
  placeHandlers,
  visitHandlers,
  backupHandlers,
  printHandlers,
  scheduleHandlers,
  retentionHandlers,
  todayHandlers,
  overviewHandlers,
];
