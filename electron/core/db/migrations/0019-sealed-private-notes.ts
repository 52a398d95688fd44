import type { Migration } from '../migrate';

/**
 * The psychologists' private notes sealed with a key of their own (electron/core/vault/compartment.ts):
 *
 * - `psychosocial_private` and `psychosocial_private_versions` are rebuilt so that a row holds its notes either as
 *   text (`notes`: rows written before this build, until the first psychologist unlocks and seals them, and the
 *   rows of a handover file) or sealed (`sealed`: AES-256-GCM under the compartment key, bound to the entry and to
 *   `sealed_version`, the entry's version the notes were written at). Exactly one of the two is set. The stem keys
 *   (`stems`) are gone: they are the notes' words, and nothing in the file may hold those in the clear.
 * - The private full-text index and its triggers are dropped: a psychologist's search runs over an index built in
 *   memory from the decrypted notes. `secure_delete` is on, so the dropped pages are overwritten.
 * - `compartment`: the one row naming the vault's compartment key (a random id, bound into every wrap), written
 *   when the first psychologist unlocks. `compartment_wraps`: the compartment key wrapped under each
 *   psychologist's passphrase (`user_id`) and under the psychologists' recovery code (`user_id` NULL), each with
 *   its own scrypt salt. No wrap is derived from the master key.
 */
export const sealedPrivateNotes: Migration = {
  version: 19,
  name: '0019-sealed-private-notes',
  up(db) {
    db.exec(`
      DROP TRIGGER psychosocial_private_fts_after_insert;
      DROP TRIGGER psychosocial_private_fts_after_delete;
      DROP TRIGGER psychosocial_private_fts_after_update;
      DROP TABLE psychosocial_private_fts;

      CREATE TABLE psychosocial_private_sealing (
        seq INTEGER PRIMARY KEY,
        entry_id TEXT NOT NULL UNIQUE REFERENCES psychosocial_entries (id),
        notes TEXT CHECK (notes IS NULL OR length(notes) > 0),
        sealed BLOB CHECK (sealed IS NULL OR length(sealed) > 28),
        sealed_version INTEGER CHECK (sealed_version IS NULL OR sealed_version >= 1),
        CHECK ((notes IS NULL) <> (sealed IS NULL)),
        CHECK ((sealed IS NULL) = (sealed_version IS NULL))
      ) STRICT;
      INSERT INTO psychosocial_private_sealing (seq, entry_id, notes) SELECT seq, entry_id, notes FROM psychosocial_private;
      DROP TABLE psychosocial_private;
      ALTER TABLE psychosocial_private_sealing RENAME TO psychosocial_private;

      CREATE TABLE psychosocial_private_versions_sealing (
        entry_id TEXT NOT NULL REFERENCES psychosocial_entries (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        notes TEXT CHECK (notes IS NULL OR length(notes) > 0),
        sealed BLOB CHECK (sealed IS NULL OR length(sealed) > 28),
        sealed_version INTEGER CHECK (sealed_version IS NULL OR sealed_version >= 1),
        CHECK ((notes IS NULL) <> (sealed IS NULL)),
        CHECK ((sealed IS NULL) = (sealed_version IS NULL)),
        PRIMARY KEY (entry_id, version)
      ) STRICT;
      INSERT INTO psychosocial_private_versions_sealing (entry_id, version, notes)
        SELECT entry_id, version, notes FROM psychosocial_private_versions;
      DROP TABLE psychosocial_private_versions;
      ALTER TABLE psychosocial_private_versions_sealing RENAME TO psychosocial_private_versions;

      CREATE TABLE compartment (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key_id TEXT NOT NULL CHECK (length(key_id) = 32)
      ) STRICT;

      CREATE TABLE compartment_wraps (
        id TEXT PRIMARY KEY CHECK (length(id) = 32),
        user_id TEXT UNIQUE REFERENCES users (id),
        kdf TEXT NOT NULL,
        salt BLOB NOT NULL CHECK (length(salt) = 16),
        iv BLOB NOT NULL CHECK (length(iv) = 12),
        wrapped BLOB NOT NULL CHECK (length(wrapped) = 32),
        tag BLOB NOT NULL CHECK (length(tag) = 16)
      ) STRICT;
      CREATE UNIQUE INDEX compartment_wraps_one_recovery ON compartment_wraps ((user_id IS NULL)) WHERE user_id IS NULL;
    `);
  },
};
