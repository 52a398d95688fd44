import { INSTRUMENT_V1 } from '../../assessments/instrument-v1';
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Assessments from intake to exit, and the instrument they are made with.
 *
 * - `assessment_instruments`: one row a version of the instrument, its whole definition as one JSON document
 *   (shared/assessments.ts `instrumentDefinition`: its scales' steps and its items with their wording in fi, sv and
 *   en). A version is never changed once stored; this migration stores version 1 as Polku ships it
 *   (assessments/instrument-v1.ts, frozen). No moment of storing is kept: the same version must be the same row
 *   in every vault, so that a backup or a handover compares it byte for byte.
 * - `assessment_hidden_items`: items of a version the coordinator has hidden from new assessments, with who and
 *   when. Hiding never removes an item from its version; showing it again deletes the row.
 * - `assessments`: one a participant and stage (UNIQUE), with its day and the version it was made with.
 * - `assessment_answers`: one an item and rater: a score (scored items) or a text (written ones), never both;
 *   a note, whether an interpreter was there, the language. Keyed by the assessment and the item id; the item id
 *   is checked against the version on the main side (a version is a JSON document, not rows a key can point to).
 * Every child table refers to its parent by its key alone (the participant deletion walks foreign keys). There is
 * no full-text index over assessments. The enum values are written out: a released migration never changes.
 */
export const assessments: Migration = {
  version: 18,
  name: '0018-assessments',
  up(db) {
    const stages = list(['intake', 'midpoint', 'exit', 'followUp3', 'followUp6']);
    const raters = list(['participant', 'caseworker']);
    db.exec(`
      CREATE TABLE assessment_instruments (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        definition TEXT NOT NULL CHECK (json_valid(definition) AND json_type(definition) = 'object')
      ) STRICT;

      CREATE TABLE assessment_hidden_items (
        version INTEGER NOT NULL REFERENCES assessment_instruments (version),
        item_id TEXT NOT NULL CHECK (length(item_id) > 0),
        hidden_at TEXT NOT NULL,
        hidden_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (version, item_id)
      ) STRICT;

      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        stage TEXT NOT NULL CHECK (stage IN (${stages})),
        date TEXT NOT NULL CHECK (length(date) = 10),
        instrument_version INTEGER NOT NULL REFERENCES assessment_instruments (version),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        UNIQUE (participant_id, stage)
      ) STRICT;
      CREATE INDEX assessments_stage_date ON assessments (stage, date);

      CREATE TABLE assessment_answers (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        item_id TEXT NOT NULL CHECK (length(item_id) > 0),
        rater TEXT NOT NULL CHECK (rater IN (${raters})),
        position INTEGER NOT NULL CHECK (position >= 0),
        score INTEGER,
        text TEXT CHECK (text IS NULL OR length(text) > 0),
        note TEXT CHECK (note IS NULL OR length(note) > 0),
        with_interpreter INTEGER NOT NULL CHECK (with_interpreter IN (0, 1)),
        language TEXT CHECK (language IS NULL OR length(language) > 0),
        CHECK ((score IS NULL) <> (text IS NULL)),
        PRIMARY KEY (assessment_id, item_id, rater)
      ) STRICT;
    `);
    db.prepare('INSERT INTO assessment_instruments (version, definition) VALUES (1, ?)').run(JSON.stringify(INSTRUMENT_V1));
  },
};
