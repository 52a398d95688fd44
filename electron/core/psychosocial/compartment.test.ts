import { afterEach, describe, expect, it } from 'vitest';
import { api, type Channel } from '@shared/api';
import { entryListView, entryView, versionListView } from '@shared/psychosocial';
import { COLLEAGUE_PASSPHRASE, PASSPHRASE } from '../../../tests/support/core';
import { plaintextHits } from '../../../tests/support/plaintext-scan';
import { openCompartmentAs, openVaultDb, tablesHolding } from '../../../tests/support/raw-db';
import { openEncrypted } from '../db/open';
import { closeCompartment } from '../vault/compartment';
import { vaultFiles } from '../vault/files';
import { openSlot, readSlotFile } from '../vault/keyslots';
import { passphraseSecret } from '../vault/passphrase-policy';
import type { Db } from '../db/open';
import { toMatchExpression } from '../search/match';
import { searchPsychosocial } from './search';
import { ENTRY, PRIVATE_MARKER, psychosocialVault, SUMMARY_MARKER, type PsychosocialVault } from './testing/vault';
import { psychosocialTimeline } from './timeline';

const vaults: PsychosocialVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) {
    closeCompartment(db);
    db.close();
  }
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/** Planted in the private notes of the first version only: earlier versions must stay compartmented too. */
const OLD_PRIVATE_MARKER = 'OLDPRIVMARKERKJ';

/**
 * A vault where the psychologist has written an entry and then edited it (so that there is an earlier version),
 * both versions with private notes holding a marker. The psychologist is unlocked.
 */
async function loggedVault(): Promise<PsychosocialVault & { entryId: string }> {
  const v = await psychosocialVault();
  vaults.push(v);
  const { entry } = await v.t.ok('psychosocial.create', {
    participantId: v.participantId,
    ...ENTRY,
    privateNotes: `Ensimmäinen versio. ${OLD_PRIVATE_MARKER}`,
  });
  await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY });
  return { ...v, entryId: entry.id };
}

/** The database under the master key; with `asPsychologist`, the psychologist's compartment opened by her passphrase. */
async function rawDb(v: PsychosocialVault, asPsychologist = false): Promise<Db> {
  const db = await openVaultDb(v.t);
  dbs.push(db);
  if (asPsychologist) expect(await openCompartmentAs(db, v.psychologistId)).toBe(true);
  return db;
}

/** The master key as unwrapped from one user's own passphrase slot (the format is public: anyone can do this). */
async function masterKeyOf(v: PsychosocialVault, userId: string, passphrase: string): Promise<Buffer> {
  const file = readSlotFile(vaultFiles(v.t.dataDir).slots);
  const slot = file.slots.find((s) => s.kind === 'passphrase' && s.userId === userId);
  const key = slot ? await openSlot(slot, passphraseSecret(passphrase), file.vaultId) : null;
  if (!key) throw new Error('the slot does not open');
  return key;
}

/** Every answer a reader of the log can get about the entry, through every channel and core function. */
async function everyAnswer(v: PsychosocialVault & { entryId: string }, db: Db, includePrivate: boolean) {
  const role = (await v.t.ok('vault.status', {})).session!.role;
  const words = (text: string) => toMatchExpression(text) ?? '';
  return {
    list: await v.t.call('psychosocial.list', { participantId: v.participantId }),
    get: await v.t.call('psychosocial.get', { id: v.entryId }),
    versions: await v.t.call('psychosocial.versions', { id: v.entryId }),
    searchChannel: await v.t.call('search.notes', { query: PRIVATE_MARKER }),
    searchOldChannel: await v.t.call('search.notes', { query: OLD_PRIVATE_MARKER }),
    searchSummaryChannel: await v.t.call('search.notes', { query: SUMMARY_MARKER }),
    search: searchPsychosocial(db, words(PRIVATE_MARKER), { includePrivate, limit: 50 }),
    searchWords: searchPsychosocial(db, words('painajaisia rentoutusharjoitus'), { includePrivate, limit: 50 }),
    searchSummary: searchPsychosocial(db, words(SUMMARY_MARKER), { includePrivate, limit: 50 }),
    timeline: psychosocialTimeline(db, v.participantId, role),
  };
}

