/**
 * The one home of every text Polku shows, read by the interface, the printouts and the application menu.
 *
 * A locale's catalogue is its base file (`<locale>.json`) with the feature parts merged in
 * (`parts/<feature>.<locale>.json`, each holding its own top-level keys). A key given twice is a mistake that would
 * silently hide a text, so merging refuses it. The parts are listed by name rather than found by a bundler's glob,
 * so that the same code runs under Vite, Vitest, Node and Playwright; a test fails on a part left off the list.
 * The printout's own wording (`printout/<locale>.json`) stays apart: its top-level key `print` is also the print
 * dialog's in the interface.
 */
import type { Locale } from '../locales';
import en from './en.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import assessmentsEn from './parts/assessments.en.json' with { type: 'json' };
import assessmentsFi from './parts/assessments.fi.json' with { type: 'json' };
import assessmentsSv from './parts/assessments.sv.json' with { type: 'json' };
import attendanceEn from './parts/attendance.en.json' with { type: 'json' };
import attendanceFi from './parts/attendance.fi.json' with { type: 'json' };
import attendanceSv from './parts/attendance.sv.json' with { type: 'json' };
import auditEn from './parts/audit.en.json' with { type: 'json' };
import auditFi from './parts/audit.fi.json' with { type: 'json' };
import auditSv from './parts/audit.sv.json' with { type: 'json' };
import backupEn from './parts/backup.en.json' with { type: 'json' };
import backupFi from './parts/backup.fi.json' with { type: 'json' };
import backupSv from './parts/backup.sv.json' with { type: 'json' };
import historyEn from './parts/history.en.json' with { type: 'json' };
import historyFi from './parts/history.fi.json' with { type: 'json' };
import historySv from './parts/history.sv.json' with { type: 'json' };
import caseEn from './parts/case.en.json' with { type: 'json' };
import caseFi from './parts/case.fi.json' with { type: 'json' };
import caseSv from './parts/case.sv.json' with { type: 'json' };
import consentsEn from './parts/consents.en.json' with { type: 'json' };
import consentsFi from './parts/consents.fi.json' with { type: 'json' };
import consentsSv from './parts/consents.sv.json' with { type: 'json' };
import flagsEn from './parts/flags.en.json' with { type: 'json' };
import flagsFi from './parts/flags.fi.json' with { type: 'json' };
import flagsSv from './parts/flags.sv.json' with { type: 'json' };
import handoverEn from './parts/handover.en.json' with { type: 'json' };
import handoverFi from './parts/handover.fi.json' with { type: 'json' };
import handoverSv from './parts/handover.sv.json' with { type: 'json' };
import menuEn from './parts/menu.en.json' with { type: 'json' };
import menuFi from './parts/menu.fi.json' with { type: 'json' };
import menuSv from './parts/menu.sv.json' with { type: 'json' };
import notesEn from './parts/notes.en.json' with { type: 'json' };
import notesFi from './parts/notes.fi.json' with { type: 'json' };
import notesSv from './parts/notes.sv.json' with { type: 'json' };
import participantEn from './parts/participant.en.json' with { type: 'json' };
import participantFi from './parts/participant.fi.json' with { type: 'json' };
import participantSv from './parts/participant.sv.json' with { type: 'json' };
import participationEn from './parts/participation.en.json' with { type: 'json' };
import participationFi from './parts/participation.fi.json' with { type: 'json' };
import participationSv from './parts/participation.sv.json' with { type: 'json' };
import partnersEn from './parts/partners.en.json' with { type: 'json' };
import partnersFi from './parts/partners.fi.json' with { type: 'json' };
import partnersSv from './parts/partners.sv.json' with { type: 'json' };
import placesEn from './parts/places.en.json' with { type: 'json' };
import placesFi from './parts/places.fi.json' with { type: 'json' };
import placesSv from './parts/places.sv.json' with { type: 'json' };
import plansEn from './parts/plans.en.json' with { type: 'json' };
import plansFi from './parts/plans.fi.json' with { type: 'json' };
import plansSv from './parts/plans.sv.json' with { type: 'json' };
import printEn from './parts/print.en.json' with { type: 'json' };
import printFi from './parts/print.fi.json' with { type: 'json' };
import printSv from './parts/print.sv.json' with { type: 'json' };
import programmeEn from './parts/programme.en.json' with { type: 'json' };
import programmeFi from './parts/programme.fi.json' with { type: 'json' };
import programmeSv from './parts/programme.sv.json' with { type: 'json' };
import programmeErrorsEn from './parts/programme-errors.en.json' with { type: 'json' };
import programmeErrorsFi from './parts/programme-errors.fi.json' with { type: 'json' };
import programmeErrorsSv from './parts/programme-errors.sv.json' with { type: 'json' };
import psychosocialEn from './parts/psychosocial.en.json' with { type: 'json' };
import privateKeyEn from './parts/private-key.en.json' with { type: 'json' };
import referralsEn from './parts/referrals.en.json' with { type: 'json' };
import referralsPageEn from './parts/referrals-page.en.json' with { type: 'json' };
import reportsEn from './parts/reports.en.json' with { type: 'json' };
import psychosocialFi from './parts/psychosocial.fi.json' with { type: 'json' };
import privateKeyFi from './parts/private-key.fi.json' with { type: 'json' };
import referralsFi from './parts/referrals.fi.json' with { type: 'json' };
import referralsPageFi from './parts/referrals-page.fi.json' with { type: 'json' };
import reportsFi from './parts/reports.fi.json' with { type: 'json' };
import psychosocialSv from './parts/psychosocial.sv.json' with { type: 'json' };
import privateKeySv from './parts/private-key.sv.json' with { type: 'json' };
import referralsSv from './parts/referrals.sv.json' with { type: 'json' };
import referralsPageSv from './parts/referrals-page.sv.json' with { type: 'json' };
import reportsSv from './parts/reports.sv.json' with { type: 'json' };
import registryEn from './parts/registry.en.json' with { type: 'json' };
import registryFi from './parts/registry.fi.json' with { type: 'json' };
import registrySv from './parts/registry.sv.json' with { type: 'json' };
import recordsEn from './parts/records.en.json' with { type: 'json' };
import retentionEn from './parts/retention.en.json' with { type: 'json' };
import recordsFi from './parts/records.fi.json' with { type: 'json' };
import retentionFi from './parts/retention.fi.json' with { type: 'json' };
import recordsSv from './parts/records.sv.json' with { type: 'json' };
import retentionSv from './parts/retention.sv.json' with { type: 'json' };
import searchEn from './parts/search.en.json' with { type: 'json' };
import searchFi from './parts/search.fi.json' with { type: 'json' };
import searchSv from './parts/search.sv.json' with { type: 'json' };
import weekEn from './parts/week.en.json' with { type: 'json' };
import weekFi from './parts/week.fi.json' with { type: 'json' };
import weekSv from './parts/week.sv.json' with { type: 'json' };
import todayEn from './parts/today.en.json' with { type: 'json' };
import todayPageEn from './parts/today-page.en.json' with { type: 'json' };
import todayFi from './parts/today.fi.json' with { type: 'json' };
import todayPageFi from './parts/today-page.fi.json' with { type: 'json' };
import todaySv from './parts/today.sv.json' with { type: 'json' };
import todayPageSv from './parts/today-page.sv.json' with { type: 'json' };
import typedDatesEn from './parts/typed-dates.en.json' with { type: 'json' };
import typedDatesFi from './parts/typed-dates.fi.json' with { type: 'json' };
import typedDatesSv from './parts/typed-dates.sv.json' with { type: 'json' };
import printoutEn from './printout/en.json' with { type: 'json' };
import printoutFi from './printout/fi.json' with { type: 'json' };
import printoutSv from './printout/sv.json' with { type: 'json' };

