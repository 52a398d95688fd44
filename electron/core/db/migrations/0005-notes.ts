import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const jsonArray = (column: string) =>
  `${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;

/**
 * Guidance notes, their earlier versions, the writers' drafts, and the full-text index over note text.
 *
 * - `notes` holds the current version; every edit first copies the row it replaces into `note_versions`.
 * - `note_drafts`: one draft per (user, participant, note being edited — or none for a new note).
 * - `notes_fts` is an external-content FTS5 index over `notes.text` (no second copy of the text), folded
 *   (`unicode61 remove_diacritics 2`: case and accents ignored, so "tyo" finds "Työ"). Triggers keep it in step
 *   in the writing transaction, including the deletes of a participant's whole file; `secure-delete` removes a
 *   deleted note's words from the index itself instead of hiding them behind delete markers.
 * - The index's rowid is `search_key` = day of the note's date × 2^32 + `seq`, so that walking the index
 *   backwards by rowid gives newest-first results without sorting every match (see electron/core/notes/search.ts).
 *   `seq` is an INTEGER PRIMARY KEY so it survives VACUUM.
 * The enum values are written out: a released migration never changes.
 */
export const notes: Migration = {
  version: 5,
  name: '0005-notes',
  up(db) {
    const types = list(['individual_guidance', 'phone_call', 'home_visit', 'group_follow_up', 'other']);
    const content = `
        date TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN (${types})),
        ${jsonArray('topics')},
        ${jsonArray('tags')},
        text TEXT NOT NULL,
        follow_up_task TEXT,
        follow_up_due TEXT,
        follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1))`;
    const followUpRules = `
        CHECK ((follow_up_task IS NULL) = (follow_up_due IS NULL)),
        CHECK (follow_up_task IS NOT NULL OR follow_up_done = 0)`;
    db.exec(`
      CREATE TABLE notes (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        search_key INTEGER NOT NULL UNIQUE,
        ${content},
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        ${followUpRules}
      ) STRICT;
      CREATE INDEX notes_participant ON notes (participant_id, date);

      CREATE TABLE note_versions (
        note_id TEXT NOT NULL REFERENCES notes (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        ${content},
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (note_id, version),
        ${followUpRules}
      ) STRICT;

      CREATE TABLE note_drafts (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        participant_id TEXT NOT NULL REFERENCES participants (id),
        note_id TEXT REFERENCES notes (id),
        fields TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'object'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX note_drafts_one_per_note ON note_drafts (user_id, participant_id, ifnull(note_id, ''));

      CREATE VIRTUAL TABLE notes_fts USING fts5 (
        text,
        content = 'notes',
        content_rowid = 'search_key',
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);

      CREATE TRIGGER notes_fts_after_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts (rowid, text) VALUES (new.search_key, new.text);
      END;
      CREATE TRIGGER notes_fts_after_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.search_key, old.text);
      END;
      CREATE TRIGGER notes_fts_after_update AFTER UPDATE OF text, search_key ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.search_key, old.text);
        INSERT INTO notes_fts (rowid, text) VALUES (new.search_key, new.text);
      END;
    `);
  },
};
