/**
 * How a report's pieces read on screen: a cell as a number, "alle 5" or the mark of a hidden count (with words a
 * screen reader says instead of ".."), a label from the report's data or the interface's wording, and the quick
 * periods of the form. Pure, so that they are tested without a screen.
 */
import type { TFunction } from 'i18next';
import { cellText as sharedCellText, labelText as sharedLabelText } from '@shared/charts/report-bars';
import { parseDay } from '@shared/days';
import type { ReportCell, ReportLabel } from '@shared/reports';
import { translateKey } from '../../i18n/keys';

export interface CellText {
  /** What the table shows. */
  shown: string;
  /** What a screen reader says instead, when the shown mark is no word ("..": hidden). */
  spoken: string | null;
}

/** A cell as shown: the number written by `formatNumber`, "alle 5", or ".." read out as "piilotettu". */
export function cellText(cell: ReportCell, t: TFunction, formatNumber: (value: number) => string): CellText {
  const shown = sharedCellText(translator(t), cell, formatNumber);
  return { shown, spoken: cell.kind === 'hidden' ? t('reports.screen.hidden') : null };
}

/** A row's or table's label: the report's own text (already in its language), or a key of the interface's wording. */
export function labelText(label: ReportLabel, t: TFunction): string {
  return sharedLabelText(translator(t), label);
}

/** The interface's `t` as the shared report texts and pictures take it. */
export const translator =
  (t: TFunction) =>
  (key: string, values?: Record<string, string | number>): string =>
    translateKey(t, key, values);

export interface Period {
  from: string;
  to: string;
}

/** A calendar year, first to last day: the quick choices "this year" and "last year" from today. */
export function yearPeriod(today: string, yearsBack: 0 | 1): Period & { year: number } {
  const year = parseDay(today).year - yearsBack;
  return { year, from: `${year}-01-01`, to: `${year}-12-31` };
}
