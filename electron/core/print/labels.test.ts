import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales';
import { cssString } from './page-margins';
import { PRINT_WORDING, printText, type LabelTree } from './labels';
import { PRINT_SECTIONS } from './sections';

function keys(tree: LabelTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('the print’s wording', () => {
  it('has every key in every locale, and no locale has a key the others lack', () => {
    const english = keys(PRINT_WORDING.en).sort();
    expect(english.length).toBeGreaterThan(30);
    for (const locale of LOCALES) expect(keys(PRINT_WORDING[locale]).sort(), locale).toEqual(english);
  });

  it('names every section of the registry in every locale, each differently', () => {
    for (const locale of LOCALES) {
      const names = PRINT_SECTIONS.map((section) => printText(locale).t(`print.sections.${section.id}`));
      expect(new Set(names).size, locale).toBe(PRINT_SECTIONS.length);
    }
  });

  it('gives the registry unique ids that the contract accepts', () => {
    const ids = PRINT_SECTIONS.map((section) => section.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]{1,39}$/);
  });

  it('fills placeholders, picks plural forms and refuses a missing text', () => {
    const en = printText('en');
    expect(en.t('print.notes.outsideRange', { count: 1 })).toBe('1 note outside these dates is not printed.');
    expect(en.t('print.notes.outsideRange', { count: 3 })).toBe('3 notes outside these dates are not printed.');
    expect(printText('fi').t('flags.kinds.no_photos')).toBe('Ei valokuvia');
    expect(() => en.t('print.nonsense')).toThrow(/print label missing/);
  });

  it('writes calendar days as that day in every time zone, in the locale’s own way', () => {
    expect(printText('fi').day('2026-10-01')).toBe('1. lokakuuta 2026');
    expect(printText('sv').day('2026-10-01')).toBe('1 oktober 2026');
    expect(printText('en').day('2026-10-01')).toBe('1 October 2026');
  });
});

describe('text in the page margins', () => {
  it('cannot end its CSS string or the stylesheet, whatever it holds', () => {
    expect(cssString('Kalle "K" \\ </style>')).toBe('"Kalle \\22 K\\22  \\5c  \\3c /style\\3e "');
    expect(cssString('Åsa Öberg, 28.11.2026 klo 9.00')).toBe('"Åsa Öberg, 28.11.2026 klo 9.00"');
  });
});
