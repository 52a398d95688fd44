/**
 * Funder and programme reports: counts only, never a person. The main side counts, suppresses the small counts and
 * whatever would let a reader work one out (electron/core/reports), and sends only what may be shown: an
 * unsuppressed figure never reaches the interface, a print or an export.
 */
import { z } from 'zod';
import { channel } from './channel';
import { LOCALES } from './locales';
import { recordId } from './participants';
import { isoDate, customIssue } from './text-fields';

/**
 * The smallest count a report shows as a number (k): every count from 1 to k − 1 is shown as "<k". A coordinator
 * setting; never below 3.
 */
export const REPORT_THRESHOLD = { min: 3, max: 20, default: 5 } as const;

/** The columns of the funder report: women, men, other or not told, total. */
export const REPORT_COLUMNS = ['women', 'men', 'otherOrNotTold', 'total'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** A count as it may be shown: a number, "<k" (a small count), or hidden so that another cannot be worked out. */
export const reportCell = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: z.number().int().min(0) }),
  z.object({ kind: z.literal('small'), below: z.number().int() }),
  z.object({ kind: z.literal('hidden') }),
]);
export type ReportCell = z.infer<typeof reportCell>;

/** A label from the report's data in its language, or a key of the interface's wording. */
const reportLabel = z.union([z.object({ text: z.string() }).strict(), z.object({ key: z.string() }).strict()]);
export type ReportLabel = z.infer<typeof reportLabel>;

export const reportRow = z.object({
  id: z.string(),
  label: reportLabel,
  /** The funder's code of the indicator (EECO02...), when it has one. */
  code: z.string().nullable(),
  /** A row within the one above it ("of whom"). */
  within: z.boolean(),
  /** One cell a column of its table. */
  cells: z.array(reportCell),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportTable = z.object({
  id: z.string(),
  title: reportLabel,
  /** The columns' headings, in the order of each row's cells. */
  columns: z.array(reportLabel),
  rows: z.array(reportRow),
});
export type ReportTable = z.infer<typeof reportTable>;

export const funderReport = z.object({
  set: z.object({ id: z.string(), version: z.string(), name: z.string() }),
  period: z.object({ from: isoDate, to: isoDate }),
  cohort: z.object({ id: z.string(), name: z.string() }).nullable(),
  threshold: z.number().int(),
  tables: z.array(reportTable),
  /** Participations of the period not counted for want of the funder-statistics consent. */
  notCounted: reportCell,
  /** Whole per cent of the attendance marks of the period that were attended (excused left out); null when none
   * or when the participants counted are too few to show. */
  attendanceRate: z.number().int().nullable(),
});
export type FunderReport = z.infer<typeof funderReport>;

/** A period of the report, first and last day included. */
export const reportPeriodInput = z
  .object({ from: isoDate, to: isoDate, cohortId: recordId.optional(), locale: z.enum(LOCALES) })
  .strict()
  .superRefine((value, ctx) => {
    if (value.to < value.from) ctx.addIssue(customIssue('period_ends_before_start', ['to']));
  });

/**
 * One part of the programme report: one group's figures, or (cohort null) all the report's groups together, each
 * figure of the whole the sum of the groups' (a participant in two groups counts in each).
 */
export const programmeSection = z.object({
  cohort: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Whole per cent of the attendance marks of the sessions held in the period that were attended (excused left
   * out); null when none, or when the participants it is over are too few to show. */
  attendanceRate: z.number().int().nullable(),
  /**
   * In this order: participation, sessions, visits, referrals, change (PROGRAMME_TABLES); with several groups, a
   * group's own section has no referrals or change (the whole's has them).
   */
  tables: z.array(reportTable),
});
export type ProgrammeSection = z.infer<typeof programmeSection>;

/** The tables of each section of the programme report, by id, in order. */
export const PROGRAMME_TABLES = ['participation', 'sessions', 'visits', 'referrals', 'change'] as const;

export const programmeReport = z.object({
  period: z.object({ from: isoDate, to: isoDate }),
  /** The group asked for, or null for every group the reader may see. */
  cohort: z.object({ id: z.string(), name: z.string() }).nullable(),
  threshold: z.number().int(),
  /** One section a group with sessions held in the period (the group asked for, always), oldest first; then, when
   * there is more than one group, the section of them all. */
  sections: z.array(programmeSection),
});
export type ProgrammeReport = z.infer<typeof programmeReport>;

/** What an export answers: saved where the user chose (the file's name only), or cancelled in the save dialog. */
export const reportExportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('saved'), fileName: z.string() }),
]);
export type ReportExportResult = z.infer<typeof reportExportResult>;

export const reportChannels = {
  /** The funder report of a period (and optionally one group), suppressed. */
  'reports.funder': channel('reports.funder', reportPeriodInput, funderReport),
  /** The programme report of a period, per group and overall, suppressed: the coordinator's of every group, a
   * caseworker's of the groups they are staff of. */
  'reports.programme': channel('reports.programme', reportPeriodInput, programmeReport),
  /**
   * The funder report of the period as a PDF in the chosen language, saved where the user chooses. The main side
   * counts it again (no figure comes from the interface); audited with the period and group, never a figure.
   */
  'reports.exportFunderPdf': channel('reports.funder', reportPeriodInput, reportExportResult),
  /** The funder report's aggregate rows as CSV (electron/core/reports/csv.ts), saved and audited like the PDF. */
  'reports.exportFunderCsv': channel('reports.funder', reportPeriodInput, reportExportResult),
  /** The programme report as a PDF, counted again on the main side for the reader's groups; audited like the funder's. */
  'reports.exportProgrammePdf': channel('reports.programme', reportPeriodInput, reportExportResult),
  /** The programme report's counts as CSV, one line a figure (its tables differ in their columns). */
  'reports.exportProgrammeCsv': channel('reports.programme', reportPeriodInput, reportExportResult),
} as const;
