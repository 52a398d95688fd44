import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { inflected, plantedFile } from '../../../tests/support/planted-file';
import { hitFiles, plaintextHits } from '../../../tests/support/plaintext-scan';
import { plantProgramme } from '../../../tests/support/programme';
import { REFERRAL_PARTNER } from '../../../tests/support/referrals';
import { openVaultDb, vaultMasterKey } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { stemKeys } from '@shared/search-stems';
import { deleteParticipantRows } from './deletion';
import { wipeErasedPages } from './erasure';

const vaults: StaffedVault[] = [];
const keys: Buffer[] = [];
const connections: Db[] = [];
afterEach(() => {
  for (const db of connections.splice(0)) if (db.open) db.close();
  for (const key of keys.splice(0)) key.fill(0);
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/** Planted in every part of the file to erase, and nowhere else. */
const MARK = 'Zyxerasemark';
/** Planted in the file that stays. */
const KEPT = 'Qwkeptmark';
/** The stem keys of the inflected word planted in a note that are written nowhere in the text. */
const STEM_ONLY = stemKeys(inflected(MARK)).filter((key) => !inflected(MARK).toLowerCase().includes(key));

async function vaultWithPlantedFiles() {
  const v = await staffedVault();
  vaults.push(v);
  const gone = await plantedFile(v, MARK);
  const kept = await plantedFile(v, KEPT);
  // Both in a group, with attendance marks: the erased one's marks go, the group's sessions and visit stay.
  const programme = await plantProgramme(v.t, v.caseworkerId, [
    { participantId: gone.id, marks: ['present', 'absent', 'late', 'excused'] },
    { participantId: kept.id, marks: ['present', 'present'] },
  ]);
  await v.as('coordinator');
  // The funder's data of both, in the group since 1.11.: the erased one's row goes with the file.
  for (const { id } of [gone, kept])
    await v.t.ok('participation.recordExit', {
      participantId: id,
      checkedOn: '2026-11-20',
      jobSearching: false,
      inEducation: true,
      qualification: false,
      employed: true,
    });
  // Written after the last unlock, so that these pages are still in the WAL, not yet in the main file.
  await v.t.ok('participants.update', { id: gone.id, referralContactPerson: `${MARK}wal` });
  const key = await vaultMasterKey(v.t);
  keys.push(key);
  /** Everything that would give the erased participant away: the marker (and its tail, in case a search index stored it prefix-compressed), the pseudonym. */
  const needles = [MARK, MARK.slice(4), gone.pseudonym, ...STEM_ONLY];
  const scan = (words: readonly string[] = needles) => plaintextHits(v.t.dataDir, key, words);
  return { v, gone, kept, scan, programme };
}

async function secondConnection(v: StaffedVault): Promise<Db> {
  const db = await openVaultDb(v.t);
  connections.push(db);
  return db;
}

describe('erasing a participant’s file from the disk', () => {
  it('leaves none of it in any file of the data folder, read as decrypted pages of the database and its WAL', async () => {
    const { v, gone, kept, scan, programme } = await vaultWithPlantedFiles();
    const before = scan();
    // The scan sees the file where it is: in plaintext only after decryption, never in the raw bytes.
    expect(hitFiles(before)).toEqual(['polku.db', 'polku.db-wal']);
    expect(before.filter((hit) => hit.where === 'raw')).toEqual([]);
    // The note's stem keys are on the disk too (in the row beside the text), so the scan after erasure covers them.
    expect(STEM_ONLY).not.toEqual([]);
    for (const key of STEM_ONLY) expect(before.map((hit) => hit.needle)).toContain(key);

    await v.t.ok('participants.delete', { id: gone.id, confirmPseudonym: gone.pseudonym });

    expect(scan()).toEqual([]);
    // The same scan still finds the file that stays, so it was able to find anything at all.
    expect(hitFiles(scan([KEPT, kept.pseudonym]))).toContain('polku.db');
    const wal = join(v.t.dataDir, 'polku.db-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const db = await secondConnection(v);
    const count = (query: string, ...params: unknown[]) => (db.prepare(query).get(...params) as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM attendance WHERE participant_id = ?`, gone.id)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM enrolments WHERE participant_id = ?`, gone.id)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM attendance WHERE participant_id = ?`, kept.id)).toBe(2);
    expect(count(`SELECT count(*) AS n FROM cohort_sessions WHERE cohort_id = ?`, programme.cohortId)).toBe(6);
    expect(count(`SELECT count(*) AS n FROM visits WHERE id = ?`, programme.visitId)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM partner_contacts WHERE id = ?`, programme.contactId)).toBe(1);
    // The referrals go with the file; the partner they went to stays in the register with the other file's.
    expect(count(`SELECT count(*) AS n FROM referrals WHERE participant_id = ?`, gone.id)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM referrals WHERE participant_id = ?`, kept.id)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM referral_events`)).toBe(3);
    expect(count(`SELECT count(*) AS n FROM partners WHERE name = ?`, REFERRAL_PARTNER)).toBe(1);
  });

  it('takes the erased file’s follow-up off the Today page and from every note row, and keeps the other file’s', async () => {
    const { v, gone, kept } = await vaultWithPlantedFiles();
    const owners = async () => {
      const db = await secondConnection(v);
      const rows = db
        .prepare(
          `SELECT participant_id AS p, follow_up_owner AS owner FROM notes WHERE follow_up_owner IS NOT NULL
           UNION ALL SELECT n.participant_id, v.follow_up_owner FROM note_versions v JOIN notes n ON n.id = v.note_id
           WHERE v.follow_up_owner IS NOT NULL`,
        )
        .all() as { p: string }[];
      db.close();
      return rows.map((row) => row.p).sort();
    };
    const followUpsOf = async () =>
      (await v.t.ok('today.get', { weekStart: '2026-11-30' })).followUps?.lines.map((line) => line.participantId).sort();
    expect(await followUpsOf()).toEqual([gone.id, kept.id].sort());
    expect(await owners()).toEqual([gone.id, gone.id, kept.id, kept.id].sort());

    await v.t.ok('participants.delete', { id: gone.id, confirmPseudonym: gone.pseudonym });
    expect(await followUpsOf()).toEqual([kept.id]);
    expect(await owners()).toEqual([kept.id, kept.id]);
  });

  it('keeps a tombstone in the audit log: the random id and row counts, nothing from the file', async () => {
    const { v, gone } = await vaultWithPlantedFiles();
    const { counts } = await v.t.ok('participants.deletionPreview', { id: gone.id });
    await v.t.ok('participants.delete', { id: gone.id, confirmPseudonym: gone.pseudonym });
    const { entries } = await v.t.ok('audit.list', { action: 'participants.delete' });
    expect(entries).toHaveLength(1);
    const expected = Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([table, n]) => `${table}:${n}`)
      .join(',');
    expect(entries[0]).toMatchObject({ entity: 'participant', entityId: gone.id, outcome: 'ok', detail: expected });
    expect(expected).toMatch(/^[a-z_]+:\d+(,[a-z_]+:\d+)+$/);
    expect(expected).toContain('notes:1');
    expect(counts).toMatchObject({
      attendance: 4,
      enrolments: 1,
      referrals: 1,
      referral_events: 3,
      plans: 1,
      plan_goals: 2,
      plan_steps: 4,
      plan_versions: 1,
      assessments: 1,
      assessment_answers: 6,
      participation_results: 1,
    });
    expect(expected).toContain('attendance:4');
    const { entries: all } = await v.t.ok('audit.list', { entityId: gone.id, limit: 500 });
    expect(all.length).toBeGreaterThan(5);
    const personal = [MARK.toLowerCase(), gone.pseudonym.toLowerCase(), LEILA.phone, LEILA.email, 'haddad'];
    for (const entry of all) {
      const text = JSON.stringify([entry.action, entry.entity, entry.detail]).toLowerCase();
      for (const word of personal) expect(text, `${entry.action} ${entry.detail ?? ''}`).not.toContain(word.toLowerCase());
    }
    const db = await secondConnection(v);
    for (const table of ['notes_fts', 'psychosocial_summary_fts'])
      expect(() => db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run()).not.toThrow();
  });

  it('without the wipe the old page images still hold the file (the scan is able to fail)', async () => {
    const { v, gone, scan } = await vaultWithPlantedFiles();
    const db = await secondConnection(v);
    db.transaction(() => deleteParticipantRows(db, gone.id))();
    expect(db.prepare('SELECT count(*) AS n FROM participants WHERE id = ?').get(gone.id)).toEqual({ n: 0 });
    expect(scan().length).toBeGreaterThan(0);
    expect(wipeErasedPages(db)).toBe(true);
    expect(scan()).toEqual([]);
  });

  it('empties the WAL: a checkpoint that keeps it leaves the file in its older frames', async () => {
    const { v, gone, scan } = await vaultWithPlantedFiles();
    const db = await secondConnection(v);
    db.transaction(() => deleteParticipantRows(db, gone.id))();
    db.pragma('wal_checkpoint(PASSIVE)');
    expect(hitFiles(scan())).toEqual(['polku.db-wal']);
    expect(wipeErasedPages(db)).toBe(true);
    expect(scan()).toEqual([]);
  });

  it('needs secure_delete: without it a checkpoint leaves the deleted words in free space of the main file', async () => {
    const { v, gone, scan } = await vaultWithPlantedFiles();
    const db = await secondConnection(v);
    db.pragma('secure_delete = OFF');
    db.transaction(() => deleteParticipantRows(db, gone.id))();
    expect(wipeErasedPages(db)).toBe(true);
    expect(hitFiles(scan())).toEqual(['polku.db']);
  });

  it('reports a wipe that a reading connection holds up, and the next wipe completes it', async () => {
    const { v, gone, scan } = await vaultWithPlantedFiles();
    const reader = await secondConnection(v);
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM participants').get();
    const started = Date.now();
    await v.t.ok('participants.delete', { id: gone.id, confirmPseudonym: gone.pseudonym });
    // The erasure is committed at once; only the wipe waits, and not for long.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(scan().length).toBeGreaterThan(0);
    reader.prepare('COMMIT').run();
    expect(wipeErasedPages(reader)).toBe(true);
    expect(scan()).toEqual([]);
  });
});
