/**
 * Accessibility: every screen of the foundation passes axe-core with no violation, including its error states,
 * and first-run setup and unlocking can be done with the keyboard alone, focus landing on each new screen's heading.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, readRecoveryCode, restart, submitPassphrase, text, ui, vaultStatus } from './flows';
import { axeViolations } from './axe';
import { openSettingsPage } from './case-flows';

const PERSON = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };

test.describe('every screen under axe-core', () => {
  // Finnish, the default: the language most users see.
  test.use({ appOptions: { locale: 'fi' } });

  test('setup, recovery code, unlock, home, settings and the broken-vault screen have no violations', async ({ app }) => {
    const { page } = app;
    const s = ui(page, 'fi');

    await screen(page, 'setup');
    expect(await axeViolations(page), 'setup').toEqual([]);
    await s.button('setup.submit').click();
    await expect(s.field('setup.displayName')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page), 'setup with field errors').toEqual([]);

    await s.field('setup.displayName').fill(PERSON.name);
    await s.field('setup.passphrase').fill(PERSON.passphrase);
    await s.field('setup.confirm').fill(PERSON.passphrase);
    await s.button('setup.submit').click();
    const code = await readRecoveryCode(page);
    expect(await axeViolations(page), 'recovery code').toEqual([]);

    await s.button('recoveryCode.written').click();
    await screen(page, 'recovery-confirm');
    expect(await axeViolations(page), 'recovery code confirmation').toEqual([]);
    await s.field('recoveryConfirm.field').fill(code);
    await s.button('recoveryConfirm.submit').click();

    await screen(page, 'home');
    expect(await axeViolations(page), 'home').toEqual([]);

    await s.button('home.openSettings').click();
    await screen(page, 'settings');
    expect(await axeViolations(page), 'settings, first page').toEqual([]);
    await openSettingsPage(page, 'fi', 'keys');
    await s.button('settings.verify.submit').click();
    await expect(page.getByText(s.t('settings.verify.allGood'), { exact: true })).toBeVisible();
    expect(await axeViolations(page), 'settings with the integrity report').toEqual([]);

    await s.button('shell.lock').click();
    await submitPassphrase(page, 'fi', 'väärä arvaus ihan kokonaan');
    await expect(s.alert()).toHaveText(s.t('unlock.wrongNameOrPassphrase'));
    await expect(s.status('unlock.reasons.manual')).toBeVisible();
    expect(await axeViolations(page), 'unlock with a lock reason and an error').toEqual([]);

    await s.button('unlock.forgot').click();
    await screen(page, 'recovery-unlock');
    expect(await axeViolations(page), 'recovery unlock').toEqual([]);
    expectCleanRun(app);

    // A vault whose key file is gone, as after a bad copy of the data folder.
    await app.close();
    rmSync(join(app.dataDir, 'polku.keys'));
    const broken = await restart(app);
    try {
      await screen(broken.page, 'broken');
      await expect(broken.page.getByRole('alert')).toHaveText(text('fi', 'broken.problems.slots_missing.what'));
      expect(await axeViolations(broken.page), 'broken vault').toEqual([]);
      expectCleanRun(broken);
    } finally {
      await broken.close();
    }
  });
});

test.describe('the keyboard alone', () => {
  test.use({ appOptions: { locale: 'en' } });

  test('completes first-run setup and unlocking, with focus on each new screen’s heading', async ({ app }) => {
    const { page } = app;
    const s = ui(page, 'en');
    const { keyboard } = page;

    await screen(page, 'setup');
    await expect(s.heading('setup.title')).toBeFocused();
    await keyboard.press('Tab');
    await expect(s.field('setup.displayName')).toBeFocused();
    await keyboard.type(PERSON.name);
    await keyboard.press('Tab');
    await expect(s.field('setup.passphrase')).toBeFocused();
    await keyboard.type(PERSON.passphrase);
    await keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `${s.t('passphrase.show')} (${s.t('setup.passphrase')})` })).toBeFocused();
    await keyboard.press('Tab');
    await expect(s.field('setup.confirm')).toBeFocused();
    await keyboard.type(PERSON.passphrase);
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await expect(s.button('setup.submit')).toBeFocused();
    await keyboard.press('Enter');

    const code = await readRecoveryCode(page);
    await expect(s.heading('recoveryCode.title')).toBeFocused();
    await keyboard.press('Tab');
    await expect(s.button('recoveryCode.written')).toBeFocused();
    await keyboard.press('Enter');

    await screen(page, 'recovery-confirm');
    await expect(s.heading('recoveryConfirm.title')).toBeFocused();
    await keyboard.press('Tab');
    await expect(s.field('recoveryConfirm.field')).toBeFocused();
    await keyboard.type(code);
    await keyboard.press('Enter');

    await screen(page, 'home');
    await expect(s.heading('home.title', { name: PERSON.name })).toBeFocused();
    await keyboard.press('Control+KeyL');

    await screen(page, 'unlock');
    await expect(s.heading('unlock.title')).toBeFocused();
    expect((await vaultStatus(app)).state).toBe('locked');
    await keyboard.press('Tab');
    await expect(s.field('unlock.name')).toBeFocused();
    await keyboard.type(PERSON.name);
    await keyboard.press('Tab');
    await expect(s.field('unlock.passphrase')).toBeFocused();
    await keyboard.type(PERSON.passphrase);
    await keyboard.press('Enter');

    await screen(page, 'home');
    await expect(s.heading('home.title', { name: PERSON.name })).toBeFocused();
    expect((await vaultStatus(app)).state).toBe('unlocked');
    expectCleanRun(app);
  });
});
