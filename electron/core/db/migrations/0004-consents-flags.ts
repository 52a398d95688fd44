import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const PURPOSES = ['processing', 'partner_sharing', 'funder_statistics', 'photos'];

/**
 * Consents per purpose, the coordinator's overrides of a missing consent, and safety flags. Nothing is
 * deleted by hand: a consent is withdrawn, an override revoked, a flag cleared, each with who and when; rows
 * go only with the whole participant. Enum values are written out: a released migration never changes.
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
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_by IS NULL))
      ) STRICT;
      CREATE INDEX consents_participant ON consents (participant_id, purpose);

      CREATE TABLE consent_overrides (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        purpose TEXT NOT NULL CHECK (purpose IN (${list(PURPOSES)})),
        reason TEXT NOT NULL,
        granted_by TEXT NOT NULL REFERENCES users (id),
        granted_at TEXT NOT NULL,
        revoked_by TEXT REFERENCES users (id),
        revoked_at TEXT,
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      ) STRICT;
      CREATE INDEX consent_overrides_participant ON consent_overrides (participant_id, purpose);

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
