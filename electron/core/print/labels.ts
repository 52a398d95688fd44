/**
 * The words of a printout in its language. The print's own wording is in labels/<locale>.json; the names of
 * codes (consent purposes, flag kinds, note types, statuses...) are read from the interface's translation files,
 * so that a code is called the same on paper as on screen. Dates and times go through Intl in the print's locale.
 */
import type { Locale } from '@shared/locales';
import caseEn from '../../../renderer/src/i18n/parts/case.en.json' with { type: 'json' };
import caseFi from '../../../renderer/src/i18n/parts/case.fi.json' with { type: 'json' };
import caseSv from '../../../renderer/src/i18n/parts/case.sv.json' with { type: 'json' };
import consentsEn from '../../../renderer/src/i18n/parts/consents.en.json' with { type: 'json' };
import consentsFi from '../../../renderer/src/i18n/parts/consents.fi.json' with { type: 'json' };
import consentsSv from '../../../renderer/src/i18n/parts/consents.sv.json' with { type: 'json' };
import flagsEn from '../../../renderer/src/i18n/parts/flags.en.json' with { type: 'json' };
import flagsFi from '../../../renderer/src/i18n/parts/flags.fi.json' with { type: 'json' };
import flagsSv from '../../../renderer/src/i18n/parts/flags.sv.json' with { type: 'json' };
import notesEn from '../../../renderer/src/i18n/parts/notes.en.json' with { type: 'json' };
import notesFi from '../../../renderer/src/i18n/parts/notes.fi.json' with { type: 'json' };
import notesSv from '../../../renderer/src/i18n/parts/notes.sv.json' with { type: 'json' };
import participantEn from '../../../renderer/src/i18n/parts/participant.en.json' with { type: 'json' };
import participantFi from '../../../renderer/src/i18n/parts/participant.fi.json' with { type: 'json' };
import participantSv from '../../../renderer/src/i18n/parts/participant.sv.json' with { type: 'json' };
import programmeEn from '../../../renderer/src/i18n/parts/programme.en.json' with { type: 'json' };
import programmeFi from '../../../renderer/src/i18n/parts/programme.fi.json' with { type: 'json' };
import programmeSv from '../../../renderer/src/i18n/parts/programme.sv.json' with { type: 'json' };
import psychosocialEn from '../../../renderer/src/i18n/parts/psychosocial.en.json' with { type: 'json' };
import psychosocialFi from '../../../renderer/src/i18n/parts/psychosocial.fi.json' with { type: 'json' };
import psychosocialSv from '../../../renderer/src/i18n/parts/psychosocial.sv.json' with { type: 'json' };
import printEn from './labels/en.json' with { type: 'json' };
import printFi from './labels/fi.json' with { type: 'json' };
import printSv from './labels/sv.json' with { type: 'json' };

export type LabelTree = { [key: string]: string | LabelTree };
export type LabelValues = Record<string, string | number>;

/** The print's own wording per locale (what the locale test compares key by key). */
export const PRINT_WORDING: Readonly<Record<Locale, LabelTree>> = { fi: printFi, sv: printSv, en: printEn };

const DOMAIN_PARTS: Readonly<Record<Locale, readonly LabelTree[]>> = {
  fi: [caseFi, consentsFi, flagsFi, notesFi, participantFi, programmeFi, psychosocialFi],
  sv: [caseSv, consentsSv, flagsSv, notesSv, participantSv, programmeSv, psychosocialSv],
  en: [caseEn, consentsEn, flagsEn, notesEn, participantEn, programmeEn, psychosocialEn],
};

/** Each file holds its own top-level keys; a key given twice would hide one of the texts. */
function joined(parts: readonly LabelTree[]): LabelTree {
  const out: LabelTree = {};
  for (const part of parts)
    for (const [key, value] of Object.entries(part)) {
      if (Object.hasOwn(out, key)) throw new Error(`print labels: "${key}" is defined twice`);
      out[key] = value;
    }
  return out;
}

const TREES: Readonly<Record<Locale, LabelTree>> = {
  fi: joined([printFi, ...DOMAIN_PARTS.fi]),
  sv: joined([printSv, ...DOMAIN_PARTS.sv]),
  en: joined([printEn, ...DOMAIN_PARTS.en]),
};

function lookup(tree: LabelTree, key: string): string | undefined {
  let node: string | LabelTree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day (YYYY-MM-DD) is that day, not a UTC moment; anything else is read as an ISO moment. */
function localDate(value: string): Date {
  const bare = BARE_DATE.exec(value);
  return bare ? new Date(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3])) : new Date(value);
}

/** The words and formats of one printout. */
export interface PrintText {
  locale: Locale;
  /** A text by dotted key with {{placeholders}} filled; `count` picks the plural form (`_one`, `_other`). */
  t(key: string, values?: LabelValues): string;
  /** Whether there is a text for `key` (codes the interface may not know, e.g. from older records). */
  has(key: string): boolean;
  /** A calendar day or moment as a date ("1 October 2026"). */
  day(value: string): string;
  /** A moment with its time ("28 November 2026 at 11:00"). */
  moment(value: string | Date): string;
}

/** The printout's words in `locale`. A missing text is a programming error, caught by the tests of every section. */
export function printText(locale: Locale): PrintText {
  const tree = TREES[locale];
  const plural = new Intl.PluralRules(locale);
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const momentFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return {
    locale,
    t(key, values = {}) {
      const count = values.count;
      const text = (typeof count === 'number' ? lookup(tree, `${key}_${plural.select(count)}`) : undefined) ?? lookup(tree, key);
      if (text === undefined) throw new Error(`print label missing: ${locale} ${key}`);
      return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
    },
    has: (key) => lookup(tree, key) !== undefined,
    day: (value) => dayFormat.format(localDate(value)),
    moment: (value) => momentFormat.format(typeof value === 'string' ? new Date(value) : value),
  };
}
