import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEILA } from '../../../tests/support/participants';
import { LETTER_MARK, LETTER_PARTNER, letterCase, type LetterCase } from './testing/letter';
import { auditRecords, pdfPages, printSuite } from './testing/suite';

let v: LetterCase;
const { shell, out } = printSuite(letterCase, (made) => (v = made));

const planRecords = () => auditRecords(v, v.participantId, (action) => action === 'plans.printPdf' || action === 'plans.print');

describe('the plan printed for the participant', () => {
  it('tells the participant their goals and steps in plain Swedish, with dates as Finland writes them', async () => {
    const file = join(out, 'plan.pdf');
    shell.answerSave(file);
    expect(await v.t.ok('plans.printPdf', { participantId: v.participantId, locale: 'sv' })).toEqual({
      status: 'saved',
      fileName: 'plan.pdf',
    });
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: 'plan-2026-11-28.pdf' });
    const text = pdfPages(file).join('\n');
    for (const expected of [
      'Karriär- och studieplan',
      `${LEILA.firstName} ${LEILA.lastName}`,
      'Mål 1: Yrkesexamen',
      `Lähihoitajan tutkinto ${LETTER_MARK.plan}`,
      'Målet är att nå detta senast 31.12.2027.',
      'Varför det här är viktigt för dig',
      `Haluan auttaa ihmisiä. ${LETTER_MARK.plan}`,
      'Mål 2: Språknivå',
      `Hae yhteishaussa ${LETTER_MARK.plan}`,
      'Du',
      'Din handledare',
      '2.12.2026',
      'Gjort',
      'Struket',
      LETTER_MARK.organisation,
      `Telefon: ${LETTER_MARK.organisationPhone}`,
      'Din handledare: Kalle Ohjaaja',
      'Deltagarens underskrift',
      'KONFIDENTIELLT',
      'Sida 1 / ',
    ])
      expect(text, expected).toContain(expected);
    // No internal notes and no codes: a dropped step's reason stays in the file.
    for (const excluded of [`Ei vielä ${LETTER_MARK.plan}`, 'vocationalQualification', 'dropped', v.pseudonym, LETTER_MARK.note])
      expect(text, excluded).not.toContain(excluded);
    const [record] = await planRecords();
    expect(record).toMatchObject({
      action: 'plans.printPdf',
      entity: 'participant',
      entityId: v.participantId,
      detail: 'version:1;locale:sv',
    });
  });

  it('names the partner of a step that points to a referral, and says so in Finnish when chosen', async () => {
    const { plan } = await v.t.ok('plans.get', { participantId: v.participantId });
    const goals = plan!.goals.map((goal) => ({
      ...goal,
      steps: goal.steps.map((step) => (step.owner === 'partner' ? { ...step, referralId: v.referralId } : step)),
    }));
    await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: plan!.version, goals });
    const { html } = await v.t.ok('plans.printPreview', { participantId: v.participantId, locale: 'fi' });
    expect(html).toContain(LETTER_PARTNER);
    expect(html).toContain('Tavoite 2: Kielitaidon taso');
    expect(html).toContain('Sinä');
    expect(html).toContain('Ohjaajasi: Kalle Ohjaaja');
    expect(html).not.toContain('Yhteistyökumppani');
  });

  it('audits a completed print only, and is refused to a teacher', async () => {
    const before = (await planRecords()).length;
    shell.answerPrint(false);
    expect(await v.t.ok('plans.print', { participantId: v.participantId, locale: 'en' })).toEqual({ status: 'cancelled' });
    shell.answerPrint(true);
    expect(await v.t.ok('plans.print', { participantId: v.participantId, locale: 'en' })).toEqual({ status: 'printed' });
    expect(shell.printed.at(-1)).toContain('Career and study plan');
    const records = await planRecords();
    expect(records).toHaveLength(before + 1);
    expect(records[0]).toMatchObject({ action: 'plans.print', detail: 'version:2;locale:en' });
    await v.as('teacher');
    expect(await v.t.call('plans.printPreview', { participantId: v.participantId, locale: 'fi' })).toMatchObject({
      code: 'forbidden',
    });
    await v.as('caseworker');
  });
});
