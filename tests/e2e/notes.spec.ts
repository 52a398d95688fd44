/**
 * Guidance notes and search end to end, on the real screens over the real encrypted files: the coordinator writes
 * a note (the text first) whose follow-up goes to a colleague and whose draft saves itself and is offered back after
 * the file is closed, saves it, edits it and reads both versions, ticks its follow-up done from the list, unfolds a
 * long note, then finds the first through search by typing the word without its dots and opens the file from the
 * hit. The notes tab (form and versions open) and the search screen pass axe-core.
 */
import { today } from '@shared/days';
import type { Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, invokeFromPage, setUpLockedVault, submitNameAndPassphrase, textPattern, ui } from './flows';
import { axeViolations } from './axe';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const FIRST_TEXT = 'Kävimme läpi ansioluettelon. Työ kaupassa kiinnostaa.';
const EDITED_TEXT = 'Kävimme läpi ansioluettelon. Työ kaupassa kiinnostaa; haastattelu ensi viikolla.';
const COLLEAGUE = 'Matti Kallio';
const TASK = 'Lähetä hakemus';
/** Eight lines: more than a note shows before it folds. */
const LONG_TEXT = Array.from({ length: 8 }, (_, i) => `Rivi ${i + 1}: asuntoasiat ja pankkitili.`).join('\n');

