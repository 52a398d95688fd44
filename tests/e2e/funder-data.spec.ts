/**
 * The funder's data of a participation, in Finnish on a 1280 × 800 laptop on Friday 4.12.2026: the coordinator finds
 * Samir's six-month follow-up due tomorrow on the Today page and is taken to his file's funder data; in Leila's file
 * she reads the entry from the intake, is told at the field that a day in the future will not do, records the
 * situation at exit with the typed day 4.12.2026, and finds it as saved after a reload; and answers two of the
 * intake's questions for the funder beside education. The section and the form
 * with its error pass axe-core.
 */
import { mkdirSync } from 'node:fs';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { openFile } from './case-flows';
import { COORDINATOR, call } from './print-flows';
import { axeViolations } from './axe';
import type { E2EApp } from './fixtures';

const SHOTS = '/tmp/participation-shots';
/** Friday 4 December 2026 at ten, local time. */
const AT_TEN = new Date(2026, 11, 4, 10, 0, 0).getTime();
const startedAt = Date.now();

/** A participant with consent, in a group from `from` to `to`. */
async function participantInGroup(app: E2EApp, cohortId: string, fields: object, from: string, to: string): Promise<void> {
  const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
    ...fields,
    referralDate: '2026-01-02',
  });
  await call(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: '2026-01-02',
    method: 'signed',
  });
  const { enrolment } = await call<{ enrolment: { id: string } }>(app, 'cohorts.enrol', {
    participantId: participant.id,
    cohortId,
    startDate: from,
  });
  await call(app, 'cohorts.endEnrolment', { id: enrolment.id, endDate: to, outcome: 'completed' });
}

/** Leila left her group a week ago; Samir on 5.6.2026, so his follow-up is due tomorrow. Left locked. */
async function prepare(app: E2EApp): Promise<void> {
  await setUpLockedVault(app, 'fi', COORDINATOR);
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
    name: 'Vuosi 2026',
    startDate: '2026-01-05',
    lengthWeeks: 52,
  });
  const leila = {
    firstName: 'Leila',
    lastName: 'Haddad',
    birthYear: 1990,
    labourMarketStatusAtEntry: 'long_term_unemployed',
    educationIsced: 'isced_2',
  };
  await participantInGroup(app, cohort.id, leila, '2026-08-31', '2026-11-27');
  await participantInGroup(app, cohort.id, { firstName: 'Samir', lastName: 'Nasser' }, '2026-01-05', '2026-06-05');
  await call(app, 'vault.lock');
}

