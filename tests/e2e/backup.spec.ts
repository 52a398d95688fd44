/**
 * Whole-vault backups end to end, on the real screens over the real encrypted files: the coordinator makes a
 * backup from Settings; the laptop is "replaced" (a new, empty data folder); Polku there is restored from the
 * backup at first run, one of the backup's coordinators takes it over with a new passphrase, and every query
 * answers exactly as before. A restore over a vault that has changed since can be undone, and then kept. A vault
 * whose data file is damaged is moved aside (nothing deleted) and restored from the backup in its place.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { goTo, openFile, openSettingsPage } from './case-flows';
import { expect, screen, test, type E2EApp } from './fixtures';
import {
  confirmRecoveryCode,
  expectCleanRun,
  invokeMain,
  readRecoveryCode,
  setUpLockedVault,
  submitNameAndPassphrase,
  ui,
} from './flows';
import { launchApp } from '../../scripts/browser-app/harness';
import { axeViolations } from './axe';
import { addColleague, COORDINATOR, fillTheFile, PSYCHOLOGIST } from './print-flows';

test.use({ appOptions: { locale: 'en', kdfCost: 'test' } });

/** Where screenshots go, to be looked at after the run. */
const SHOTS = '/tmp/backup-shots';
const BACKUP_PASSPHRASE = 'harmaa lokki ja kolme saarta';

type Caller = (channel: string, input?: object) => Promise<unknown>;

/** What the coordinator's queries answer about the whole case file: compared before the backup and after the restore. */
async function snapshot(call: Caller): Promise<unknown[]> {
  const value = async (channel: string, input: object = {}) => {
    const result = (await call(channel, input)) as { ok: boolean; value?: unknown; code?: string };
    if (!result.ok) throw new Error(`${channel} refused: ${result.code}`);
    return result.value;
  };
  const list = (await value('participants.list', {})) as { rows: { id: string }[] };
  const out: unknown[] = [list];
  for (const { id } of list.rows) {
    out.push(await value('participants.get', { id }));
    for (const channel of [
      'consents.list',
      'flags.list',
      'notes.list',
      'psychosocial.list',
      'plans.get',
      'plans.versions',
      'cohorts.enrolments',
    ])
      out.push(await value(channel, { participantId: id }));
  }
  out.push(await value('users.list', {}));
  return out;
}

/**
 * A vault with the coordinator, a psychologist and a filled case file, the coordinator signed in on the home page;
 * answers what its queries show, to compare with a restore.
 */
async function filledVault(app: E2EApp): Promise<unknown[]> {
  await setUpLockedVault(app, 'en', COORDINATOR);
  await addColleague(app, PSYCHOLOGIST, 'psychologist');
  await fillTheFile(app);
  await submitNameAndPassphrase(app.page, 'en', COORDINATOR.name, COORDINATOR.passphrase);
  await screen(app.page, 'home');
  return snapshot((c, i) => invokeMain(app, c, i ?? {}));
}

/** Opens the file of `pseudonym` from the registry and confirms its deletion with its code typed back. */
async function deleteFile(page: Page, pseudonym: string) {
  const s = ui(page, 'en');
  await openFile(page, 'en', pseudonym);
  await page
    .locator('summary')
    .filter({ hasText: s.t('case.delete.sectionTitle') })
    .click();
  await s.button('case.delete.open').click();
  const dialog = page.getByRole('dialog', { name: s.t('case.delete.title', { pseudonym }) });
  await dialog.getByRole('button', { name: s.t('case.delete.continue'), exact: true }).click();
  await dialog.getByLabel(s.t('case.delete.typeCode', { pseudonym }), { exact: true }).fill(pseudonym);
  await dialog.getByRole('button', { name: s.t('case.delete.confirm', { pseudonym }) }).click();
  return { dialog };
}

/** As the coordinator, who types her own passphrase again: a backup copies the whole vault. */
async function makeBackup(app: E2EApp, page: Page, path: string): Promise<void> {
  const s = ui(page, 'en');
  await goTo(page, 'en', 'settings', 'settings');
  await openSettingsPage(page, 'en', 'backups');
  await s.field('backup.create.passphrase').fill(BACKUP_PASSPHRASE);
  await s.field('backup.create.again').fill(BACKUP_PASSPHRASE);
  await s.field('passphrase.current').fill(COORDINATOR.passphrase);
  app.shell!.answerSave(path);
  await s.button('backup.create.submit').click();
  const name = basename(path);
  await expect(page.getByRole('status').filter({ hasText: name })).toBeVisible({ timeout: 60_000 });
}

