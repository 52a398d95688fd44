import type { Migration } from '../migrate';

/**
 * Cohorts and enrolments: the group a participant takes the programme in. `name_key` (the name folded for
 * comparison) keeps names unique regardless of case and accents, as typed names are compared elsewhere. An
 * enrolment is open while `end_date` is null; at most one is open a participant. An ended enrolment keeps its
 * outcome as history; rows go only with the whole participant. The schedule (weekdays, times, place, sessions)
 * comes in a later migration.
 */
export const cohorts: Migration = {
  version: 9,
  name: '0009-cohorts',
  up(db) {
    db.exec(`
      CREATE TABLE cohorts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key TEXT NOT NULL UNIQUE,
        start_date TEXT NOT NULL,
        length_weeks INTEGER NOT NULL DEFAULT 10 CHECK (length_weeks BETWEEN 1 AND 104),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE enrolments (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        cohort_id TEXT NOT NULL REFERENCES cohorts (id),
        start_date TEXT NOT NULL,
        end_date TEXT,
        outcome TEXT CHECK (outcome IN ('completed', 'discontinued')),
        outcome_reason TEXT,
        CHECK ((end_date IS NULL) = (outcome IS NULL)),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK (outcome_reason IS NULL OR outcome IS NOT NULL)
      ) STRICT;
      CREATE INDEX enrolments_participant ON enrolments (participant_id);
      CREATE INDEX enrolments_cohort ON enrolments (cohort_id) WHERE end_date IS NULL;
      CREATE UNIQUE INDEX enrolments_open ON enrolments (participant_id) WHERE end_date IS NULL;
    `);
  },
};
