import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { LEILA } from '../../../../tests/support/participants';
import { LETTER_MARK, LETTER_PARTNER, letterCase, type LetterCase } from '../testing/letter';
import { printSuite } from '../testing/suite';

let v: LetterCase;
printSuite(letterCase, (made) => (v = made));

const request = (sections: string[], extra: Partial<InputOf<'print.preview'>> = {}): InputOf<'print.preview'> => ({
  participantId: v.participantId,
  sections,
  pseudonymOnly: false,
  locale: 'fi',
  ...extra,
});

describe('the referrals section of the case summary', () => {
  it('prints each referral whole, reason and history included, since the case summary stays internal', async () => {
    const { html } = await v.t.ok('print.preview', request(['referrals']));
    for (const expected of [
      'Lähetteet',
      `Työllisyyspalvelut – ${LETTER_PARTNER}`,
      LETTER_MARK.reason,
      LETTER_MARK.message,
      LETTER_MARK.summary,
      'Maija Yhteys',
      'Nimi, Kielet ja tulkin tarve, Suunnitelman nykyiset tavoitteet',
      'Lähetetty 28. marraskuuta 2026 (Kalle Ohjaaja)',
    ])
      expect(html, expected).toContain(expected);
    expect(html).not.toContain(LETTER_MARK.plan);
  });

  it('leaves out the partner’s contact person and the participant’s names when printed by pseudonym only', async () => {
    const { html } = await v.t.ok('print.preview', request(['referrals', 'plan'], { pseudonymOnly: true }));
    expect(html).toContain(LETTER_MARK.reason);
    for (const excluded of ['Maija Yhteys', LEILA.firstName, LEILA.lastName]) expect(html, excluded).not.toContain(excluded);
  });

  it('is offered to a psychologist, who reads referrals, and never to a teacher', async () => {
    await v.as('psychologist');
    const ids = (await v.t.ok('print.sections', {})).sections.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['referrals', 'plan']));
    await v.as('teacher');
    expect(await v.t.call('print.preview', request(['referrals']))).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('caseworker');
  });
});

describe('the plan section of the case summary', () => {
  it('prints the plan in force with its version, every goal and step, and signature lines', async () => {
    const { html } = await v.t.ok('print.preview', request(['plan'], { locale: 'sv' }));
    for (const expected of [
      'Karriär- och studieplan',
      'Version 1, sparad av Kalle Ohjaaja',
      `Yrkesexamen: Lähihoitajan tutkinto ${LETTER_MARK.plan}`,
      `Haluan auttaa ihmisiä. ${LETTER_MARK.plan}`,
      `YKI-testi ${LETTER_MARK.plan}`,
      `Ei vielä ${LETTER_MARK.plan}`,
      'Struket',
      'Deltagarens underskrift',
    ])
      expect(html, expected).toContain(expected);
  });
});
