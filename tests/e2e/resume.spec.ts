/**
 * Back where you were: a caseworker writing a note locks Polku and, unlocking, is back on the notes tab of the same
 * participant with the half-written note offered; a colleague unlocking in between lands on Today and takes the
 * place away. The coordinator may let the unlock screen offer the last name (off by default), and the consent
 * notice leads to the participant's consent register. In Finnish, at 1280 × 800.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { today } from '@shared/days';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, submitPassphrase, textPattern, ui } from './flows';
import { goTo, lock, openFile, openSettingsPage, openTab } from './case-flows';
import { CASEWORKER, COORDINATOR, PSYCHOLOGIST, addColleague, call } from './print-flows';
import { axeViolations } from './axe';

const LOCALE = 'fi';
const DRAFT = 'Puhuimme työsopimuksen ehdoista ja tulkin varaamisesta ensi viikolle.';

test.use({ appOptions: { locale: LOCALE } });

test.describe('back where you were after an unlock', () => {
  test('the same caseworker comes back to the notes tab with the draft; a colleague unlocking lands on Today', async ({
    app,
  }) => {
    const { page } = app;
    const s = ui(page, LOCALE);
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await addColleague(app, CASEWORKER, 'caseworker');
    await call(app, 'vault.unlock', { name: CASEWORKER.name, passphrase: CASEWORKER.passphrase });
    const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
      firstName: 'Leila',
      lastName: 'Paluu',
      confirmDuplicate: true,
    });
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: today(),
      method: 'signed',
    });
    await call(app, 'vault.lock');

    await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    await openFile(page, LOCALE, participant.pseudonym);
    await openTab(page, LOCALE, 'notes');
    await s.button('notes.new').click();
    await page.getByLabel(s.t('notes.form.text'), { exact: true }).fill(DRAFT);

    // The Lock button saves the draft into the vault first.
    await lock(page, LOCALE);
    await submitPassphrase(page, LOCALE, CASEWORKER.passphrase);
    await screen(page, 'participant');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(participant.pseudonym);
    await expect(page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true })).toHaveAttribute('aria-selected', 'true');
    const offered = page
      .getByRole('status')
      .locator('p')
      .filter({ hasText: textPattern(LOCALE, 'notes.draft.restoreNew') });
    await expect(offered).toBeVisible();
    await page.screenshot({ path: '/tmp/resume-notes-fi.png' });
    await s.button('notes.draft.continue').click();
    await expect(page.getByLabel(s.t('notes.form.text'), { exact: true })).toHaveValue(DRAFT);
    expect(await axeViolations(page), 'the notes tab after an unlock').toEqual([]);

    // A colleague at the same laptop lands on Today, and the caseworker's place is gone with it.
    await lock(page, LOCALE);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await lock(page, LOCALE);
    await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    expectCleanRun(app);
  });

  test('a file erased meanwhile is not offered: the unlock lands on Today without an error', async ({ app }) => {
    const { page } = app;
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
      firstName: 'Poistuva',
      confirmDuplicate: true,
    });
    await call(app, 'vault.lock');
    await submitPassphrase(page, LOCALE, COORDINATOR.passphrase);
    await screen(page, 'home');
    await openFile(page, LOCALE, participant.pseudonym);
    // Erased by the main side while the file is open (as by the deletion job), then locked.
    await call(app, 'participants.delete', { id: participant.id, confirmPseudonym: participant.pseudonym });
    await call(app, 'vault.lock');
    await screen(page, 'unlock');
    await submitPassphrase(page, LOCALE, COORDINATOR.passphrase);
    await screen(page, 'home');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expectCleanRun(app);
  });
});

test('the coordinator may let the unlock screen offer the last name; switched off, the name is erased at once', async ({
  app,
}) => {
  const { page } = app;
  const s = ui(page, LOCALE);
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  const nameField = s.field('unlock.name');
  await expect(nameField).toHaveValue('');
  await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
  await screen(page, 'home');

  await goTo(page, LOCALE, 'settings', 'settings');
  await openSettingsPage(page, LOCALE, 'lock');
  const offer = page.getByRole('checkbox', { name: s.t('lastUserName.field'), exact: true });
  await expect(offer).not.toBeChecked();
  await expect(page.getByText(s.t('lastUserName.intro'), { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/resume-settings-lock-fi.png', fullPage: true });
  await offer.check();
  await expect(s.status('lastUserName.savedOn')).toBeVisible();
  expect(JSON.parse(readFileSync(join(app.dataDir, 'polku.prefs.json'), 'utf8'))).toEqual({
    locale: 'fi',
    lastUserName: COORDINATOR.name,
  });

  // Locked: the name is filled in, and the passphrase is what is left to type.
  await lock(page, LOCALE);
  await expect(nameField).toHaveValue(COORDINATOR.name);
  await expect(s.field('unlock.passphrase')).toBeFocused();
  await expect(page.getByText(s.t('lastUserName.unlockHint'), { exact: true })).toBeVisible();
  expect(await axeViolations(page), 'the unlock screen with the name offered').toEqual([]);
  await page.screenshot({ path: '/tmp/resume-unlock-fi.png' });
  await page.keyboard.type(COORDINATOR.passphrase);
  await page.keyboard.press('Enter');
  // Back on the page of the settings where the lock was pressed.
  await screen(page, 'settings');
  await expect(page.getByRole('heading', { level: 2, name: s.t('settingsPages.lock'), exact: true })).toBeVisible();

  await offer.uncheck();
  await expect(s.status('lastUserName.savedOff')).toBeVisible();
  expect(readFileSync(join(app.dataDir, 'polku.prefs.json'), 'utf8')).not.toContain(COORDINATOR.name);
  await lock(page, LOCALE);
  await expect(nameField).toHaveValue('');
  expectCleanRun(app);
});

test('the settings are a list of pages, each one step away, the backups among them', async ({ app }) => {
  const { page } = app;
  const s = ui(page, LOCALE);
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
  await screen(page, 'home');
  await goTo(page, LOCALE, 'settings', 'settings');
  const list = page.getByRole('navigation', { name: s.t('settingsPages.navLabel') });
  await expect(list.getByRole('button')).toHaveText(
    ['language', 'lock', 'keys', 'backups', 'records', 'programme', 'assessments', 'organisation'].map((key) =>
      s.t(`settingsPages.${key}`),
    ),
  );
  await expect(list.getByRole('button', { name: s.t('settingsPages.language'), exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await openSettingsPage(page, LOCALE, 'backups');
  // The page's heading takes the focus, so that a screen reader says where it is.
  await expect(page.getByRole('heading', { level: 2, name: s.t('settingsPages.backups'), exact: true })).toBeFocused();
  await expect(s.button('backup.create.submit')).toBeVisible();
  expect(await axeViolations(page), 'the backups page of the settings').toEqual([]);
  await page.screenshot({ path: '/tmp/resume-settings-backups-fi.png' });
  expectCleanRun(app);
});

test('the consent notice leads to the consent register of the same participant', async ({ app }) => {
  const { page } = app;
  const s = ui(page, LOCALE);
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: { pseudonym: string } }>(app, 'participants.create', {
    firstName: 'Suostumukseton',
    confirmDuplicate: true,
  });
  await call(app, 'vault.lock');
  await submitPassphrase(page, LOCALE, COORDINATOR.passphrase);
  await screen(page, 'home');
  await openFile(page, LOCALE, participant.pseudonym);
  await openTab(page, LOCALE, 'notes');
  await expect(page.getByText(s.t('errors.consent_required'), { exact: true })).toBeVisible();
  await s.button('consentGate.open').click();
  await expect(page.getByRole('tab', { name: s.t('case.tabs.consents'), exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(participant.pseudonym);
  // The way back still leads to the participants' register it was opened from.
  await s.button('case.back').click();
  await screen(page, 'participants');
  expectCleanRun(app);
});

test('a meeting refused for a missing consent says so with the way to the consent register', async ({ app }) => {
  const { page } = app;
  const s = ui(page, LOCALE);
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  await addColleague(app, PSYCHOLOGIST, 'psychologist');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: { pseudonym: string } }>(app, 'participants.create', {
    firstName: 'Ilman suostumusta',
    confirmDuplicate: true,
  });
  await call(app, 'vault.lock');
  await submitNameAndPassphrase(page, LOCALE, PSYCHOLOGIST.name, PSYCHOLOGIST.passphrase);
  await screen(page, 'home');
  await openFile(page, LOCALE, participant.pseudonym);
  await openTab(page, LOCALE, 'psychosocial');
  await s.button('psychosocial.add.open').click();
  await s.field('psychosocial.fields.duration').fill('45');
  await s.field('psychosocial.fields.kind').selectOption('individual');
  await s.field('psychosocial.fields.summary').fill('Tapaaminen');
  await page.getByRole('radio', { name: s.t('psychosocial.risk.low'), exact: true }).check();
  await s.button('psychosocial.add.submit').click();
  // The refusal is announced, and its button leads where the consent is recorded, in the same file.
  const refusal = page.getByRole('alert').filter({ hasText: s.t('errors.consent_required') });
  await expect(refusal).toBeVisible();
  expect(await axeViolations(page), 'the refused meeting form').toEqual([]);
  await refusal.getByRole('button', { name: s.t('consentGate.open'), exact: true }).click();
  await expect(page.getByRole('tab', { name: s.t('case.tabs.consents'), exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(participant.pseudonym);
  expectCleanRun(app);
});

test('joining a group refused for a missing consent leads to the consent register too', async ({ app }) => {
  const { page } = app;
  const s = ui(page, LOCALE);
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: { pseudonym: string } }>(app, 'participants.create', {
    firstName: 'Ei suostumusta',
    confirmDuplicate: true,
  });
  await call(app, 'cohorts.create', { name: 'Kevään ryhmä', startDate: today() });
  await call(app, 'vault.lock');
  await submitPassphrase(page, LOCALE, COORDINATOR.passphrase);
  await screen(page, 'home');
  await openFile(page, LOCALE, participant.pseudonym);
  await s.button('registry.cohorts.section.join').click();
  await page
    .getByRole('combobox', { name: s.t('registry.cohorts.join.cohort'), exact: true })
    .selectOption({ label: 'Kevään ryhmä' });
  await s.button('registry.cohorts.join.submit').click();
  const refusal = page.getByRole('alert').filter({ hasText: s.t('errors.consent_required') });
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: s.t('consentGate.open'), exact: true }).click();
  await expect(page.getByRole('tab', { name: s.t('case.tabs.consents'), exact: true })).toHaveAttribute('aria-selected', 'true');
  expectCleanRun(app);
});
