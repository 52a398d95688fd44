/**
 * An audit entry in words: who, what it concerns and its details. The log holds codes (ids, field names, short
 * English notes written by the main side); these functions turn the ones the interface knows into the user's
 * language and show everything else as it is, so that nothing in the log is ever hidden.
 */
import type { TFunction } from 'i18next';
import { ASSESSMENT_STAGES } from '@shared/assessments';
import type { AuditEntryView } from '@shared/audit';
import { LOCALES } from '@shared/locales';
import { PARTICIPANT_STATUSES, participantFields } from '@shared/participants';
import { SHARED_FIELDS } from '@shared/referrals';
import { ROLES } from '@shared/roles';
import { formatDayRange } from '../../i18n/format';
import { isOneOf } from '../../i18n/keys';
import { retentionDetailText } from '../retention/auditDetail';

/** What the view knows to put names on ids: participants' codes and staff names, by id. */
export interface NameBook {
  /** Pseudonym codes of the participants that exist now; null when they could not be read. */
  participants: ReadonlyMap<string, string> | null;
  staff: ReadonlyMap<string, string>;
  /** The wording of the assessment instrument's items in the interface language, by `itemKey`; absent when not read. */
  items?: ReadonlyMap<string, string> | null;
}

/** The key of an item of a version of the assessment instrument in `NameBook.items`. */
export const itemKey = (version: number | string, itemId: string): string => `${version}:${itemId}`;

/** The start of a long id, enough to tell records apart on screen. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Who did it: the user's current name, or what is known when there was no user. */
export function whoText(t: TFunction, entry: AuditEntryView): string {
  if (entry.userName) return entry.userName;
  if (entry.userId === null && entry.action === 'vault.unlock') return t('audit.who.failedUnlock');
  return entry.userId === null ? t('audit.who.unknown') : t('audit.concerns.formerUser', { id: shortId(entry.userId) });
}

export type Concerns =
  | { kind: 'participant'; text: string }
  | { kind: 'deleted'; text: string }
  | { kind: 'other'; text: string }
  | { kind: 'none' };

/** The record an entry is about: a participant's code, a colleague's name, the settings, or the raw id. */
export function concernsOf(t: TFunction, entry: AuditEntryView, names: NameBook): Concerns {
  const id = entry.entityId;
  if (entry.entity === 'settings') return { kind: 'other', text: t('audit.concerns.settings') };
  if (id === null) return entry.entity === null ? { kind: 'none' } : { kind: 'other', text: entry.entity };
  if (entry.entity === 'participant') {
    const code = names.participants?.get(id);
    if (code) return { kind: 'participant', text: code };
    // Without the list of participants nobody can tell a deleted file from one not read.
    if (names.participants === null) return { kind: 'other', text: shortId(id) };
    return { kind: 'deleted', text: t('audit.concerns.deletedParticipant', { id: shortId(id) }) };
  }
  if (entry.entity === 'instrument') return { kind: 'other', text: t('audit.concerns.instrument', { version: id }) };
  if (entry.entity === 'user')
    return { kind: 'other', text: names.staff.get(id) ?? t('audit.concerns.formerUser', { id: shortId(id) }) };
  return { kind: 'other', text: `${entry.entity ?? ''} ${shortId(id)}`.trim() };
}

const PARTICIPANT_FIELDS = Object.keys(participantFields) as (keyof typeof participantFields)[];
const OWN_FIELD_LABELS = ['status', 'discontinuedReason', 'displayName', 'role', 'autoLockMinutes'] as const;
const RECORD_KINDS = [
  'note',
  'consent',
  'override',
  'flag',
  'entry',
  'psychosocial',
  'enrolment',
  'referral',
  'plan',
  'assessment',
] as const;
const FIELD_LIST = /^[A-Za-z]+(,[A-Za-z]+)*$/;

/** A field name in words where the interface has words for it, else as it is. */
function fieldLabel(t: TFunction, field: string): string {
  if (isOneOf(OWN_FIELD_LABELS, field)) return t(`audit.detail.fields.${field}`);
  if (isOneOf(PARTICIPANT_FIELDS, field)) return t(`participant.fields.${field}`);
  return field;
}

