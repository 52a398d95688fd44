import type { TFunction } from 'i18next';
import { formatNumber } from '../../i18n/format';
import { translateKey } from '../../i18n/keys';

/**
 * What a file holds, one line a kind of record in words (`handover.tables.<table>`); tables the interface has no
 * words for are counted together, so that nothing in the file goes unmentioned.
 */
export function countLines(t: TFunction, exists: (key: string) => boolean, counts: Record<string, number>) {
  const lines: { key: string; text: string }[] = [];
  let other = 0;
  for (const [table, count] of Object.entries(counts)) {
    const key = `handover.tables.${table}`;
    if (exists(`${key}_other`)) lines.push({ key: table, text: translateKey(t, key, { count, formatted: formatNumber(count) }) });
    else other += count;
  }
  if (other > 0) lines.push({ key: '', text: t('handover.tables.other', { count: other, formatted: formatNumber(other) }) });
  return lines;
}
