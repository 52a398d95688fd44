import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '@shared/audit';
import { participantFields } from '@shared/participants';
import { LOCALES } from '@shared/locales';
import { bundles } from '@shared/i18n/bundles';
import { concernsOf, detailText, itemKey, shortId, whoText, type NameBook } from './describe';
import { verifyMessage } from './verify';

function translator(locale: keyof typeof bundles) {
  const instance = i18next.createInstance();
  void instance.init({ resources: { [locale]: { translation: bundles[locale] } }, lng: locale, initAsync: false });
  return instance;
}
const { t } = translator('en');
const fi = translator('fi').t;

const LEILA = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const GONE = 'ffeeddccbbaa99887766554433221100';
const AINO = '0123456789abcdef0123456789abcdef';
const NOTE = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';

const names: NameBook = { participants: new Map([[LEILA, 'P-2026-001']]), staff: new Map([[AINO, 'Aino Vainikkala']]) };

/** An entry as 'audit.list' returns it, with the parts a test does not care about filled in. */
function entry(fields: Partial<AuditEntryView>): AuditEntryView {
  return {
    id: 1,
    at: '2026-11-28T09:00:00.000Z',
    userId: AINO,
    userName: 'Aino Vainikkala',
    action: 'participants.open',
    entity: null,
    entityId: null,
    outcome: 'ok',
    detail: null,
    ...fields,
  };
}

describe('who did it', () => {
  it('is the user’s current name', () => {
    expect(whoText(t, entry({}))).toBe('Aino Vainikkala');
  });

  it('is “unknown (failed unlock)” for failed unlocks, which have no user', () => {
    expect(whoText(t, entry({ userId: null, userName: null, action: 'vault.unlock', outcome: 'failed' }))).toBe(
      'Unknown (failed unlock)',
    );
    expect(whoText(fi, entry({ userId: null, userName: null, action: 'vault.unlock', outcome: 'failed' }))).toBe(
      'Tuntematon (avaus epäonnistui)',
    );
    expect(whoText(t, entry({ userId: null, userName: null, action: 'something.else' }))).toBe('Unknown');
  });
});

describe('what an entry concerns', () => {
  it('is the participant’s pseudonym code, never their name', () => {
    expect(concernsOf(t, entry({ entity: 'participant', entityId: LEILA }), names)).toEqual({
      kind: 'participant',
      text: 'P-2026-001',
    });
  });

  it('is a shortened id marked as deleted when the participant no longer exists', () => {
    expect(concernsOf(t, entry({ entity: 'participant', entityId: GONE }), names)).toEqual({
      kind: 'deleted',
      text: 'Deleted participant (ffeeddcc…)',
    });
  });

  it('does not call a participant deleted when the list of participants could not be read', () => {
    const unknown = { ...names, participants: null };
    expect(concernsOf(t, entry({ entity: 'participant', entityId: LEILA }), unknown)).toEqual({
      kind: 'other',
      text: 'a1b2c3d4…',
    });
  });

  it('is a colleague’s name for staff records, the settings for settings, and nothing for the rest', () => {
    expect(concernsOf(t, entry({ action: 'users.create', entity: 'user', entityId: AINO }), names).kind).toBe('other');
    expect(concernsOf(t, entry({ action: 'users.create', entity: 'user', entityId: AINO }), names)).toMatchObject({
      text: 'Aino Vainikkala',
    });
    expect(
      concernsOf(t, entry({ action: 'settings.update', entity: 'settings', entityId: 'autoLockMinutes' }), names),
    ).toMatchObject({
      text: 'Settings',
    });
    expect(concernsOf(t, entry({ action: 'vault.verify' }), names)).toEqual({ kind: 'none' });
  });

  it('shows a record of a kind the interface does not know by its kind and id', () => {
    expect(concernsOf(t, entry({ entity: 'partner', entityId: NOTE }), names)).toEqual({
      kind: 'other',
      text: 'partner 9f8e7d6c…',
    });
  });
});

