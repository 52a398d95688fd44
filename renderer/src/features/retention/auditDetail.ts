import type { TFunction } from 'i18next';

const ROW_COUNTS = /^[a-z_]+:\d+(,[a-z_]+:\d+)*$/;

/**
 * The audit details of erasure and retention in words: a deleted file's tombstone (rows per table), a retention
 * run (files erased) and a changed retention rule (years). Null for any other detail.
 */
export function retentionDetailText(t: TFunction, action: string, detail: string): string | null {
  if (action === 'participants.delete' && ROW_COUNTS.test(detail)) {
    const count = detail.split(',').reduce((sum, part) => sum + Number(part.split(':')[1]), 0);
    return t('retention.audit.removedRecords', { count });
  }
  const erased = action === 'retention.erase' ? /^erased:(\d+)$/.exec(detail) : null;
  if (erased) return t('retention.audit.erasedFiles', { count: Number(erased[1]) });
  const years = action === 'retention.set' ? /^years:(\d+)$/.exec(detail) : null;
  if (years) return Number(years[1]) === 0 ? t('retention.audit.off') : t('retention.audit.years', { count: Number(years[1]) });
  return null;
}
