import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted, type Db } from '../db/open';
import { createHash } from 'node:crypto';
import { adoptRestoredChain, appendAudit, deriveChainKey, rechainAudit, useChainKey, verifyAuditChain } from './audit';

let dir: string;
let db: Db;
const at = new Date(Date.UTC(2026, 10, 28, 10));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-audit-'));
  const masterKey = randomBytes(32);
  db = openEncrypted(join(dir, 'a.db'), masterKey);
  useChainKey(db, deriveChainKey(masterKey, 'f'.repeat(32)));
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

  it('finds a log whose rows were removed and whose chain and head were computed again without the key', () => {
    // What anyone holding the database could do before the chain was keyed: drop rows, re-hash, move the head.
    tamper('DELETE FROM audit_log WHERE id >= 3');
    let previous = '0'.repeat(64);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
    for (const row of rows) {
      const fields = [previous, row.id, row.at, row.user_id, row.action, row.entity, row.entity_id, row.outcome, row.detail];
      const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(previous, hash, row.id);
      previous = hash;
    }
    db.prepare(`UPDATE settings SET value = ? WHERE key = 'audit.head'`).run(JSON.stringify({ id: 2, hash: previous }));
    expect(verifyAuditChain(db).firstBadRow).toBe(1);
  });

  it('refuses to write a row on a connection without a chain key', () => {
    const other = openEncrypted(join(dir, 'b.db'), randomBytes(32));
    try {
      migrate(other, MIGRATIONS);
      expect(() => appendAudit(other, { userId: 'u1', action: 'test.action', outcome: 'ok' }, at)).toThrow();
    } finally {
      other.close();
    }
  });

  it('chains a log again under a new key only after checking it whole under the old one', () => {
    const newKey = randomBytes(32);
    const oldKey = deriveChainKey(randomBytes(32), 'f'.repeat(32));
    // The rows were written under the key registered in beforeEach, not under `oldKey`: nothing is rewritten.
    useChainKey(db, newKey);
    expect(db.transaction(() => rechainAudit(db, oldKey))()).toBe(1);
    expect(verifyAuditChain(db).firstBadRow).toBe(1);
  });

  it('takes over a restored log chained under a key this vault never had, after checking its links', () => {
    useChainKey(db, randomBytes(32));
    expect(verifyAuditChain(db).firstBadRow).toBe(1);
    expect(db.transaction(() => adoptRestoredChain(db, { plainExpected: false }))()).toBe(
      'audit chain not checkable, keyed after checking its links',
    );
    expect(verifyAuditChain(db)).toEqual({ rows: 5, firstBadRow: null });
  });

  it('does not take over a restored log with a row missing', () => {
    tamper('DELETE FROM audit_log WHERE id = 2');
    db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`);
    useChainKey(db, randomBytes(32));
    expect(db.transaction(() => adoptRestoredChain(db, { plainExpected: false }))()).toBe('audit chain broken at row 3');
    expect(verifyAuditChain(db).firstBadRow).toBe(1);
  });
});