describe('an entry’s details', () => {
  it('name the changed fields of a participant in words, never their values', () => {
    const update = entry({
      action: 'participants.update',
      entity: 'participant',
      entityId: LEILA,
      detail: 'firstName,phone,status',
    });
    expect(detailText(t, update)).toBe('Changed: First name, Phone, Status');
    expect(detailText(fi, update)).toBe('Muutettu: Etunimi, Puhelin, Tila');
  });

  it('keep a field name the interface has no words for as it is', () => {
    const update = entry({ action: 'participants.update', entity: 'participant', entityId: LEILA, detail: 'firstName,shoeSize' });
    expect(detailText(t, update)).toBe('Changed: First name, shoeSize');
  });

  it('name the kind of record and the start of its id', () => {
    const note = entry({ action: 'notes.create', entity: 'participant', entityId: LEILA, detail: `note:${NOTE}` });
    expect(detailText(t, note)).toBe('Note 9f8e7d6c…');
    expect(detailText(t, { ...note, detail: `psychosocial:${NOTE}` })).toBe('Entry 9f8e7d6c…');
    expect(detailText(t, { ...note, detail: `invoice:${NOTE}` })).toBe(`invoice:${NOTE}`);
  });

  it('put the main side’s notes about unlocks, searches, roles and settings in words', () => {
    expect(detailText(t, entry({ action: 'vault.unlock', detail: 'passphrase' }))).toBe('With a passphrase');
    expect(detailText(t, entry({ action: 'vault.unlock', detail: 'recovery code' }))).toBe('With the recovery code');
    expect(detailText(t, entry({ action: 'vault.unlock', outcome: 'failed', detail: '1 attempts' }))).toBe('1 failed attempt');
    expect(detailText(fi, entry({ action: 'vault.unlock', outcome: 'failed', detail: '3 attempts' }))).toBe(
      '3 epäonnistunutta yritystä',
    );
    expect(detailText(t, entry({ action: 'search.notes', detail: 'hits:12' }))).toBe('12 results');
    expect(detailText(t, entry({ action: 'users.create', entity: 'user', entityId: AINO, detail: 'caseworker' }))).toBe(
      'caseworker',
    );
    expect(detailText(t, entry({ action: 'users.update', entity: 'user', entityId: AINO, detail: 'displayName,role' }))).toBe(
      'Changed: Name, Role',
    );
    expect(
      detailText(
        t,
        entry({ action: 'users.update', entity: 'user', entityId: AINO, detail: 'displayName,role;to:psychologist' }),
      ),
    ).toBe('Changed: Name, Role; new role: psychologist');
    expect(
      detailText(t, entry({ action: 'users.issuePassphrase', entity: 'user', entityId: AINO, detail: 'psychologist' })),
    ).toBe('psychologist');
    expect(detailText(t, entry({ action: 'users.acknowledgeAccessNotices', detail: 'upTo:42' }))).toBe('Up to entry 42');
    expect(detailText(t, entry({ action: 'settings.update', entity: 'settings', entityId: 'autoLockMinutes' }))).toBe(
      'Changed: Lock time',
    );
    expect(detailText(t, entry({ action: 'vault.rotateMasterKey', detail: 'generation 2' }))).toBe('Key version 2');
    expect(detailText(t, entry({ action: 'participants.create', detail: 'duplicate_confirmed' }))).toBe(
      'Created despite a possible duplicate',
    );
    expect(detailText(t, entry({ action: 'participants.setStatus', detail: 'to:discontinued' }))).toBe(
      'New status: Discontinued',
    );
    expect(detailText(t, entry({ action: 'participants.setStatus', detail: 'to:unheard' }))).toBe('to:unheard');
  });

  it('name a letter’s referral, the fields that left and its language, and a printed plan’s version, in words', () => {
    const letter = `referral:${NOTE};fields:name,languages,summary;locale:fi`;
    expect(detailText(fi, entry({ action: 'referrals.letterPdf', detail: letter }))).toBe(
      'Lähete 9f8e7d6c…; jaetut tiedot: Nimi, Kielet ja tulkin tarve, Tätä lähetettä varten kirjoitettu yhteenveto; kirjeen kieli: suomi',
    );
    expect(detailText(t, entry({ action: 'referrals.letterPrint', detail: `referral:${NOTE};fields:;locale:sv` }))).toBe(
      'Referral 9f8e7d6c…; shared: nothing; letter’s language: svenska',
    );
    expect(detailText(fi, entry({ action: 'plans.printPdf', detail: 'version:3;locale:sv' }))).toBe(
      'Suunnitelman versio 3; tulosteen kieli: svenska',
    );
    expect(detailText(t, entry({ action: 'plans.print', detail: 'version:none;locale:en' }))).toBe(
      'No plan yet; printout’s language: English',
    );
    // A detail of another shape, or naming a field that may not leave, is shown as it is.
    const odd = `referral:${NOTE};fields:name,reason;locale:fi`;
    expect(detailText(fi, entry({ action: 'referrals.letterPdf', detail: odd }))).toBe(odd);
    expect(detailText(fi, entry({ action: 'plans.printPdf', detail: 'version:3;locale:de' }))).toBe('version:3;locale:de');
  });

  it('name a report’s export by its period, group and language, and show another shape as it is', () => {
    const all = 'report:funder;set:esf-plus-2021-2027;period:2026-01-01..2026-12-31;cohort:all;format:pdf;locale:sv';
    const described = detailText(fi, entry({ action: 'reports.exportFunderPdf', detail: all }));
    expect(described).toMatch(/^Kausi .*2026.*; kaikki ryhmät; kieli: svenska$/);
    const group = `report:funder;set:esf-plus-2021-2027;period:2026-07-01..2026-12-31;cohort:${NOTE};format:csv;locale:en`;
    expect(detailText(t, entry({ action: 'reports.exportFunderCsv', detail: group }))).toMatch(
      /^Period .*; group 9f8e7d6c…; language: English$/,
    );
    const odd = 'report:funder;period:2026;format:pdf';
    expect(detailText(fi, entry({ action: 'reports.exportFunderPdf', detail: odd }))).toBe(odd);
    // The programme report's has no indicator set.
    const programme = 'report:programme;period:2026-01-01..2026-12-31;cohort:all;format:csv;locale:fi';
    expect(detailText(fi, entry({ action: 'reports.exportProgrammeCsv', detail: programme }))).toMatch(
      /^Kausi .*2026.*; kaikki ryhmät; kieli: suomi$/,
    );
  });

  it('name a saved assessment by its stage, and an item hidden or shown by its wording in the form’s version', () => {
    const saved = entry({
      action: 'assessments.create',
      entity: 'participant',
      entityId: LEILA,
      detail: `assessment:${NOTE};stage:intake`,
    });
    expect(detailText(fi, saved)).toBe('Alkukartoitus, arviointi 9f8e7d6c…');
    expect(detailText(t, { ...saved, action: 'assessments.update', detail: `assessment:${NOTE};stage:followUp3` })).toBe(
      'Follow-up at 3 months, assessment 9f8e7d6c…',
    );
    // Saved before the stage was written down: the record and its id, as other records.
    expect(detailText(t, { ...saved, detail: `assessment:${NOTE}` })).toBe('Assessment 9f8e7d6c…');

    const hidden = entry({
      action: 'assessments.hideItem',
      entity: 'instrument',
      entityId: '1',
      detail: 'item:digital.videoCalls',
    });
    const withItems: NameBook = { ...names, items: new Map([[itemKey(1, 'digital.videoCalls'), 'Videopuhelut']]) };
    expect(detailText(fi, hidden, withItems)).toBe('Kysymys: Videopuhelut');
    expect(detailText(fi, { ...hidden, action: 'assessments.showItem' }, withItems)).toBe('Kysymys: Videopuhelut');
    expect(concernsOf(fi, hidden, withItems)).toEqual({ kind: 'other', text: 'Arviointilomake, versio 1' });
    // An item of a version not read, or the wording not read at all, is shown as the log has it.
    expect(detailText(fi, { ...hidden, entityId: '2' }, withItems)).toBe('item:digital.videoCalls');
    expect(detailText(fi, hidden)).toBe('item:digital.videoCalls');
  });

  it('show a detail of an unknown kind as it is, and nothing when there is none', () => {
    expect(detailText(t, entry({ action: 'future.thing', detail: 'batch 7' }))).toBe('batch 7');
    expect(detailText(t, entry({ action: 'participants.open', entity: 'participant', entityId: LEILA }))).toBeNull();
  });

  it('have words in every locale for every field of a participant’s record', () => {
    for (const locale of LOCALES) {
      const i18n = translator(locale);
      for (const field of Object.keys(participantFields))
        expect(i18n.exists(`participant.fields.${field}`), `${locale}: ${field}`).toBe(true);
    }
  });

  it('shorten only long ids', () => {
    expect(shortId(NOTE)).toBe('9f8e7d6c…');
    expect(shortId('abc')).toBe('abc');
  });
});

describe('the check of the log', () => {
  it('confirms an intact log with the number of entries checked', () => {
    const message = verifyMessage({ rows: 42, firstBadRow: null });
    expect(message.tone).toBe('intact');
    expect(t(message.key, message.values)).toBe('All 42 entries form an unbroken chain.');
    expect(fi(message.key, message.values)).toBe('Kaikki 42 merkintää ovat ehjässä ketjussa.');
  });

  it('names the first changed or missing entry and what to do, in plain words', () => {
    const message = verifyMessage({ rows: 42, firstBadRow: 17 });
    expect(message.tone).toBe('broken');
    expect(t(message.key, message.values)).toBe(
      'Entry number 17 of the log, or an entry after it, has been changed or removed. Make no changes now and contact IT support; tell them the entry number.',
    );
  });
});
