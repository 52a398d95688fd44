/**
 * The Referrals page's columns for the shared grid (registry/VirtualGrid.tsx): what each shows of a row in the
 * interface language. Codes are named from their one home (referrals.statuses, referrals.serviceTypes,
 * referrals.urgencies); days follow the locale.
 */
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReferralRow, ReferralSortKey } from '@shared/referrals';
import { formatShortDay } from '../registry/columns';

export const REFERRAL_PAGE_COLUMNS = [
  'participant',
  'pseudonym',
  'partner',
  'serviceType',
  'status',
  'urgency',
  'followUpOn',
  'updatedAt',
] as const;
export type ReferralPageColumn = (typeof REFERRAL_PAGE_COLUMNS)[number];

/** Widths in rem, wide enough for their usual content so that rows keep one fixed height. */
export const REFERRAL_COLUMN_WIDTHS: Record<ReferralPageColumn, number> = {
  participant: 10.5,
  pseudonym: 7,
  partner: 12.5,
  serviceType: 11,
  status: 8,
  urgency: 8.5,
  followUpOn: 11.5,
  updatedAt: 7,
};

export const REFERRAL_COLUMN_SORT_KEYS: Partial<Record<ReferralPageColumn, ReferralSortKey>> = {
  participant: 'participant',
  partner: 'partner',
  serviceType: 'serviceType',
  status: 'status',
  urgency: 'urgency',
  followUpOn: 'followUpOn',
  updatedAt: 'updatedAt',
};

type Slot = ReferralRow | undefined;

function cellText(column: ReferralPageColumn, row: Slot, t: TFunction, locale: string): string {
  if (row === undefined) return '';
  switch (column) {
    case 'participant':
      return row.participantName;
    case 'pseudonym':
      return row.pseudonym;
    case 'partner':
      return row.partnerName;
    case 'serviceType':
      return t(`referrals.serviceTypes.${row.serviceType}`);
    case 'status':
      return t(`referrals.statuses.${row.status}`);
    case 'urgency':
      return t(`referrals.urgencies.${row.urgency}`);
    case 'followUpOn':
      return formatShortDay(locale, row.followUpOn);
    case 'updatedAt':
      return formatShortDay(locale, row.updatedAt);
  }
}

const helper = createColumnHelper<Slot>();

/** Every column of the page, in display order. */
export function referralPageColumns(t: TFunction, locale: string): ColumnDef<Slot, string>[] {
  return REFERRAL_PAGE_COLUMNS.map((column) =>
    helper.accessor((row) => cellText(column, row, t, locale), {
      id: column,
      header: () => t(`referralsPage.columns.${column}`),
      cell: (context) => {
        const row = context.row.original;
        if (column === 'status' && row)
          return <span className={`registry-status referral-status-${row.status}`}>{context.getValue()}</span>;
        if (column === 'followUpOn' && row?.overdue)
          return (
            <>
              {context.getValue()}{' '}
              <span className="referral-overdue" title={t('referralsPage.overdueLabel')}>
                {t('todayPage.followUps.overdue')}
              </span>
            </>
          );
        return context.getValue();
      },
    }),
  );
}
