import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted, type Db } from '../db/open';
import { appendAudit, verifyAuditChain } from './audit';

let dir: string;
let db: Db;
const at = new Date(Date.UTC(2026, 10, 28, 10));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-audit-'));
  db = openEncrypted(join(dir, 'a.db'), randomBytes(32));
  migrate(db, MIGRATIONS);
  for (let i = 0; i < 5; i += 1) {
    appendAudit(db, { userId: 'u1', action: 'test.action', entity: 'thing', entityId: `t${i}`, outcome: 'ok' }, at);
  }
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Tampering needs the append-only triggers out of the way, as an attacker with the key would do. */
function tamper(sql: string): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

describe('audit chain', () => {
  it('verifies an untouched log', () => {
    expect(verifyAuditChain(db)).toEqual({ rows: 5, firstBadRow: null });
  });

  it('finds an edited row', () => {
    tamper(`UPDATE audit_log SET entity_id = 'other' WHERE id = 3`);
    expect(verifyAuditChain(db).firstBadRow).toBe(3);
  });

  it('finds a row removed from the middle', () => {
    tamper('DELETE FROM audit_log WHERE id = 2');
    expect(verifyAuditChain(db).firstBadRow).toBe(3);
  });

  it('finds the newest rows removed', () => {
    tamper('DELETE FROM audit_log WHERE id >= 4');
    expect(verifyAuditChain(db).firstBadRow).toBe(4);
  });

  it('finds a row rewritten with a recomputed hash, because the next row still points to the old one', () => {
    tamper(`UPDATE audit_log SET action = 'forged', hash = '${'a'.repeat(64)}' WHERE id = 2`);
    expect(verifyAuditChain(db).firstBadRow).toBe(2);
  });

  it('keeps a missing audit log head from passing as intact', () => {
    db.exec(`DELETE FROM settings WHERE key = 'audit.head'`);
    expect(verifyAuditChain(db).firstBadRow).toBe(6);
  });
});
