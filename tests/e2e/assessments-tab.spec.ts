/**
 * The assessments in the participant's file, in Finnish on a 1280 × 800 laptop, on a fixed Wednesday (2.12.2026)
 * in the first week of her group: the caseworker finds the five stages listed with the intake due this week,
 * records the whole intake with the keyboard alone (Tab, the arrow keys, Space and typing), is told at the field
 * that a day in the future will not do, saves it and sees the stage done; opens it to read in its version's words,
 * edits one answer, and reads the change; a psychologist reads it and may change nothing. The tab, the form with
 * its error and the reading pass axe-core.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { openFile, openTab } from './case-flows';
import { CASEWORKER, COORDINATOR, PSYCHOLOGIST, addColleague, call } from './print-flows';
import { axeViolations } from './axe';
import type { E2EApp } from './fixtures';

const SHOTS = '/tmp/aform-shots';
/** Wednesday 2 December 2026 at ten, local time: the group began on Monday. */
const AT_TEN = new Date(2026, 11, 2, 10, 0, 0).getTime();
const startedAt = Date.now();

/** The coordinator's participant with consent, enrolled in a group that began on Monday 30.11.2026; left locked. */
async function prepare(app: E2EApp): Promise<void> {
  await setUpLockedVault(app, 'fi', COORDINATOR);
  await addColleague(app, CASEWORKER, 'caseworker');
  await addColleague(app, PSYCHOLOGIST, 'psychologist');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
    firstName: 'Leila',
    lastName: 'Haddad',
    referralDate: '2026-11-23',
  });
  await call(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: '2026-11-23',
    method: 'signed',
  });
  const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
    name: 'Talvi 2026',
    startDate: '2026-11-30',
    lengthWeeks: 10,
  });
  await call(app, 'cohorts.enrol', { participantId: participant.id, cohortId: cohort.id, startDate: '2026-11-30' });
  await call(app, 'vault.lock');
}

/** What has the focus: its tag, type, and whether it is the form's submit button. */
const focused = (page: Page) =>
  page.evaluate(() => {
    // The spec is compiled without the DOM's types: the page's document, as far as this reads it.
    type Focused = { tagName: string; type?: string; getAttribute: (name: string) => string | null };
    const el = (globalThis as unknown as { document: { activeElement: Focused | null } }).document.activeElement;
    return { tag: el?.tagName ?? '', type: el?.type ?? '', submit: el?.getAttribute('type') === 'submit' };
  });

/**
 * Goes through the whole form with Tab alone, from the field that has the focus to the save button: in each group
 * of steps Space chooses the first step and the right arrow the second, each written answer is typed, and the
 * first note, interpreter and language are filled in. Returns how many groups of steps were answered.
 */
async function answerEverythingByKeyboard(page: Page): Promise<number> {
  let groups = 0;
  let notes = 0;
  let checks = 0;
  let languages = 0;
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const here = await focused(page);
    if (here.submit) return groups;
    if (here.type === 'radio') {
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      groups++;
    } else if (here.tag === 'TEXTAREA') {
      await page.keyboard.type('Haluaa töihin keittiöön.');
    } else if (here.type === 'checkbox' && checks++ === 0) {
      await page.keyboard.press('Space');
    } else if (here.type === 'text' && notes === languages && notes++ === 0) {
      await page.keyboard.type('Tulkki käänsi tasot arabiaksi.');
    } else if (here.type === 'text' && notes > languages && languages++ === 0) {
      await page.keyboard.type('arabia');
    }
  }
  throw new Error('the save button was never reached with Tab');
}