test.describe('the funder data of a participation', () => {
  test.use({ appOptions: { locale: 'fi', kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('is found from Today, recorded at exit with a typed day and kept after a reload', async ({ app }) => {
    test.setTimeout(90_000);
    const { page } = app;
    const s = ui(page, 'fi');
    mkdirSync(SHOTS, { recursive: true });
    await page.clock.setFixedTime(AT_TEN);
    await page.setViewportSize({ width: 1280, height: 800 });
    await prepare(app);

    await submitNameAndPassphrase(page, 'fi', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    // Today: Samir's follow-up, due tomorrow; his name opens his file at the funder data.
    const followUps = page
      .locator('section.today-section')
      .filter({ has: page.getByRole('heading', { name: 'Puolen vuoden seurannat', exact: true }) });
    await expect(followUps).toContainText('seuranta 5.12.2026');
    await page.screenshot({ path: `${SHOTS}/today-fi.png` });
    await followUps.getByRole('button', { name: /^Avaa rahoittajan tiedot: Samir Nasser/ }).click();
    await screen(page, 'participant');
    const samirHeading = page.getByRole('heading', { name: 'Rahoittajan tiedot', level: 2 });
    await expect(samirHeading).toBeFocused();
    await expect(page.getByText('Seurannan päivä 5.12.2026')).toBeVisible();
    await expect(s.button('participation.followUp.record')).toBeVisible();

    // Leila's file: the entry from the intake and the first group, the exit from the last.
    await openFile(page, 'fi', 'Leila');
    const section = page.locator('details.funder-data');
    await section.locator('summary').click();
    await expect(section).toContainText('Aloituspäivä31.8.2026');
    await expect(section).toContainText('Ikäluokka aloittaessa30–54-vuotias');
    await expect(section).toContainText('Työtilanne ohjelmaan tullessaPitkäaikaistyötön');
    await expect(section).toContainText('Päättymispäivä27.11.2026');
    await expect(section).toContainText('TilanneEi kirjattu. Raportoidaan ”ei tiedossa”.');
    await expect(section).toContainText('Seurannan päivä 27.5.2027');
    expect(await axeViolations(page), 'the funder data').toEqual([]);

    await s.button('participation.exit.record').click();
    const checkedOn = page.getByLabel('Kysytty', { exact: true });
    await checkedOn.fill('5.12.2026');
    await page.getByLabel('Hakee työtä', { exact: true }).check();
    await page.getByLabel('Opiskelee tai on koulutuksessa', { exact: true }).check();
    await s.button('participation.exit.save').click();
    await expect(checkedOn).toBeFocused();
    await expect(section.locator('.field-invalid .field-error')).toHaveText('Päivä ei voi olla tulevaisuudessa.');
    expect(await axeViolations(page), 'the exit form with its error').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/exit-form-error-fi.png` });
    await checkedOn.fill('4.12.2026');
    // Looking for work and in work at once: the funder counts only the latest, so the form asks for one.
    const inWork = page.getByLabel('On töissä (myös yrittäjänä)', { exact: true });
    await inWork.check();
    await s.button('participation.exit.save').click();
    await expect(section.locator('fieldset .field-error')).toHaveText(
      'Valitse joko ”Hakee työtä” tai ”On töissä”: rahoittaja laskee neljän viikon ajalta vain viimeisimmän tilanteen.',
    );
    await inWork.uncheck();
    await s.button('participation.exit.save').click();
    await expect(s.status('participation.exit.saved')).toBeVisible();
    await expect(section).toContainText('Kysytty4.12.2026');
    await expect(section).toContainText('TilanneHakee työtä, Opiskelee tai on koulutuksessa');
    await page.screenshot({ path: `${SHOTS}/exit-saved-fi.png`, fullPage: true });

    // Locked and the page loaded anew: the file reads back from the vault what was saved.
    await call(app, 'vault.lock');
    await page.reload();
    await submitNameAndPassphrase(page, 'fi', COORDINATOR.name, COORDINATOR.passphrase);
    // The unlock brings her back to where she was: Leila's file.
    await screen(page, 'participant');
    await page.locator('details.funder-data summary').click();
    const reread = page.locator('details.funder-data');
    await expect(reread).toContainText('Kysytty4.12.2026');
    await expect(reread).toContainText('TilanneHakee työtä, Opiskelee tai on koulutuksessa');
    await expect(s.button('participation.exit.edit')).toBeVisible();

    // The intake's own questions for the funder, in the same part of the form as education: asked once, there.
    await page.locator('details.basics summary').click();
    await s.button('case.overview.edit').click();
    const thirdCountry = page.getByLabel('Kolmannen maan kansalainen', { exact: true });
    await thirdCountry.selectOption({ label: 'Kyllä' });
    await page.getByLabel('Vamma tai pitkäaikainen toimintarajoite', { exact: true }).selectOption({ label: 'Ei tiedossa' });
    await thirdCountry.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/intake-questions-fi.png` });
    await s.button('participant.edit.submit').click();
    await expect(s.status('case.overview.saved')).toBeVisible();
    const basics = page.locator('details.basics');
    await expect(basics).toContainText('Kolmannen maan kansalainenKyllä');
    await expect(basics).toContainText('Vamma tai pitkäaikainen toimintarajoiteEi tiedossa');
    await expect(basics).toContainText('Asunnoton tai asuntomarkkinoilta syrjäytynytEi kirjattu');
    expectCleanRun(app);
  });
});
