import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { LOCALES } from '@shared/locales';
import { MARK, printCase, RANGE, type PrintCase } from './testing/case';
import { printSuite } from './testing/suite';

let v: PrintCase;
printSuite(printCase, (made) => (v = made));

const request = (sections: string[], extra: Partial<InputOf<'print.preview'>> = {}): InputOf<'print.preview'> => ({
  participantId: v.participantId,
  sections,
  pseudonymOnly: false,
  locale: 'en',
  ...extra,
});

async function preview(sections: string[], extra: Partial<InputOf<'print.preview'>> = {}): Promise<string> {
  return (await v.t.ok('print.preview', request(sections, extra))).html;
}

describe('print.sections', () => {
  it('offers a caseworker every section but the psychologist’s private notes, named in every language', async () => {
    await v.as('caseworker');
    const { sections } = await v.t.ok('print.sections', {});
    expect(sections.map((s) => s.id)).toEqual([
      'basic',
      'referral',
      'consents',
      'flags',
      'notes',
      'psychosocial',
      'attendance',
      'plan',
      'assessments',
      'funder',
      'referrals',
      'timeline',
    ]);
    expect(sections.find((s) => s.id === 'consents')).toMatchObject({
      labels: { fi: 'Suostumukset', sv: 'Samtycken', en: 'Consents' },
      signatures: true,
      dated: false,
    });
    expect(sections.find((s) => s.id === 'notes')).toMatchObject({ dated: true, signatures: false });
  });

  it('offers a psychologist the private notes too, and refuses a teacher altogether', async () => {
    await v.as('psychologist');
    expect((await v.t.ok('print.sections', {})).sections.map((s) => s.id)).toContain('psychosocialPrivate');
    await v.as('teacher');
    expect(await v.t.call('print.sections', {})).toMatchObject({ ok: false, code: 'forbidden' });
    for (const channel of ['print.preview', 'print.pdf', 'print.print'] as const)
      expect(await v.t.call(channel, request(['basic']))).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('caseworker');
  });
});

describe('print.preview', () => {
  it('holds the chosen sections and nothing of the others', async () => {
    const html = await preview(['basic', 'notes'], RANGE);
    expect(html).toContain(`${MARK.firstName} ${MARK.lastName}`);
    expect(html).toContain(MARK.phone);
    expect(html).toContain(MARK.noteInRange);
    expect(html).not.toContain(MARK.noteOutOfRange);
    for (const excluded of [MARK.referralOrganisation, MARK.partner, MARK.summary, MARK.privateNote])
      expect(html).not.toContain(excluded);
    expect(html).toContain('1 note outside these dates is not printed.');
  });

  it('always opens with the safety flags in force, whatever the sections', async () => {
    const html = await preview(['referral']);
    expect(html).toContain('Safety flags in force');
    expect(html).toContain(MARK.flagNote);
    expect(html).toContain(MARK.referralOrganisation);
  });

  it('is one self-contained document: its own policy, inline styles only, no script, no page margins', async () => {
    const html = await preview(['basic']);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'">/);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toContain('counter(pages)');
  });

  it('is written in the chosen language, whatever the interface’s', async () => {
    const fi = await preview(['consents'], { locale: 'fi' });
    expect(fi).toContain('<html lang="fi">');
    expect(fi).toContain('Asiakasyhteenveto');
    expect(fi).toContain('Osallistujan allekirjoitus');
    const sv = await preview(['consents'], { locale: 'sv' });
    expect(sv).toContain('Ärendesammanfattning');
    expect(sv).toContain('Handledarens underskrift');
  });

  it('pseudonym only: no names, contact details or year of birth, even inside notes', async () => {
    const html = await preview(['basic', 'referral', 'notes', 'timeline'], { pseudonymOnly: true });
    expect(html).toContain(v.pseudonym);
    for (const identifying of [
      MARK.firstName,
      MARK.lastName,
      MARK.phone,
      MARK.email,
      MARK.safeContact,
      MARK.referralPerson,
      '1991',
    ])
      expect(html, identifying).not.toContain(identifying);
    expect(html).toContain(`${v.pseudonym} told about her week.`);
    expect(html).toContain(MARK.referralOrganisation);
  });

  it('prints private psychosocial notes to a psychologist who chooses them, and never on the timeline', async () => {
    await v.as('psychologist');
    const chosen = await preview(['psychosocialPrivate', 'psychosocial'], RANGE);
    expect(chosen).toContain(MARK.privateNote);
    expect(chosen).toContain(MARK.summary);
    const shared = await preview(['psychosocial', 'timeline']);
    expect(shared).toContain(MARK.summary);
    expect(shared).not.toContain(MARK.privateNote);
    await v.as('caseworker');
  });

  it('prints every section in every language, with and without names', async () => {
    await v.as('psychologist');
    const ids = (await v.t.ok('print.sections', {})).sections.map((s) => s.id);
    for (const locale of LOCALES)
      for (const pseudonymOnly of [false, true]) {
        const html = await preview(ids, { locale, pseudonymOnly });
        expect(html).toContain(`<html lang="${locale}">`);
        expect(html.match(/<section class="print-section"/g)).toHaveLength(ids.length);
        expect(html, `${locale} ${pseudonymOnly}`).not.toMatch(/\{\{|undefined|NaN|\[object/);
      }
    await v.as('caseworker');
  });

  it('refuses the private notes to everyone else, coordinator included', async () => {
    for (const who of ['caseworker', 'coordinator'] as const) {
      await v.as(who);
      expect(await v.t.call('print.preview', request(['psychosocialPrivate']))).toMatchObject({ ok: false, code: 'forbidden' });
    }
    await v.as('caseworker');
  });

  it('refuses an unknown section, reversed dates and an unknown participant with reasons', async () => {
    expect(await v.t.call('print.preview', request(['basic', 'diary']))).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'sections', i18nKey: 'print.problems.unknownSection' }] },
    });
    expect(await v.t.call('print.preview', request(['notes'], { notesFrom: '2026-11-30', notesTo: '2026-11-01' }))).toMatchObject(
      {
        code: 'invalid_input',
        details: { issues: [{ path: 'notesTo', i18nKey: 'print.problems.rangeReversed' }] },
      },
    );
    expect(await v.t.call('print.preview', request(['basic'], { participantId: 'f'.repeat(32) }))).toMatchObject({
      code: 'not_found',
    });
  });

  it('is not audited: it shows what the file’s tabs show', async () => {
    const recordsOfFile = async () => {
      await v.as('coordinator');
      const { entries } = await v.t.ok('audit.list', { entityId: v.participantId, limit: 500 });
      await v.as('caseworker');
      return entries.length;
    };
    const before = await recordsOfFile();
    await preview(['basic', 'notes', 'timeline']);
    expect(await recordsOfFile()).toBe(before);
  });
});

describe('a note’s follow-up on paper', () => {
  it('names the task, its day and its owner', async () => {
    await v.as('caseworker');
    await v.t.ok('notes.create', {
      participantId: v.participantId,
      date: '2026-11-22',
      type: 'phone_call',
      text: 'Soitto.',
      followUp: { task: 'Book the interpreter', due: '2026-12-02', owner: v.coordinatorId },
    });
    const html = await preview(['notes'], RANGE);
    expect(html).toContain('Follow-up: Book the interpreter – by');
    expect(html).toContain('owner Aino Koordinaattori');
    expect(await preview(['notes'], { ...RANGE, locale: 'fi' })).toContain('vastuuhenkilö Aino Koordinaattori');
  });
});
