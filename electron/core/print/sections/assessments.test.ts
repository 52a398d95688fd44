import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../../tests/support/participants';
import type { ShellPort } from '../../shell/port';
import { pdfPages, printSuite } from '../testing/suite';

type Answers = InputOf<'assessments.save'>['answers'];

/*
 * By hand, positions from each scale's lowest step (version 1 of the instrument):
 *
 *   intake  finnish L1 S2 R0 W1 → median position 1 of 10 → 10 %, "A1.1 Kielitaidon alkeet", 4 questions
 *           digital e-mail "with help" → position 1 of 3 → 33 %, "Osaan, kun joku auttaa", 1 question
 *           self-confidence "same rights": participant 2 → 1 of 4 → 25 %; caseworker 3 → 50 %
 *   exit    finnish L4 S5 R4 W4 → median 4 → 40 %, "A2.1 Peruskielitaidon alkuvaihe"
 *           self-confidence "same rights": participant 4 → 75 %, "4 Pitää enimmäkseen paikkansa"
 *   No mid-point: no bar and no column for it.
 */
const INTAKE: Answers = [
  { itemId: 'finnish.listening', rater: 'caseworker', score: 1 },
  { itemId: 'finnish.speaking', rater: 'caseworker', score: 2 },
  { itemId: 'finnish.reading', rater: 'caseworker', score: 0 },
  { itemId: 'finnish.writing', rater: 'caseworker', score: 1 },
  { itemId: 'digital.email', rater: 'caseworker', score: 2 },
  { itemId: 'selfConfidence.sameRights', rater: 'participant', score: 2 },
  { itemId: 'selfConfidence.sameRights', rater: 'caseworker', score: 3 },
  { itemId: 'history.wishes', rater: 'caseworker', text: 'Haluaisi töihin keittiöön' },
];
const EXIT: Answers = [
  { itemId: 'finnish.listening', rater: 'caseworker', score: 4 },
  { itemId: 'finnish.speaking', rater: 'caseworker', score: 5 },
  { itemId: 'finnish.reading', rater: 'caseworker', score: 4 },
  { itemId: 'finnish.writing', rater: 'caseworker', score: 4 },
  { itemId: 'selfConfidence.sameRights', rater: 'participant', score: 4 },
];

interface ProgressCase extends StaffedVault {
  assessed: string;
  notAssessed: string;
}

async function progressCase(shell: ShellPort): Promise<ProgressCase> {
  const v = await staffedVault({ shell });
  const create = (firstName: string) => addConsentingParticipant(v, true, { firstName, referralDate: '2026-10-01' });
  const assessed = await create('Amal');
  const notAssessed = await create('Samir');
  const save = (stage: 'intake' | 'exit', date: string, answers: Answers) =>
    v.t.ok('assessments.save', { participantId: assessed, stage, date, version: 1, answers });
  await save('intake', '2026-10-05', INTAKE);
  await save('exit', '2026-11-27', EXIT);
  return { ...v, assessed, notAssessed };
}

let v: ProgressCase;
const { shell, out } = printSuite(progressCase, (made) => (v = made));

const request = (participantId: string, locale: 'fi' | 'sv' | 'en' = 'fi'): InputOf<'print.preview'> => ({
  participantId,
  sections: ['assessments'],
  pseudonymOnly: false,
  locale,
});

