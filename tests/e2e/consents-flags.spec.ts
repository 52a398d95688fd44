/**
 * The consent register and safety flags end to end, on the real screens over the real encrypted files: the
 * coordinator opens a participant's file, records consents (sharing needs a named partner), withdraws one, allows
 * photos without consent with a reason, then sets a safety flag that shows as a banner over the file and clears
 * it with a confirmation. Both tabs pass axe-core with the banner shown.
 */
import type { Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, invokeFromPage, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const PARTNER = 'Aikuiskoulutuskeskus';
const NOTE = 'Never confirm she is a participant.';
const REASON = 'The exhibition opens on Friday; the participant agreed by phone.';

for (const locale of ['en', 'fi'] as const satisfies readonly Locale[]) {
  test.describe(`consents and safety flags in ${locale}`, () => {
    test.use({ appOptions: { locale } });

    test('the coordinator records and withdraws consents, allows one without consent, and sets and clears a flag', async ({
      app,
    }) => {
      const { page } = app;
      const s = ui(page, locale);
      const purpose = (key: string) => s.t(`consents.purposes.${key}`);
      const rowOf = (key: string) =>
        page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: purpose(key), exact: true }) });
      const button = (key: string, values?: Record<string, string>) =>
        page.getByRole('button', { name: s.t(key, values), exact: true });
      const banner = page.getByRole('region', { name: s.t('flags.banner.label'), exact: true });

      await setUpLockedVault(app, locale, COORDINATOR);
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      expect(await invokeFromPage(page, 'participants.create', { firstName: 'Leila' })).toMatchObject({ ok: true });

      // The file opens from the registry, with no banner while no flag is set.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: s.t('shell.nav.participants'), exact: true })
        .click();
      await page.getByRole('row').filter({ hasText: 'Leila' }).click();
      await screen(page, 'participant');
      await page.getByRole('tab', { name: s.t('case.tabs.consents'), exact: true }).click();
      await expect(rowOf('processing')).toContainText(s.t('consents.standing.missing'));
      await expect(banner).toHaveCount(0);

      // Processing: recorded today, given orally through an interpreter.
      await button('consents.actions.recordFor', { purpose: purpose('processing') }).click();
      await page
        .getByLabel(s.t('consents.record.method'), { exact: true })
        .selectOption({ label: s.t('consents.methods.oral_with_interpreter') });
      await button('consents.record.submit').click();
      await expect(s.status('consents.record.saved', { purpose: purpose('processing') })).toBeVisible();
      await expect(rowOf('processing')).toContainText(s.t('consents.standing.consent'));
      await expect(rowOf('processing')).toContainText(s.t('consents.methods.oral_with_interpreter'));

      // Sharing needs the partner's name, said next to the field.
      await button('consents.actions.recordFor', { purpose: purpose('partner_sharing') }).click();
      await button('consents.record.submit').click();
      const partnerField = page.getByLabel(s.t('consents.record.partnerName'), { exact: true });
      await expect(partnerField).toBeFocused();
      await expect(partnerField).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText(s.t('validation.required'), { exact: true })).toBeVisible();
      await partnerField.fill(PARTNER);
      await button('consents.record.submit').click();
      await expect(rowOf('partner_sharing')).toContainText(PARTNER);

      // Withdrawing is a second step, and the withdrawn consent moves to the earlier records.
      const what = `${purpose('partner_sharing')}, ${PARTNER}`;
      await button('consents.actions.withdrawFor', { what }).click();
      await expect(page.getByText(s.t('consents.withdraw.question', { what }), { exact: true })).toBeFocused();
      await button('consents.withdraw.confirm').click();
      await expect(rowOf('partner_sharing')).toContainText(s.t('consents.standing.withdrawn'));
      await expect(page.getByText(s.t('consents.history.summary', { count: '1' }), { exact: true })).toBeVisible();

      // Photos: allowed without consent, with the reason shown to colleagues.
      await button('consents.actions.overrideFor', { purpose: purpose('photos') }).click();
      await page.getByLabel(s.t('consents.override.reason'), { exact: true }).fill(REASON);
      await button('consents.override.submit').click();
      await expect(rowOf('photos')).toContainText(s.t('consents.standing.override'));
      await expect(rowOf('photos')).toContainText(REASON);
      expect(await axeViolations(page)).toEqual([]);

      // A safety flag shows at once in the banner over every tab of the file.
      await page.getByRole('tab', { name: s.t('case.tabs.flags'), exact: true }).click();
      await button('flags.add.open').click();
      await page.getByLabel(s.t('flags.add.note'), { exact: true }).fill(NOTE);
      await button('flags.add.submit').click();
      await expect(banner).toContainText(s.t('flags.kinds.exploiter_contact_risk'));
      await expect(banner).toContainText(NOTE);
      await page.getByRole('tab', { name: s.t('case.tabs.consents'), exact: true }).click();
      await expect(banner).toBeVisible();
      await page.getByRole('tab', { name: s.t('case.tabs.flags'), exact: true }).click();
      expect(await axeViolations(page)).toEqual([]);

      // Clearing asks first; Escape backs out, confirming clears it and the banner goes.
      const kind = s.t('flags.kinds.exploiter_contact_risk');
      await button('flags.clear.actionFor', { kind }).click();
      await page.keyboard.press('Escape');
      await expect(button('flags.clear.actionFor', { kind })).toBeFocused();
      await button('flags.clear.actionFor', { kind }).click();
      await button('flags.clear.confirm').click();
      await expect(banner).toHaveCount(0);
      // Said in the flags' tab (the overview, kept in the page behind it, says the same).
      const flagsPanel = page.getByRole('tabpanel', { name: s.t('case.tabs.flags') });
      await expect(flagsPanel.getByText(s.t('flags.active.none'), { exact: true })).toBeVisible();
      await expect(page.getByText(s.t('flags.history.summary', { count: '1' }), { exact: true })).toBeVisible();

      expectCleanRun(app);
    });
  });
}
