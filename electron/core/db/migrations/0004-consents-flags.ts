import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const PURPOSES = ['processing', 'partner_sharing', 'funder_statistics', 'photos'];

/**
 * Consents per purpose, the coordinator's overrides of a missing consent, and safety flags. Nothing is
 * deleted by hand: a consent is withdrawn, an override revoked, a flag cleared, each with who and when; rows
 * go only with the whole participant. At most one consent (sharing: one a partner) and one override a purpose
 * are in force at a time. Enum values are written out: a released migration never changes.
 */
export const consentsAndFlags: Migration = {
  version: 4,
  name: '0004-consents-flags',
  up(db) {
    db.exec(`
      CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        purpose TEXT NOT NULL CHECK (purpose IN (${list(PURPOSES)})),
        partner_name TEXT,
        given_on TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN (${list(['signed', 'oral_with_interpreter', 'oral'])})),
        withhold_from TEXT,
        withhold_reason TEXT,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL,
        withdrawn_on TEXT,
        withdrawal_recorded_by TEXT REFERENCES users (id),
        withdrawal_recorded_at TEXT,
        CHECK ((purpose = 'partner_sharing') = (partner_name IS NOT NULL)),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_by IS NULL)),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_at IS NULL)),
        CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
      ) STRICT;
      CREATE INDEX consents_participant ON consents (participant_id, purpose);
      -- One consent in force a purpose (sharing: a partner); the handler also compares partner names folded.
      CREATE UNIQUE INDEX consents_in_force ON consents (participant_id, purpose, coalesce(partner_name, ''))
        WHERE withdrawn_on IS NULL;

      CREATE TABLE consent_overrides (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        purpose TEXT NOT NULL CHECK (purpose IN (${list(PURPOSES)})),
        reason TEXT NOT NULL,
        granted_by TEXT NOT NULL REFERENCES users (id),
        granted_at TEXT NOT NULL,
        revoked_by TEXT REFERENCES users (id),
        revoked_at TEXT,
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
        CHECK (length(reason) BETWEEN 3 AND 500)
      ) STRICT;
      CREATE INDEX consent_overrides_participant ON consent_overrides (participant_id, purpose);
      CREATE UNIQUE INDEX consent_overrides_in_force ON consent_overrides (participant_id, purpose) WHERE revoked_at IS NULL;

      CREATE TABLE safety_flags (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        kind TEXT NOT NULL CHECK (kind IN (${list([
          'exploiter_contact_risk',
          'address_confidential',
          'code_word_set',
          'no_photos',
          'health_risk',
          'other',
        ])})),
        note TEXT,
        set_by TEXT NOT NULL REFERENCES users (id),
        set_at TEXT NOT NULL,
        cleared_by TEXT REFERENCES users (id),
        cleared_at TEXT,
        CHECK ((cleared_at IS NULL) = (cleared_by IS NULL))
      ) STRICT;
      CREATE INDEX safety_flags_participant ON safety_flags (participant_id);
    `);
  },
};
