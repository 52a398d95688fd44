/**
 * The one vocabulary's homes: every code set of shared/*.ts that the interface names, and the one catalogue key
 * under which its codes are named (`<home>.<code>`) for screens, filters, printouts and the audit view alike.
 * shared/i18n/vocabulary.test.ts holds the catalogue to it; the glossary is in shared/i18n/README.md.
 */
import { ASSESSMENT_DOMAINS, ASSESSMENT_STAGES, RATERS, STAGE_STATUSES } from '../assessments';
import { ATTENDANCE_MARKS } from '../attendance';
import { auditEntry } from '../audit';
import { ENROLMENT_MODES, ENROLMENT_OUTCOMES } from '../cohorts';
import { CONSENT_METHODS, CONSENT_PURPOSES, CONSENT_STANDINGS } from '../consents';
import { FLAG_KINDS } from '../flags';
import { NOTE_TOPICS, NOTE_TYPES } from '../notes';
import {
  EDUCATION_LEVELS,
  GENDERS,
  LABOUR_MARKET_STATUSES,
  NATIONAL_ASSISTANCE_STATUSES,
  PARTICIPANT_STATUSES,
  REFERRAL_SOURCE_TYPES,
  SAFE_CONTACT_METHODS,
  WORK_ABILITIES,
  YES_NO_UNKNOWN,
} from '../participants';
import { ENTRY_AGE_CLASSES, EXIT_SITUATIONS, FOLLOW_UP_OUTCOMES } from '../participation';
import { PARTNER_TYPES } from '../partners';
import { PSYCHOSOCIAL_KINDS, RISK_LEVELS } from '../psychosocial';
import { COMPLETION_OUTCOMES, REFERRAL_STATUSES, SERVICE_TYPES, URGENCIES } from '../referrals';
import { GOAL_KINDS, STEP_OWNERS, STEP_STATUSES } from '../plans';
import { ROLES } from '../roles';
import { SESSION_TOPICS } from '../sessions';
import { TIMELINE_KINDS } from '../timeline';
import { VISIT_KINDS } from '../visits';

/** Every code set of shared/*.ts that the interface names, and the one catalogue key under which it is named. */
export const CODE_SETS: readonly { name: string; codes: readonly string[]; home: string }[] = [
  { name: 'participant status', codes: PARTICIPANT_STATUSES, home: 'participant.status' },
  // Ending an enrolment says how the participant left the group: the same words as the status they reach.
  { name: 'enrolment outcome', codes: ENROLMENT_OUTCOMES, home: 'participant.status' },
  { name: 'enrolment mode', codes: ENROLMENT_MODES, home: 'programme.mode' },
  { name: 'attendance mark', codes: ATTENDANCE_MARKS, home: 'attendance.marks' },
  { name: 'session topic', codes: SESSION_TOPICS, home: 'programme.topics' },
  { name: 'visit kind', codes: VISIT_KINDS, home: 'partners.kinds' },
  { name: 'partner type', codes: PARTNER_TYPES, home: 'partners.types' },
  { name: 'note type', codes: NOTE_TYPES, home: 'notes.types' },
  { name: 'note topic (coaching goal)', codes: NOTE_TOPICS, home: 'notes.topics' },
  { name: 'safety flag kind', codes: FLAG_KINDS, home: 'flags.kinds' },
  { name: 'role', codes: ROLES, home: 'roles' },
  { name: 'consent purpose', codes: CONSENT_PURPOSES, home: 'consents.purposes' },
  { name: 'consent method', codes: CONSENT_METHODS, home: 'consents.methods' },
  { name: 'consent standing', codes: CONSENT_STANDINGS, home: 'consents.standing' },
  { name: 'gender', codes: GENDERS, home: 'participant.gender' },
  { name: 'safe contact method', codes: SAFE_CONTACT_METHODS, home: 'participant.safeContactMethod' },
  { name: 'national assistance status', codes: NATIONAL_ASSISTANCE_STATUSES, home: 'participant.nationalAssistance' },
  { name: 'referral source', codes: REFERRAL_SOURCE_TYPES, home: 'participant.referralSource' },
  { name: 'work ability', codes: WORK_ABILITIES, home: 'participant.workAbility' },
  { name: 'education level', codes: EDUCATION_LEVELS, home: 'participant.education' },
  { name: 'labour market status', codes: LABOUR_MARKET_STATUSES, home: 'participant.labourMarket' },
  // One label set for every intake question the funder counts (third-country national, disability...).
  { name: 'yes, no or unknown', codes: YES_NO_UNKNOWN, home: 'participant.yesNoUnknown' },
  { name: 'age class at entry', codes: ENTRY_AGE_CLASSES, home: 'participation.ageClasses' },
  { name: 'situation at exit', codes: EXIT_SITUATIONS, home: 'participation.exitSituations' },
  { name: 'six-month follow-up outcome', codes: FOLLOW_UP_OUTCOMES, home: 'participation.followUpOutcomes' },
  { name: 'psychosocial meeting kind', codes: PSYCHOSOCIAL_KINDS, home: 'psychosocial.kinds' },
  { name: 'risk level', codes: RISK_LEVELS, home: 'psychosocial.risk' },
  { name: 'referral status', codes: REFERRAL_STATUSES, home: 'referrals.statuses' },
  { name: 'referral service type', codes: SERVICE_TYPES, home: 'referrals.serviceTypes' },
  { name: 'referral urgency', codes: URGENCIES, home: 'referrals.urgencies' },
  { name: 'referral outcome', codes: COMPLETION_OUTCOMES, home: 'referrals.outcomes' },
  { name: 'timeline entry kind', codes: TIMELINE_KINDS, home: 'case.timeline.kinds' },
  { name: 'plan goal kind', codes: GOAL_KINDS, home: 'plans.goalKinds' },
  { name: 'plan step owner', codes: STEP_OWNERS, home: 'plans.stepOwners' },
  { name: 'plan step status', codes: STEP_STATUSES, home: 'plans.stepStatuses' },
  { name: 'assessment stage', codes: ASSESSMENT_STAGES, home: 'assessments.stages' },
  { name: 'assessment stage status', codes: STAGE_STATUSES, home: 'assessments.statuses' },
  { name: 'assessment domain', codes: ASSESSMENT_DOMAINS, home: 'assessments.domains' },
  // Whose view an answer is: a rater, not who takes a plan step, though both sets hold 'participant' and 'caseworker'.
  { name: 'assessment rater', codes: RATERS, home: 'assessments.raters' },
  // The steps of the assessment scales (CEFR levels, 'withHelp', yes/partly/no, the ladder) and the items are
  // worded in the instrument version they belong to (electron/core/assessments/instrument-v1.ts, stored in the
  // vault), not in the catalogue: a new wording is a new version, and an old assessment keeps its own.
  { name: 'audit outcome', codes: auditEntry.shape.outcome.options, home: 'audit.outcomes' },
];
