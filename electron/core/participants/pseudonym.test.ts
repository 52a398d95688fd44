import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted, type Db } from '../db/open';
import { formatPseudonym, nextPseudonym } from './pseudonym';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function migratedDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'polku-pseudonym-'));
  const db = openEncrypted(join(dir, 'test.db'), randomBytes(32));
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  migrate(db, MIGRATIONS);
  db.prepare(`INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'A', 'caseworker', 'now')`).run();
  return db;
}

function storeParticipant(db: Db, now: Date): string {
  const p = nextPseudonym(db, now);
  db.prepare(
    `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, 'referred', 'now', 'now', 'u1')`,
  ).run(randomBytes(16).toString('hex'), p.code, p.year, p.number);
  return p.code;
}

describe('pseudonym codes', () => {
  it('have the year and at least three digits', () => {
    expect(formatPseudonym(2026, 7)).toBe('P-2026-007');
    expect(formatPseudonym(2026, 1000)).toBe('P-2026-1000');
  });

  it('are never given twice, even after participants are removed', () => {
    const db = migratedDb();
    const june = new Date(2026, 5, 1);
    expect([storeParticipant(db, june), storeParticipant(db, june), storeParticipant(db, june)]).toEqual([
      'P-2026-001',
      'P-2026-002',
      'P-2026-003',
    ]);
    db.prepare(`DELETE FROM participants WHERE pseudonym IN ('P-2026-002', 'P-2026-003')`).run();
    expect(storeParticipant(db, june)).toBe('P-2026-004');
    db.prepare('DELETE FROM participants').run();
    expect(storeParticipant(db, june)).toBe('P-2026-005');
  });

  it('start again from 001 each year, as the clock moves on', async () => {
    const v: StaffedVault = await staffedVault();
    cleanups.push(() => v.t.cleanup());
    const create = async () => (await v.t.ok('participants.create', {})).participant.pseudonym;
    expect([await create(), await create()]).toEqual(['P-2026-001', 'P-2026-002']);
    v.t.clock.advance(365 * 24 * 3_600_000);
    await v.as('caseworker');
    expect([await create(), await create()]).toEqual(['P-2027-001', 'P-2027-002']);
  });
});
