import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { bundles } from '@shared/i18n/bundles';
import { cellText, labelText, yearPeriod } from './reportText';
import { reportTabsFor } from './reportTabs';

const number = (value: number) => new Intl.NumberFormat('fi').format(value);

function translator(locale: keyof typeof bundles) {
  const instance = i18next.createInstance();
  void instance.init({ resources: { [locale]: { translation: bundles[locale] } }, lng: locale, initAsync: false });
  return instance.t;
}
const fi = translator('fi');

describe('a report cell as the coordinator reads it', () => {
  it('shows a number as the language writes it, a small count as "alle 5", and a hidden one as ".." read out in words', () => {
    const t = fi;
    expect(cellText({ kind: 'value', value: 1234 }, t, number)).toEqual({ shown: '1\u00a0234', spoken: null });
    expect(cellText({ kind: 'value', value: 0 }, t, number)).toEqual({ shown: '0', spoken: null });
    expect(cellText({ kind: 'small', below: 5 }, t, number)).toEqual({ shown: 'alle 5', spoken: null });
    expect(cellText({ kind: 'hidden' }, t, number)).toEqual({ shown: '..', spoken: 'piilotettu' });
  });

  it('says the same in Swedish and English', () => {
    const sv = translator('sv');
    const en = translator('en');
    expect(cellText({ kind: 'small', below: 3 }, sv, number).shown).toBe('under 3');
    expect(cellText({ kind: 'hidden' }, sv, number).spoken).toBe('dolt');
    expect(cellText({ kind: 'small', below: 5 }, en, number).shown).toBe('under 5');
    expect(cellText({ kind: 'hidden' }, en, number).spoken).toBe('hidden');
  });

  it("reads a label from the report's own text or from the interface's wording", () => {
    expect(labelText({ text: 'Alle 18-vuotiaat' }, fi)).toBe('Alle 18-vuotiaat');
    expect(labelText({ key: 'reports.columns.otherOrNotTold' }, fi)).toBe('Muu tai ei kerrottu');
  });
});

describe('the quick periods of the report form', () => {
  it('are this calendar year and the one before, first to last day', () => {
    expect(yearPeriod('2026-12-04', 0)).toEqual({ year: 2026, from: '2026-01-01', to: '2026-12-31' });
    expect(yearPeriod('2026-01-01', 1)).toEqual({ year: 2025, from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('who sees which report', () => {
  it('gives the funder report to the coordinator alone, the programme report to caseworkers too', () => {
    expect(reportTabsFor('coordinator')).toEqual(['funder', 'programme']);
    expect(reportTabsFor('caseworker')).toEqual(['programme']);
    expect(reportTabsFor('psychologist')).toEqual([]);
    expect(reportTabsFor('teacher')).toEqual([]);
  });
});
