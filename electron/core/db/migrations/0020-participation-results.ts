import type { Migration } from '../migrate';

/**
 * What the funder's statistics count of a participation, beside what the intake already holds (education and the
 * labour-market status at entry):
 *
 * - `participants` gains four intake answers, each 'yes', 'no' or 'unknown', NULL until asked:
 *   `third_country_national`, `foreign_background`, `disability` (special-category data, read like the file's
 *   other sensitive fields) and `housing_exclusion` (homeless or affected by housing exclusion).
 * - `participation_results`: one row a participant (one participation a person and project, however many cohorts),
 *   with the situation at exit, checked within four weeks of it (`exit_checked_on` and four 0/1 answers, all set or
 *   all NULL), and the follow-up six months after exit (`follow_up_checked_on` and the outcome `reached` or
 *   `not_reached`; whether employed and whether the labour-market situation improved are set exactly when reached).
 *   The entry and exit dates are not stored: they are the enrolments' (participation/dates.ts).
 * The index on enrolments' ends serves the Today page's follow-ups due without reading every enrolment.
 * The row refers to its participant by key alone, so the participant deletion walks to it. Enum values are written
 * out: a released migration never changes.
 */
export const participationResults: Migration = {
  version: 20,
  name: '0020-participation-results',
  up(db) {
    const column = (name: string) =>
      `ALTER TABLE participants ADD COLUMN ${name} TEXT CHECK (${name} IN ('yes', 'no', 'unknown'));`;
    const flag = (name: string) => `${name} INTEGER CHECK (${name} IN (0, 1))`;
    db.exec(`
      ${column('third_country_national')}
      ${column('foreign_background')}
      ${column('disability')}
      ${column('housing_exclusion')}

      CREATE TABLE participation_results (
        participant_id TEXT PRIMARY KEY REFERENCES participants (id),
        exit_checked_on TEXT CHECK (length(exit_checked_on) = 10),
        ${flag('exit_job_searching')},
        ${flag('exit_in_education')},
        ${flag('exit_qualification')},
        ${flag('exit_employed')},
        follow_up_checked_on TEXT CHECK (length(follow_up_checked_on) = 10),
        follow_up_outcome TEXT CHECK (follow_up_outcome IN ('reached', 'not_reached')),
        ${flag('follow_up_employed')},
        ${flag('follow_up_improved')},
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        CHECK (
          (exit_checked_on IS NULL AND exit_job_searching IS NULL AND exit_in_education IS NULL
            AND exit_qualification IS NULL AND exit_employed IS NULL)
          OR (exit_checked_on IS NOT NULL AND exit_job_searching IS NOT NULL AND exit_in_education IS NOT NULL
            AND exit_qualification IS NOT NULL AND exit_employed IS NOT NULL)
        ),
        CHECK ((follow_up_checked_on IS NULL) = (follow_up_outcome IS NULL)),
        CHECK (
          (follow_up_outcome IS 'reached' AND follow_up_employed IS NOT NULL AND follow_up_improved IS NOT NULL)
          OR (follow_up_outcome IS NOT 'reached' AND follow_up_employed IS NULL AND follow_up_improved IS NULL)
        )
      ) STRICT;
      CREATE INDEX enrolments_ended ON enrolments (end_date) WHERE end_date IS NOT NULL;
    `);
  },
};
