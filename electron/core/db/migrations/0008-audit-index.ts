import type { Migration } from '../migrate';

/**
 * The audit log read by record: the coordinator's view filtered to one participant and each participant's
 * timeline look rows up by entity and id instead of scanning the whole log.
 */
export const auditIndex: Migration = {
  version: 8,
  name: '0008-audit-index',
  up(db) {
    db.exec('CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id)');
  },
};
