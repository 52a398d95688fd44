/**
 * The private compartment of the psychosocial log: the only code that reads or writes psychologists' private
 * notes (psychosocial_private and its versions). Reading functions are called only on the private path: by
 * projection.ts once the reader's role holds `psychosocial.private`, and by search.ts when the caller asks for
 * private hits (psychologists only).
 *
 * The notes are sealed under the psychologists' compartment key (electron/core/vault/compartment.ts): a row holds
 * them as ciphertext bound to its entry and the entry version they were written at. Rows written before the
 * compartment existed hold text until the first psychologist's unlock seals them. A psychologist whose key is not
 * on this computer reads `SEALED` instead of the notes and cannot write them. Their search runs over an index kept
 * in memory, built from the decrypted notes at the first private search and dropped when the vault locks.
 */
import { AppError } from '@shared/errors';
import { stemsOf } from '@shared/search-stems';
import { openMemoryOnly } from '../db/cipher';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { compartmentDriver, compartmentKey, onCompartmentClose, openNotes, sealNotes } from '../vault/compartment';

/** Notes that exist but cannot be read in this session: the reader's compartment key is not on this computer. */
export const SEALED = Symbol('sealed');
export type PrivateText = string | typeof SEALED;

interface StoredNotes {
  entry_id: string;
  notes: string | null;
  sealed: Buffer | null;
  sealed_version: number | null;
}

function textOf(key: Buffer | null, row: StoredNotes): PrivateText {
  if (row.notes !== null) return row.notes;
  if (!key || row.sealed === null || row.sealed_version === null) return SEALED;
  return openNotes(key, row.entry_id, row.sealed_version, row.sealed);
}

/** Whether this session can write private notes: the compartment key is open. */
export function canWritePrivate(db: Db): boolean {
  return compartmentKey(db) !== null;
}

/**
 * Sets, replaces or (with null) removes an entry's private notes, sealed as written at entry version `version`.
 * Writing text needs the compartment key (`compartment_locked` otherwise); removing does not.
 */
export function writePrivateNotes(db: Db, entryId: string, version: number, notes: string | null): void {
  if (notes === null) {
    run(db, sql`DELETE FROM psychosocial_private WHERE entry_id = ${entryId}`);
    return;
  }
  const key = compartmentKey(db);
  if (!key) throw new AppError('compartment_locked');
  const sealed = sealNotes(key, entryId, version, notes);
  run(
    db,
    sql`INSERT INTO psychosocial_private (entry_id, notes, sealed, sealed_version) VALUES (${entryId}, NULL, ${sealed}, ${version})
        ON CONFLICT (entry_id) DO UPDATE SET notes = NULL, sealed = excluded.sealed, sealed_version = excluded.sealed_version`,
  );
}

/** Keeps the entry's current private notes (if any) as those of `version`, before an edit replaces them. */
export function keepPrivateVersion(db: Db, entryId: string, version: number): void {
  run(
    db,
    sql`INSERT INTO psychosocial_private_versions (entry_id, version, notes, sealed, sealed_version)
        SELECT entry_id, ${version}, notes, sealed, sealed_version FROM psychosocial_private WHERE entry_id = ${entryId}`,
  );
}

/** The current private notes of an entry, `SEALED` when this session cannot read them, or null when it has none. */
export function privateNotesOf(db: Db, entryId: string): PrivateText | null {
  const row = get<StoredNotes>(
    db,
    sql`SELECT entry_id, notes, sealed, sealed_version FROM psychosocial_private WHERE entry_id = ${entryId}`,
  );
  return row ? textOf(compartmentKey(db), row) : null;
}

/** The current private notes of a participant's entries, by entry id (entries without any are absent). */
export function privateNotesOfParticipant(db: Db, participantId: string): Map<string, PrivateText> {
  const rows = all<StoredNotes>(
    db,
    sql`SELECT p.entry_id, p.notes, p.sealed, p.sealed_version FROM psychosocial_private p
        JOIN psychosocial_entries e ON e.id = p.entry_id
        WHERE e.participant_id = ${participantId}`,
  );
  const key = compartmentKey(db);
  return new Map(rows.map((row) => [row.entry_id, textOf(key, row)]));
}

/** The private notes of an entry's earlier versions, by version number (versions without any are absent). */
export function privateVersionNotes(db: Db, entryId: string): Map<number, PrivateText> {
  const rows = all<StoredNotes & { version: number }>(
    db,
    sql`SELECT entry_id, version, notes, sealed, sealed_version FROM psychosocial_private_versions WHERE entry_id = ${entryId}`,
  );
  const key = compartmentKey(db);
  return new Map(rows.map((row) => [row.version, textOf(key, row)]));
}

