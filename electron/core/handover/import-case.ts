import { definitionProblems, instrumentDefinition } from '@shared/assessments';
import { isIsoDay } from '@shared/days';
import { AppError } from '@shared/errors';
import type { ConflictChoice } from '@shared/handover';
import type { Locale } from '@shared/locales';
import { appendAudit } from '../audit/audit';
import { cohortNameInUse, insertCohort, weekdaysOfText } from '../cohorts/repo';
import type { Db } from '../db/open';
import { get, run, sql } from '../db/sql';
import { searchKey } from '../notes/repo';
import { countParticipantRows, deleteParticipantRows } from '../participants/deletion';
import { tombstoneDetail } from '../participants/erasure';
import { prepareFullTextCleanup } from '../participants/fts-rewrite';
import { formatPseudonym, nextPseudonym, type Pseudonym } from '../participants/pseudonym';
import { findParticipant, writeParticipantData } from '../participants/repo';
import { partnerNameKey } from '../partners/repo';
import { quoteName } from '../participants/row-graph';
import { caseCounts, columnsOf, REFERENCE_BLANKED, type TableRows } from './content';
import { insertCase, type RowRecord } from './insert-case';
import type { StaffMember } from './manifest';
import type { ReadPackage } from './read-package';

/**
 * Added to the names of staff and groups that come with a handover and are new to this vault, in the language of
 * the person importing, so that nobody takes them for this office's own.
 */
const FROM_ANOTHER_OFFICE: Record<Locale, string> = {
  fi: 'toinen toimisto',
  sv: 'annat kontor',
  en: 'another office',
};

export interface ImportOptions {
  userId: string;
  now: Date;
  locale: Locale;
  /** Required when this vault has a participant with the file's code. */
  onConflict: ConflictChoice | undefined;
}

export interface ImportResult {
  participantId: string;
  pseudonym: string;
}

/** The participant of this vault who has `pseudonym`, if any. */
export function participantWithCode(db: Db, pseudonym: string): { id: string; pseudonym: string } | undefined {
  return get<{ id: string; pseudonym: string }>(db, sql`SELECT id, pseudonym FROM participants WHERE pseudonym = ${pseudonym}`);
}

/** Staff named in the file who have no account here. */
export function newStaffOf(db: Db, staff: readonly StaffMember[]): StaffMember[] {
  return staff.filter((member) => !get(db, sql`SELECT 1 FROM users WHERE id = ${member.id}`));
}

/**
 * Imports a checked handover file into the vault, in the caller's transaction, with its audit records: the
 * participant who has the same code deleted first (replace), staff new to this vault added as inactive accounts
 * (no key slots, so nobody can unlock as them; their names stay on what they wrote), the groups the file points
 * at added when missing, and the case's rows under new ids.
 */
