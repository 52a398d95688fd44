/**
 * The psychologists' key to their sealed private notes, in Finnish, on the real screens over the real encrypted
 * files: a second psychologist sees Sara's private notes as sealed (with the sentence that says how to get the key)
 * and her Settings say the key is not on this computer; Sara gives her the key in Settings, Eeva typing her own name
 * and passphrase; after that Eeva reads the notes. Each state passes axe-core.
 */
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { goTo, localDay, lock } from './case-flows';
import { addColleague, call, COORDINATOR, PSYCHOLOGIST } from './print-flows';

const EEVA = { name: 'Eeva Psykologi', passphrase: 'lakka kanerva suo ja sumu' };
const PRIVATE = 'Painajaiset harvenevat. SINETÖITYMERKKI';
const locale = 'fi';

test.use({ appOptions: { locale, kdfCost: 'test' } });

test('a psychologist gives her colleague the key to the sealed private notes, who then reads them', async ({ app }) => {
  const { page } = app;
  const s = ui(page, locale);
  const button = (key: string, values?: Record<string, string>) =>
    page.getByRole('button', { name: s.t(key, values), exact: true });
  const openLog = async () => {
    await goTo(page, locale, 'participants', 'participants');
    await page.getByRole('row').filter({ hasText: 'Leila' }).click();
    await screen(page, 'participant');
    await page.getByRole('tab', { name: s.t('case.tabs.psychosocial'), exact: true }).click();
  };
  const openKeys = async () => {
    await goTo(page, locale, 'settings', 'settings');
    await button('settingsPages.keys').click();
  };

  // Sara (the first psychologist) writes a meeting with private notes; Eeva is added later.
  await setUpLockedVault(app, locale, COORDINATOR);
  await addColleague(app, PSYCHOLOGIST, 'psychologist');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', { firstName: 'Leila' });
  await call(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: localDay(),
    method: 'signed',
  });
  await call(app, 'vault.lock');
  await call(app, 'vault.unlock', { name: PSYCHOLOGIST.name, passphrase: PSYCHOLOGIST.passphrase });
  await call(app, 'psychosocial.create', {
    participantId: participant.id,
    date: localDay(),
    durationMinutes: 45,
    kind: 'individual',
    riskLevel: 'low',
    summary: 'Jaksaminen parempi.',
    privateNotes: PRIVATE,
    nextAppointment: null,
  });
  await call(app, 'vault.lock');
  await addColleague(app, EEVA, 'psychologist');

  // Eeva sees that the notes exist, sealed, and how to get the key; her Settings say the same.
  await submitNameAndPassphrase(page, locale, EEVA.name, EEVA.passphrase);
  await screen(page, 'home');
  await openLog();
  const meeting = page.getByRole('article');
  await expect(meeting).toContainText(s.t('psychosocial.private.sealed'));
  await expect(page.getByText('SINETÖITYMERKKI')).toHaveCount(0);
  expect(await axeViolations(page), 'a sealed meeting').toEqual([]);
  await openKeys();
  const section = page.locator('section.card').filter({ has: page.getByRole('heading', { name: s.t('privateKey.title') }) });
  await expect(section).toContainText(s.t('privateKey.state.sealed'));
  await expect(section.getByRole('button', { name: s.t('privateKey.useCode.start'), exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/seal-settings-sealed.png' });

  // Sara gives Eeva the key: Eeva types her own name and passphrase into Sara's session.
  await lock(page, locale);
  await submitNameAndPassphrase(page, locale, PSYCHOLOGIST.name, PSYCHOLOGIST.passphrase);
  await screen(page, 'home');
  await openKeys();
  await expect(section).toContainText(s.t('privateKey.state.open'));
  await button('privateKey.grant.start').click();
  const form = page.getByRole('form', { name: s.t('privateKey.grant.title') });
  await form.getByLabel(s.t('privateKey.grant.name'), { exact: true }).fill(EEVA.name);
  await form.getByLabel(s.t('privateKey.grant.passphrase'), { exact: true }).fill('ei hänen tunnuslauseensa');
  await button('privateKey.grant.confirm').click();
  await expect(form).toContainText(s.t('errors.wrong_passphrase'));
  await form.getByLabel(s.t('privateKey.grant.passphrase'), { exact: true }).fill(EEVA.passphrase);
  await page.screenshot({ path: '/tmp/seal-settings-grant.png' });
  await button('privateKey.grant.confirm').click();
  await expect(section).toContainText(s.t('privateKey.grant.done', { name: EEVA.name }));
  expect(await axeViolations(page), 'the private notes key in Settings').toEqual([]);

  // Eeva now reads the notes.
  await lock(page, locale);
  await submitNameAndPassphrase(page, locale, EEVA.name, EEVA.passphrase);
  await screen(page, 'home');
  await openLog();
  await meeting.getByRole('button', { name: s.t('psychosocial.private.show'), exact: true }).click();
  await expect(meeting).toContainText('SINETÖITYMERKKI');
  expectCleanRun(app);
});
