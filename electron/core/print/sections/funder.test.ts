import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../../tests/support/participants';
import type { ShellPort } from '../../shell/port';
import { printSuite } from '../testing/suite';

interface FunderCase extends StaffedVault {
  recorded: string;
  notRecorded: string;
}

/** Amal, born 1990, in a group from 2.3. to 29.5.2026, asked at exit and reached six months later; Samir not yet in any. */
async function funderCase(shell: ShellPort): Promise<FunderCase> {
  const v = await staffedVault({ shell });
  const recorded = await addConsentingParticipant(v, true, {
    firstName: 'Amal',
    birthYear: 1990,
    labourMarketStatusAtEntry: 'unemployed',
    educationIsced: 'isced_2',
    referralDate: '2026-02-01',
  });
  const notRecorded = await addConsentingParticipant(v, true, { firstName: 'Samir', referralDate: '2026-02-01' });
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Kevät 2026', startDate: '2026-03-02', lengthWeeks: 10 });
  const { enrolment } = await v.t.ok('cohorts.enrol', { participantId: recorded, cohortId: cohort.id, startDate: '2026-03-02' });
  await v.t.ok('cohorts.endEnrolment', { id: enrolment.id, endDate: '2026-05-29', outcome: 'completed' });
  await v.t.ok('participation.recordExit', {
    participantId: recorded,
    checkedOn: '2026-06-05',
    jobSearching: true,
    inEducation: false,
    qualification: true,
    employed: false,
  });
  await v.t.ok('participation.recordFollowUp', {
    participantId: recorded,
    checkedOn: '2026-11-27',
    outcome: 'reached',
    employed: true,
    improved: true,
  });
  return { ...v, recorded, notRecorded };
}

let v: FunderCase;
printSuite(funderCase, (made) => (v = made));

const request = (participantId: string, locale: 'fi' | 'en' = 'fi'): InputOf<'print.preview'> => ({
  participantId,
  sections: ['funder'],
  pseudonymOnly: false,
  locale,
});

/** The text of a document, tags gone and white space folded, as a person reads it. */
const words = (html: string) =>
  html
    .replace(/<title[^>]*>[^<]*<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the funder data section of the case summary', () => {
  it('prints the entry from the intake, the situation at exit and the follow-up, each with its day', async () => {
    const text = words((await v.t.ok('print.preview', request(v.recorded))).html);
    expect(text).toContain('Rahoittajan tiedot');
    expect(text).toContain('Aloituspäivä 2. maaliskuuta 2026');
    expect(text).toContain('Ikäluokka aloittaessa 30–54-vuotias');
    expect(text).toContain('Työtilanne ohjelmaan tullessa Työtön');
    expect(text).toContain('Päättymispäivä 29. toukokuuta 2026');
    expect(text).toContain('Tilanne Hakee työtä, On saanut tutkinnon tai pätevyyden');
    expect(text).toContain(
      'Seuranta puoli vuotta päättymisen jälkeen Tavoitettiin, On töissä (myös yrittäjänä), Työmarkkinatilanne on parantunut',
    );
    const english = words((await v.t.ok('print.preview', request(v.recorded, 'en'))).html);
    expect(english).toContain('Situation Looking for work, Gained a qualification');
  });

  it('says what is not recorded, as the funder will be told: not known', async () => {
    const text = words((await v.t.ok('print.preview', request(v.notRecorded))).html);
    expect(text).toContain('Aloituspäivä Ei kirjattu');
    expect(text).toContain('Tilanne Ei kirjattu. Raportoidaan ”ei tiedossa”.');
  });
});