export function importCase(db: Db, pkg: ReadPackage, o: ImportOptions): ImportResult {
  const { manifest } = pkg;
  const conflict = participantWithCode(db, manifest.pseudonym);
  if (conflict && !o.onConflict) throw new AppError('handover_conflict');
  const choice = conflict ? o.onConflict! : null;
  if (conflict && choice === 'replace') {
    // Replacing is an erasure of the file it replaces: the same search-index clean-up and tombstone as
    // participants.delete; the caller wipes the old page images once the import has committed.
    const counts = countParticipantRows(db, conflict.id);
    const indexes = prepareFullTextCleanup(db, new Map([[conflict.id, counts]]));
    deleteParticipantRows(db, conflict.id);
    indexes.finish();
    appendAudit(
      db,
      {
        userId: o.userId,
        action: 'participants.delete',
        entity: 'participant',
        entityId: conflict.id,
        detail: `handover.replace;${tombstoneDetail(counts)}`,
        outcome: 'ok',
      },
      o.now,
    );
  }
  const note = FROM_ANOTHER_OFFICE[o.locale];
  const newStaff = newStaffOf(db, pkg.staff);
  for (const member of newStaff) addStaffPlaceholder(db, member, note, o.now);
  for (const rows of pkg.content.references) addMissingReferences(db, rows, note);

  const pseudonym = pseudonymFor(db, manifest.pseudonym, choice, o.now);
  const participantId = insertCase(db, pkg.content, {
    adjust(table: string, row: RowRecord) {
      if (table === 'participants') {
        row.pseudonym = pseudonym.code;
        row.pseudonym_year = pseudonym.year;
        row.pseudonym_number = pseudonym.number;
      }
      if (table === 'notes') {
        // A date that is no calendar day cannot have a search key; the file is damaged, not the vault.
        if (!isIsoDay(String(row.date))) throw new AppError('handover_damaged');
        row.search_key = searchKey(String(row.date), Number(row.seq));
      }
      if (table === 'referrals') row.partner_id = partnerNamed(db, String(row.partner_name));
    },
  });
  rederiveParticipantKeys(db, participantId);

  const counts = Object.entries(caseCounts(pkg.content))
    .map(([table, n]) => `${table}:${n}`)
    .join(',');
  appendAudit(
    db,
    {
      userId: o.userId,
      action: 'handover.import',
      entity: 'participant',
      entityId: participantId,
      detail: `from:${manifest.sourceVaultId} conflict:${choice ?? 'none'} new_staff:${newStaff.length} ${counts}`,
      outcome: 'ok',
    },
    o.now,
  );
  return { participantId, pseudonym: pseudonym.code };
}

/**
 * The partner of this vault's register that a handed-over referral names: the file carries the partner's name, not
 * the sending office's register (content.ts), so the referral is linked to the partner of the same name here (names
 * compared as the register compares them) and keeps its name either way; none of that name leaves it unlinked. The
 * contact person is not linked: a name of a person is not enough to tell them apart.
 */
function partnerNamed(db: Db, name: string): string | null {
  return get<{ id: string }>(db, sql`SELECT id FROM partners WHERE name_key = ${partnerNameKey(name)}`)?.id ?? null;
}

function addStaffPlaceholder(db: Db, member: StaffMember, note: string, now: Date): void {
  // No name_key: the account is not a name to unlock with, and does not keep this office from using the name.
  run(
    db,
    sql`INSERT INTO users (id, display_name, name_key, role, active, must_change_passphrase, created_at)
        VALUES (${member.id}, ${`${member.displayName} (${note})`}, NULL, ${member.role}, 0, 0, ${now.toISOString()})`,
  );
}

/**
 * Adds the groups, sessions or instrument versions of the file this vault does not have (same id or version); other
 * tables cannot be references.
 */
function addMissingReferences(db: Db, rows: TableRows, note: string): void {
  if (rows.table === 'cohorts') addMissingCohorts(db, rows, note);
  else if (rows.table === 'cohort_sessions') addMissingSessions(db, rows);
  else if (rows.table === 'assessment_instruments') addMissingInstruments(db, rows);
  else throw new AppError('handover_damaged');
}

const rowsOf = (rows: TableRows) =>
  rows.rows.map((values) => Object.fromEntries(rows.columns.map((name, i) => [name, values[i]])));

/**
 * Adds the instrument versions this vault lacks, as the file has them, so that the file's assessments read with
 * their own words. A version is never changed once stored: one this vault holds must be the same, word for word,
 * and a definition that is not whole by the contract is a damaged file.
 */
function addMissingInstruments(db: Db, rows: TableRows): void {
  for (const row of rowsOf(rows)) {
    const version = Number(row.version);
    const text = String(row.definition);
    let definition;
    try {
      definition = instrumentDefinition.parse(JSON.parse(text));
    } catch {
      throw new AppError('handover_damaged');
    }
    if (definition.version !== version || definitionProblems(definition).length > 0) throw new AppError('handover_damaged');
    const held = get<{ definition: string }>(db, sql`SELECT definition FROM assessment_instruments WHERE version = ${version}`);
    if (held) {
      if (held.definition !== text) throw new AppError('handover_damaged');
      continue;
    }
    run(db, sql`INSERT INTO assessment_instruments (version, definition) VALUES (${version}, ${text})`);
  }
}

