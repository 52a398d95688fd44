/**
 * A cohort's week on paper, for the participants: day by day the time, topic, place and the guest or partner of
 * each session, and the cancelled ones marked as cancelled. It names no one but the guest or partner the group
 * is meeting: no participants, no staff, no session notes and no reason for a cancellation (staff's words).
 * The same self-contained document as the case summary (print/template.ts): no scripts, one stylesheet by hash.
 */
import { createHash } from 'node:crypto';
import type { Session } from '@shared/sessions';
import { isoWeekday } from '@shared/days';
import { programmeWeekOf, programmeWeekText, type ProgrammePeriod } from '@shared/programme-calendar';
import { formatWeekDates, formatWeekdayHeading } from '@shared/i18n/week-format';
import { formatClockRange } from '@shared/i18n/clock-format';
import { html, type Html } from '../print/html';
import type { PrintText } from '../print/labels';
import { printDocument, type DocumentMode } from '../print/template';
import { weekDays } from '../sessions/week';

export interface WeekScheduleParts {
  text: PrintText;
  cohortName: string;
  /** The cohort's period: the week is named as the programme week, "Viikko 6 / 10". */
  period: ProgrammePeriod;
  /** Who runs the group and the number to call when ill (Settings); a part left null is not printed. */
  organisation: { name: string | null; phone: string | null };
  /** The Monday of the week. */
  monday: string;
  /** The cohort's sessions of that week, in time order. */
  sessions: readonly Session[];
  printedAt: Date;
  /** The printed document is on landscape paper; the preview is on screen, where paper has no size. */
  mode: DocumentMode;
}

/**
 * The page of the printed schedule: A4 landscape, so that a day's line fits on one line. A stylesheet of its own,
 * allowed by its hash in the printed document only (the preview's frame allows the print stylesheet alone).
 */
const LANDSCAPE_CSS = '@page { size: A4 landscape; }';
export const LANDSCAPE = {
  css: LANDSCAPE_CSS,
  source: `'sha256-${createHash('sha256').update(LANDSCAPE_CSS).digest('base64')}'`,
};

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The week's line under the title: "Viikko 6 / 10 · 7.–13.12.2026", named as on the cohort's page. */
export function weekHeading(text: PrintText, period: ProgrammePeriod, monday: string): string {
  const { key, values } = programmeWeekText(programmeWeekOf(period, monday));
  return text.t('schedule.week', { week: text.t(key, values), dates: formatWeekDates(text.locale, monday) });
}

/** "Yhdistys ry · Jos sairastut …, soita 040 123 4567", or as much of it as Settings has; null for nothing. */
function contactLine(text: PrintText, organisation: WeekScheduleParts['organisation']): string | null {
  const { name, phone } = organisation;
  if (name && phone) return text.t('schedule.contact', { organisation: name, phone });
  if (name) return text.t('schedule.contactNoPhone', { organisation: name });
  if (phone) return text.t('schedule.contactPhoneOnly', { phone });
  return null;
}

function sessionCells(text: PrintText, session: Session): Html {
  const topic = session.topic ? capitalised(text.t(`programme.topics.${session.topic}`)) : null;
  const visitor = [session.partnerName, session.guest].filter((part): part is string => Boolean(part)).join(' · ');
  const time = formatClockRange(session.startTime, session.endTime, text.locale);
  return session.state === 'cancelled'
    ? html`<td><s>${time}</s></td>
        <td><strong>${text.t('schedule.cancelled')}</strong>${topic ? html` · <s>${topic}</s>` : null}</td>
        <td></td>
        <td></td>`
    : html`<td>${time}</td>
        <td>${topic ?? text.t('programme.sessions.noTopic')}</td>
        <td>${session.place ?? ''}</td>
        <td>${visitor}</td>`;
}

/** The days shown: Monday to Friday always, Saturday and Sunday only when a session falls on them. */
function shownDays(monday: string, sessions: readonly Session[]): string[] {
  return weekDays(monday).filter((day) => isoWeekday(day) <= 5 || sessions.some((s) => s.date === day));
}

/** The whole document as HTML text. */
export function renderWeekSchedule(parts: WeekScheduleParts): string {
  const { text, sessions } = parts;
  const rows = shownDays(parts.monday, sessions).map((day) => {
    const daySessions = sessions.filter((s) => s.date === day);
    const head = (span: number) =>
      html`<th scope="rowgroup" rowspan="${String(span)}">${formatWeekdayHeading(text.locale, day)}</th>`;
    if (daySessions.length === 0)
      return html`<tbody>
        <tr>
          ${head(1)}
          <td colspan="4" class="muted">${text.t('schedule.noSessions')}</td>
        </tr>
      </tbody>`;
    return html`<tbody>
      ${daySessions.map(
        (session, index) =>
          html`<tr>
            ${index === 0 ? head(daySessions.length) : null}${sessionCells(text, session)}
          </tr>`,
      )}
    </tbody>`;
  });
  const title = parts.cohortName;
  const week = weekHeading(text, parts.period, parts.monday);
  const contact = contactLine(text, parts.organisation);
  const body = html`<header class="doc-header">
      <h1>${title}</h1>
      <p class="doc-subject">${week}</p>
      ${contact ? html`<p class="doc-meta">${contact}</p>` : null}
    </header>
    <table>
      <thead>
        <tr>
          <th scope="col">${text.t('schedule.columns.day')}</th>
          <th scope="col">${text.t('schedule.columns.time')}</th>
          <th scope="col">${text.t('schedule.columns.topic')}</th>
          <th scope="col">${text.t('schedule.columns.place')}</th>
          <th scope="col">${text.t('schedule.columns.guest')}</th>
        </tr>
      </thead>
      ${rows}
    </table>
    <p class="doc-meta">${text.t('schedule.printedOn', { date: text.day(parts.printedAt.toISOString()) })}</p>`;
  return printDocument({
    locale: text.locale,
    title: `${text.t('schedule.documentTitle')} · ${title} · ${week}`,
    body,
    margins: parts.mode === 'print' ? LANDSCAPE : null,
  });
}
