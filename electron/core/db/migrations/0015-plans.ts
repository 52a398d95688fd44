import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Career and study plans: one living plan per participant, its goals and their steps, and every earlier version.
 *
 * - `plans`: one row per participant (UNIQUE), with the version in force and who saved it when.
 * - `plan_goals` and `plan_steps` hold the version in force, one row a goal and a step, in the order shown
 *   (`position`). A step's `referral_id` may name a referral of the same participant; it has no foreign key yet,
 *   because the referrals' table comes in its own migration (0014) written at the same time: a later migration may
 *   add the key. A dropped step has its reason, and only a dropped one.
 * - `plan_versions`: every earlier version, as notes keep theirs — before a save replaces the goals and steps, the
 *   version in force is copied here, whole, as one JSON document (`goals`: the goals with their steps, as
 *   shared/plans.ts `planGoal` has them), with who saved it and when. A plan's history is read, never searched, so
 *   one document a version keeps it simple; the version in force is always the rows.
 * Every child table refers to its parent by its id alone (the participant deletion walks foreign keys column by
 * column). There is no full-text index over plans. The enum values are written out: a released migration never
 * changes.
 */
export const plans: Migration = {
  version: 15,
  name: '0015-plans',
  up(db) {
    const kinds = list(['job', 'vocationalQualification', 'studies', 'languageLevel', 'drivingLicence', 'other']);
    const owners = list(['participant', 'caseworker', 'partner']);
    const statuses = list(['open', 'done', 'dropped']);
    const day = (column: string) => `${column} TEXT CHECK (${column} IS NULL OR length(${column}) = 10)`;
    db.exec(`
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL UNIQUE REFERENCES participants (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;

      CREATE TABLE plan_goals (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        kind TEXT NOT NULL CHECK (kind IN (${kinds})),
        target TEXT NOT NULL CHECK (length(target) > 0),
        ${day('target_date')},
        why TEXT CHECK (why IS NULL OR length(why) > 0),
        UNIQUE (plan_id, position)
      ) STRICT;

      CREATE TABLE plan_steps (
        id TEXT PRIMARY KEY,
        goal_id TEXT NOT NULL REFERENCES plan_goals (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        what TEXT NOT NULL CHECK (length(what) > 0),
        owner TEXT NOT NULL CHECK (owner IN (${owners})),
        ${day('due')},
        status TEXT NOT NULL CHECK (status IN (${statuses})),
        dropped_reason TEXT CHECK (dropped_reason IS NULL OR length(dropped_reason) > 0),
        referral_id TEXT,
        CHECK ((status = 'dropped') = (dropped_reason IS NOT NULL)),
        UNIQUE (goal_id, position)
      ) STRICT;
      CREATE INDEX plan_steps_open_due ON plan_steps (due) WHERE status = 'open' AND due IS NOT NULL;

      CREATE TABLE plan_versions (
        plan_id TEXT NOT NULL REFERENCES plans (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        goals TEXT NOT NULL CHECK (json_valid(goals) AND json_type(goals) = 'array'),
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (plan_id, version)
      ) STRICT;
    `);
  },
};