/** Adds the groups this vault does not have (same id), named apart from this office's groups when the name is taken. */
function addMissingCohorts(db: Db, rows: TableRows, note: string): void {
  for (const row of rowsOf(rows)) {
    if (get(db, sql`SELECT 1 FROM cohorts WHERE id = ${row.id}`)) continue;
    const base = String(row.name);
    let name = base;
    for (let n = 1; cohortNameInUse(db, name); n++) name = n === 1 ? `${base} (${note})` : `${base} (${note} ${n})`;
    insertCohort(db, {
      id: String(row.id),
      name,
      startDate: String(row.start_date),
      lengthWeeks: Number(row.length_weeks),
      ...(typeof row.weekdays === 'string' ? { weekdays: weekdaysOfText(row.weekdays) } : {}),
      ...(typeof row.start_time === 'string' ? { startTime: row.start_time } : {}),
      ...(typeof row.end_time === 'string' ? { endTime: row.end_time } : {}),
      place: typeof row.place === 'string' ? row.place : null,
      createdBy: String(row.created_by),
      createdAt: String(row.created_at),
    });
  }
}

/**
 * Adds the sessions this vault does not have (same id), as the file has them: a session known here already is this
 * vault's own record and stays as it is. The file carries no partner, guest or group notes (content.ts), and a
 * partner id would point outside this vault's register, so it is left empty whatever the file says.
 */
function addMissingSessions(db: Db, rows: TableRows): void {
  const held = new Set(columnsOf(db, 'cohort_sessions').map((c) => c.name));
  if (rows.columns.some((name) => !held.has(name)) || !rows.columns.includes('id')) throw new AppError('handover_damaged');
  const insert = db.prepare(
    `INSERT INTO cohort_sessions (${rows.columns.map(quoteName).join(', ')}) VALUES (${rows.columns.map(() => '?').join(', ')})`,
  );
  for (const row of rowsOf(rows)) {
    if (get(db, sql`SELECT 1 FROM cohort_sessions WHERE id = ${row.id}`)) continue;
    for (const column of REFERENCE_BLANKED.cohort_sessions ?? []) if (column in row) row[column] = null;
    insert.run(...rows.columns.map((name) => row[name]));
  }
}

/**
 * The code the imported participant gets. Keep both: a new code of this vault. Replace: the code of the file (the
 * same as the replaced one). Otherwise the file's code, unless this vault has given it before (to someone whose
 * file has since been deleted): a code is never given to two people. This vault's counter moves past a code it takes.
 */
function pseudonymFor(db: Db, code: string, choice: ConflictChoice | null, now: Date): Pseudonym {
  if (choice === 'keepBoth') return nextPseudonym(db, now);
  const match = /^P-(\d{4})-(\d{3,9})$/.exec(code);
  const parsed = match ? { code, year: Number(match[1]), number: Number(match[2]) } : null;
  if (!parsed || formatPseudonym(parsed.year, parsed.number) !== code) return nextPseudonym(db, now);
  const last = get<{ last_number: number }>(db, sql`SELECT last_number FROM pseudonym_counters WHERE year = ${parsed.year}`);
  if (choice !== 'replace' && last !== undefined && parsed.number <= last.last_number) return nextPseudonym(db, now);
  run(
    db,
    sql`INSERT INTO pseudonym_counters (year, last_number) VALUES (${parsed.year}, ${parsed.number})
        ON CONFLICT (year) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
  );
  return parsed;
}

/** Recomputes the participant's search and duplicate keys with this version's folding, keeping the record as it was. */
function rederiveParticipantKeys(db: Db, participantId: string): void {
  const participant = findParticipant(db, participantId);
  if (!participant) throw new AppError('handover_damaged');
  const {
    id: _id,
    pseudonym: _pseudonym,
    responsibleCaseworkerName: _name,
    createdAt: _createdAt,
    createdBy: _createdBy,
    updatedAt,
    ...data
  } = participant;
  writeParticipantData(db, participantId, data, updatedAt);
}
