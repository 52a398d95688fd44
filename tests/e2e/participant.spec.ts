/**
 * A participant's file end to end, on the real screens over the real encrypted files: the coordinator creates a
 * participant through the intake form (a field error shown next to its field, then the possible-duplicate
 * warning with the other file to open, then "a different person"), edits the details (only the changed fields
 * are sent), moves the status with a reason, finds it all on the timeline with a safety flag set meanwhile,
 * goes through the tabs with the keyboard, and deletes a file in two steps. Each state passes axe-core.
 */
import type { Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, invokeMain, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };

for (const LOCALE of ['en', 'fi'] as const satisfies readonly Locale[]) {
  test.describe(`a participant file in ${LOCALE}`, () => {
    test.use({ appOptions: { locale: LOCALE } });

    test('is created through the form, edited, moved along the status workflow, read on every tab and deleted', async ({
      app,
    }) => {
      const { page } = app;
      const s = ui(page, LOCALE);
      const year = new Date().getFullYear();
      const nav = page.getByRole('navigation');
      const field = (key: string) => s.field(`participant.fields.${key}`);
      const newParticipant = async () => {
        await nav.getByRole('button', { name: s.t('shell.nav.participants'), exact: true }).click();
        await screen(page, 'participants');
        await s.button('registry.newParticipant').click();
        await screen(page, 'participant-new');
        await expect(s.heading('participant.new.title')).toBeFocused();
      };
      const caseHeading = (pseudonym: string, name: string) =>
        page.getByRole('heading', { level: 1, name: s.t('case.titleWithName', { pseudonym, name }), exact: true });

      await setUpLockedVault(app, LOCALE, COORDINATOR);
      await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');

      // The intake form: a year of birth too recent for an adult and a mistyped email are shown next to their
      // fields, and focus goes to the first of them.
      await newParticipant();
      expect(await axeViolations(page), 'empty participant form').toEqual([]);
      await field('firstName').fill('Leila');
      await field('lastName').fill('Haddad');
      await page.getByRole('radio', { name: s.t('participant.ageKnown.year') }).check();
      await field('birthYear').fill(String(year - 5));
      await s.field('participant.languages.inputLabel').fill('Arabic');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('list', { name: s.t('participant.fields.languages') }).getByRole('listitem')).toHaveText([
        new RegExp(`^Arabic`),
      ]);
      await field('email').fill('leila@');
      await field('safeContactMethod').selectOption({ label: s.t('participant.safeContactMethod.text_message') });
      await field('safeContactNotes').fill('Weekdays 9–12 only. Never leave a voice message.');
      await field('referralSourceType').selectOption({ label: s.t('participant.referralSource.ngo') });
      await field('referralDate').fill(`${year}-10-01`);
      await s.button('participant.new.submit').click();
      const tooRecent = s.t('participant.errors.birthYearTooRecent', { max: year - 15 });
      await expect(field('birthYear')).toHaveAttribute('aria-invalid', 'true');
      await expect(field('birthYear')).toHaveAccessibleDescription(`${s.t('participant.fields.birthYearHint')} ${tooRecent}`);
      await expect(field('birthYear')).toBeFocused();
      await expect(field('email')).toHaveAccessibleDescription(s.t('validation.email'));
      expect(await axeViolations(page), 'participant form with field errors').toEqual([]);
      await field('birthYear').fill('1991');
      await expect(field('birthYear')).not.toHaveAttribute('aria-invalid');
      await field('email').fill('leila.h@example.org');
      await s.button('participant.new.submit').click();

      await screen(page, 'participant');
      const first = (await invokeMain(app, 'participants.list', {})) as { value: { rows: { id: string; pseudonym: string }[] } };
      const leila = first.value.rows[0]!;
      expect(leila.pseudonym).toMatch(/^P-\d{4}-001$/);
      await expect(caseHeading(leila.pseudonym, 'Leila')).toBeFocused();
      await expect(page.getByText(s.t('participant.status.referred'), { exact: true }).first()).toBeVisible();

      // The same name and year again: the warning names the other file's code, which opens it.
      await newParticipant();
      await field('firstName').fill('leila');
      await field('lastName').fill('HADDAD');
      await page.getByRole('radio', { name: s.t('participant.ageKnown.year') }).check();
      await field('birthYear').fill('1991');
      await s.button('participant.new.submit').click();
      const warning = page.getByRole('heading', { level: 2, name: s.t('participant.duplicate.title') });
      await expect(warning).toBeFocused();
      expect(await axeViolations(page), 'participant form with the duplicate warning').toEqual([]);
      await page
        .getByRole('button', { name: s.t('participant.duplicate.open', { pseudonym: leila.pseudonym }), exact: true })
        .click();
      await screen(page, 'participant');
      await expect(caseHeading(leila.pseudonym, 'Leila')).toBeVisible();

      // It was someone else after all: the form again, and "a different person".
      await newParticipant();
      await field('firstName').fill('Leila');
      await field('lastName').fill('Haddad');
      await page.getByRole('radio', { name: s.t('participant.ageKnown.year') }).check();
      await field('birthYear').fill('1991');
      await s.button('participant.new.submit').click();
      await expect(warning).toBeFocused();
      await s.button('participant.duplicate.createAnyway').click();
      await screen(page, 'participant');
      const second = (await invokeMain(app, 'participants.list', { sort: 'pseudonym', direction: 'desc' })) as {
        value: { rows: { id: string; pseudonym: string }[] };
      };
      const other = second.value.rows[0]!;
      expect(other.pseudonym).toMatch(/^P-\d{4}-002$/);
      await expect(caseHeading(other.pseudonym, 'Leila')).toBeFocused();
      expect(await axeViolations(page), 'a participant file, overview').toEqual([]);

      // The base data is folded under its heading; editing sends only what changed: the audit names exactly those fields.
      await expect(s.button('case.overview.edit')).toBeHidden();
      await page
        .locator('summary')
        .filter({ hasText: s.t('case.overview.title') })
        .click();
      await s.button('case.overview.edit').click();
      await expect(field('firstName')).toBeFocused();
      await field('preferredName').fill('Lili');
      await s.field('participant.languages.inputLabel').fill('Tigrinya');
      await s.button('participant.languages.add').click();
      await s.field('participant.fields.interpreterNeeded').check();
      await field('interpreterLanguage').fill('Tigrinya');
      await s.button('participant.edit.submit').click();
      await expect(s.status('case.overview.saved')).toBeVisible();
      await expect(s.button('case.overview.edit')).toBeFocused();
      await expect(caseHeading(other.pseudonym, 'Lili')).toBeVisible();
      await expect(
        page.getByRole('definition').filter({ hasText: s.t('case.details.interpreterIn', { language: 'Tigrinya' }) }),
      ).toHaveCount(1);
      const updates = (await invokeMain(app, 'audit.list', { action: 'participants.update' })) as {
        value: { entries: { entityId: string; detail: string }[] };
      };
      expect(updates.value.entries.map((e) => [e.entityId, e.detail])).toEqual([
        [other.id, 'preferredName,languages,interpreterNeeded,interpreterLanguage'],
      ]);

      // Discontinuing asks for the reason next to its field; closing is final.
      const nextStatus = s.field('participant.statusControl.next');
      await nextStatus.selectOption({ label: s.t('participant.status.discontinued') });
      await s.button('participant.statusControl.submit').click();
      const reason = s.field('participant.statusControl.reason');
      await expect(reason).toHaveAttribute('aria-invalid', 'true');
      await expect(reason).toBeFocused();
      await expect(reason).toHaveAccessibleDescription(
        `${s.t('participant.statusControl.reasonHint')} ${s.t('validation.reason_required')}`,
      );
      await reason.fill('Moved to another town.');
      await s.button('participant.statusControl.submit').click();
      await expect(
        s.status('participant.statusControl.changed', { status: s.t('participant.status.discontinued') }),
      ).toBeVisible();
      await expect(page.locator('.case-facts .status-badge')).toHaveText(
        `${s.t('case.statusLabel')} ${s.t('participant.status.discontinued')}`,
      );
      await nextStatus.selectOption({ label: s.t('participant.status.closed') });
      await expect(nextStatus).toHaveAccessibleDescription(s.t('participant.statusControl.closeWarning'));
      await s.button('participant.statusControl.submit').click();
      await expect(page.getByText(s.t('participant.statusControl.closed'), { exact: true })).toBeVisible();
      await expect(nextStatus).toHaveCount(0);

      // A colleague's safety flag, set meanwhile, joins the file's own events on the timeline.
      expect(
        await invokeMain(app, 'flags.set', { participantId: other.id, kind: 'exploiter_contact_risk', note: 'Code word: blue.' }),
      ).toMatchObject({ ok: true });

      // The tabs answer to the arrow keys, Home and End; the timeline shows everything, newest first.
      const tab = (key: string) => page.getByRole('tab', { name: s.t(`case.tabs.${key}`), exact: true });
      await tab('overview').focus();
      await page.keyboard.press('ArrowRight');
      await expect(tab('timeline')).toBeFocused();
      await expect(tab('timeline')).toHaveAttribute('aria-selected', 'true');
      const panel = page.getByRole('tabpanel', { name: s.t('case.tabs.timeline') });
      await expect(panel.locator('.timeline-what strong')).toHaveText([
        s.t('case.timeline.kindWithLabel', {
          kind: s.t('case.timeline.kinds.flag_set'),
          label: s.t('flags.kinds.exploiter_contact_risk'),
        }),
        s.t('case.timeline.kindWithLabel', {
          kind: s.t('case.timeline.kinds.status_changed'),
          label: s.t('participant.status.closed'),
        }),
        s.t('case.timeline.kindWithLabel', {
          kind: s.t('case.timeline.kinds.status_changed'),
          label: s.t('participant.status.discontinued'),
        }),
        s.t('case.timeline.kinds.participant_created'),
      ]);
      await expect(panel.locator('.timeline-who').first()).toHaveText(s.t('case.timeline.by', { name: COORDINATOR.name }));
      await expect(panel.getByText('Code word: blue.', { exact: true })).toBeVisible();
      expect(await axeViolations(page), 'a participant file, timeline').toEqual([]);
      const show = panel.getByLabel(s.t('case.timeline.filter'), { exact: true });
      await show.selectOption({ label: s.t('case.timeline.filters.file') });
      await expect(panel.locator('.timeline-item')).toHaveCount(3);
      await show.selectOption({ label: s.t('case.timeline.filters.consents') });
      await expect(panel.getByText(s.t('case.timeline.emptyFiltered'), { exact: true })).toBeVisible();
      await tab('timeline').focus();
      await page.keyboard.press('End');
      await expect(tab('psychosocial')).toBeFocused();
      await expect(tab('psychosocial')).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('ArrowRight');
      await expect(tab('overview')).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(tab('psychosocial')).toBeFocused();
      await page.keyboard.press('Home');
      await expect(tab('overview')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tab', { selected: true })).toHaveCount(1);

      // The overview, read again on coming back, shows the colleague's flag at a glance and opens the flags' tab.
      const glance = page.getByRole('region', { name: s.t('case.glance.label') });
      const flagsPart = glance.getByRole('region', { name: s.t('flags.active.title') });
      await expect(flagsPart.getByRole('listitem')).toHaveText([s.t('flags.kinds.exploiter_contact_risk')]);
      await expect(glance.getByRole('region', { name: s.t('consents.title') })).toContainText(
        `${s.t('consents.purposes.processing')} ${s.t('consents.standing.missing')}`,
      );
      await expect(glance.getByRole('region', { name: s.t('case.glance.followUps.title') })).toContainText(
        s.t('case.glance.followUps.none'),
      );
      await page.screenshot({ path: `/tmp/overview-file-${LOCALE}.png`, fullPage: true });
      await flagsPart.getByRole('button', { name: s.t('case.glance.flags.open'), exact: true }).click();
      await expect(tab('flags')).toBeFocused();
      await expect(tab('flags')).toHaveAttribute('aria-selected', 'true');
      await tab('overview').click();

      // Deleting the file is folded away at the bottom of the overview.
      await expect(s.button('case.delete.open')).toBeHidden();
      await page
        .locator('summary')
        .filter({ hasText: s.t('case.delete.sectionTitle') })
        .click();

      // Deleting takes a preview and the code typed back; a wrong code is refused next to the field.
      await s.button('case.delete.open').click();
      const dialog = page.getByRole('dialog', { name: s.t('case.delete.title', { pseudonym: other.pseudonym }) });
      await expect(dialog.getByText(s.t('records.participants_one'), { exact: true })).toBeVisible();
      expect(await axeViolations(page), 'the delete dialog').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(s.button('case.delete.open')).toBeFocused();
      await s.button('case.delete.open').click();
      await dialog.getByRole('button', { name: s.t('case.delete.continue'), exact: true }).click();
      const code = dialog.getByLabel(s.t('case.delete.typeCode', { pseudonym: other.pseudonym }), { exact: true });
      await expect(code).toBeFocused();
      await code.fill(leila.pseudonym);
      await dialog.getByRole('button', { name: s.t('case.delete.confirm', { pseudonym: other.pseudonym }) }).click();
      await expect(code).toHaveAccessibleDescription(
        `${s.t('case.delete.typeCodeHint')} ${s.t('validation.confirmation_mismatch')}`,
      );
      await code.fill(other.pseudonym.toLowerCase());
      await dialog.getByRole('button', { name: s.t('case.delete.confirm', { pseudonym: other.pseudonym }) }).click();
      await screen(page, 'participants');
      expect(await invokeMain(app, 'participants.get', { id: other.id })).toMatchObject({ ok: false, code: 'not_found' });
      expect(await invokeMain(app, 'participants.get', { id: leila.id })).toMatchObject({ ok: true });
      expectCleanRun(app);
    });
  });
}