/** The text of a document, tags gone and white space folded, as a person reads it. */
const words = (html: string) =>
  html
    .replace(/<title[^>]*>[^<]*<\/title>|<desc[^>]*>[^<]*<\/desc>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The bars of the printed picture: domain, stage, rater, value. */
const bars = (html: string) =>
  [...html.matchAll(/<rect [^>]*data-domain="(\w+)" data-stage="(\w+)" data-rater="(\w+)" data-value="(\d+)"/g)].map((m) =>
    m.slice(1).join(' '),
  );

describe('the assessments section of the case summary', () => {
  it('is offered to those who read assessments, named in every language, and never to a teacher', async () => {
    const { sections } = await v.t.ok('print.sections', {});
    expect(sections.find((s) => s.id === 'assessments')).toMatchObject({
      labels: { fi: 'Arvioinnit ja edistyminen', sv: 'Bedömningar och framsteg', en: 'Assessments and progress' },
      dated: false,
      signatures: false,
    });
    for (const role of ['psychologist', 'coordinator'] as const) {
      await v.as(role);
      expect(
        (await v.t.ok('print.sections', {})).sections.map((s) => s.id),
        role,
      ).toContain('assessments');
      expect(bars((await v.t.ok('print.preview', request(v.assessed))).html), role).toHaveLength(6);
    }
    await v.as('teacher');
    expect(await v.t.call('print.preview', request(v.assessed))).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('caseworker');
  });

  it('draws a bar for every stage recorded and rater, the self-rating hatched, and none for the stage not recorded', async () => {
    const { html } = await v.t.ok('print.preview', request(v.assessed));
    expect(bars(html)).toEqual([
      'finnish intake caseworker 10',
      'finnish exit caseworker 40',
      'digital intake caseworker 33',
      'selfConfidence intake participant 25',
      'selfConfidence intake caseworker 50',
      'selfConfidence exit participant 75',
    ]);
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).toMatch(/<rect [^>]*fill="url\(#progress-hatch\)"[^>]*data-rater="participant"/);
    expect(html).not.toContain('data-stage="midpoint"');
  });

  it('prints the same numbers as a table: a row per domain and rater, a column per recorded stage', async () => {
    const text = words((await v.t.ok('print.preview', request(v.assessed))).html);
    expect(text).toContain('Taso osa-alueittain ja arviointivaiheittain Osa-alue Arvioija Alkukartoitus Loppuarviointi');
    expect(text).not.toContain('Väliarviointi');
    expect(text).toContain(
      'Suomen kieli Ohjaajan arvio A1.1 Kielitaidon alkeet 10 % · 4 kysymystä A2.1 Peruskielitaidon alkuvaihe 40 % · 4 kysymystä',
    );
    expect(text).toContain('Digitaidot Ohjaajan arvio Osaan, kun joku auttaa 33 % · 1 kysymys Ei arvioitu');
    expect(text).toContain('Työnhakutaidot Ei arvioitu Ei arvioitu');
    expect(text).toContain(
      'Itseluottamus ja luottamus Osallistujan oma arvio 2 Pitää vähän paikkansa 25 % · 1 kysymys 4 Pitää enimmäkseen paikkansa 75 % · 1 kysymys',
    );
    expect(text).toContain('Itseluottamus ja luottamus Ohjaajan arvio 3 Pitää osittain paikkansa 50 % · 1 kysymys Ei arvioitu');
    // Written answers are not scored and do not print here.
    expect(text).not.toContain('keittiöön');
    const english = words((await v.t.ok('print.preview', request(v.assessed, 'en'))).html);
    expect(english).toContain('Finnish language The caseworker’s view A1.1 First basics 10% · 4 questions');
  });

  it('says in a sentence that nothing is recorded yet, with no picture', async () => {
    const { html } = await v.t.ok('print.preview', request(v.notAssessed));
    expect(words(html)).toContain('Arviointeja ei ole vielä kirjattu, joten edistymistä ei voi vielä näyttää.');
    expect(html).not.toContain('<svg');
  });

  it('prints the picture and the table into the PDF', async () => {
    const file = join(out, 'progress.pdf');
    shell.answerSave(file);
    expect(await v.t.ok('print.pdf', { ...request(v.assessed), locale: 'fi' })).toMatchObject({ status: 'saved' });
    const text = pdfPages(file).join('\n');
    for (const expected of [
      'Arvioinnit ja edistyminen',
      // The picture's own words: its legend, domain names, stage names at the bars and its axis.
      'Osallistujan oma arvio',
      'Arjenhallintataidot',
      'Alkukartoitus',
      'ei vielä',
      'vahva',
      'A2.1 Peruskielitaidon',
      '40 % · 4 kysymystä',
    ])
      expect(text, expected).toContain(expected);
  });
});