export type Tree = { [key: string]: string | Tree };

/** The intersection of a list of part types: the type of the catalogue they make together. */
type Joined<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? Head & Joined<Rest>
  : unknown;

/** The feature parts, by file name; every file in parts/ is here (the locales test checks). */
export const PART_NAMES = [
  'assessments',
  'attendance',
  'audit',
  'backup',
  'history',
  'case',
  'consents',
  'flags',
  'handover',
  'menu',
  'notes',
  'participant',
  'participation',
  'partners',
  'places',
  'plans',
  'print',
  'programme',
  'programme-errors',
  'psychosocial',
  'private-key',
  'referrals',
  'referrals-page',
  'reports',
  'registry',
  'records',
  'retention',
  'search',
  'week',
  'today',
  'today-page',
  'typed-dates',
] as const;

const FI_PARTS = [
  assessmentsFi,
  attendanceFi,
  auditFi,
  backupFi,
  historyFi,
  caseFi,
  consentsFi,
  flagsFi,
  handoverFi,
  menuFi,
  notesFi,
  participantFi,
  participationFi,
  partnersFi,
  placesFi,
  plansFi,
  printFi,
  programmeFi,
  programmeErrorsFi,
  psychosocialFi,
  privateKeyFi,
  referralsFi,
  referralsPageFi,
  reportsFi,
  registryFi,
  recordsFi,
  retentionFi,
  searchFi,
  weekFi,
  todayFi,
  todayPageFi,
  typedDatesFi,
] as const;
const SV_PARTS = [
  assessmentsSv,
  attendanceSv,
  auditSv,
  backupSv,
  historySv,
  caseSv,
  consentsSv,
  flagsSv,
  handoverSv,
  menuSv,
  notesSv,
  participantSv,
  participationSv,
  partnersSv,
  placesSv,
  plansSv,
  printSv,
  programmeSv,
  programmeErrorsSv,
  psychosocialSv,
  privateKeySv,
  referralsSv,
  referralsPageSv,
  reportsSv,
  registrySv,
  recordsSv,
  retentionSv,
  searchSv,
  weekSv,
  todaySv,
  todayPageSv,
  typedDatesSv,
] as const;
const EN_PARTS = [
  assessmentsEn,
  attendanceEn,
  auditEn,
  backupEn,
  historyEn,
  caseEn,
  consentsEn,
  flagsEn,
  handoverEn,
  menuEn,
  notesEn,
  participantEn,
  participationEn,
  partnersEn,
  placesEn,
  plansEn,
  printEn,
  programmeEn,
  programmeErrorsEn,
  psychosocialEn,
  privateKeyEn,
  referralsEn,
  referralsPageEn,
  reportsEn,
  registryEn,
  recordsEn,
  retentionEn,
  searchEn,
  weekEn,
  todayEn,
  todayPageEn,
  typedDatesEn,
] as const;