test.describe('the assessments of a participant', () => {
  test.use({ appOptions: { locale: 'fi', kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('are listed by stage, the intake recorded by keyboard alone, read in its own words and edited', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const s = ui(page, 'fi');
    const t = s.t;
    mkdirSync(SHOTS, { recursive: true });
    await page.clock.setFixedTime(AT_TEN);
    await page.setViewportSize({ width: 1280, height: 800 });
    await prepare(app);

    await submitNameAndPassphrase(page, 'fi', CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    await openFile(page, 'fi', 'Leila');
    const panel = await openTab(page, 'fi', 'assessments');

    // Five stages, the intake due by Friday of the first week; the follow-ups' days only provisional.
    const stages = panel.locator('.assessment-stage');
    await expect(stages).toHaveCount(5);
    await expect(stages.locator('.assessment-stage-name')).toHaveText([
      'Alkukartoitus',
      'Väliarviointi',
      'Loppuarviointi',
      'Seuranta 3 kk',
      'Seuranta 6 kk',
    ]);
    await expect(stages.nth(0)).toContainText(t('assessments.statuses.due'));
    await expect(stages.nth(0)).toContainText('Määräpäivä 4.12.2026');
    await expect(stages.nth(1)).toContainText(t('assessments.statuses.upcoming'));
    await expect(stages.nth(3)).toContainText('Määräpäivä arviolta');
    expect(await axeViolations(page), 'the stages').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/stages-fi.png` });

    // The intake, by keyboard: the record button is reached and pressed from the keyboard.
    const record = page.getByRole('button', { name: 'Tee arviointi: Alkukartoitus', exact: true });
    await record.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Alkukartoitus: uusi arviointi' })).toBeVisible();
    const date = page.getByLabel(t('assessments.form.date'), { exact: true });
    await expect(date).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4.12.2026');
    const answered = await answerEverythingByKeyboard(page);
    // Every scored item of version 1 once, and the self-confidence statements twice (participant and caseworker).
    expect(answered).toBe(await page.locator('[role="radiogroup"]').count());
    await expect(page.locator('.assessment-domain-progress').first()).toHaveText('4/4 arvioitu');
    await page.keyboard.press('Space');

    // A day after today is refused at the date, in Finnish, and the focus goes there.
    await expect(date).toBeFocused();
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field-invalid .field-error').first()).toHaveText('Arvioinnin päivä ei voi olla tulevaisuudessa.');
    expect(await axeViolations(page), 'the form with its error').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/form-error-fi.png` });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.12.2026');
    await page.keyboard.press('Enter');
    await expect(s.status('assessments.tab.saved', { stage: 'Alkukartoitus' })).toBeVisible();

    // Done, with its day; the focus is back on the stage, whose button now opens it.
    await expect(stages.nth(0)).toContainText(t('assessments.statuses.done'));
    await expect(stages.nth(0)).toContainText('Arvioitu 1.12.2026');
    const openIntake = page.getByRole('button', { name: 'Avaa arviointi: Alkukartoitus', exact: true });
    await expect(openIntake).toBeFocused();

    // Read in version 1's words: the step's own label, both views of a self-rating, the note and the interpreter.
    await page.keyboard.press('Enter');
    const view = page.locator('.assessment-view');
    await expect(view.getByRole('heading', { name: 'Alkukartoitus · 1.12.2026' })).toBeVisible();
    const listening = view.locator('.assessment-view-item').filter({ hasText: 'Kuullun ymmärtäminen' });
    await expect(listening).toContainText('A1.1 Kielitaidon alkeet');
    await expect(listening).toContainText('Tulkin avulla');
    await expect(listening).toContainText('Kieli: arabia');
    await expect(listening).toContainText('Lisätieto: Tulkki käänsi tasot arabiaksi.');
    const sameRights = view.locator('.assessment-view-item').filter({ hasText: 'samat oikeudet' });
    await expect(sameRights).toContainText('Osallistujan oma arvio: 2 Pitää vähän paikkansa');
    await expect(sameRights).toContainText('Ohjaajan arvio: 2 Pitää vähän paikkansa');
    expect(await axeViolations(page), 'the assessment read').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/read-fi.png` });

    // Edited: speaking one level up, by keyboard again.
    await s.button('assessments.tab.edit').click();
    await expect(page.getByRole('heading', { name: 'Alkukartoitus: muokkaa arviointia' })).toBeVisible();
    await expect(date).toHaveValue('1.12.2026');
    const speaking = page.getByRole('radiogroup', { name: 'Puhuminen', exact: true });
    await speaking.getByRole('radio', { name: 'A1.1 Kielitaidon alkeet' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(speaking.getByRole('radio', { name: 'A1.2 Kehittyvä alkeiskielitaito' })).toBeChecked();
    await page.screenshot({ path: `${SHOTS}/form-edit-fi.png` });
    await s.button('assessments.form.save').click();
    await expect(s.status('assessments.tab.saved', { stage: 'Alkukartoitus' })).toBeVisible();
    await openIntake.click();
    await expect(view.locator('.assessment-view-item').filter({ hasText: 'Puhuminen' })).toContainText(
      'A1.2 Kehittyvä alkeiskielitaito',
    );
    await s.button('assessments.tab.close').click();
    await expect(openIntake).toBeFocused();

    // Cancel leaves the form and gives the focus back to the button that opened it; with a step chosen, it asks first.
    const recordMidpoint = page.getByRole('button', { name: 'Tee arviointi: Väliarviointi', exact: true });
    await recordMidpoint.click();
    await s.button('common.cancel').click();
    await expect(recordMidpoint).toBeFocused();
    await recordMidpoint.click();
    await page.getByRole('radiogroup', { name: 'Puhuminen', exact: true }).getByRole('radio').first().check();
    await s.button('common.cancel').click();
    await s.button('assessments.form.discard').click();
    await expect(recordMidpoint).toBeFocused();
    await expect(stages.nth(1)).toContainText(t('assessments.statuses.upcoming'));

    // The psychologist reads the intake but records and edits nothing.
    await s.button('shell.lock').click();
    await submitNameAndPassphrase(page, 'fi', PSYCHOLOGIST.name, PSYCHOLOGIST.passphrase);
    await screen(page, 'home');
    await openFile(page, 'fi', 'Leila');
    await openTab(page, 'fi', 'assessments');
    await expect(stages).toHaveCount(5);
    await expect(panel.getByRole('button', { name: /^Tee arviointi/ })).toHaveCount(0);
    await openIntake.click();
    await expect(view.locator('.assessment-view-item').filter({ hasText: 'Puhuminen' })).toContainText(
      'A1.2 Kehittyvä alkeiskielitaito',
    );
    await expect(page.getByRole('button', { name: t('assessments.tab.edit') })).toHaveCount(0);

    expectCleanRun(app);
  });
});