test('a backup restores onto a new laptop with every record as it was', async ({ app }) => {
  test.skip(app.shell === null, 'The dialogs are answered by the browser harness; Electron shows real ones.');
  const { page } = app;
  const s = ui(page, 'en');
  const out = mkdtempSync(join(tmpdir(), 'polku-backup-e2e-'));
  const file = join(out, 'office.polkubackup');
  try {
    const before = await filledVault(app);

    await makeBackup(app, page, file);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(out), 'no temporary file is left beside the backup').toEqual(['office.polkubackup']);
    await expect(page.getByText(s.t('backup.never'))).toHaveCount(0);
    await goTo(page, 'en', 'home', 'home');
    await expect(page.getByTestId('backup-due')).toHaveCount(0);
    expectCleanRun(app);
    await app.close();

    // The new laptop: nothing but the backup file and its passphrase.
    const fresh = await launchApp({ locale: 'en', kdfCost: 'test' });
    try {
      const p = fresh.page;
      const f = ui(p, 'en');
      await screen(p, 'setup');
      await p.getByRole('button', { name: f.t('backup.fresh.link') }).click();
      await screen(p, 'restore-fresh');

      // A wrong passphrase is refused with a sentence, and nothing is set up.
      await f.field('backup.restore.passphrase').fill('not the right passphrase');
      fresh.shell.answerOpen(file);
      await f.button('backup.restore.choose').click();
      await expect(f.alert()).toBeVisible();
      const status = (await fresh.core.dispatch('vault.status', {}, { trustedSender: true })) as { value?: { state: string } };
      expect(status.value?.state).toBe('uninitialized');

      await f.field('backup.restore.passphrase').fill(BACKUP_PASSPHRASE);
      fresh.shell.answerOpen(file);
      await f.button('backup.restore.choose').click();
      await expect(p.getByRole('heading', { name: f.t('backup.restore.summaryTitle') })).toBeVisible();
      await expect(p.getByLabel(f.t('backup.fresh.who'))).toHaveValue(/^[0-9a-f]{32}$/);
      await p.screenshot({ path: join(SHOTS, 'fresh-restore-summary.png'), fullPage: true });
      const newPassphrase = 'uusi kone uusi tunnuslause';
      await f.field('backup.fresh.passphrase').fill(newPassphrase);
      await f.field('backup.fresh.again').fill(newPassphrase);
      await f.button('backup.fresh.submit').click();
      const code = await readRecoveryCode(p);
      await confirmRecoveryCode(p, 'en', code);
      await screen(p, 'home');

      const after = await snapshot((c, i) => fresh.core.dispatch(c, i ?? {}, { trustedSender: true }));
      expect(after).toEqual(before);
      expect(fresh.externalRequests).toEqual([]);
      expect(fresh.consoleErrors).toEqual([]);
      expect(fresh.cspViolations).toEqual([]);
    } finally {
      await fresh.close();
      rmSync(fresh.dataDir, { recursive: true, force: true });
      rmSync(fresh.profileDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a restore over changed data can be undone, and then kept', async ({ app }) => {
  test.skip(app.shell === null, 'The dialogs are answered by the browser harness; Electron shows real ones.');
  const { page } = app;
  const s = ui(page, 'en');
  const out = mkdtempSync(join(tmpdir(), 'polku-backup-e2e-'));
  const file = join(out, 'office.polkubackup');
  const call: Caller = (c, i) => invokeMain(app, c, i ?? {});
  const count = async () => ((await call('participants.list', {})) as { value: { rows: unknown[] } }).value.rows.length;
  try {
    await setUpLockedVault(app, 'en', COORDINATOR);
    await submitNameAndPassphrase(page, 'en', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    const created = (await call('participants.create', { firstName: 'Amira' })) as {
      value: { participant: { pseudonym: string } };
    };
    const amiraCode = created.value.participant.pseudonym;
    await makeBackup(app, page, file);
    await call('participants.create', { firstName: 'Bashir' });
    expect(await count()).toBe(2);

    await s.field('backup.restore.passphrase').fill(BACKUP_PASSPHRASE);
    app.shell!.answerOpen(file);
    await s.button('backup.restore.choose').click();
    await expect(page.getByRole('heading', { name: s.t('backup.restore.summaryTitle') })).toBeVisible();
    await s.button('backup.restore.confirm').click();
    await expect(page.getByRole('heading', { name: s.t('backup.pending.title') })).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'pending-restore.png'), fullPage: true });
    expect(await count()).toBe(1);

    await s.button('backup.pending.undo').click();
    await expect(s.status('backup.pending.undone')).toBeVisible();
    expect(await count()).toBe(2);

    await s.field('backup.restore.passphrase').fill(BACKUP_PASSPHRASE);
    app.shell!.answerOpen(file);
    await s.button('backup.restore.choose').click();
    await s.button('backup.restore.confirm').click();
    await expect(page.getByRole('heading', { name: s.t('backup.pending.title') })).toBeVisible();

    // While the restore awaits the decision, deleting a file is refused, saying why and what to do first: "undo"
    // would bring the deleted file back from the data kept from before the restore.
    const amira = await deleteFile(page, amiraCode);
    await expect(amira.dialog.getByText(s.t('errors.erasure_restore_pending'))).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'delete-while-restore-pending.png'), fullPage: true });
    await page.keyboard.press('Escape');
    expect(await count()).toBe(1);

    await goTo(page, 'en', 'settings', 'settings');
    await openSettingsPage(page, 'en', 'backups');
    await s.button('backup.pending.keep').click();
    await expect(s.status('backup.pending.kept')).toBeVisible();
    expect(await count()).toBe(1);
    // Kept, the deletion goes through.
    await deleteFile(page, amiraCode);
    await screen(page, 'participants');
    expect(await count()).toBe(0);
    expect(readdirSync(app.dataDir).filter((name) => name.includes('previous'))).toEqual([]);
    expectCleanRun(app);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a vault whose data file is damaged is set aside, nothing deleted, and restored from a backup', async ({ app }) => {
  test.skip(app.shell === null, 'The dialogs are answered by the browser harness; Electron shows real ones.');
  const { page } = app;
  const out = mkdtempSync(join(tmpdir(), 'polku-backup-e2e-'));
  const file = join(out, 'office.polkubackup');
  try {
    const before = await filledVault(app);
    await makeBackup(app, page, file);
    expectCleanRun(app);
    await app.close();

    // The data file is damaged (a disk error, a copy cut short): Polku explains, and offers the backup.
    const db = join(app.dataDir, 'polku.db');
    truncateSync(db, statSync(db).size - 100);
    const damaged = readFileSync(db);
    const again = await launchApp({ dataDir: app.dataDir, locale: 'en', kdfCost: 'test' });
    try {
      const p = again.page;
      const f = ui(p, 'en');
      await screen(p, 'broken');
      await expect(p.getByRole('alert')).toHaveText(f.t('broken.problems.db_corrupt.what'));
      await f.button('broken.restoreStart').click();
      await expect(p.getByText(f.t('broken.restoreConfirm'))).toBeFocused();
      expect(await axeViolations(p), 'the broken vault with the restore to confirm').toEqual([]);
      await p.screenshot({ path: join(SHOTS, 'broken-restore-confirm.png'), fullPage: true });
      // Escape steps back without moving anything.
      await p.keyboard.press('Escape');
      await expect(f.button('broken.restoreStart')).toBeFocused();
      expect(readdirSync(app.dataDir).filter((name) => name.startsWith('set-aside-'))).toEqual([]);
      await f.button('broken.restoreStart').click();
      await f.button('broken.restoreConfirmSubmit').click();

      await screen(p, 'restore-fresh');
      const [folder] = readdirSync(app.dataDir).filter((name) => name.startsWith('set-aside-'));
      expect(folder, 'the files are in a folder of their own').toBeTruthy();
      await expect(f.status('broken.setAside', { folder: folder! })).toBeVisible();
      expect(readFileSync(join(app.dataDir, folder!, 'polku.db')).equals(damaged)).toBe(true);
      expect(existsSync(join(app.dataDir, folder!, 'polku.keys'))).toBe(true);

      await f.field('backup.restore.passphrase').fill(BACKUP_PASSPHRASE);
      again.shell.answerOpen(file);
      await f.button('backup.restore.choose').click();
      await expect(p.getByRole('heading', { name: f.t('backup.restore.summaryTitle') })).toBeVisible();
      const newPassphrase = 'uusi alku vanhoilla tiedoilla';
      await f.field('backup.fresh.passphrase').fill(newPassphrase);
      await f.field('backup.fresh.again').fill(newPassphrase);
      await f.button('backup.fresh.submit').click();
      const code = await readRecoveryCode(p);
      await confirmRecoveryCode(p, 'en', code);
      await screen(p, 'home');

      const after = await snapshot((c, i) => again.core.dispatch(c, i ?? {}, { trustedSender: true }));
      expect(after).toEqual(before);
      expectCleanRun(again);
    } finally {
      await again.close();
      rmSync(again.profileDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
