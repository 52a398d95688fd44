/**
 * The IPC contract: every channel the renderer may invoke, with its input and output schema and the access it
 * needs. Each domain declares its channels `x.verb` in shared/x.ts, handled in electron/core/x/handlers.ts; this
 * file only joins them. The main side validates input at runtime (dispatch); the renderer takes its types from here.
 */
import type { z } from 'zod';
import { assessmentChannels } from './assessments';
import { attendanceChannels } from './attendance';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { cohortChannels } from './cohorts';
import { compartmentChannels } from './compartment';
import { consentChannels } from './consents';
import { flagChannels } from './flags';
import { handoverChannels } from './handover';
import { noteChannels } from './notes';
import { overviewChannels } from './overview';
import { participantChannels } from './participants';
import { participationChannels } from './participation';
import { placeChannels } from './place';
import { planChannels, planPrintChannels } from './plans';
import { partnerChannels } from './partners';
import { prefsChannels } from './prefs';
import { printChannels } from './print';
import { psychosocialChannels } from './psychosocial';
import { referralChannels, referralLetterChannels } from './referrals';
import { reportChannels } from './reports';
import { retentionChannels } from './retention';
import { scheduleChannels } from './schedule';
import { searchChannels } from './search';
import { sessionChannels } from './sessions';
import { settingsChannels } from './settings';
import { timelineChannels } from './timeline';
import { todayChannels } from './today';
import { userChannels } from './users';
import { vaultChannels } from './vault';
import { viewChannels } from './views';
import { visitChannels } from './visits';

export const api = {
  ...assessmentChannels,
  ...attendanceChannels,
  ...auditChannels,
  ...backupChannels,
  ...cohortChannels,
  ...compartmentChannels,
  ...consentChannels,
  ...flagChannels,
  ...handoverChannels,
  ...noteChannels,
  ...overviewChannels,
  ...participantChannels,
  ...participationChannels,
  ...placeChannels,
  ...planChannels,
  ...planPrintChannels,
  ...partnerChannels,
  ...prefsChannels,
  ...printChannels,
  ...psychosocialChannels,
  ...referralChannels,
  ...reportChannels,
  ...referralLetterChannels,
  ...retentionChannels,
  ...scheduleChannels,
  ...searchChannels,
  ...sessionChannels,
  ...settingsChannels,
  ...timelineChannels,
  ...todayChannels,
  ...userChannels,
  ...vaultChannels,
  ...viewChannels,
  ...visitChannels,
} as const;

export type Api = typeof api;
export type Channel = keyof Api;
export type InputOf<C extends Channel> = z.input<Api[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Api[C]['output']>;

export { EVENTS, type EventName, type EventPayloads, type LockReason } from './events';
