/**
 * The vault's user flows end to end, on the real screens over the real encrypted files: first run, the recovery
 * code, locking and unlocking, wrong passphrases, changing the passphrase, opening with the recovery code, the
 * unlock throttle, the idle lock, and the coordinator's integrity check and master-key rotation. Every key slot
 * uses the production key derivation, so each wait the person sees is the real one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import {
  confirmRecoveryCode,
  expectCleanRun,
  readRecoveryCode,
  setUpLockedVault,
  setUpThroughScreens,
  submitPassphrase,
  text,
  textPattern,
  ui,
  unlock,
  vaultStatus,
  wrongRecoveryCode,
} from './flows';
import { openSettingsPage } from './case-flows';

const NAME = 'Aino Vainikkala';
const FIRST = 'kimalainen lyhty purje omenapuu';
const SECOND = 'fyrtorn kanel segelbåt hallon';
const THIRD = 'majakka kaneli purjevene vadelma';
const WRONG = 'väärä arvaus ihan kokonaan';

for (const locale of ['en', 'fi'] as const satisfies readonly Locale[]) {
  test.describe(`the vault's main flow in ${locale}`, () => {
    test.use({ appOptions: { locale } });

    test('set up, confirm the recovery code, lock, unlock, change the passphrase and recover with the code', async ({ app }) => {
      const { page } = app;
      const s = ui(page, locale);

      // First run: name, passphrase and its confirmation, with the strength meter following the typing.
      await screen(page, 'setup');
      await expect(s.heading('setup.title')).toBeVisible();
      const meter = page.locator('[data-screen="setup"] .strength-level');
      await expect(meter).toHaveText(`${s.t('strength.label')}: ${s.t('strength.empty')}`);
      await s.field('setup.displayName').fill(NAME);
      await s.field('setup.passphrase').fill(FIRST);
      await expect(meter).toHaveText(
        new RegExp(`^${s.t('strength.label')}: (${s.t('strength.levels.3')}|${s.t('strength.levels.4')})$`),
      );
      await s.field('setup.confirm').fill(FIRST);
      await s.button('setup.submit').click();

      const code = await readRecoveryCode(page);
      await expect(s.heading('recoveryCode.title')).toBeVisible();
      expect(existsSync(join(app.dataDir, 'polku.db')) && existsSync(join(app.dataDir, 'polku.keys'))).toBe(true);
      expect(await vaultStatus(app)).toMatchObject({ state: 'unlocked', session: { displayName: NAME, recoveryPending: true } });

      // The code typed back: a wrong one is refused in words, the right one opens home.
      await s.button('recoveryCode.written').click();
      await screen(page, 'recovery-confirm');
      await s.field('recoveryConfirm.field').fill(wrongRecoveryCode(code));
      await s.button('recoveryConfirm.submit').click();
      await expect(s.alert()).toHaveText(s.t('errors.wrong_recovery_code'));
      await expect(page.locator('[data-screen="recovery-confirm"]')).toBeVisible();
      await s.field('recoveryConfirm.field').fill(code.toLowerCase().replace(/-/g, ' '));
      await s.button('recoveryConfirm.submit').click();
      await screen(page, 'home');
      await expect(s.heading('home.title', { name: NAME })).toBeVisible();
      expect((await vaultStatus(app)).session?.recoveryPending).toBe(false);
      expect(await page.content()).toContain(NAME);

      // The Lock button drops everything the page knew.
      await s.button('shell.lock').click();
      await screen(page, 'unlock');
      await expect(s.heading('unlock.title')).toBeVisible();
      await expect(s.status('unlock.reasons.manual')).toBeVisible();
      expect(await page.content()).not.toContain(NAME);
      expect((await vaultStatus(app)).state).toBe('locked');

      // A wrong passphrase is refused in words and the vault stays locked.
      await submitPassphrase(page, locale, WRONG);
      await expect(s.alert()).toHaveText(s.t('unlock.wrongNameOrPassphrase'));
      await expect(s.field('unlock.passphrase')).toHaveValue('');
      expect((await vaultStatus(app)).state).toBe('locked');
      await unlock(page, locale, FIRST);
      await expect(s.heading('home.title', { name: NAME })).toBeVisible();

      // Ctrl+L locks from anywhere.
      await page.keyboard.press('Control+KeyL');
      await screen(page, 'unlock');
      expect(await page.content()).not.toContain(NAME);
      expect((await vaultStatus(app)).state).toBe('locked');
      await unlock(page, locale, FIRST);

      // Settings: a wrong current passphrase is refused; the right one changes it.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: s.t('shell.nav.settings'), exact: true })
        .click();
      await screen(page, 'settings');
      await openSettingsPage(page, locale, 'lock');
      await s.field('settings.passphrase.current').fill(WRONG);
      await s.field('settings.passphrase.next').fill(SECOND);
      await s.field('settings.passphrase.again').fill(SECOND);
      await s.button('settings.passphrase.submit').click();
      await expect(s.alert()).toHaveText(s.t('errors.wrong_passphrase'));
      await s.field('settings.passphrase.current').fill(FIRST);
      await s.button('settings.passphrase.submit').click();
      await expect(s.status('settings.passphrase.done')).toBeVisible();
      await expect(s.alert()).toHaveCount(0);

      // Only the new passphrase opens the vault now.
      await s.button('shell.lock').click();
      await submitPassphrase(page, locale, FIRST);
      await expect(s.alert()).toHaveText(s.t('unlock.wrongNameOrPassphrase'));
      expect((await vaultStatus(app)).state).toBe('locked');
      // Back where they were: the settings page they locked on.
      await submitPassphrase(page, locale, SECOND);
      await screen(page, 'settings');

      // The recovery code opens the vault and forces a new passphrase before anything else.
      await s.button('shell.lock').click();
      await screen(page, 'unlock');
      await s.button('unlock.forgot').click();
      await screen(page, 'recovery-unlock');
      await s.field('recoveryUnlock.field').fill(code);
      await s.button('recoveryUnlock.submit').click();
      await screen(page, 'new-passphrase');
      await expect(s.heading('newPassphrase.title')).toBeVisible();
      await expect(page.getByRole('navigation')).toHaveCount(0);
      expect((await vaultStatus(app)).session?.mustChangePassphrase).toBe(true);
      await s.field('newPassphrase.next').fill(THIRD);
      await s.field('newPassphrase.again').fill(THIRD);
      await s.button('newPassphrase.submit').click();
      // With the new passphrase set, the same user is back on the page they locked on.
      await screen(page, 'settings');
      expect((await vaultStatus(app)).session?.mustChangePassphrase).toBe(false);

      // The newest passphrase is the one that works.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: s.t('shell.nav.home'), exact: true })
        .click();
      await s.button('shell.lock').click();
      await unlock(page, locale, THIRD);
      await expect(s.heading('home.title', { name: NAME })).toBeVisible();

      expectCleanRun(app);
    });
  });
}

test.describe('first-run setup', () => {
  test.use({ appOptions: { locale: 'en' } });

  test('refuses a mismatched confirmation and a too-short passphrase next to the fields, creating no vault', async ({ app }) => {
    const { page } = app;
    const s = ui(page, 'en');
    await screen(page, 'setup');
    await s.field('setup.displayName').fill(NAME);

    await s.field('setup.passphrase').fill(FIRST);
    await s.field('setup.confirm').fill(SECOND);
    await s.button('setup.submit').click();
    await expect(s.field('setup.confirm')).toHaveAttribute('aria-invalid', 'true');
    await expect(s.field('setup.confirm')).toHaveAccessibleDescription(s.t('validation.passphrase_mismatch'));
    await expect(s.field('setup.confirm')).toBeFocused();
    await expect(s.field('setup.passphrase')).not.toHaveAttribute('aria-invalid');

    await s.field('setup.passphrase').fill('lyhyt sana');
    await s.field('setup.confirm').fill('lyhyt sana');
    await s.button('setup.submit').click();
    await expect(s.field('setup.passphrase')).toHaveAttribute('aria-invalid', 'true');
    await expect(s.field('setup.passphrase')).toHaveAccessibleDescription(
      `${text('en', 'passphrase.chooseHint', { min: 12 })} ${text('en', 'validation.too_short', { min: 12 })}`,
    );
    await expect(s.field('setup.passphrase')).toBeFocused();

    await screen(page, 'setup');
    expect(existsSync(join(app.dataDir, 'polku.db'))).toBe(false);
    expect(existsSync(join(app.dataDir, 'polku.keys'))).toBe(false);
    expect((await vaultStatus(app)).state).toBe('uninitialized');
    expectCleanRun(app);
  });
});

test.describe('locking', () => {
  test.use({ appOptions: { locale: 'en', now: 'manual' } });

  test('after three wrong passphrases the Unlock button waits out a countdown, then works again', async ({ app }) => {
    const { page } = app;
    const s = ui(page, 'en');
    // The page's own clock runs the countdown; the test moves it together with the core's.
    await page.clock.install();
    await setUpLockedVault(app, 'en', { name: NAME, passphrase: FIRST });
    const submit = s.button('unlock.submit');

    for (let attempt = 1; attempt <= 2; attempt++) {
      await submitPassphrase(page, 'en', WRONG);
      await expect(s.alert()).toHaveText(s.t('unlock.wrongNameOrPassphrase'));
      await expect(submit).not.toHaveAttribute('aria-disabled');
    }
    await submitPassphrase(page, 'en', WRONG);
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    // Shown as a countdown, and told once to screen readers.
    await expect(page.locator('.notice-warning')).toHaveText(textPattern('en', 'throttle.wait'));
    await expect(page.getByRole('status').filter({ hasText: textPattern('en', 'throttle.announceWait') })).toHaveCount(1);
    expect((await vaultStatus(app)).retryAfterMs).toBe(5_000);

    // Submitting during the wait does nothing.
    await s.field('unlock.passphrase').fill(FIRST);
    await s.field('unlock.passphrase').press('Enter');
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    expect((await vaultStatus(app)).state).toBe('locked');

    app.clock?.advance(5_000);
    await page.clock.fastForward(5_000);
    await expect(submit).not.toHaveAttribute('aria-disabled');
    await expect(s.status('throttle.ready')).toBeVisible();
    expect((await vaultStatus(app)).retryAfterMs).toBe(0);
    await unlock(page, 'en', FIRST);
    expectCleanRun(app);
  });

  test('an idle session locks itself after the auto-lock time and says why', async ({ app }) => {
    const { page } = app;
    const s = ui(page, 'en');
    await setUpLockedVault(app, 'en', { name: NAME, passphrase: FIRST });
    await unlock(page, 'en', FIRST);
    await expect(page.getByText(s.t('home.autoLock_other', { count: 5 }))).toBeVisible();

    app.clock?.advance(4 * 60_000);
    app.core?.checkIdle();
    expect((await vaultStatus(app)).state).toBe('unlocked');
    await expect(s.heading('home.title', { name: NAME })).toBeVisible();

    app.clock?.advance(60_000 + 1);
    await screen(page, 'unlock');
    await expect(s.status('unlock.reasons.idle')).toBeVisible();
    expect((await vaultStatus(app)).state).toBe('locked');
    expect(await page.content()).not.toContain(NAME);
    expectCleanRun(app);
  });
});

test.describe('the coordinator in Settings', () => {
  test.use({ appOptions: { locale: 'en' } });

  test('checks the integrity, and rotates the master key so that only the new recovery code works', async ({ app }) => {
    const { page } = app;
    const s = ui(page, 'en');
    const oldCode = await setUpThroughScreens(page, 'en', { name: NAME, passphrase: FIRST });
    await confirmRecoveryCode(page, 'en', oldCode);
    await screen(page, 'home');
    await s.button('home.openSettings').click();
    await screen(page, 'settings');
    await openSettingsPage(page, 'en', 'keys');

    await s.button('settings.verify.submit').click();
    await expect(page.getByText(s.t('settings.verify.allGood'), { exact: true })).toBeVisible();
    await expect(page.getByText(s.t('settings.verify.integrityOk'), { exact: true })).toBeVisible();

    // A new recovery code asks for her own passphrase again, last before the button; a wrong one is refused there.
    await s.button('settings.recovery.start').click();
    await expect(page.getByText(s.t('settings.recovery.question'), { exact: true })).toBeFocused();
    const own = s.field('passphrase.current');
    await own.fill('not my passphrase at all');
    await page.keyboard.press('Enter');
    await expect(own).toHaveAccessibleDescription(`${s.t('passphrase.currentHint')} ${s.t('errors.wrong_passphrase')}`);
    await expect(own).toHaveValue('');
    await own.fill(FIRST);
    await s.button('settings.recovery.confirm').click();
    const renewedCode = await readRecoveryCode(page);
    expect(renewedCode).not.toBe(oldCode);
    await confirmRecoveryCode(page, 'en', renewedCode);
    await screen(page, 'settings');
    await openSettingsPage(page, 'en', 'keys');

    await s.field('settings.rotate.passphrase').fill(FIRST);
    await s.button('settings.rotate.submit').click();
    const newCode = await readRecoveryCode(page);
    expect(newCode).not.toBe(oldCode);
    await expect(page.getByText(s.t('recoveryCode.rotatedNotice'), { exact: true })).toBeVisible();
    await confirmRecoveryCode(page, 'en', newCode);
    await screen(page, 'settings');
    await expect(s.status('settings.notices.rotated')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: s.t('settingsPages.keys'), exact: true })).toBeVisible();

    // The same user unlocking comes back to the settings page they locked on.
    await s.button('shell.lock').click();
    await submitPassphrase(page, 'en', FIRST);
    await screen(page, 'settings');
    await expect(page.getByRole('heading', { level: 2, name: s.t('settingsPages.keys'), exact: true })).toBeVisible();
    await s.button('shell.lock').click();
    await screen(page, 'unlock');
    await s.button('unlock.forgot').click();
    await screen(page, 'recovery-unlock');
    await s.field('recoveryUnlock.field').fill(oldCode);
    await s.button('recoveryUnlock.submit').click();
    await expect(s.alert()).toHaveText(s.t('errors.wrong_recovery_code'));
    expect((await vaultStatus(app)).state).toBe('locked');
    await s.field('recoveryUnlock.field').fill(newCode);
    await s.button('recoveryUnlock.submit').click();
    await screen(page, 'new-passphrase');
    expectCleanRun(app);
  });
});
