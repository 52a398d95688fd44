import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEILA } from '../../../tests/support/participants';
import { CHOSEN, LETTER_MARK, LETTER_PARTNER, letterCase, type LetterCase } from './testing/letter';
import { auditRecords, pdfPages, printSuite } from './testing/suite';

let v: LetterCase;
const { shell, out } = printSuite(letterCase, (made) => (v = made));

/** The letter's records in the audit log. */
const letterRecords = () => auditRecords(v, v.participantId, (action) => action.startsWith('referrals.letter'));

/** What must never be in a letter: the reason, the notes, the pseudonym and every field left unchosen. */
const NEVER = [
  LETTER_MARK.reason,
  LETTER_MARK.note,
  LEILA.phone,
  LEILA.email,
  'SAFETY-MARKER',
  String(LEILA.birthYear),
  LEILA.referralOrganisation,
  'Haluan auttaa ihmisiä', // a goal's "why", in the participant's words
  'Hae yhteishaussa', // a step
];

describe('referrals.letterPreview', () => {
  it('holds the chosen fields, the message, the partner and our contact, and nothing else of the file', async () => {
    const { html } = await v.t.ok('referrals.letterPreview', { id: v.referralId, locale: 'fi' });
    for (const expected of [
      `${LEILA.firstName} ${LEILA.lastName}`,
      'ar, fi, Tigrinya',
      LETTER_MARK.message,
      LETTER_MARK.summary,
      `Lähihoitajan tutkinto ${LETTER_MARK.plan}`,
      '31.12.2027',
      LETTER_PARTNER,
      'Maija Yhteys',
      LETTER_MARK.organisation,
      LETTER_MARK.organisationPhone,
      'Kalle Ohjaaja',
      'Päivätty 28.11.2026',
      'LUOTTAMUKSELLINEN',
      'Työllisyyspalvelut',
    ])
      expect(html, expected).toContain(expected);
    for (const excluded of [...NEVER, v.pseudonym, 'Työkyky', 'Syntymävuosi']) expect(html, excluded).not.toContain(excluded);
  });

  it('is written in the language chosen for the letter, whatever the interface', async () => {
    const { html } = await v.t.ok('referrals.letterPreview', { id: v.referralId, locale: 'sv' });
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Remiss');
    expect(html).toContain('KONFIDENTIELLT');
    expect(html).toContain('Daterad 28.11.2026');
    expect(html).not.toContain('Lähete');
  });

  it('is refused to a psychologist, who reads referrals but does not send them, and to a teacher', async () => {
    for (const role of ['psychologist', 'teacher'] as const) {
      await v.as(role);
      for (const channel of ['referrals.letterPreview', 'referrals.letterPdf', 'referrals.letterPrint'] as const)
        expect(await v.t.call(channel, { id: v.referralId, locale: 'fi' }), `${role} ${channel}`).toMatchObject({
          ok: false,
          code: 'forbidden',
        });
    }
    await v.as('caseworker');
  });

  it('is refused for a draft, with the sentence that says the referral must be sent first', async () => {
    const { referral } = await v.t.ok('referrals.get', { id: v.referralId });
    const { referral: draft } = await v.t.ok('referrals.create', {
      participantId: v.participantId,
      partnerId: v.partnerId,
      serviceType: 'languageCourse',
      urgency: 'routine',
      reason: 'Toinen syy',
      sharedFields: ['name'],
    });
    expect(referral.status).toBe('sent');
    expect(await v.t.call('referrals.letterPreview', { id: draft.id, locale: 'fi' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      details: { issues: [{ path: 'id', i18nKey: 'referrals.letter.refused.notSent' }] },
    });
  });
});

describe('referrals.letterPdf and letterPrint', () => {
  it('saves a PDF holding the chosen fields and the message only, with the mark and page numbers, and audits the fields', async () => {
    const file = join(out, 'letter.pdf');
    shell.answerSave(file);
    expect(await v.t.ok('referrals.letterPdf', { id: v.referralId, locale: 'fi' })).toEqual({
      status: 'saved',
      fileName: 'letter.pdf',
    });
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: 'lahete-2026-11-28.pdf' });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPages(file);
    const text = pages.join('\n');
    for (const expected of [LEILA.firstName, LETTER_MARK.message, LETTER_MARK.summary, LETTER_PARTNER, 'Kalle Ohjaaja'])
      expect(text, expected).toContain(expected);
    for (const excluded of [...NEVER, v.pseudonym]) expect(text, excluded).not.toContain(excluded);
    pages.forEach((page, index) => {
      expect(page).toContain('LUOTTAMUKSELLINEN');
      expect(page).toContain(`Sivu ${index + 1} / ${pages.length}`);
      expect(page).toContain('Päivätty 28.11.2026');
    });
    const [record] = await letterRecords();
    expect(record).toMatchObject({
      action: 'referrals.letterPdf',
      entity: 'participant',
      entityId: v.participantId,
      outcome: 'ok',
      detail: `referral:${v.referralId};fields:${CHOSEN!.join(',')};locale:fi`,
    });
    for (const content of [LETTER_MARK.message, LETTER_MARK.summary, LEILA.firstName, LETTER_PARTNER])
      expect(JSON.stringify(record)).not.toContain(content);
  });

  it('audits a completed print only', async () => {
    const before = (await letterRecords()).length;
    shell.answerPrint(false);
    expect(await v.t.ok('referrals.letterPrint', { id: v.referralId, locale: 'en' })).toEqual({ status: 'cancelled' });
    expect((await letterRecords()).length).toBe(before);
    shell.answerPrint(true);
    expect(await v.t.ok('referrals.letterPrint', { id: v.referralId, locale: 'en' })).toEqual({ status: 'printed' });
    const document = shell.printed.at(-1) ?? '';
    expect(document).toContain('CONFIDENTIAL');
    expect(document).toContain('counter(pages)');
    const records = await letterRecords();
    expect(records).toHaveLength(before + 1);
    expect(records[0]).toMatchObject({ action: 'referrals.letterPrint', detail: expect.stringContaining('locale:en') });
  });

  it('refuses the letter once the consent to share with the partner is withdrawn, and writes or audits nothing', async () => {
    await v.t.ok('consents.withdraw', { id: v.consentId, withdrawnOn: '2026-11-28' });
    const before = (await letterRecords()).length;
    const refused = {
      ok: false,
      code: 'consent_required',
      details: { purpose: 'partner_sharing', issues: [{ path: 'id', i18nKey: 'referrals.letter.refused.consent' }] },
    };
    expect(await v.t.call('referrals.letterPreview', { id: v.referralId, locale: 'fi' })).toMatchObject(refused);
    const file = join(out, 'refused.pdf');
    shell.answerSave(file);
    expect(await v.t.call('referrals.letterPdf', { id: v.referralId, locale: 'fi' })).toMatchObject(refused);
    shell.answerPrint(true);
    const printedBefore = shell.printed.length;
    expect(await v.t.call('referrals.letterPrint', { id: v.referralId, locale: 'fi' })).toMatchObject(refused);
    expect(shell.printed.length).toBe(printedBefore);
    expect((await letterRecords()).length).toBe(before);
    // The coordinator's override for partner sharing lets the letter be made again.
    await v.as('coordinator');
    await v.t.ok('consents.override', {
      participantId: v.participantId,
      purpose: 'partner_sharing',
      reason: 'Palkkasaatava vanhenee',
    });
    expect((await v.t.ok('referrals.letterPreview', { id: v.referralId, locale: 'fi' })).html).toContain(LETTER_MARK.message);
    await v.as('caseworker');
  });
});
