import type { Migration } from '../migrate';

/**
 * When each participant's file was closed, the start of its retention period. `closed_at` is set when the status
 * moves to `closed` (a closed file stays closed). Files closed before this column existed take the time of their
 * last `to:closed` status record in the audit log; a closed file without one (none is known) takes its last
 * change, which is never earlier than its closing, so the retention period is never shortened by the guess.
 */
export const closedAt: Migration = {
  version: 10,
  name: '0010-closed-at',
  up(db) {
    db.exec(`
      ALTER TABLE participants ADD COLUMN closed_at TEXT CHECK (closed_at IS NULL OR status = 'closed');

      UPDATE participants SET closed_at = coalesce(
        (SELECT max(a.at) FROM audit_log a
          WHERE a.action = 'participants.setStatus' AND a.entity = 'participant' AND a.entity_id = participants.id
            AND a.outcome = 'ok' AND a.detail = 'to:closed'),
        updated_at)
      WHERE status = 'closed';

      CREATE INDEX participants_closed_at ON participants (closed_at) WHERE closed_at IS NOT NULL;
    `);
  },
};
