import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_VERSION } from '@shared/app-version';
import { MIGRATIONS } from '../db/migrations';
import { participantTables } from '../participants/row-graph';
import { openVaultDb } from '../../../tests/support/raw-db';
import { CASE_BLANKED, collectCase, foreignKeysOf, REFERENCE_BLANKED, REFERENCE_TABLES } from './content';
import { anotherParticipant, fillCase, FILE_PASSPHRASE, office, transferFolder, type Office } from './testing/offices';
import { writePackage } from './write-package';
import { COLLEAGUE_PASSPHRASE } from '../../../tests/support/core';

const offices: Office[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const v of offices.splice(0)) v.t.cleanup();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function started(): Promise<Office> {
  const v = await office();
  offices.push(v);
  return v;
}

function folder(): string {
  const made = transferFolder();
  folders.push(made);
  return made;
}

describe('what a handover carries', () => {
  it('knows every table outside a participant’s file that the file’s rows can point at', async () => {
    // A migration that makes the file point at a new table fails here until the handover knows how to carry it.
    const v = await started();
    const db = await openVaultDb(v.t);
    try {
      const tables = participantTables(db, 'x'.repeat(32)).map((s) => s.table);
      // A key the handover leaves empty on the file's own rows (a referral's partner) points nowhere in the file.
      const outside = new Set(
        tables
          .flatMap((table) =>
            foreignKeysOf(db, table)
              .filter((key) => !CASE_BLANKED[table]?.includes(key.from))
              .map((key) => key.table),
          )
          .filter((t) => !tables.includes(t)),
      );
      expect([...outside].sort()).toEqual(['users', ...REFERENCE_TABLES].sort());
      expect(CASE_BLANKED).toEqual({ referrals: ['partner_id', 'contact_id'] });
      // The references may point only at staff, at each other, or through columns the handover leaves empty.
      for (const table of REFERENCE_TABLES)
        for (const key of foreignKeysOf(db, table)) {
          const carried = key.table === 'users' || REFERENCE_TABLES.has(key.table);
          expect(carried || REFERENCE_BLANKED[table]?.includes(key.from), `${table}.${key.from}`).toBe(true);
        }
    } finally {
      db.close();
    }
  });

  it('leaves out every part under a part the reader may not see', async () => {
    const v = await started();
    const id = await fillCase(v);
    const db = await openVaultDb(v.t);
    try {
      const everything = collectCase(db, id, () => true).tables.map((t) => t.table);
      expect(everything).toEqual(expect.arrayContaining(['psychosocial_entries', 'psychosocial_private', 'notes']));
      expect(everything).not.toContain('note_drafts');
      const withoutLog = collectCase(db, id, (p) => p !== 'psychosocial.read').tables.map((t) => t.table);
      expect(withoutLog.filter((t) => t.startsWith('psychosocial'))).toEqual([]);
      expect(withoutLog).toContain('notes');
      expect(everything).toEqual(expect.arrayContaining(['plans', 'plan_goals', 'plan_steps', 'plan_versions']));
      const withoutPlans = collectCase(db, id, (p) => p !== 'plans.read').tables.map((t) => t.table);
      expect(withoutPlans.filter((t) => t.startsWith('plan'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('handover files across versions and keyboards', () => {
  it('imports a file written with an older schema, bringing it up to date first', async () => {
    const a = await started();
    const b = await started();
    const id = await anotherParticipant(a);
    await a.t.ok('notes.create', { participantId: id, date: '2026-11-20', type: 'phone_call', text: 'Vanha muoto toimii.' });
    const file = join(folder(), 'old.polkucase');
    const db = await openVaultDb(a.t);
    try {
      const content = collectCase(db, id, () => true);
      const staff = db.prepare(`SELECT id, display_name AS displayName, role FROM users`).all() as never[];
      const counts = await writePackage({
        destination: file,
        passphrase: FILE_PASSPHRASE,
        content,
        staff,
        origin: {
          appVersion: APP_VERSION,
          createdAt: '2026-11-28T09:00:00.000Z',
          sourceVaultId: 'a'.repeat(32),
          exporterRole: 'caseworker',
          pseudonym: 'P-2026-001',
        },
        driver: {},
        migrations: MIGRATIONS.slice(0, 8),
      });
      expect(counts.enrolments).toBeUndefined();
    } finally {
      db.close();
    }
    b.answers.open = file;
    const inspected = await b.t.ok('handover.inspect', { passphrase: FILE_PASSPHRASE });
    if (inspected.status !== 'ready') throw new Error('not inspected');
    const imported = await b.t.ok('handover.import', { token: inspected.token });
    const notes = await b.t.ok('notes.list', { participantId: imported.participantId });
    expect(notes.notes.map((n) => n.text)).toEqual(['Vanha muoto toimii.']);
  });

  it('opens with the passphrase however its letters were composed', async () => {
    const a = await started();
    const b = await started();
    const id = await anotherParticipant(a);
    const file = join(folder(), 'nfc.polkucase');
    a.answers.save = file;
    await a.t.ok('handover.export', {
      participantId: id,
      passphrase: 'kesän ääniä ja öisiä tähtiä',
      currentPassphrase: COLLEAGUE_PASSPHRASE,
    });
    b.answers.open = file;
    const decomposed = 'kesän ääniä ja öisiä tähtiä'.normalize('NFD');
    expect(await b.t.ok('handover.inspect', { passphrase: decomposed })).toMatchObject({ status: 'ready' });
  });
});
