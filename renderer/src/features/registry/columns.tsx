/**
 * The registry's columns for TanStack Table: what each one shows of a row, in the interface language. Enum
 * codes become words; dates follow the locale. A row of the limited view has only the code, first name and cohort.
 */
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { dayOf, isIsoDay } from '@shared/days';
import type { LimitedParticipant, ParticipantRow } from '@shared/participants';
import { REGISTRY_COLUMNS, type RegistryColumn } from '@shared/views';
import { formatDay } from '../../i18n/format';

/** A row as the reader's role receives it; undefined while its page is still loading. */
export type RegistryRow = ParticipantRow | LimitedParticipant;
export type RegistrySlot = RegistryRow | undefined;

/** The whole registry row, or null for a row of the limited view. */
export function fullRow(row: RegistrySlot): ParticipantRow | null {
  return row !== undefined && 'status' in row ? row : null;
}

/** Column widths in rem: wide enough for their usual content, so that rows keep one fixed height. */
export const COLUMN_WIDTHS: Record<RegistryColumn, number> = {
  pseudonym: 9,
  firstName: 10,
  lastName: 11,
  preferredName: 10,
  age: 9,
  gender: 9,
  languages: 11,
  interpreterNeeded: 7,
  status: 10,
  safetyFlags: 9,
  responsibleCaseworker: 12,
  cohort: 11,
  referralDate: 9,
  referralSourceType: 12,
  nationalAssistanceStatus: 11,
  workAbility: 9,
  createdAt: 9,
  updatedAt: 9,
};

/** A calendar date ('2026-03-01'), or the workstation's day of a moment, in the locale's short style. */
export function formatShortDay(locale: string, value: string | null): string {
  if (!value || isIsoDay(value)) return formatDay(value ?? '', 'short', locale);
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? '' : formatDay(dayOf(at), 'short', locale);
}

/** What a cell shows as text; the status cell adds a badge around it. */
function cellText(column: RegistryColumn, slot: RegistrySlot, t: TFunction, locale: string): string {
  if (slot === undefined) return '';
  if (column === 'pseudonym') return slot.pseudonym;
  if (column === 'firstName') return slot.firstName ?? '';
  if (column === 'cohort') return slot.cohortName ?? '';
  const row = fullRow(slot);
  if (!row) return '';
  switch (column) {
    case 'lastName':
      return row.lastName ?? '';
    case 'preferredName':
      return row.preferredName ?? '';
    case 'age':
      return row.birthYear !== null ? String(row.birthYear) : (row.ageBand ?? '');
    case 'gender':
      return row.gender ? t(`participant.gender.${row.gender}`) : '';
    case 'languages':
      return row.languages.join(', ');
    case 'interpreterNeeded':
      return t(row.interpreterNeeded ? 'participant.yesNoUnknown.yes' : 'participant.yesNoUnknown.no');
    case 'status':
      return t(`participant.status.${row.status}`);
    case 'safetyFlags':
      return row.safetyFlags > 0 ? t('registry.values.flags', { count: row.safetyFlags }) : '';
    case 'responsibleCaseworker':
      return row.responsibleCaseworkerName ?? '';
    case 'referralDate':
      return formatShortDay(locale, row.referralDate);
    case 'referralSourceType':
      return row.referralSourceType ? t(`participant.referralSource.${row.referralSourceType}`) : '';
    case 'nationalAssistanceStatus':
      return row.nationalAssistanceStatus ? t(`participant.nationalAssistance.${row.nationalAssistanceStatus}`) : '';
    case 'workAbility':
      return row.workAbility ? t(`participant.workAbility.${row.workAbility}`) : '';
    case 'createdAt':
      return formatShortDay(locale, row.createdAt);
    case 'updatedAt':
      return formatShortDay(locale, row.updatedAt);
  }
}

const helper = createColumnHelper<RegistrySlot>();

/** Every registry column, in display order; the table shows those the user has chosen. */
export function registryColumns(t: TFunction, locale: string): ColumnDef<RegistrySlot, string>[] {
  return REGISTRY_COLUMNS.map((column) =>
    helper.accessor((slot) => cellText(column, slot, t, locale), {
      id: column,
      header: () => t(`registry.columns.${column}`),
      cell: (context) => {
        const row = fullRow(context.row.original);
        if (column === 'status' && row)
          return <span className={`registry-status registry-status-${row.status}`}>{context.getValue()}</span>;
        if (column === 'safetyFlags' && row && row.safetyFlags > 0)
          return <span className="registry-flag">{context.getValue()}</span>;
        return context.getValue();
      },
    }),
  );
}
