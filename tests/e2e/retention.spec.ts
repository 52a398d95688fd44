/**
 * Retention of closed files end to end, on the real screens over the real encrypted vault, with the core's clock
 * moved by hand: the coordinator keeps closed files for one year in Settings, the start page then tells her that
 * one closed file is due, the due list shows it (and not a file closed too recently), and she erases it in two
 * steps: the number of files typed back, a wrong number refused at its field. The erased participant is gone, the
 * other stays, and the audit view shows the tombstone and the run. Each state passes axe-core.
 */
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, invokeMain, setUpLockedVault, ui, unlock } from './flows';
import { axeViolations } from './axe';
import { openSettingsPage } from './case-flows';

const LOCALE = 'en';
const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const DAY = 86_400_000;

interface Participant {
  id: string;
  pseudonym: string;
}

async function call<T>(app: E2EApp, channel: string, input: object = {}): Promise<T> {
  const result = (await invokeMain(app, channel, input)) as { ok: boolean; value?: T; code?: string };
  if (!result.ok) throw new Error(`${channel} failed: ${result.code ?? ''}`);
  return result.value as T;
}

/** Unlocks through the main side, creates a participant and closes the file at the clock's present time. */
async function closedFile(app: E2EApp, firstName: string): Promise<Participant> {
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: Participant }>(app, 'participants.create', {
    firstName,
    confirmDuplicate: true,
  });
  await call(app, 'participants.setStatus', { id: participant.id, status: 'closed' });
  await call(app, 'vault.lock');
  return participant;
}

test.describe('retention of closed files', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test', now: 'manual' } });

  test('the coordinator keeps closed files a year, sees the one due, erases it in two steps, and the audit shows it', async ({
    app,
  }) => {
    const { page } = app;
    const clock = app.clock!;
    const s = ui(page, LOCALE);
    const nav = page.getByRole('navigation');

    // A file closed on 28 November 2026, another 400 days later; the coordinator sits down 30 days after that.
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    const old = await closedFile(app, 'Kaisa');
    clock.advance(400 * DAY);
    const recent = await closedFile(app, 'Mira');
    clock.advance(30 * DAY);
    await page.reload();
    await unlock(page, LOCALE, COORDINATOR.passphrase);
    await expect(page.getByText(s.t('retention.home.due_one', { count: 1 }))).toHaveCount(0);

    // Settings: closed files are due one year after closing.
    await nav.getByRole('button', { name: s.t('shell.nav.settings'), exact: true }).click();
    await screen(page, 'settings');
    await openSettingsPage(page, LOCALE, 'records');
    const years = page.getByLabel(s.t('retention.settings.field'), { exact: true });
    await expect(years).toHaveValue('0');
    await years.selectOption({ label: s.t('retention.settings.years_one', { count: 1 }) });
    await page
      .locator('form')
      .filter({ has: years })
      .getByRole('button', { name: s.t('retention.settings.submit'), exact: true })
      .click();
    await expect(s.status('retention.settings.saved_one', { count: 1 })).toBeVisible();

    // The start page tells her one file is due, and leads to the list.
    await nav.getByRole('button', { name: s.t('shell.nav.home'), exact: true }).click();
    await screen(page, 'home');
    await expect(page.getByText(s.t('retention.home.due_one', { count: 1 }), { exact: true })).toBeVisible();
    await s.button('retention.home.open').click();
    await screen(page, 'retention');
    await expect(s.heading('retention.due.title')).toBeFocused();
    const table = page.getByRole('table', { name: s.t('retention.due.caption_one', { count: 1 }) });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('rowheader')).toHaveText([old.pseudonym]);
    await expect(table.getByRole('cell', { name: '28 November 2026', exact: true })).toBeVisible();
    await expect(table.getByRole('cell', { name: '28 November 2027', exact: true })).toBeVisible();
    expect(await axeViolations(page), 'the due list').toEqual([]);
    await page.screenshot({ path: '/tmp/retention-due.png', fullPage: true });

    // Nothing chosen: told so. Chosen with the keyboard, then the two steps.
    await s.button('retention.due.erase').click();
    await expect(s.alert()).toHaveText(s.t('retention.due.nothingChosen'));
    const choose = page.getByRole('checkbox', { name: s.t('retention.due.select', { pseudonym: old.pseudonym }), exact: true });
    await choose.focus();
    await page.keyboard.press('Space');
    await expect(choose).toBeChecked();
    await expect(page.getByText(s.t('retention.due.chosen_one', { count: 1 }), { exact: true })).toBeVisible();
    await s.button('retention.due.erase').click();
    const dialog = page.getByRole('dialog', { name: s.t('retention.confirm.title_one', { count: 1 }) });
    await expect(dialog).toBeVisible();
    expect(await axeViolations(page), 'the confirmation').toEqual([]);
    await page.screenshot({ path: '/tmp/retention-confirm.png' });
    await dialog.getByRole('button', { name: s.t('retention.confirm.continue'), exact: true }).click();
    const count = dialog.getByLabel(s.t('retention.confirm.typeCount', { count: 1 }), { exact: true });
    await expect(count).toBeFocused();
    await count.fill('2');
    const confirm = dialog.getByRole('button', { name: s.t('retention.confirm.confirm_one', { count: 1 }), exact: true });
    await confirm.click();
    await expect(count).toHaveAttribute('aria-invalid', 'true');
    await expect(count).toHaveAccessibleDescription(new RegExp(s.t('retention.confirm.mismatch')));
    expect(await call<{ files: unknown[] }>(app, 'retention.due')).toMatchObject({ files: [{ participantId: old.id }] });
    await count.fill('1');
    await confirm.click();

    // Done: announced, the list is empty, the file is gone and the other stays.
    await expect(s.status('retention.due.done_one', { count: 1 })).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(s.t('retention.due.empty'), { exact: true })).toBeVisible();
    expect(await invokeMain(app, 'participants.get', { id: old.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await invokeMain(app, 'participants.get', { id: recent.id })).toMatchObject({ ok: true });
    expect(await axeViolations(page), 'the list after erasing').toEqual([]);

    // The audit view: the tombstone of the erased file, and the run.
    await nav.getByRole('button', { name: s.t('shell.nav.audit'), exact: true }).click();
    await screen(page, 'audit');
    const rows = page.getByRole('table', { name: s.t('audit.table.caption') }).locator('tbody tr');
    const deleted = s.t('audit.concerns.deletedParticipant', { id: `${old.id.slice(0, 8)}…` });
    const tombstone = rows
      .filter({ hasText: s.t('audit.actions.participants.delete') })
      .filter({ has: page.getByRole('cell', { name: deleted, exact: true }) });
    await expect(tombstone).toHaveCount(1);
    await expect(tombstone).not.toContainText(old.pseudonym);
    await expect(rows.filter({ hasText: s.t('audit.actions.retention.erase') })).toHaveCount(1);
    await expect(rows.filter({ hasText: s.t('audit.actions.retention.set') })).toHaveCount(1);
    expectCleanRun(app);
  });
});
