/**
 * What a section of the case summary is, and the small pieces sections build from. Each section lives in its own
 * file and is listed once in index.ts; its name in each language is `print.sections.<id>` in ../labels/*.json.
 */
import type { Participant } from '@shared/participants';
import type { Permission, Role } from '@shared/roles';
import type { Db } from '../../db/open';
import type { Html, HtmlTag, HtmlValue } from '../html';
import type { PrintText } from '../labels';

/** The first and last day of dated records to print (YYYY-MM-DD); null leaves that end open. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

/** What a section renders from. */
export interface SectionContext {
  db: Db;
  /** The printing user's role: every read goes through the same projections as the file's screens. */
  role: Role;
  /** The whole record (printing needs `participants.read`). */
  participant: Participant;
  /** Leave out names, contact details and anything else identifying beyond the pseudonym code. */
  pseudonymOnly: boolean;
  range: DayRange;
  /** When the printout is made. */
  now: Date;
  text: PrintText;
  /** The html tag of this document; in pseudonym-only mode it also removes the participant's names from text. */
  html: HtmlTag;
}

/** One section of the case summary. */
export interface PrintSection {
  /** A stable code: what the renderer sends and the audit record lists. */
  id: string;
  /** What a role must hold to choose it. */
  permission: Permission;
  /** Ends with signature lines for the participant and the caseworker. */
  signatures: boolean;
  /** Prints only records within the request's date range. */
  dated: boolean;
  /** The section's content, under its heading (which the document adds). */
  render(context: SectionContext): Html;
}

/** Whether a day (or the day part of an ISO moment) lies in the range. */
export function inRange(range: DayRange, at: string): boolean {
  const day = at.slice(0, 10);
  return (range.from === null || day >= range.from) && (range.to === null || day <= range.to);
}

/** The range in words: "1 March 2026 – 31 March 2026", "From …", "Until …" or "All dates". */
export function rangeWords({ text, range }: SectionContext): string {
  if (range.from && range.to) return text.t('print.range.between', { from: text.day(range.from), to: text.day(range.to) });
  if (range.from) return text.t('print.range.from', { from: text.day(range.from) });
  if (range.to) return text.t('print.range.to', { to: text.day(range.to) });
  return text.t('print.range.all');
}

/** A member of staff by their current name; an account that is gone is "a former member of staff". */
export function staffName({ text }: SectionContext, name: string | null): string {
  return name ?? text.t('print.someone');
}

/** Label–value pairs as a definition list; a null value reads "Not recorded". */
export function facts(context: SectionContext, rows: readonly (readonly [string, HtmlValue])[]): Html {
  const { html, text } = context;
  return html`<dl class="facts">
    ${rows.map(
      ([label, value]) =>
        html`<dt>${label}</dt>
          <dd>${value === null || value === undefined ? text.t('print.notRecorded') : value}</dd>`,
    )}
  </dl>`;
}

/** "Nothing recorded." */
export function nothing({ html, text }: SectionContext): Html {
  return html`<p class="muted">${text.t('print.nothing')}</p>`;
}
