/**
 * SQL of the shared part of the psychosocial log: what every reader of the log may see. Nothing here reads the
 * private notes; they live in their own tables, read only by private.ts.
 */
import type { NextAppointment, PsychosocialKind, RiskLevel, SummaryEntry, SummaryVersion } from '@shared/psychosocial';
import { stemsOf } from '@shared/search-stems';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { authorshipOf, type AuthorshipRow } from '../db/authorship';

/** What every reader sees of one version of an entry. */
export interface SharedContent {
  date: string;
  durationMinutes: number;
  kind: PsychosocialKind;
  riskLevel: RiskLevel;
  summary: string | null;
  nextAppointment: NextAppointment | null;
}

interface ContentRow {
  date: string;
  duration_minutes: number;
  kind: PsychosocialKind;
  risk_level: RiskLevel;
  summary: string | null;
  next_appointment: string | null;
}

interface EntryRow extends ContentRow, AuthorshipRow {
  id: string;
  participant_id: string;
  version: number;
}

interface VersionRow extends ContentRow {
  version: number;
  saved_at: string;
  saved_by: string;
  saved_by_name: string | null;
}

/** A next appointment as stored: the day, or the day and the local time joined by "T". */
export function appointmentText(appointment: NextAppointment | null): string | null {
  if (!appointment) return null;
  return appointment.time ? `${appointment.date}T${appointment.time}` : appointment.date;
}

function appointmentOf(text: string | null): NextAppointment | null {
  if (text === null) return null;
  const [date = text, time = null] = text.split('T');
  return { date, time };
}

function contentOf(row: ContentRow): SharedContent {
  return {
    date: row.date,
    durationMinutes: row.duration_minutes,
    kind: row.kind,
    riskLevel: row.risk_level,
    summary: row.summary,
    nextAppointment: appointmentOf(row.next_appointment),
  };
}

function toEntry(row: EntryRow): SummaryEntry {
  return {
    id: row.id,
    participantId: row.participant_id,
    ...contentOf(row),
    version: row.version,
    ...authorshipOf(row),
  };
}

function toVersion(row: VersionRow): SummaryVersion {
  return {
    version: row.version,
    ...contentOf(row),
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    savedByName: row.saved_by_name,
  };
}

export interface NewEntry {
  id: string;
  participantId: string;
  content: SharedContent;
  at: string;
  by: string;
}

/** Inserts the shared part of an entry as version 1; the trigger indexes its summary and the summary's stem keys. */
export function insertEntry(db: Db, { id, participantId, content: c, at, by }: NewEntry): void {
  run(
    db,
    sql`INSERT INTO psychosocial_entries (id, participant_id, date, duration_minutes, kind, risk_level, summary, stems,
                                          next_appointment, version, created_at, created_by, updated_at, updated_by)
        VALUES (${id}, ${participantId}, ${c.date}, ${c.durationMinutes}, ${c.kind}, ${c.riskLevel}, ${c.summary},
                ${stemsOf(c.summary)}, ${appointmentText(c.nextAppointment)}, 1, ${at}, ${by}, ${at}, ${by})`,
  );
}

/**
 * Replaces the shared part of an entry as a new version: the row it replaces is first copied to
 * psychosocial_versions, with who saved it and when. The trigger re-indexes the summary.
 */
export function replaceEntryContent(db: Db, id: string, c: SharedContent, at: string, by: string): void {
  run(
    db,
    sql`INSERT INTO psychosocial_versions (entry_id, version, date, duration_minutes, kind, risk_level, summary,
                                           next_appointment, saved_at, saved_by)
        SELECT id, version, date, duration_minutes, kind, risk_level, summary, next_appointment, updated_at, updated_by
        FROM psychosocial_entries WHERE id = ${id}`,
  );
  run(
    db,
    sql`UPDATE psychosocial_entries SET
          date = ${c.date}, duration_minutes = ${c.durationMinutes}, kind = ${c.kind}, risk_level = ${c.riskLevel},
          summary = ${c.summary}, stems = ${stemsOf(c.summary)}, next_appointment = ${appointmentText(c.nextAppointment)},
          version = version + 1, updated_at = ${at}, updated_by = ${by}
        WHERE id = ${id}`,
  );
}

export function findEntry(db: Db, id: string): SummaryEntry | undefined {
  const row = get<EntryRow>(
    db,
    sql`SELECT e.*, c.display_name AS created_by_name, u.display_name AS updated_by_name
        FROM psychosocial_entries e
        LEFT JOIN users c ON c.id = e.created_by LEFT JOIN users u ON u.id = e.updated_by
        WHERE e.id = ${id}`,
  );
  return row ? toEntry(row) : undefined;
}

/** A participant's entries, newest first: by date, then the one written later first. */
export function listEntries(db: Db, participantId: string): SummaryEntry[] {
  return all<EntryRow>(
    db,
    sql`SELECT e.*, c.display_name AS created_by_name, u.display_name AS updated_by_name
        FROM psychosocial_entries e
        LEFT JOIN users c ON c.id = e.created_by LEFT JOIN users u ON u.id = e.updated_by
        WHERE e.participant_id = ${participantId} ORDER BY e.date DESC, e.seq DESC`,
  ).map(toEntry);
}

/** Every version of an entry's shared part, the current one first. */
export function listVersions(db: Db, id: string): SummaryVersion[] {
  const current = get<VersionRow>(
    db,
    sql`SELECT e.*, e.updated_at AS saved_at, e.updated_by AS saved_by, u.display_name AS saved_by_name
        FROM psychosocial_entries e LEFT JOIN users u ON u.id = e.updated_by WHERE e.id = ${id}`,
  );
  if (!current) return [];
  const earlier = all<VersionRow>(
    db,
    sql`SELECT v.*, u.display_name AS saved_by_name
        FROM psychosocial_versions v LEFT JOIN users u ON u.id = v.saved_by
        WHERE v.entry_id = ${id} ORDER BY v.version DESC`,
  );
  return [current, ...earlier].map(toVersion);
}

/** A participant's entries for the timeline: day, kind, author and summary, newest first. */
export function timelineRows(
  db: Db,
  participantId: string,
): { id: string; date: string; kind: PsychosocialKind; author: string | null; summary: string | null }[] {
  return all<{ id: string; date: string; kind: PsychosocialKind; author: string | null; summary: string | null }>(
    db,
    sql`SELECT e.id, e.date, e.kind, u.display_name AS author, e.summary
        FROM psychosocial_entries e LEFT JOIN users u ON u.id = e.created_by
        WHERE e.participant_id = ${participantId} ORDER BY e.date DESC, e.seq DESC`,
  );
}
