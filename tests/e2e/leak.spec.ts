/**
 * Nothing personal outside the encrypted database: after a first-run setup, a lock and an unlock, the name,
 * the passphrase and the recovery code appear in no file of the data folder, the Chromium profile or the
 * temp folder — in any encoding a forensic search would try.
 */
import { tmpdir } from 'node:os';
import { expect, screen, test } from './fixtures';
import { entriesChangedSince, scanForMarker, uniqueMarker } from './leak-scan';

test.use({ appOptions: { locale: 'en' } });

test('a session leaves no trace of the name, passphrase or recovery code outside the encrypted vault', async ({ app }) => {
  const { page } = app;
  const name = uniqueMarker('Nimi');
  const passphrase = `${uniqueMarker('Salasana')} kahvi`;

  await screen(page, 'setup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase again').fill(passphrase);
  await page.getByRole('button', { name: 'Set up Polku' }).click();

  await screen(page, 'recovery-code');
  const recoveryCode = (await page.locator('.recovery-code').innerText()).replace(/\s+/g, '');
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await screen(page, 'recovery-confirm');
  await page.getByLabel('Recovery code').fill(recoveryCode);
  await page.getByRole('button', { name: 'Confirm' }).click();

  await screen(page, 'home');
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await screen(page, 'unlock');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await screen(page, 'home');
  await expect(page.getByText(name).first()).toBeVisible();
  await app.close();

  const ours = [app.dataDir, app.profileDir];
  // Other tests' browsers run at the same time and delete their temp files while this scan reads them.
  const temporary = entriesChangedSince(tmpdir(), app.startedAt).filter((path) => !ours.includes(path));
  const secrets = { name, passphrase, recoveryCode, recoveryCodeCompact: recoveryCode.replace(/-/g, '') };
  const found = Object.entries(secrets).flatMap(([what, secret]) =>
    [...scanForMarker(ours, secret), ...scanForMarker(temporary, secret, { vanished: 'skip' })].map((hit) => ({ what, ...hit })),
  );
  expect(found).toEqual([]);
});
