import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { addVersion2 } from '../assessments/testing/vault';
import { openVaultDb, tablesHolding } from '../../../tests/support/raw-db';
import { collectCase, type TableRows } from './content';
import { derivePackageKey, openPackage } from './package-key';
import { plantProgramme, PROGRAMME_MARK } from '../../../tests/support/programme';
import { REFERRAL_PARTNER } from '../../../tests/support/referrals';
import {
  ASSESSMENT_MARKER,
  DRAFT_MARKER,
  fillCase,
  FILE_PASSPHRASE,
  NOTE_MARKER,
  office,
  PLAN_MARKER,
  PRIVATE_MARKER,
  SUMMARY_MARKER,
  transferFolder,
  type Office,
} from './testing/offices';
import { COLLEAGUE_PASSPHRASE } from '../../../tests/support/core';

const offices: Office[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const v of offices.splice(0)) v.t.cleanup();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function twoOffices(): Promise<{ a: Office; b: Office; file: string }> {
  const a = await office();
  const b = await office();
  offices.push(a, b);
  const folder = transferFolder();
  folders.push(folder);
  return { a, b, file: join(folder, 'leila.polkucase') };
}

/** Exports the participant from `a` as whoever is unlocked there and imports it into `b` as b's caseworker. */
async function handOver(a: Office, b: Office, participantId: string, file: string) {
  a.answers.save = file;
  const exported = await a.t.ok('handover.export', {
    participantId,
    passphrase: FILE_PASSPHRASE,
    currentPassphrase: COLLEAGUE_PASSPHRASE,
  });
  b.answers.open = file;
  await b.as('caseworker');
  const inspected = await b.t.ok('handover.inspect', { passphrase: FILE_PASSPHRASE });
  if (inspected.status !== 'ready') throw new Error('not inspected');
  const imported = await b.t.ok('handover.import', { token: inspected.token });
  return { exported, inspected, imported };
}

/** Opens a handover file with its passphrase, as any SQLCipher tool would. */
async function openFile(file: string): Promise<Db> {
  const key = await derivePackageKey(FILE_PASSPHRASE, readFileSync(file).subarray(0, 16));
  return openPackage(file, key, {});
}

/** Identity columns, which the import renews, and the columns derived from them. */
const RENEWED = new Set([
  'id',
  'seq',
  'participant_id',
  'note_id',
  'entry_id',
  'referral_id',
  'search_key',
  'plan_id',
  'goal_id',
  'assessment_id',
]);

/**
 * The private notes' columns: sealed under each vault's own psychologists' key (other bytes by design), or text
 * until the receiving vault's psychologist seals them. What they say is compared as the psychologists read them.
 */
const SEALING = new Set(['notes', 'sealed', 'sealed_version']);
const compared = (table: string, column: string) =>
  !RENEWED.has(column) && !(table.startsWith('psychosocial_private') && SEALING.has(column));

/** A case's rows without their ids, table by table, each table's rows sorted: what must survive a handover. */
function contentOf(db: Db, participantId: string): Record<string, string[]> {
  const content = collectCase(db, participantId, () => true);
  const out: Record<string, string[]> = {};
  const plain = (rows: TableRows) =>
    rows.rows
      .map((row) =>
        JSON.stringify(
          rows.columns.flatMap((column, i) => (compared(rows.table, column) ? [[column, row[i]]] : [])),
          (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value),
        ),
      )
      .sort();
  for (const rows of [...content.tables, ...content.references]) if (rows.rows.length > 0) out[rows.table] = plain(rows);
  return out;
}

async function caseIn(v: Office, participantId: string): Promise<Record<string, string[]>> {
  const db = await openVaultDb(v.t);
  try {
    return contentOf(db, participantId);
  } finally {
    db.close();
  }
}

