import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A plan step's referral gets its foreign key: `plan_steps.referral_id` → `referrals (id)`, ON DELETE SET NULL (a
 * step outlives the referral it pointed to). 0015 left the key out because the referrals' table was written at the
 * same time. SQLite cannot add a key to a column, so the table is built again under a new name, the rows copied,
 * the old table dropped and the new one renamed; nothing refers to plan_steps, so no other table changes. A step
 * naming a referral that is not stored loses the link (the key would refuse it). The partial index over open
 * steps' due dates is made again, and the key's column gets its own index, which the deletion's walk and the
 * handover's id renewal look rows up by.
 */
export const planStepReferral: Migration = {
  version: 16,
  name: '0016-plan-step-referral',
  up(db) {
    const owners = list(['participant', 'caseworker', 'partner']);
    const statuses = list(['open', 'done', 'dropped']);
    db.exec(`
      CREATE TABLE plan_steps_new (
        id TEXT PRIMARY KEY,
        goal_id TEXT NOT NULL REFERENCES plan_goals (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        what TEXT NOT NULL CHECK (length(what) > 0),
        owner TEXT NOT NULL CHECK (owner IN (${owners})),
        due TEXT CHECK (due IS NULL OR length(due) = 10),
        status TEXT NOT NULL CHECK (status IN (${statuses})),
        dropped_reason TEXT CHECK (dropped_reason IS NULL OR length(dropped_reason) > 0),
        referral_id TEXT REFERENCES referrals (id) ON DELETE SET NULL,
        CHECK ((status = 'dropped') = (dropped_reason IS NOT NULL)),
        UNIQUE (goal_id, position)
      ) STRICT;

      INSERT INTO plan_steps_new (id, goal_id, position, what, owner, due, status, dropped_reason, referral_id)
        SELECT id, goal_id, position, what, owner, due, status, dropped_reason,
               CASE WHEN referral_id IN (SELECT id FROM referrals) THEN referral_id END
        FROM plan_steps;

      DROP TABLE plan_steps;
      ALTER TABLE plan_steps_new RENAME TO plan_steps;

      CREATE INDEX plan_steps_open_due ON plan_steps (due) WHERE status = 'open' AND due IS NOT NULL;
      CREATE INDEX plan_steps_referral ON plan_steps (referral_id) WHERE referral_id IS NOT NULL;
    `);
  },
};