function join<const T extends readonly Tree[]>(locale: Locale, files: T): Joined<T> {
  const out: Tree = {};
  files.forEach((file, index) => {
    const name = index === 0 ? `${locale}.json` : `parts/${PART_NAMES[index - 1] ?? '?'}.${locale}.json`;
    for (const [key, value] of Object.entries(file)) {
      if (Object.hasOwn(out, key)) throw new Error(`${name}: the key "${key}" is already defined`);
      out[key] = value;
    }
  });
  // The loop above copied every top-level key of every file, which is what Joined<T> describes.
  return out as Joined<T>;
}

const fiCatalogue = join('fi', [fi, ...FI_PARTS]);

/** The shape of a catalogue, taken from the Finnish one: the keys `t()` accepts. */
export type Catalogue = typeof fiCatalogue;

/** Every locale's catalogue; the type check refuses a Swedish or English one that lacks a Finnish key. */
export const bundles: Readonly<Record<Locale, Catalogue>> = {
  fi: fiCatalogue,
  sv: join('sv', [sv, ...SV_PARTS]),
  en: join('en', [en, ...EN_PARTS]),
};

/** The printout's own wording per locale: headings, captions and sentences of a printed case summary. */
export const PRINTOUT_WORDING: Readonly<Record<Locale, Tree>> = { fi: printoutFi, sv: printoutSv, en: printoutEn };

/** The text at a dotted key, or undefined when there is none (or the key names a group of texts). */
export function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