const fieldsInWords = (t: TFunction, list: string) =>
  list
    .split(',')
    .map((field) => fieldLabel(t, field))
    .join(', ');

function changedFields(t: TFunction, list: string): string {
  return t('audit.detail.changed', { fields: fieldsInWords(t, list) });
}

/** Whether a detail names only fields of a participant's record. */
function namesParticipantFields(detail: string): boolean {
  return (
    FIELD_LIST.test(detail) && detail.split(',').every((f) => isOneOf(PARTICIPANT_FIELDS, f) || isOneOf(OWN_FIELD_LABELS, f))
  );
}

/**
 * A referral letter's save or print, `referral:<id>;fields:<shared fields>;locale:<language>`
 * (print/referral-letter.ts), in words: the referral, the fields that left and the letter's language.
 */
function letterText(t: TFunction, detail: string): string | null {
  const [, id, list, locale] = /^referral:([0-9a-f]{32});fields:([A-Za-z,]*);locale:([a-z]+)$/.exec(detail) ?? [];
  if (id === undefined || list === undefined || locale === undefined || !isOneOf(LOCALES, locale)) return null;
  const fields = list === '' ? [] : list.split(',');
  if (!fields.every((field) => isOneOf(SHARED_FIELDS, field))) return null;
  return t('audit.detail.letter', {
    referral: t('audit.detail.records.referral', { id: shortId(id) }),
    fields:
      fields.length > 0 ? fields.map((field) => t(`referrals.sharedFields.${field}`)).join(', ') : t('audit.detail.noFields'),
    language: t(`language.names.${locale}`),
  });
}

/** The plan printed for the participant, `version:<n or none>;locale:<language>` (print/plan-print.ts), in words. */
function planPrintText(t: TFunction, detail: string): string | null {
  const [, version, locale] = /^version:(\d+|none);locale:([a-z]+)$/.exec(detail) ?? [];
  if (version === undefined || locale === undefined || !isOneOf(LOCALES, locale)) return null;
  const language = t(`language.names.${locale}`);
  return version === 'none' ? t('audit.detail.planPrintEmpty', { language }) : t('audit.detail.planPrint', { version, language });
}

/**
 * A report saved as PDF or CSV (reports/export-handlers.ts):
 * `report:funder;set:<id>;period:<from>..<to>;cohort:<id|all>;format:<pdf|csv>;locale:<locale>` (the programme
 * report without `set:`), in words.
 */
function funderExportText(t: TFunction, detail: string): string | null {
  const [, from, to, cohort, locale] =
    /^report:(?:funder;set:[a-z0-9-]+|programme);period:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2});cohort:([0-9a-f]{32}|all);format:(?:pdf|csv);locale:([a-z]+)$/.exec(
      detail,
    ) ?? [];
  if (!from || !to || !cohort || !locale || !isOneOf(LOCALES, locale)) return null;
  return t('audit.detail.funderExport', {
    period: formatDayRange(from, to),
    group:
      cohort === 'all' ? t('audit.detail.funderExportAllGroups') : t('audit.detail.funderExportGroup', { id: shortId(cohort) }),
    language: t(`language.names.${locale}`),
  });
}

/** An assessment saved, `assessment:<id>;stage:<stage>` (assessments/handlers.ts), named by its stage. */
function assessmentText(t: TFunction, detail: string): string | null {
  const [, id, stage] = /^assessment:([0-9a-f]{32});stage:([A-Za-z0-9]+)$/.exec(detail) ?? [];
  if (id === undefined || stage === undefined || !isOneOf(ASSESSMENT_STAGES, stage)) return null;
  return t('audit.detail.assessment', { stage: t(`assessments.stages.${stage}`), id: shortId(id) });
}

/** An item hidden or shown again, `item:<id>` of the version the entry concerns, in the words it is asked with. */
function itemText(t: TFunction, entry: AuditEntryView, detail: string, names: NameBook | undefined): string | null {
  const itemId = /^item:([A-Za-z0-9.]+)$/.exec(detail)?.[1];
  const wording = itemId && entry.entityId ? names?.items?.get(itemKey(entry.entityId, itemId)) : undefined;
  return wording ? t('audit.detail.item', { item: wording }) : null;
}

