import { stemsOf } from '@shared/search-stems';
import type { Migration } from '../migrate';
import type { Db } from '../open';

/** Each full-text index, its content table, the indexed text column and the row key (as in 0005 and 0006). */
const INDEXES = [
  { index: 'notes_fts', table: 'notes', text: 'text', rowid: 'search_key', key: 'seq' },
  { index: 'psychosocial_summary_fts', table: 'psychosocial_entries', text: 'summary', rowid: 'seq', key: 'seq' },
  { index: 'psychosocial_private_fts', table: 'psychosocial_private', text: 'notes', rowid: 'seq', key: 'seq' },
] as const;

type Index = (typeof INDEXES)[number];

function recreate(db: Db, { index, table, text, rowid, key }: Index): void {
  db.exec(`
    DROP TRIGGER ${index}_after_insert;
    DROP TRIGGER ${index}_after_delete;
    DROP TRIGGER ${index}_after_update;
    DROP TABLE ${index};
    ALTER TABLE ${table} ADD COLUMN stems TEXT;
  `);
  const fill = db.prepare(`UPDATE ${table} SET stems = ? WHERE ${key} = ?`);
  const rows = db.prepare(`SELECT ${key} AS key, ${text} AS text FROM ${table}`).iterate() as IterableIterator<{
    key: number;
    text: string | null;
  }>;
  const stems: [string | null, number][] = [];
  for (const row of rows) stems.push([stemsOf(row.text), row.key]);
  for (const [value, rowKey] of stems) fill.run(value, rowKey);
  db.exec(`
    CREATE VIRTUAL TABLE ${index} USING fts5 (
      ${text},
      stems,
      content = '${table}',
      content_rowid = '${rowid}',
      prefix = '2 3',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO ${index} (${index}) VALUES ('rebuild');
    INSERT INTO ${index} (${index}, rank) VALUES ('secure-delete', 1);
    CREATE TRIGGER ${index}_after_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${index} (rowid, ${text}, stems) VALUES (new.${rowid}, new.${text}, new.stems);
    END;
    CREATE TRIGGER ${index}_after_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${index} (${index}, rowid, ${text}, stems) VALUES ('delete', old.${rowid}, old.${text}, old.stems);
    END;
    CREATE TRIGGER ${index}_after_update AFTER UPDATE OF ${text}, stems, ${rowid} ON ${table} BEGIN
      INSERT INTO ${index} (${index}, rowid, ${text}, stems) VALUES ('delete', old.${rowid}, old.${text}, old.stems);
      INSERT INTO ${index} (rowid, ${text}, stems) VALUES (new.${rowid}, new.${text}, new.stems);
    END;
  `);
}

/**
 * Search that understands inflection: each text searched (note text, psychosocial summary, private notes) gets a
 * `stems` column beside it holding the stem keys of its words (shared/search-stems.ts), written by the repository
 * with the text, and each full-text index a second column over it, so that a query can match a word as typed or
 * by its stem in one index walk. The keys are personal text as much as the text is: they live in the same row, are
 * deleted with it, and the indexes keep `secure-delete`. Existing rows get their keys here and the indexes are built
 * anew. A row written without keys (stems NULL) is still found by its text.
 */
export const searchStems: Migration = {
  version: 13,
  name: '0013-search-stems',
  up(db) {
    for (const index of INDEXES) recreate(db, index);
  },
};
