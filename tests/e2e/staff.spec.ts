/**
 * Staff accounts end to end, on the real screens over the real encrypted files with the production key
 * derivation: the coordinator adds a caseworker and hands over a one-time passphrase; he unlocks with his name
 * typed his own way, must choose his own passphrase, and sees no staff page; names stay unique as typed; ending
 * his access stops his passphrase; a new one-time passphrase gives access back. The staff page passes axe-core
 * with its add form and with a confirmation open, and its confirmations answer to the keyboard.
 */
import type { Locator } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import {
  expectCleanRun,
  invokeFromPage,
  readOneTimePassphrase,
  setUpLockedVault,
  submitNameAndPassphrase,
  ui,
  vaultStatus,
} from './flows';
import { axeViolations } from './axe';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const MATTI = 'Matti Meikäläinen';
const MATTI_AS_TYPED = '  matti   meikäläinen ';
const MATTI_AGAIN = 'MATTI  meikäläinen';
const MATTI_OWN = 'omenapuu kanelipulla ja syyssade';

for (const locale of ['en', 'fi'] as const satisfies readonly Locale[]) {
  test.describe(`staff accounts in ${locale}`, () => {
    test.use({ appOptions: { locale } });

    test('a colleague added by the coordinator unlocks by name with a one-time passphrase, and loses and regains access', async ({
      app,
    }) => {
      const { page } = app;
      const s = ui(page, locale);
      const nav = page.getByRole('navigation');
      const staffLink = nav.getByRole('button', { name: s.t('shell.nav.staff'), exact: true });
      /** The table row whose row header is exactly `name`. */
      const rowOf = (name: string): Locator =>
        page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      const rowButton = (key: string, name: string) =>
        page.getByRole('button', { name: s.t(`staff.actions.${key}`, { name }), exact: true });

      // The coordinator opens Polku with her name.
      await setUpLockedVault(app, locale, COORDINATOR);
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      await staffLink.click();
      await screen(page, 'staff');
      await expect(s.heading('staff.title')).toBeFocused();
      await expect(staffLink).toHaveAttribute('aria-current', 'page');
      await expect(rowOf(`${COORDINATOR.name} (${s.t('staff.table.you')})`)).toHaveCount(1);

      // Adding Matti as a caseworker shows his one-time passphrase once, with what to do with it.
      await s.button('staff.add.open').click();
      await expect(s.field('staff.add.name')).toBeFocused();
      expect(await axeViolations(page), 'staff page with the add form open').toEqual([]);
      await s.field('staff.add.name').fill(MATTI);
      await s.field('staff.add.role').selectOption({ label: s.t('roles.caseworker') });
      // Someone else at her unlocked laptop cannot add an account: her own passphrase is asked again, last.
      const own = s.field('passphrase.current');
      await own.fill('jonkun toisen arvaus');
      await s.button('staff.add.submit').click();
      await expect(own).toHaveAttribute('aria-invalid', 'true');
      await expect(own).toHaveAccessibleDescription(`${s.t('passphrase.currentHint')} ${s.t('errors.wrong_passphrase')}`);
      await expect(own).toBeFocused();
      await expect(own).toHaveValue('');
      expect((await invokeFromPage(page, 'users.list')) as { value: unknown[] }).toMatchObject({ value: [{}] });
      await own.fill(COORDINATOR.passphrase);
      await s.button('staff.add.submit').click();
      const oneTime = await readOneTimePassphrase(page);
      await expect(page.getByRole('heading', { level: 2, name: s.t('staff.issued.title', { name: MATTI }) })).toBeFocused();
      await expect(page.getByText(s.t('staff.issued.created', { name: MATTI, role: s.t('roles.caseworker') }))).toBeVisible();
      await expect(page.getByText(s.t('staff.issued.inPerson', { name: MATTI }))).toBeVisible();
      await expect(page.getByText(s.t('staff.issued.once'))).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
      await s.button('staff.issued.done').click();
      await expect(s.button('staff.add.open')).toBeFocused();
      await expect(page.getByText(oneTime)).toHaveCount(0);
      await expect(rowOf(MATTI).getByRole('cell')).toHaveText([
        s.t('roles.caseworker'),
        s.t('staff.status.waiting'),
        new RegExp(s.t('staff.actions.edit')),
      ]);

      // Matti unlocks with his name typed his own way and the one-time passphrase, then must choose his own.
      await s.button('shell.lock').click();
      await submitNameAndPassphrase(page, locale, MATTI_AS_TYPED, oneTime);
      await screen(page, 'new-passphrase');
      await expect(page.getByText(s.t('newPassphrase.introOneTime'), { exact: true })).toBeVisible();
      await expect(nav).toHaveCount(0);
      await s.field('newPassphrase.next').fill(MATTI_OWN);
      await s.field('newPassphrase.again').fill(MATTI_OWN);
      await s.button('newPassphrase.submit').click();
      await screen(page, 'home');
      await expect(s.heading('home.title', { name: MATTI })).toBeVisible();
      await expect(page.locator('.signed-in .role')).toHaveText(s.t('roles.caseworker'));
      await expect(nav.getByRole('button', { name: s.t('shell.nav.settings'), exact: true })).toBeVisible();
      await expect(staffLink).toHaveCount(0);
      expect(await invokeFromPage(page, 'users.list')).toMatchObject({ ok: false, code: 'forbidden' });

      // Back as the coordinator: the same name in another case and spacing is taken.
      await s.button('shell.lock').click();
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      await staffLink.click();
      await screen(page, 'staff');
      await expect(rowOf(MATTI).getByRole('cell').nth(1)).toHaveText(s.t('staff.status.active'));
      await s.button('staff.add.open').click();
      await s.field('staff.add.name').fill(MATTI_AGAIN);
      await s.field('passphrase.current').fill(COORDINATOR.passphrase);
      await s.button('staff.add.submit').click();
      await expect(s.field('staff.add.name')).toHaveAttribute('aria-invalid', 'true');
      await expect(s.field('staff.add.name')).toHaveAccessibleDescription(
        `${s.t('staff.add.nameHint')} ${s.t('errors.name_taken')}`,
      );
      await expect(s.field('staff.add.name')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(s.field('staff.add.name')).toHaveCount(0);
      await expect(s.button('staff.add.open')).toBeFocused();
      await expect(page.getByRole('rowheader')).toHaveCount(2);

      // Nobody changes their own role (a coordinator could make herself a psychologist): on her own account the role
      // is shown, not offered, and the hint says who can change it.
      await rowButton('editFor', COORDINATOR.name).click();
      await expect(s.field('staff.edit.role')).toBeDisabled();
      await expect(s.field('staff.edit.role')).toHaveAccessibleDescription(s.t('staff.edit.ownRole'));
      await s.button('common.cancel').click();
      await expect(rowButton('editFor', COORDINATOR.name)).toBeFocused();

      // Ending Matti's access takes two steps; Escape cancels the first time.
      const end = rowButton('endFor', MATTI);
      await end.focus();
      await page.keyboard.press('Enter');
      const question = page.getByText(s.t('staff.end.question', { name: MATTI }), { exact: true });
      await expect(question).toBeFocused();
      await expect(page.getByText(s.t('staff.end.explanation', { name: MATTI }), { exact: true })).toBeVisible();
      await expect(end).toHaveAttribute('aria-expanded', 'true');
      expect(await axeViolations(page), 'staff page with a confirmation open').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(question).toHaveCount(0);
      await expect(end).toBeFocused();
      await expect(rowOf(MATTI).getByRole('cell').nth(1)).toHaveText(s.t('staff.status.active'));
      await end.click();
      await s.button('staff.end.confirm').click();
      await expect(s.status('staff.end.done', { name: MATTI })).toBeVisible();
      await expect(rowOf(MATTI).getByRole('cell').nth(1)).toHaveText(s.t('staff.status.ended'));
      await expect(page.getByRole('table').locator('caption')).toBeFocused();
      await expect(end).toHaveCount(0);
      // The page says why the master key might be changed now, with the way to it.
      await expect(page.getByText(s.t('staff.end.keyOffer', { name: MATTI }), { exact: true })).toBeVisible();
      await expect(s.button('staff.end.keyOfferOpen')).toBeVisible();

      // His own passphrase no longer opens Polku.
      await s.button('shell.lock').click();
      await submitNameAndPassphrase(page, locale, MATTI, MATTI_OWN);
      await expect(s.alert()).toHaveText(s.t('unlock.wrongNameOrPassphrase'));
      expect((await vaultStatus(app)).state).toBe('locked');

      // The coordinator, back on the staff page where she locked, gives him access again with a new one-time passphrase.
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'staff');
      await rowButton('restoreFor', MATTI).click();
      await expect(page.getByText(s.t('staff.restore.question', { name: MATTI }), { exact: true })).toBeFocused();
      await s.field('passphrase.current').fill(COORDINATOR.passphrase);
      await s.button('staff.restore.confirm').click();
      const again = await readOneTimePassphrase(page);
      expect(again).not.toBe(oneTime);
      await expect(page.getByText(s.t('staff.issued.restored', { name: MATTI }))).toBeVisible();
      await s.button('staff.issued.done').click();
      await expect(rowButton('renewFor', MATTI)).toBeFocused();
      await expect(rowOf(MATTI).getByRole('cell').nth(1)).toHaveText(s.t('staff.status.waiting'));

      await s.button('shell.lock').click();
      await submitNameAndPassphrase(page, locale, MATTI, again);
      await screen(page, 'new-passphrase');
      expect(await vaultStatus(app)).toMatchObject({
        state: 'unlocked',
        session: { displayName: MATTI, mustChangePassphrase: true },
      });
      expectCleanRun(app);
    });
  });
}