/** A handover's rows of the private tables, with sealed notes opened into text (a handover file carries text). */
export function unsealedForHandover(db: Db, columns: string[], rows: unknown[][]): void {
  const at = (name: string) => columns.indexOf(name);
  const [entry, notes, sealed, version] = [at('entry_id'), at('notes'), at('sealed'), at('sealed_version')];
  if (sealed < 0) return;
  const key = compartmentKey(db);
  for (const row of rows) {
    if (row[sealed] === null) continue;
    if (!key) throw new AppError('compartment_locked');
    row[notes] = openNotes(key, String(row[entry]), Number(row[version]), row[sealed] as Buffer);
    row[sealed] = null;
    row[version] = null;
  }
}

// ---- search ----

/** A private note matching a full-text search, with the entry it belongs to. */
export interface PrivateMatch {
  seq: number;
  id: string;
  participantId: string;
  pseudonym: string;
  date: string;
  snippet: string;
}

/**
 * The psychologist's search index: an FTS5 table in a database in memory only (no file, `temp_store=MEMORY`), with
 * the same columns and tokenizer as the indexes in the vault, keyed by the private row's seq. `seen` holds, by seq,
 * the sealed bytes' IV (or the text) a row was indexed from, so that a search first brings the index up to date with
 * whatever was written, edited, deleted or rolled back since.
 */
interface PrivateIndex {
  memory: Db;
  seen: Map<number, string>;
}

const indexes = new WeakMap<Db, PrivateIndex>();

function indexOf(db: Db): PrivateIndex | null {
  const existing = indexes.get(db);
  if (existing) return existing;
  const driver = compartmentDriver(db);
  if (!driver) return null;
  const memory = openMemoryOnly(driver);
  memory.exec(`CREATE VIRTUAL TABLE notes_index USING fts5 (
    notes, stems, prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
  )`);
  const index = { memory, seen: new Map<number, string>() };
  onCompartmentClose(db, () => {
    indexes.delete(db);
    memory.close();
  });
  indexes.set(db, index);
  return index;
}

/** Brings the index up to date with the rows of `db`: new and changed rows decrypted and indexed, gone ones removed. */
function refresh(db: Db, index: PrivateIndex, key: Buffer): void {
  const rows = all<{ seq: number; mark: string }>(
    db,
    sql`SELECT seq, CASE WHEN notes IS NOT NULL THEN 't' || notes ELSE 's' || hex(substr(sealed, 1, 12)) END AS mark
        FROM psychosocial_private`,
  );
  const present = new Set<number>();
  const changed: number[] = [];
  for (const row of rows) {
    present.add(row.seq);
    if (index.seen.get(row.seq) !== row.mark) changed.push(row.seq);
  }
  const gone = [...index.seen.keys()].filter((seq) => !present.has(seq));
  if (changed.length === 0 && gone.length === 0) return;
  const remove = index.memory.prepare('DELETE FROM notes_index WHERE rowid = ?');
  const insert = index.memory.prepare('INSERT INTO notes_index (rowid, notes, stems) VALUES (?, ?, ?)');
  const read = db.prepare('SELECT entry_id, notes, sealed, sealed_version FROM psychosocial_private WHERE seq = ?');
  const marks = new Map(rows.map((row) => [row.seq, row.mark]));
  index.memory.transaction(() => {
    for (const seq of gone) {
      remove.run(seq);
      index.seen.delete(seq);
    }
    for (const seq of changed) {
      const text = textOf(key, read.get(seq) as StoredNotes);
      remove.run(seq);
      if (text !== SEALED) insert.run(seq, text, stemsOf(text));
      index.seen.set(seq, marks.get(seq)!);
    }
  })();
}

/**
 * Entries whose private notes match an FTS5 MATCH expression, newest first (by the meeting's day, then the entry
 * written later), at most `limit`, with a snippet marked by `start` / `end`. Empty when this session does not
 * hold the compartment key.
 */
export function matchPrivateNotes(
  db: Db,
  match: string,
  { limit, start, end, words }: { limit: number; start: string; end: string; words: number },
): PrivateMatch[] {
  const key = compartmentKey(db);
  const index = key ? indexOf(db) : null;
  if (!key || !index) return [];
  refresh(db, index, key);
  const seqs = index.memory.prepare('SELECT rowid FROM notes_index WHERE notes_index MATCH ?').pluck().all(match) as number[];
  if (seqs.length === 0) return [];
  const entries = all<Omit<PrivateMatch, 'snippet'> & { privateSeq: number }>(
    db,
    sql`SELECT e.seq, e.id, e.participant_id AS participantId, p.pseudonym, e.date, n.seq AS privateSeq
        FROM psychosocial_private n
        JOIN psychosocial_entries e ON e.id = n.entry_id
        JOIN participants p ON p.id = e.participant_id
        WHERE n.seq IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))
        ORDER BY e.date DESC, e.seq DESC LIMIT ${limit}`,
  );
  const snippet = index.memory.prepare(
    `SELECT snippet(notes_index, 0, ?, ?, '…', ?) FROM notes_index WHERE notes_index MATCH ? AND rowid = ?`,
  );
  return entries.map(({ privateSeq, ...entry }) => ({
    ...entry,
    snippet: snippet.pluck().get(start, end, words, match, privateSeq) as string,
  }));
}
