/**
 * A database put back from an older copy, end to end in Finnish: a colleague who unlocks sees a
 * plain explanation and that the coordinator must decide; the coordinator sees the choices, continues, and the
 * finding is in the audit log; the integrity check then shows the log's newest entry in a form to note on paper.
 * Both screens pass axe-core.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, invokeMain, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const COLLEAGUE = { name: 'Matti Meikäläinen', passphrase: 'omenapuu kanelipulla ja syyssade' };

async function call<T>(app: E2EApp, channel: string, input: object = {}): Promise<T> {
  const result = (await invokeMain(app, channel, input)) as { ok: boolean; value?: T; code?: string };
  if (!result.ok) throw new Error(`${channel} failed: ${result.code ?? ''}`);
  return result.value as T;
}

test.describe('a database older than its history anchor, in Finnish', () => {
  test.use({ appOptions: { locale: 'fi', kdfCost: 'test' } });

  test('is explained to a colleague, decided by the coordinator, and the check shows the log head to note down', async ({
    app,
  }) => {
    const { page } = app;
    const s = ui(page, 'fi');
    const database = join(app.dataDir, 'polku.db');
    const copy = join(app.dataDir, 'old-copy.db');

    // The office: a coordinator, a caseworker and a participant, then a copy of polku.db taken while locked.
    await setUpLockedVault(app, 'fi', COORDINATOR);
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    const { oneTimePassphrase } = await call<{ oneTimePassphrase: string }>(app, 'users.create', {
      displayName: COLLEAGUE.name,
      role: 'caseworker',
      currentPassphrase: COORDINATOR.passphrase,
    });
    const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
      firstName: 'Amal',
      confirmDuplicate: true,
    });
    await call(app, 'vault.lock');
    await call(app, 'vault.unlock', { name: COLLEAGUE.name, passphrase: oneTimePassphrase });
    await call(app, 'vault.changePassphrase', { next: COLLEAGUE.passphrase });
    await call(app, 'vault.lock');
    copyFileSync(database, copy);

    // A safety flag is set; then someone puts the old copy back while Polku is locked.
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    await call(app, 'flags.set', { participantId: participant.id, kind: 'other', note: 'Ei soittoja iltaisin.' });
    await call(app, 'vault.lock');
    for (const sidecar of [`${database}-wal`, `${database}-shm`]) if (existsSync(sidecar)) rmSync(sidecar);
    copyFileSync(copy, database);
    await page.reload();

    // The caseworker: the explanation, and that the coordinator decides; no way into the files.
    await submitNameAndPassphrase(page, 'fi', COLLEAGUE.name, COLLEAGUE.passphrase);
    await screen(page, 'history-check');
    await expect(s.heading('history.title')).toBeVisible();
    await expect(page.getByText(s.t('history.problem.older'))).toBeVisible();
    await expect(page.getByText(s.t('history.others'))).toBeVisible();
    await expect(s.button('history.continue.submit')).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    expect(await axeViolations(page), 'history check, caseworker').toEqual([]);
    await page.screenshot({ path: '/tmp/anchor-history-caseworker.png' });

    // The coordinator: the choices, and "continue" recorded in the log.
    await page.getByRole('button', { name: new RegExp(`^${s.t('shell.lock')}`) }).click();
    await submitNameAndPassphrase(page, 'fi', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'history-check');
    await expect(page.getByRole('heading', { name: s.t('history.restore.title') })).toBeVisible();
    await expect(s.button('backup.restore.choose')).toBeVisible();
    expect(await axeViolations(page), 'history check, coordinator').toEqual([]);
    await page.screenshot({ path: '/tmp/anchor-history-coordinator.png', fullPage: true });
    await s.button('history.continue.submit').click();
    await expect(page.getByText(s.t('history.continue.question'))).toBeVisible();
    await s.button('history.continue.confirm').click();
    await screen(page, 'home');
    const accepted = await call<{ entries: { detail: string }[] }>(app, 'audit.list', { action: 'vault.historyAccepted' });
    expect(accepted.entries).toHaveLength(1);

    // The integrity check shows the newest entry's number and a short code in groups of four.
    await page.getByRole('button', { name: s.t('shell.nav.settings'), exact: true }).click();
    await screen(page, 'settings');
    await page
      .getByRole('navigation', { name: s.t('settingsPages.navLabel') })
      .getByRole('button', { name: s.t('settingsPages.keys') })
      .click();
    await s.button('settings.verify.submit').click();
    await expect(page.getByText(s.t('settings.verify.allGood'))).toBeVisible();
    const head = page.locator('.verify-head');
    await expect(head).toHaveText(/numero \d+, tunniste [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\./);
    // The newest entry checked: the check's own record comes after it.
    const newest = await call<{ entries: { id: number }[] }>(app, 'audit.list', { limit: 1 });
    await expect(head).toContainText(`numero ${newest.entries[0]!.id - 1},`);
    await expect(page.getByText(s.t('settings.verify.auditOk_other', { rows: newest.entries[0]!.id - 1 }))).toBeVisible();
    // Noted on paper, compared again: the same entry and code are found; a code that differs is not.
    const [, row, code] = /numero (\d+), tunniste ([0-9a-f ]{19})\./.exec((await head.textContent()) ?? '') ?? [];
    await s.field('settings.verify.checkpoint.row').fill(row!);
    await s.field('settings.verify.checkpoint.code').fill(code!.toUpperCase());
    await s.button('settings.verify.checkpoint.submit').click();
    await expect(s.status('settings.verify.checkpoint.same', { row: row! })).toBeVisible();
    await s.field('settings.verify.checkpoint.code').fill(code!.startsWith('0') ? `1${code!.slice(1)}` : `0${code!.slice(1)}`);
    await s.button('settings.verify.checkpoint.submit').click();
    await expect(page.getByRole('alert')).toHaveText(s.t('settings.verify.checkpoint.different', { row: row! }));
    await head.scrollIntoViewIfNeeded();
    expect(await axeViolations(page), 'integrity check with its head').toEqual([]);
    await page.screenshot({ path: '/tmp/anchor-verify-head.png', fullPage: true });
    expectCleanRun(app);
  });
});