describe('the private compartment of the psychosocial log', () => {
  for (const role of ['caseworker', 'coordinator'] as const) {
    it(`never gives a ${role} private notes, in any channel, search or timeline, current or earlier`, async () => {
      const v = await loggedVault();
      const db = await rawDb(v);
      await v.as(role);
      const answers = await everyAnswer(v, db, false);
      const json = JSON.stringify(answers);
      expect(json).not.toContain(PRIVATE_MARKER);
      expect(json).not.toContain(OLD_PRIVATE_MARKER);
      expect(json).not.toContain('painajaisia');
      expect(json).not.toContain('privateNotes');
      // What they may know, they do get.
      expect(json).toContain(SUMMARY_MARKER);
      expect(answers.list).toMatchObject({ ok: true, value: { view: 'summary', entries: [{ id: v.entryId }] } });
      expect(answers.get).toMatchObject({ ok: true, value: { view: 'summary', entry: { summary: ENTRY.summary } } });
      expect(answers.versions).toMatchObject({
        ok: true,
        value: { view: 'summary', versions: [{ version: 2 }, { version: 1 }] },
      });
      expect(answers.search).toEqual([]);
      expect(answers.searchSummary).toEqual([expect.objectContaining({ id: v.entryId, field: 'summary' })]);
      expect(answers.timeline).toEqual([expect.objectContaining({ id: v.entryId, label: 'individual' })]);
    });
  }

  it('gives a psychologist the private notes in every channel and in search', async () => {
    const v = await loggedVault();
    const db = await rawDb(v, true);
    const answers = await everyAnswer(v, db, true);
    expect(answers.list).toMatchObject({ ok: true, value: { view: 'full', entries: [{ privateNotes: ENTRY.privateNotes }] } });
    expect(answers.get).toMatchObject({ ok: true, value: { view: 'full', entry: { privateNotes: ENTRY.privateNotes } } });
    expect(JSON.stringify(answers.versions)).toContain(OLD_PRIVATE_MARKER);
    expect(answers.search).toEqual([expect.objectContaining({ id: v.entryId, field: 'private' })]);
    expect(answers.searchWords).toEqual([expect.objectContaining({ field: 'private' })]);
    expect(JSON.stringify(answers.searchChannel)).toContain(PRIVATE_MARKER);
  });

  it('refuses a teacher every psychosocial channel, and gives a teacher nothing on the timeline', async () => {
    const v = await loggedVault();
    const db = await rawDb(v);
    await v.as('teacher');
    const inputs: Partial<Record<Channel, unknown>> = {
      'psychosocial.list': { participantId: v.participantId },
      'psychosocial.get': { id: v.entryId },
      'psychosocial.versions': { id: v.entryId },
      'psychosocial.create': { participantId: v.participantId, ...ENTRY },
      'psychosocial.update': { id: v.entryId, ...ENTRY },
      'search.notes': { query: PRIVATE_MARKER },
    };
    for (const [channel, input] of Object.entries(inputs))
      expect(await v.t.call(channel as Channel, input as never), channel).toMatchObject({ ok: false, code: 'forbidden' });
    expect(psychosocialTimeline(db, v.participantId, 'teacher')).toEqual([]);
  });

  for (const role of ['caseworker', 'coordinator'] as const) {
    it(`refuses a ${role} writing or editing an entry, and nothing is written`, async () => {
      const v = await loggedVault();
      const db = await rawDb(v);
      await v.as(role);
      const before = db.prepare('SELECT count(*) AS n FROM psychosocial_versions').get();
      expect(await v.t.call('psychosocial.create', { participantId: v.participantId, ...ENTRY })).toMatchObject({
        code: 'forbidden',
      });
      expect(await v.t.call('psychosocial.update', { id: v.entryId, ...ENTRY, privateNotes: null })).toMatchObject({
        code: 'forbidden',
      });
      expect(db.prepare('SELECT count(*) AS n FROM psychosocial_entries').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM psychosocial_versions').get()).toEqual(before);
      expect(db.prepare('SELECT notes, length(sealed) > 28 AS sealed FROM psychosocial_private').get()).toEqual({
        notes: null,
        sealed: 1,
      });
    });
  }

  it('seals the private notes: the master key of a teacher or a coordinator reads them nowhere in the file, a psychologist with her passphrase reads and finds them', async () => {
    const v = await loggedVault();
    v.t.core.lock('manual');
    for (const [userId, passphrase] of [
      [v.teacherId, COLLEAGUE_PASSPHRASE],
      [v.coordinatorId, PASSPHRASE],
    ] as const) {
      const masterKey = await masterKeyOf(v, userId, passphrase);
      const db = openEncrypted(vaultFiles(v.t.dataDir).db, masterKey);
      dbs.push(db);
      // No table (notes, versions, any full-text index's shadow tables) holds a word of them, current or earlier.
      for (const marker of [PRIVATE_MARKER, OLD_PRIVATE_MARKER, 'painajaisia', 'rentoutusharjoitus'])
        expect(tablesHolding(db, marker), marker).toEqual({});
      expect(db.prepare('SELECT count(*) AS n FROM psychosocial_private WHERE sealed IS NOT NULL').get()).toEqual({ n: 1 });
      expect(tablesHolding(db, SUMMARY_MARKER)).toHaveProperty('psychosocial_entries');
      // Nor any page of the decrypted file or its WAL, live or freed.
      expect(plaintextHits(v.t.dataDir, masterKey, [PRIVATE_MARKER, OLD_PRIVATE_MARKER])).toEqual([]);
      masterKey.fill(0);
    }
    // The psychologist unlocks with her passphrase, through the app: the notes read as text, and search finds them.
    await v.as('psychologist');
    expect(await v.t.ok('psychosocial.get', { id: v.entryId })).toMatchObject({
      view: 'full',
      entry: { privateNotes: ENTRY.privateNotes },
    });
    expect(JSON.stringify(await v.t.ok('psychosocial.versions', { id: v.entryId }))).toContain(OLD_PRIVATE_MARKER);
    const found = await v.t.ok('search.notes', { query: 'painajaisia rentoutusharjoitus' });
    expect(JSON.stringify(found)).toContain(v.entryId);
    expect(tablesHolding(await rawDb(v), SUMMARY_MARKER)).not.toHaveProperty('audit_log');
  });

  it('has answer shapes for the summary view that cannot carry private notes at all', () => {
    const entry = {
      id: 'e',
      participantId: 'p',
      date: '2026-11-20',
      durationMinutes: 60,
      kind: 'individual',
      riskLevel: 'none',
      summary: null,
      nextAppointment: null,
      version: 1,
      createdAt: 'now',
      createdBy: 'u',
      createdByName: null,
      updatedAt: 'now',
      updatedBy: 'u',
      updatedByName: null,
    };
    const leaking = { ...entry, privateNotes: PRIVATE_MARKER };
    expect(entryView.safeParse({ view: 'summary', entry }).success).toBe(true);
    expect(entryView.safeParse({ view: 'summary', entry: leaking }).success).toBe(false);
    expect(entryListView.safeParse({ view: 'summary', entries: [leaking] }).success).toBe(false);
    const version = {
      version: 1,
      date: '2026-11-20',
      durationMinutes: 60,
      kind: 'group',
      riskLevel: 'low',
      summary: 'Yhteenveto',
      nextAppointment: { date: '2026-12-01', time: null },
      savedAt: 'now',
      savedBy: 'u',
      savedByName: null,
    };
    expect(versionListView.safeParse({ view: 'summary', versions: [version] }).success).toBe(true);
    expect(versionListView.safeParse({ view: 'summary', versions: [{ ...version, privateNotes: 'x' }] }).success).toBe(false);
    // dispatch() checks each answer against these shapes, so a mistake becomes a refusal, not a leak.
    expect(api['psychosocial.get'].output).toBe(entryView);
  });
});
