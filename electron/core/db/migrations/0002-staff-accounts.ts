import type { Migration } from '../migrate';
import { normalizeName } from '../../vault/name-tag';

/**
 * Staff accounts managed by the coordinator: one-time passphrases that must be changed at the next unlock,
 * and names unique as typed at the unlock screen (case and spacing ignored).
 */
export const staffAccounts: Migration = {
  version: 2,
  name: '0002-staff-accounts',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN must_change_passphrase INTEGER NOT NULL DEFAULT 0 CHECK (must_change_passphrase IN (0, 1));
      ALTER TABLE users ADD COLUMN name_key TEXT;
    `);
    const rows = db.prepare('SELECT id, display_name FROM users').all() as { id: string; display_name: string }[];
    const setKey = db.prepare('UPDATE users SET name_key = ? WHERE id = ?');
    for (const row of rows) setKey.run(normalizeName(row.display_name), row.id);
    db.exec('CREATE UNIQUE INDEX users_name_key ON users (name_key)');
  },
};
