/**
 * A psychologist is told at her next unlock that the coordinator created another psychologist's account, over the
 * real encrypted files in Finnish: the notice says who did what and when, and why it matters; she acknowledges it
 * with one button and is not told again. The notice passes axe-core.
 */
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, invokeMain, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { lock } from './case-flows';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const SARI = { name: 'Sari Mäki', passphrase: 'mustikka sammal kallio tuuli' };
const NEW_PSYCHOLOGIST = 'Liisa Uusi';

/** Calls the main side and fails the test unless the call succeeds. */
async function call<T>(app: E2EApp, channel: string, input: object = {}): Promise<T> {
  const result = (await invokeMain(app, channel, input)) as { ok: boolean; value?: T; code?: string };
  if (!result.ok) throw new Error(`${channel} failed: ${result.code ?? ''}`);
  return result.value as T;
}

test.use({ appOptions: { locale: 'fi', kdfCost: 'test' } });

test('a psychologist is told of a new psychologist account at her next unlock, and acknowledges it once', async ({ app }) => {
  const { page } = app;
  const s = ui(page, 'fi');
  await setUpLockedVault(app, 'fi', COORDINATOR);

  // The coordinator adds Sari, who goes through her first unlock; later the coordinator adds another psychologist.
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const sari = await call<{ oneTimePassphrase: string }>(app, 'users.create', {
    displayName: SARI.name,
    role: 'psychologist',
    currentPassphrase: COORDINATOR.passphrase,
  });
  await call(app, 'vault.lock');
  await call(app, 'vault.unlock', { name: SARI.name, passphrase: sari.oneTimePassphrase });
  await call(app, 'vault.changePassphrase', { next: SARI.passphrase });
  // Her first unlock made the psychologists' key and its recovery code; asking for the status marks the code shown.
  await call(app, 'compartment.status', {});
  await call(app, 'vault.lock');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  await call(app, 'users.create', {
    displayName: NEW_PSYCHOLOGIST,
    role: 'psychologist',
    currentPassphrase: COORDINATOR.passphrase,
  });
  await call(app, 'vault.lock');
  await page.reload();

  // Sari opens Polku: above her start page, what happened, who did it and when, and why it matters.
  await submitNameAndPassphrase(page, 'fi', SARI.name, SARI.passphrase);
  await screen(page, 'home');
  const notice = page.getByRole('region', { name: s.t('staff.accessNotices.title') });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('listitem')).toHaveText(
    /^Aino Vainikkala loi psykologin käyttäjätilin työtoverille Liisa Uusi \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\.$/,
  );
  await expect(notice.getByText(s.t('staff.accessNotices.why'))).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: '/tmp/notify-access-notice.png' });
  expect(await axeViolations(page), 'start page with an access notice').toEqual([]);

  // Acknowledged: the notice goes, the keyboard focus lands on the sentence that says so.
  await s.button('staff.accessNotices.acknowledge').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: s.t('staff.accessNotices.acknowledged') })).toBeFocused();

  // At her next unlock she is not told again.
  await lock(page, 'fi');
  await submitNameAndPassphrase(page, 'fi', SARI.name, SARI.passphrase);
  await screen(page, 'home');
  await expect(s.heading('home.title', { name: SARI.name })).toBeVisible();
  await expect(page.getByRole('region', { name: s.t('staff.accessNotices.title') })).toHaveCount(0);
  expectCleanRun(app);
});
