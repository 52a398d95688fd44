import type { TFunction } from 'i18next';
import { formatNumber } from './format';
import { translateKey } from './keys';

/**
 * What a participant's file holds, one line a kind of record in words (`records.<table>`, one vocabulary for the
 * handover's summary and the deletion's preview); tables the interface has no words for are counted together, so
 * that nothing in the file goes unmentioned.
 */
export function countLines(t: TFunction, exists: (key: string) => boolean, counts: Record<string, number>) {
  const lines: { key: string; text: string }[] = [];
  let other = 0;
  for (const [table, count] of Object.entries(counts)) {
    const key = `records.${table}`;
    if (exists(`${key}_other`)) lines.push({ key: table, text: translateKey(t, key, { count, formatted: formatNumber(count) }) });
    else other += count;
  }
  if (other > 0) lines.push({ key: '', text: t('records.other', { count: other, formatted: formatNumber(other) }) });
  return lines;
}