describe('case handover between two vaults', () => {
  it('carries a caseworker’s export into another vault: every row with its content, but no private notes or drafts', async () => {
    const { a, b, file } = await twoOffices();
    const id = await fillCase(a);
    const { exported, inspected, imported } = await handOver(a, b, id, file);

    expect(exported).toMatchObject({ status: 'saved', fileName: 'leila.polkucase' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(inspected).toMatchObject({
      status: 'ready',
      conflict: null,
      summary: { pseudonym: 'P-2026-001', exporterRole: 'caseworker' },
    });
    expect(imported.pseudonym).toBe('P-2026-001');
    expect(imported.participantId).not.toBe(id);
    if (inspected.status !== 'ready') throw new Error('not inspected');
    expect(inspected.summary.counts).toEqual({
      participants: 1,
      consents: 2,
      safety_flags: 1,
      notes: 2,
      note_versions: 1,
      psychosocial_entries: 1,
      psychosocial_versions: 1,
      referrals: 1,
      referral_events: 3,
      plans: 1,
      plan_goals: 2,
      plan_steps: 4,
      plan_versions: 1,
      assessments: 1,
      assessment_answers: 6,
      assessment_instruments: 1,
      participation_results: 1,
      enrolments: 2,
      cohorts: 2,
      attendance: 5,
      cohort_sessions: 5,
    });
    expect(inspected.summary.newStaff).toBe(2);

    const before = await caseIn(a, id);
    const after = await caseIn(b, imported.participantId);
    const { psychosocial_private: privateRows, psychosocial_private_versions: privateVersions, ...shared } = before;
    expect(privateRows).toHaveLength(1);
    expect(privateVersions).toHaveLength(1);
    expect(after).toEqual(shared);
    // Neither the file nor B holds the private notes or the draft, in any table or search index.
    const packageDb = await openFile(file);
    // Nor the programme's own records around the sessions: partners, their contacts, group notes, guests, visits.
    const programmeOnly = [
      PROGRAMME_MARK.partner,
      PROGRAMME_MARK.partnerNotes,
      PROGRAMME_MARK.contactName,
      PROGRAMME_MARK.sessionNotes,
      PROGRAMME_MARK.guest,
      PROGRAMME_MARK.learned,
      PROGRAMME_MARK.followUps,
    ];
    for (const db of [packageDb, await openVaultDb(b.t)]) {
      for (const marker of [PRIVATE_MARKER, DRAFT_MARKER, ...programmeOnly])
        expect(tablesHolding(db, marker), marker).toEqual({});
      db.close();
    }
    const bDb = await openVaultDb(b.t);
    try {
      expect(
        bDb
          .prepare(`SELECT mode, end_date FROM enrolments WHERE participant_id = ? ORDER BY start_date`)
          .all(imported.participantId),
      ).toEqual([
        { mode: 'group', end_date: '2026-11-27' },
        { mode: 'individual', end_date: null },
      ]);
      expect(
        bDb.prepare(`SELECT count(*) AS n FROM cohort_sessions WHERE partner_id IS NOT NULL OR notes IS NOT NULL`).get(),
      ).toEqual({ n: 0 });
      expect(bDb.prepare(`SELECT count(*) AS n FROM partners`).get()).toEqual({ n: 0 });
      // The referral travels naming its partner; the pointer into A's register stays behind.
      expect(
        bDb
          .prepare(`SELECT partner_id, partner_name, contact_id, status FROM referrals WHERE participant_id = ?`)
          .all(imported.participantId),
      ).toEqual([{ partner_id: null, partner_name: REFERRAL_PARTNER, contact_id: null, status: 'declined' }]);
    } finally {
      bDb.close();
    }
    expect(Object.keys(after).sort()).toEqual([
      'assessment_answers',
      'assessment_instruments',
      'assessments',
      'attendance',
      'cohort_sessions',
      'cohorts',
      'consents',
      'enrolments',
      'note_versions',
      'notes',
      'participants',
      'participation_results',
      'plan_goals',
      'plan_steps',
      'plan_versions',
      'plans',
      'psychosocial_entries',
      'psychosocial_versions',
      'referral_events',
      'referrals',
      'safety_flags',
    ]);

    // What B's staff see through the channels, and what B's search finds.
    const { participant } = (await b.t.ok('participants.get', { id: imported.participantId })) as {
      participant: { lastName: string; responsibleCaseworkerName: string };
    };
    expect(participant.lastName).toBe('Haddad-Marker');
    expect(participant.responsibleCaseworkerName).toBe('Kalle Ohjaaja (toinen toimisto)');
    const notes = await b.t.ok('notes.list', { participantId: imported.participantId });
    expect(notes.notes.map((n) => n.createdByName)).toEqual([
      'Kalle Ohjaaja (toinen toimisto)',
      'Kalle Ohjaaja (toinen toimisto)',
    ]);
    const hits = await b.t.ok('search.notes', { query: 'ansioluettelo' });
    expect(hits.hits.map((h) => [h.participantId, h.field])).toEqual([[imported.participantId, 'text']]);
    expect((await b.t.ok('search.notes', { query: NOTE_MARKER })).hits).toHaveLength(1);
    expect((await b.t.ok('search.notes', { query: DRAFT_MARKER })).hits).toHaveLength(0);
    // The plan arrives whole, with its history: the version in force and the earlier one.
    const { plan } = await b.t.ok('plans.get', { participantId: imported.participantId });
    expect(plan?.version).toBe(2);
    expect(plan?.goals.flatMap((g) => g.steps.map((s) => s.status))).toEqual(['done', 'done', 'done', 'done']);
    expect(plan?.goals[0]?.target).toContain(PLAN_MARKER);
    // The step's referral is the imported referral under its new id.
    const { referrals } = await b.t.ok('referrals.list', { participantId: imported.participantId });
    expect(plan?.goals[0]?.steps.map((s) => s.referralId)).toEqual([referrals[0]?.id, null]);
    // The assessment arrives with its answers, under the version it was made with.
    const assessed = await b.t.ok('assessments.list', { participantId: imported.participantId });
    expect(assessed.assessments.map((x) => [x.stage, x.version, x.answers.length])).toEqual([['intake', 1, 6]]);
    expect(JSON.stringify(assessed.assessments)).toContain(ASSESSMENT_MARKER);
    expect(assessed.instruments.map((i) => i.version)).toEqual([1]);
    // The funder's data arrives as recorded.
    const { participation } = await b.t.ok('participation.get', { participantId: imported.participantId });
    expect(participation.exit).toMatchObject({ checkedOn: '2026-11-27', qualification: true, employed: false });
    const earlier = await b.t.ok('plans.version', { participantId: imported.participantId, version: 1 });
    expect(earlier.plan?.goals[0]?.steps[0]?.status).toBe('open');
    await b.as('psychologist');
    expect((await b.t.ok('search.notes', { query: SUMMARY_MARKER })).hits.map((h) => h.field)).toEqual(['summary']);
    expect((await b.t.ok('search.notes', { query: PRIVATE_MARKER })).hits).toHaveLength(0);
  });

  it('links a handed-over referral to the receiving register’s partner of the same name, case and accents aside', async () => {
    const { a, b, file } = await twoOffices();
    const id = await fillCase(a);
    await b.as('caseworker');
    const { partner } = await b.t.ok('partners.save', { name: 'TYOKESKUS  etelä', type: 'employmentServices', notes: null });
    const { imported } = await handOver(a, b, id, file);

    const { referrals } = await b.t.ok('referrals.list', { participantId: imported.participantId });
    expect(referrals.map((r) => [r.partnerId, r.partnerName, r.contactId])).toEqual([[partner.id, REFERRAL_PARTNER, null]]);
    const received = await b.t.ok('referrals.search', { partnerId: partner.id });
    expect(received.rows.map((r) => r.participantId)).toEqual([imported.participantId]);
  });

  it('carries a psychologist’s export with the private notes, which B’s psychologists read and find', async () => {
    const { a, b, file } = await twoOffices();
    const id = await fillCase(a);
    await a.as('psychologist');
    // The package holds the notes as text under its passphrase; B's caseworker imports them as they are, and the
    // next unlock of B's psychologist seals them under B's psychologists' key.
    const { imported } = await handOver(a, b, id, file);
    const inFile = await openFile(file);
    try {
      expect(JSON.stringify(inFile.prepare('SELECT notes FROM psychosocial_private').all())).toContain(PRIVATE_MARKER);
    } finally {
      inFile.close();
    }
    const rawOf = async () => {
      const db = await openVaultDb(b.t);
      try {
        return tablesHolding(db, PRIVATE_MARKER);
      } finally {
        db.close();
      }
    };
    expect(await rawOf()).toHaveProperty('psychosocial_private', 1);

    expect(await caseIn(b, imported.participantId)).toEqual(await caseIn(a, id).then(({ note_drafts: _d, ...rest }) => rest));
    await b.as('psychologist');
    expect(await rawOf()).toEqual({});
    const list = await b.t.ok('psychosocial.list', { participantId: imported.participantId });
    if (list.view !== 'full') throw new Error('the psychologist sees the full log');
    expect(list.entries[0]?.privateNotes).toContain(PRIVATE_MARKER);
    expect(list.entries[0]?.createdByName).toBe('Sara Psykologi (toinen toimisto)');
    const found = await b.t.ok('search.notes', { query: PRIVATE_MARKER });
    expect(found.hits.map((h) => [h.participantId, h.field])).toEqual([[imported.participantId, 'private']]);
    await b.as('caseworker');
    const asCaseworker = await b.t.ok('psychosocial.list', { participantId: imported.participantId });
    expect(JSON.stringify(asCaseworker)).not.toContain(PRIVATE_MARKER);
  });

  it('records the handover on both sides, with counts and the source vault but no content', async () => {
    const { a, b, file } = await twoOffices();
    const id = await fillCase(a);
    const { imported } = await handOver(a, b, id, file);

    // The same file answers the participant's own request for their data; its purpose is recorded.
    a.answers.save = join(file, '..', 'for-leila.polkucase');
    await a.t.ok('handover.export', {
      participantId: id,
      passphrase: FILE_PASSPHRASE,
      purpose: 'access',
      currentPassphrase: COLLEAGUE_PASSPHRASE,
    });
    expect(a.answers.saveRequests.map((r) => r.purpose)).toEqual(['handover', 'access']);
    expect(a.answers.saveRequests[0]?.defaultName).toBe('polku-2026-11-28.polkucase');

    await a.as('coordinator');
    const sent = await a.t.ok('audit.list', { action: 'handover.export' });
    expect(sent.entries.map((e) => e.detail?.split(' ')[0])).toEqual(['for:access', 'for:handover']);
    expect(sent.entries[1]).toMatchObject({ entity: 'participant', entityId: id, userName: 'Kalle Ohjaaja', outcome: 'ok' });
    expect(sent.entries[1]?.detail).toContain('notes:2');
    expect(sent.entries[1]?.detail).not.toContain('psychosocial_private');

    await b.as('coordinator');
    const received = await b.t.ok('audit.list', { action: 'handover.import' });
    expect(received.entries).toHaveLength(1);
    const sourceVault = (await openVaultDb(a.t).then((db) => {
      const row = db.prepare(`SELECT value FROM settings WHERE key = 'vault.id'`).get() as { value: string };
      db.close();
      return JSON.parse(row.value) as string;
    })) as string;
    expect(received.entries[0]).toMatchObject({
      entity: 'participant',
      entityId: imported.participantId,
      userName: 'Kalle Ohjaaja',
    });
    expect(received.entries[0]?.detail).toContain(`from:${sourceVault} conflict:none new_staff:2`);
    for (const entry of [...sent.entries, ...received.entries]) {
      for (const marker of [NOTE_MARKER, 'Haddad', 'Leila', 'Kevät']) expect(entry.detail).not.toContain(marker);
    }
    expect((await b.t.ok('audit.verify', {})).firstBadRow).toBeNull();
  });

  it('adds the other office’s staff as inactive accounts nobody can unlock as, once however many files come', async () => {
    const { a, b, file } = await twoOffices();
    const id = await fillCase(a);
    await handOver(a, b, id, file);
    await a.as('caseworker');
    const second = await a.t.ok('participants.create', { firstName: 'Toinen', confirmDuplicate: true });
    await handOver(a, b, second.participant.id, join(file, '..', 'second.polkucase'));

    await b.as('coordinator');
    const users = await b.t.ok('users.list', {});
    const foreign = users.filter((u) => u.displayName.endsWith('(toinen toimisto)'));
    expect(foreign.map((u) => [u.displayName, u.role, u.active])).toEqual([
      ['Kalle Ohjaaja (toinen toimisto)', 'caseworker', false],
      ['Sara Psykologi (toinen toimisto)', 'psychologist', false],
    ]);
    b.t.core.lock('manual');
    expect(
      await b.t.call('vault.unlock', { name: 'Kalle Ohjaaja (toinen toimisto)', passphrase: FILE_PASSPHRASE }),
    ).toMatchObject({
      ok: false,
    });
    await b.as('coordinator');
    const imports = await b.t.ok('audit.list', { action: 'handover.import' });
    expect(imports.entries.map((e) => /new_staff:(\d+)/.exec(e.detail ?? '')?.[1])).toEqual(['0', '2']);
  });

  it('carries a follow-up with its owner as the other office’s inactive account, so it is nobody’s own here until taken on', async () => {
    const { a, b, file } = await twoOffices();
    const id = await fillCase(a);
    const { imported } = await handOver(a, b, id, file);

    await b.as('caseworker');
    const notes = (await b.t.ok('notes.list', { participantId: imported.participantId })).notes;
    const withTask = notes.find((n) => n.followUp !== null);
    expect(withTask?.followUp).toMatchObject({ task: 'Call about the interview', ownerName: 'Kalle Ohjaaja (toinen toimisto)' });
    const page = await b.t.ok('today.get', { weekStart: '2026-11-30' });
    expect(page.followUps?.lines.map((l) => [l.noteId, l.mine, l.ownerName])).toEqual([
      [withTask?.id, false, 'Kalle Ohjaaja (toinen toimisto)'],
    ]);

    // Taking it on is an ordinary edit that names the new owner.
    const { note } = await b.t.ok('notes.update', {
      id: withTask!.id,
      date: withTask!.date,
      type: withTask!.type,
      topics: withTask!.topics,
      tags: withTask!.tags,
      text: withTask!.text,
      followUp: { task: 'Call about the interview', due: '2026-12-01', owner: b.caseworkerId },
    });
    expect(note.followUp?.ownerName).toBe('Kalle Ohjaaja');
    expect((await b.t.ok('today.get', { weekStart: '2026-11-30' })).followUps?.lines.map((l) => l.mine)).toEqual([true]);
  });

  it('adds a group’s sessions once, however many of its participants come, and keeps their marks on them', async () => {
    const { a, b, file } = await twoOffices();
    await a.as('caseworker');
    const first = (await a.t.ok('participants.create', { firstName: 'Amal', confirmDuplicate: true })).participant.id;
    const second = (await a.t.ok('participants.create', { firstName: 'Noor', confirmDuplicate: true })).participant.id;
    const planted = await plantProgramme(a.t, a.caseworkerId, [
      { participantId: first, marks: ['present', 'absent', 'present', 'present', null, null] },
      { participantId: second, marks: ['late', 'present'] },
    ]);
    const one = await handOver(a, b, first, file);
    const two = await handOver(a, b, second, join(file, '..', 'second.polkucase'));
    const db = await openVaultDb(b.t);
    try {
      const marks = db
        .prepare(`SELECT session_id AS sessionId, participant_id AS participantId, mark FROM attendance ORDER BY mark`)
        .all() as { sessionId: string; participantId: string; mark: string }[];
      expect(marks).toHaveLength(6);
      expect(new Set(marks.map((m) => m.participantId))).toEqual(
        new Set([one.imported.participantId, two.imported.participantId]),
      );
      expect(marks.every((m) => planted.sessionIds.includes(m.sessionId))).toBe(true);
      expect(db.prepare(`SELECT id FROM cohort_sessions ORDER BY date`).all()).toEqual(
        planted.sessionIds.slice(0, 4).map((id) => ({ id })),
      );
      expect(db.prepare(`SELECT count(*) AS n FROM cohorts WHERE id = ?`).get(planted.cohortId)).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    // B's case summary reads the same figures as A's.
    const summary = async (v: Office, participantId: string) =>
      (await v.t.ok('print.preview', { participantId, sections: ['attendance'], pseudonymOnly: true, locale: 'en' })).html;
    await a.as('caseworker');
    const there = await summary(a, first);
    expect(there).toContain('75 % (3 of 4 sessions)');
    expect(await summary(b, one.imported.participantId)).toContain('75 % (3 of 4 sessions)');
  });

  it('answers Cancel in either file chooser with nothing written anywhere', async () => {
    const { a, b } = await twoOffices();
    const id = await fillCase(a);
    a.answers.save = null;
    expect(
      await a.t.ok('handover.export', {
        participantId: id,
        passphrase: FILE_PASSPHRASE,
        currentPassphrase: COLLEAGUE_PASSPHRASE,
      }),
    ).toEqual({ status: 'cancelled' });
    b.answers.open = null;
    expect(await b.t.ok('handover.inspect', { passphrase: FILE_PASSPHRASE })).toEqual({ status: 'cancelled' });
    await a.as('coordinator');
    expect((await a.t.ok('audit.list', { action: 'handover.export' })).entries).toHaveLength(0);
  });
  it('brings an instrument version the receiving office lacks, so that the assessment reads with its own words', async () => {
    const { a, b, file } = await twoOffices();
    const id = await fillCase(a);
    const aDb = await openVaultDb(a.t);
    try {
      addVersion2(aDb);
    } finally {
      aDb.close();
    }
    await a.as('caseworker');
    await a.t.ok('assessments.save', {
      participantId: id,
      stage: 'exit',
      date: '2026-11-27',
      version: 2,
      answers: [{ itemId: 'finnish.speaking', rater: 'caseworker', score: 4 }],
    });
    await b.as('caseworker');
    expect((await b.t.ok('assessments.instrument', {})).current).toBe(1);
    const { imported } = await handOver(a, b, id, file);

    const { assessments, instruments } = await b.t.ok('assessments.list', { participantId: imported.participantId });
    expect(assessments.map((x) => [x.stage, x.version])).toEqual([
      ['intake', 1],
      ['exit', 2],
    ]);
    expect(instruments.map((i) => [i.version, i.items.find((item) => item.id === 'finnish.speaking')?.wording.fi])).toEqual([
      [1, 'Puhuminen'],
      [2, 'Suullinen kielitaito'],
    ]);
    expect((await b.t.ok('assessments.instrument', {})).current).toBe(2);
  });
});