for (const locale of ['en', 'fi'] as const satisfies readonly Locale[]) {
  test.describe(`guidance notes and search in ${locale}`, () => {
    test.use({ appOptions: { locale } });

    test('a note is drafted, restored, saved, edited with its versions kept, and found by search', async ({ app }) => {
      const { page } = app;
      const s = ui(page, locale);
      const button = (key: string, values?: Record<string, string | number>) =>
        page.getByRole('button', { name: s.t(key, values), exact: true });
      const nav = (key: string) =>
        page.getByRole('navigation').getByRole('button', { name: s.t(`shell.nav.${key}`), exact: true });
      const notesTab = page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true });
      const openFile = async () => {
        await nav('participants').click();
        await page.getByRole('row').filter({ hasText: 'Leila' }).click();
        await screen(page, 'participant');
        await notesTab.click();
      };

      await setUpLockedVault(app, locale, COORDINATOR);
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      const created = (await invokeFromPage(page, 'participants.create', { firstName: 'Leila' })) as {
        value: { participant: { id: string; pseudonym: string } };
      };
      const { id: participantId, pseudonym } = created.value.participant;
      expect(
        await invokeFromPage(page, 'users.create', {
          displayName: COLLEAGUE,
          role: 'caseworker',
          currentPassphrase: COORDINATOR.passphrase,
        }),
      ).toMatchObject({
        ok: true,
      });
      const day = today();

      // Without consent to processing, the tab says so and offers no new note.
      await openFile();
      await expect(page.getByText(s.t('errors.consent_required'), { exact: true })).toBeVisible();
      await expect(button('notes.new')).toHaveCount(0);
      expect(
        await invokeFromPage(page, 'consents.record', { participantId, purpose: 'processing', givenOn: day, method: 'signed' }),
      ).toMatchObject({ ok: true });

      // The form saves a draft by itself after a pause in typing.
      await openFile();
      await button('notes.new').click();
      // The text is the first field, and the form opens there.
      await expect(page.getByLabel(s.t('notes.form.text'), { exact: true })).toBeFocused();
      await page.getByLabel(s.t('notes.topics.job_search'), { exact: true }).check();
      await page.getByLabel(s.t('notes.form.tags'), { exact: true }).fill('CV, kauppa');
      await page.getByLabel(s.t('notes.form.text'), { exact: true }).fill(FIRST_TEXT);
      await page.getByLabel(s.t('notes.form.hasFollowUp'), { exact: true }).check();
      await page.getByLabel(s.t('notes.form.followUpTask'), { exact: true }).fill(TASK);
      await page.getByLabel(s.t('notes.form.followUpDue'), { exact: true }).fill('2099-01-31');
      // The follow-up is the writer's until a colleague is chosen.
      const owner = page.getByLabel(s.t('notes.form.followUpOwner'), { exact: true });
      await expect(owner.locator('option:checked')).toHaveText(COORDINATOR.name);
      await owner.selectOption({ label: COLLEAGUE });
      await expect(page.locator('p').filter({ hasText: textPattern(locale, 'notes.draft.savedAt') })).toBeVisible();
      expect(await axeViolations(page), 'notes tab with the form open').toEqual([]);

      // Closing the file keeps the draft; it is offered back when the tab opens again.
      await page.getByRole('button', { name: s.t('case.back'), exact: true }).click();
      await openFile();
      await expect(
        page
          .getByRole('status')
          .locator('p')
          .filter({ hasText: textPattern(locale, 'notes.draft.restoreNew') }),
      ).toBeVisible();
      await button('notes.draft.continue').click();
      await expect(page.getByLabel(s.t('notes.form.text'), { exact: true })).toHaveValue(FIRST_TEXT);
      await expect(page.getByLabel(s.t('notes.topics.job_search'), { exact: true })).toBeChecked();
      await expect(owner.locator('option:checked')).toHaveText(COLLEAGUE);
      await button('notes.form.save').click();
      await expect(s.status('notes.form.saved')).toBeVisible();
      expect(await invokeFromPage(page, 'notes.drafts', { participantId })).toMatchObject({ ok: true, value: { drafts: [] } });
      const article = page.getByRole('article');
      await expect(article).toContainText(FIRST_TEXT);
      await expect(article).toContainText(s.t('notes.topics.job_search'));
      await expect(article).toContainText('kauppa');
      await expect(article).toContainText(COLLEAGUE);

      // An edit keeps the first version, readable from the "edited" marker.
      await article.getByRole('button', { name: textPattern(locale, 'notes.list.editFor') }).click();
      await page.getByLabel(s.t('notes.form.text'), { exact: true }).fill(EDITED_TEXT);
      await button('notes.form.save').click();
      await expect(article).toContainText(EDITED_TEXT);
      const edited = article.getByRole('button', { name: textPattern(locale, 'notes.list.editedFor') });
      await expect(edited).toHaveText(s.t('notes.list.edited', { versions: 2 }));
      await edited.click();
      const versions = page.getByRole('group', { name: s.t('notes.versions.title'), exact: true });
      await expect(versions).toContainText(s.t('notes.versions.current', { number: 2 }));
      await expect(versions).toContainText(s.t('notes.versions.version', { number: 1 }));
      await expect(versions).toContainText(FIRST_TEXT);
      expect(await axeViolations(page), 'notes tab with the versions open').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(versions).toHaveCount(0);
      await expect(edited).toBeFocused();

      // The follow-up task is ticked done from the list.
      // The box shows the stored state, so it turns checked once the main side has saved it.
      const done = article.getByRole('checkbox', { name: s.t('notes.list.markDoneFor', { task: TASK }), exact: true });
      await done.click();
      await expect(done).toBeChecked();
      await expect(s.status('notes.list.markedDone')).toBeVisible();
      const notes = (await invokeFromPage(page, 'notes.list', { participantId })) as {
        value: { notes: Array<{ followUp: { done: boolean; ownerName: string | null } | null }> };
      };
      expect(notes.value.notes[0]?.followUp).toMatchObject({ done: true, ownerName: COLLEAGUE });

      // A long note shows folded; "show more" opens it, from the keyboard too, and folds it again.
      await button('notes.new').click();
      await page.getByLabel(s.t('notes.form.text'), { exact: true }).fill(LONG_TEXT);
      await button('notes.form.save').click();
      await expect(s.status('notes.form.saved')).toBeVisible();
      const long = page.getByRole('article').first();
      await expect(long).toContainText('Rivi 1:');
      await expect(long).not.toContainText('Rivi 8:');
      const more = long.getByRole('button', { name: textPattern(locale, 'notes.list.showMoreFor') });
      await expect(more).toHaveAttribute('aria-expanded', 'false');
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(long).toContainText('Rivi 8:');
      const less = long.getByRole('button', { name: textPattern(locale, 'notes.list.showLessFor') });
      await expect(less).toHaveAttribute('aria-expanded', 'true');
      await expect(less).toBeFocused();
      await page.keyboard.press('Space');
      await expect(long).not.toContainText('Rivi 8:');

      // Search finds "Työ" typed without its dots, marks the word, and opens the file.
      await nav('search').click();
      await screen(page, 'search');
      await page.getByRole('searchbox', { name: s.t('search.label') }).fill('tyo kaupa');
      await expect(s.status('search.count_one', { count: 1 })).toBeVisible();
      await expect(page.locator('.search-snippet mark')).toHaveText(['Työ', 'kaupassa']);
      // The caseworker may see names: the hit shows the participant's name beside the code.
      await expect(page.locator('.search-hit-name')).toHaveText('Leila');
      expect(await axeViolations(page), 'search with a result').toEqual([]);
      await page.getByRole('button', { name: s.t('search.open', { pseudonym }), exact: true }).click();
      await screen(page, 'participant');

      expectCleanRun(app);
    });
  });
}
