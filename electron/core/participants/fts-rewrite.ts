import type { Db } from '../db/open';
import { fullTextIndexes, ftsCommand, orphanPageKeys, rewriteIndex, wordsOf, type FullTextIndex } from './fts-index';
import { participantSteps, quoteName } from './row-graph';

/**
 * Above this many indexed rows erased from one index at once, writing the index anew is quicker than removing the
 * words one by one (measured on a vault of 50 000 notes: about 35 ms a note one by one, 2 to 3 s for the rewrite).
 */
const REWRITE_ABOVE_ROWS = 80;

/**
 * Clears erased words out of the full-text indexes, in the erasing transaction. Call before deleting any row, with
 * the rows each participant will lose (per table); call `finish()` after the last row is deleted.
 *
 * The indexes run with FTS5 `secure-delete`, which removes a deleted word's entries from the index segments, but
 * not from a segment's page directory (the `_idx` shadow table): a word that began a page of the index stays there
 * as the page's key, whole or in part, until the segment is written anew. So for a small erasure the words go one
 * by one and the directory is then searched for keys that only the erased words explain; only if there is one is
 * the index written anew. For a large erasure the index takes plain delete markers (much quicker) and is written
 * anew at once. Returns, from `finish()`, the indexes written anew. Freed pages are zeroed by SQLite's secure_delete.
 */
export function prepareFullTextCleanup(db: Db, rowsByParticipant: ReadonlyMap<string, Record<string, number>>) {
  const rowsIn = (index: FullTextIndex) =>
    [...rowsByParticipant.values()].reduce((sum, counts) => sum + (counts[index.content] ?? 0), 0);
  const touched = fullTextIndexes(db).filter((index) => rowsIn(index) > 0);
  const bulk = touched.filter((index) => rowsIn(index) > REWRITE_ABOVE_ROWS);
  for (const index of bulk) ftsCommand(db, index.name, 'secure-delete', 0);
  const words = new Map(
    touched
      .filter((index) => !bulk.includes(index))
      .map((index) => [index, wordsOf(db, index, erasedTexts(db, index, [...rowsByParticipant.keys()]))] as const),
  );
  return {
    finish(): string[] {
      const rewritten: FullTextIndex[] = [...bulk];
      for (const [index, erased] of words) {
        ftsCommand(db, index.name, 'flush');
        if (orphanPageKeys(db, index, erased).length > 0) rewritten.push(index);
      }
      for (const index of rewritten) rewriteIndex(db, index);
      return rewritten.map((index) => index.name);
    },
  };
}

/** The indexed text of the rows the participants' erasure will delete from the index's content table. */
function erasedTexts(db: Db, index: FullTextIndex, participantIds: readonly string[]): string[] {
  const columns = index.columns.map(quoteName).join(', ');
  const texts: string[] = [];
  for (const id of participantIds) {
    for (const step of participantSteps(db, id).filter((s) => s.table === index.content)) {
      const rows = db
        .prepare(`SELECT ${columns} FROM ${quoteName(step.table)} WHERE ${step.where}`)
        .raw()
        .all(...step.params) as unknown[][];
      for (const row of rows) for (const value of row) if (typeof value === 'string') texts.push(value);
    }
  }
  return texts;
}
