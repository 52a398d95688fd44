import { describe, expect, it } from 'vitest';
import { ATTENDANCE_MARKS, type AttendanceMark } from '@shared/attendance';
import { bundles } from '@shared/i18n/bundles';
import { LOCALES, type Locale } from '@shared/locales';
import { commandForKey, type MarkLetters } from './gridLogic';

const lettersOf = (locale: Locale): MarkLetters => bundles[locale].attendance.keys;
const wordOf = (locale: Locale, mark: AttendanceMark): string => bundles[locale].attendance.marks[mark];

/**
 * A letter that is not the first letter of a word of its mark's name, and why a speaker still finds it natural.
 * Nothing else may stray from the rule.
 */
const DERIVED: Partial<Record<Locale, Partial<Record<AttendanceMark, string>>>> = {
  // "E" is "left early"; an X for eXcused is the usual mark for an authorised absence on an English register.
  en: { excused: 'X' },
};

const press = (key: string) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false });

describe('the attendance letters of each language', () => {
  it.each(LOCALES)('%s: one letter a mark, no two marks on one letter, none of them a digit', (locale) => {
    const letters = ATTENDANCE_MARKS.map((mark) => lettersOf(locale)[mark]);
    for (const letter of letters) expect(letter).toMatch(/^\p{Lu}$/u);
    expect(new Set(letters.map((l) => l.toLocaleLowerCase(locale))).size).toBe(ATTENDANCE_MARKS.length);
  });

  it.each(LOCALES)('%s: each letter begins a word of its mark’s name, as a speaker of the language reads it', (locale) => {
    for (const mark of ATTENDANCE_MARKS) {
      const letter = lettersOf(locale)[mark];
      const initials = wordOf(locale, mark)
        .split(/[\s,]+/u)
        .filter(Boolean)
        .map((word) => word[0]!.toLocaleUpperCase(locale));
      if (DERIVED[locale]?.[mark] === letter) expect(wordOf(locale, mark).toLocaleUpperCase(locale)).toContain(letter);
      else expect(initials, `${locale} ${mark}: ${letter} for "${wordOf(locale, mark)}"`).toContain(letter);
    }
  });

  it('in Finnish P is "poissa" (absent) and L "läsnä" (present), not the English way round', () => {
    const fi = lettersOf('fi');
    expect(commandForKey(press('p'), fi)).toEqual({ kind: 'mark', mark: 'absent' });
    expect(commandForKey(press('P'), fi)).toEqual({ kind: 'mark', mark: 'absent' });
    expect(commandForKey(press('l'), fi)).toEqual({ kind: 'mark', mark: 'present' });
    expect(wordOf('fi', 'absent')).toBe('poissa');
    expect(wordOf('fi', 'present')).toBe('läsnä');
  });

  it('types every mark by its letter in every language, and the digits 1–5 the same marks in every language', () => {
    for (const locale of LOCALES) {
      const letters = lettersOf(locale);
      for (const [index, mark] of ATTENDANCE_MARKS.entries()) {
        expect(commandForKey(press(letters[mark].toLocaleLowerCase(locale)), letters)).toEqual({ kind: 'mark', mark });
        expect(commandForKey(press(String(index + 1)), letters)).toEqual({ kind: 'mark', mark });
      }
    }
  });
});
