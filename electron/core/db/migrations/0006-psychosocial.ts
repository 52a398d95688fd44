import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The psychosocial support log, in two compartments, so that a query written for the shared part cannot
 * return private notes by accident (no column of theirs sits beside the shared ones):
 *
 * - `psychosocial_entries`: what every reader of the log sees (date, duration, kind, risk, shareable summary,
 *   next appointment); `psychosocial_versions` keeps each edited version of it.
 * - `psychosocial_private`: the psychologists' private notes, one row per entry that has them, keyed by entry;
 *   `psychosocial_private_versions` keeps the private notes of each earlier version. Only
 *   electron/core/psychosocial/private.ts reads these.
 * - Two external-content FTS5 indexes (`unicode61 remove_diacritics 2`, as the notes): one over the summaries,
 *   one over the private notes, queried only for psychologists. Triggers keep each in step with its table in the
 *   writing transaction, including the deletes of a participant's whole file; `secure-delete` removes the words
 *   of edited or deleted text from the index itself.
 * - A next appointment is a day (YYYY-MM-DD) or a day and a local time (YYYY-MM-DDTHH:MM).
 * Every child table refers to the entry by its id alone: the participant deletion walks foreign keys column by
 * column, so a composite key would reach rows of other entries.
 * The enum values are written out: a released migration never changes.
 */
export const psychosocial: Migration = {
  version: 6,
  name: '0006-psychosocial',
  up(db) {
    const content = `
        date TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        kind TEXT NOT NULL CHECK (kind IN (${list(['individual', 'group'])})),
        risk_level TEXT NOT NULL CHECK (risk_level IN (${list(['none', 'low', 'moderate', 'high'])})),
        summary TEXT CHECK (summary IS NULL OR length(summary) > 0),
        next_appointment TEXT CHECK (next_appointment IS NULL OR length(next_appointment) IN (10, 16))`;
    db.exec(`
      CREATE TABLE psychosocial_entries (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        ${content},
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX psychosocial_entries_participant ON psychosocial_entries (participant_id, date);

      CREATE TABLE psychosocial_versions (
        entry_id TEXT NOT NULL REFERENCES psychosocial_entries (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        ${content},
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (entry_id, version)
      ) STRICT;

      CREATE TABLE psychosocial_private (
        seq INTEGER PRIMARY KEY,
        entry_id TEXT NOT NULL UNIQUE REFERENCES psychosocial_entries (id),
        notes TEXT NOT NULL CHECK (length(notes) > 0)
      ) STRICT;

      CREATE TABLE psychosocial_private_versions (
        entry_id TEXT NOT NULL REFERENCES psychosocial_entries (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        notes TEXT NOT NULL CHECK (length(notes) > 0),
        PRIMARY KEY (entry_id, version)
      ) STRICT;

      CREATE VIRTUAL TABLE psychosocial_summary_fts USING fts5 (
        summary,
        content = 'psychosocial_entries',
        content_rowid = 'seq',
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO psychosocial_summary_fts (psychosocial_summary_fts, rank) VALUES ('secure-delete', 1);
      CREATE TRIGGER psychosocial_summary_fts_after_insert AFTER INSERT ON psychosocial_entries BEGIN
        INSERT INTO psychosocial_summary_fts (rowid, summary) VALUES (new.seq, new.summary);
      END;
      CREATE TRIGGER psychosocial_summary_fts_after_delete AFTER DELETE ON psychosocial_entries BEGIN
        INSERT INTO psychosocial_summary_fts (psychosocial_summary_fts, rowid, summary) VALUES ('delete', old.seq, old.summary);
      END;
      CREATE TRIGGER psychosocial_summary_fts_after_update AFTER UPDATE OF summary, seq ON psychosocial_entries BEGIN
        INSERT INTO psychosocial_summary_fts (psychosocial_summary_fts, rowid, summary) VALUES ('delete', old.seq, old.summary);
        INSERT INTO psychosocial_summary_fts (rowid, summary) VALUES (new.seq, new.summary);
      END;

      CREATE VIRTUAL TABLE psychosocial_private_fts USING fts5 (
        notes,
        content = 'psychosocial_private',
        content_rowid = 'seq',
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO psychosocial_private_fts (psychosocial_private_fts, rank) VALUES ('secure-delete', 1);
      CREATE TRIGGER psychosocial_private_fts_after_insert AFTER INSERT ON psychosocial_private BEGIN
        INSERT INTO psychosocial_private_fts (rowid, notes) VALUES (new.seq, new.notes);
      END;
      CREATE TRIGGER psychosocial_private_fts_after_delete AFTER DELETE ON psychosocial_private BEGIN
        INSERT INTO psychosocial_private_fts (psychosocial_private_fts, rowid, notes) VALUES ('delete', old.seq, old.notes);
      END;
      CREATE TRIGGER psychosocial_private_fts_after_update AFTER UPDATE OF notes, seq ON psychosocial_private BEGIN
        INSERT INTO psychosocial_private_fts (psychosocial_private_fts, rowid, notes) VALUES ('delete', old.seq, old.notes);
        INSERT INTO psychosocial_private_fts (rowid, notes) VALUES (new.seq, new.notes);
      END;
    `);
  },
};