/**
 * The entry's detail in words; the detail as it is when it is of no known kind; null when there is none. `names`
 * gives the words of things the log names by id (an item of the assessment instrument).
 */
export function detailText(t: TFunction, entry: AuditEntryView, names?: NameBook): string | null {
  const detail = entry.detail;
  // Settings changes name the changed settings where other entries name a record.
  if (entry.entity === 'settings' && entry.entityId && FIELD_LIST.test(entry.entityId)) return changedFields(t, entry.entityId);
  if (detail === null || detail === '') return null;

  const assessment = assessmentText(t, detail);
  if (assessment) return assessment;

  const record = /^([a-z]+):([0-9a-f]{32})$/.exec(detail);
  const kind = record?.[1];
  if (kind && record[2] && isOneOf(RECORD_KINDS, kind)) return t(`audit.detail.records.${kind}`, { id: shortId(record[2]) });

  const retention = retentionDetailText(t, entry.action, detail);
  if (retention) return retention;

  switch (entry.action) {
    case 'users.update': {
      // A changed role is named after the fields (users/handlers.ts): `displayName,role;to:psychologist`.
      const [, fields, role] = /^([A-Za-z,]+);to:([a-z]+)$/.exec(detail) ?? [];
      if (fields && role && FIELD_LIST.test(fields) && isOneOf(ROLES, role))
        return t('audit.detail.changedRole', { fields: fieldsInWords(t, fields), role: t(`roles.${role}`) });
      return FIELD_LIST.test(detail) ? changedFields(t, detail) : detail;
    }
    case 'participants.update':
      return FIELD_LIST.test(detail) ? changedFields(t, detail) : detail;
    case 'participants.create':
      return detail === 'duplicate_confirmed' ? t('audit.detail.duplicateConfirmed') : detail;
    case 'participants.setStatus': {
      const status = /^to:([a-z]+)$/.exec(detail)?.[1];
      return status && isOneOf(PARTICIPANT_STATUSES, status)
        ? t('audit.detail.newStatus', { status: t(`participant.status.${status}`) })
        : detail;
    }
    case 'users.create':
    case 'users.issuePassphrase':
      return isOneOf(ROLES, detail) ? t(`roles.${detail}`) : detail;
    case 'users.acknowledgeAccessNotices': {
      const upTo = /^upTo:(\d+)$/.exec(detail)?.[1];
      return upTo ? t('audit.detail.acknowledgedUpTo', { id: upTo }) : detail;
    }
    case 'vault.unlock': {
      if (detail === 'passphrase') return t('audit.detail.withPassphrase');
      if (detail === 'recovery code') return t('audit.detail.withRecoveryCode');
      const attempts = /^(\d+) attempts?$/.exec(detail);
      return attempts ? t('audit.detail.failedAttempts', { count: Number(attempts[1]) }) : detail;
    }
    case 'search.notes': {
      const hits = /^hits:(\d+)$/.exec(detail);
      return hits ? t('audit.detail.hits', { count: Number(hits[1]) }) : detail;
    }
    case 'referrals.letterPdf':
    case 'referrals.letterPrint':
      return letterText(t, detail) ?? detail;
    case 'plans.printPdf':
    case 'plans.print':
      return planPrintText(t, detail) ?? detail;
    case 'reports.exportFunderPdf':
    case 'reports.exportFunderCsv':
    case 'reports.exportProgrammePdf':
    case 'reports.exportProgrammeCsv':
      return funderExportText(t, detail) ?? detail;
    case 'assessments.hideItem':
    case 'assessments.showItem':
      return itemText(t, entry, detail, names) ?? detail;
    case 'vault.rotateMasterKey': {
      const generation = /^generation (\d+)$/.exec(detail);
      return generation ? t('audit.detail.keyVersion', { number: generation[1] }) : detail;
    }
    default:
      return entry.entity === 'participant' && namesParticipantFields(detail) ? fieldsInWords(t, detail) : detail;
  }
}
