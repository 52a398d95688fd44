/**
 * Case handover end to end, between two offices: two apps over two data folders. In the first, a coordinator
 * opens a participant's file and exports it for handover through the dialog (the file's passphrase twice, the
 * save dialog answered by the harness; Cancel first, which saves nothing). In the second office, where the same
 * code is already taken, a coordinator imports it from the registry: a wrong passphrase is refused with its
 * sentence, the right one shows what the file holds and the code conflict, the import is refused until a choice
 * is made, and keeping both opens the imported file under a new code with its note. The dialogs are used with
 * the keyboard and pass axe-core; both offices' audit logs record the handover.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from '../../scripts/browser-app/harness';
import { expect, screen, test, type E2EApp } from './fixtures';
import { goTo, openTab } from './case-flows';
import { expectCleanRun, invokeMain, setUpLockedVault, text, ui, unlock } from './flows';

const LOCALE = 'fi';
const FIRST = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const SECOND = { name: 'Eeva Toivonen', passphrase: 'revontulet hanki ja kuusimetsä' };
const FILE_PASSPHRASE = 'siirto joulukuussa, kolme kuusta';
const NOTE = 'Työnhaku etenee: ansioluettelo on valmis.';

async function ok<T>(app: Pick<E2EApp, 'core' | 'page'>, channel: string, input: object): Promise<T> {
  const result = (await invokeMain(app as E2EApp, channel, input)) as { ok: boolean; value?: T; code?: string };
  if (!result.ok) throw new Error(`${channel} failed: ${result.code}`);
  return result.value as T;
}

/** A participant with consent and a guidance note, made through the main side (the form is not the subject). */
async function participantWithNote(app: Pick<E2EApp, 'core' | 'page'>, firstName: string): Promise<string> {
  const { participant } = await ok<{ participant: { id: string } }>(app, 'participants.create', {
    firstName,
    confirmDuplicate: true,
  });
  await ok(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: '2026-11-01',
    method: 'signed',
  });
  await ok(app, 'notes.create', { participantId: participant.id, date: '2026-11-20', type: 'individual_guidance', text: NOTE });
  return participant.id;
}

async function noAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  expect(results.passes.length, 'axe-core checked nothing').toBeGreaterThan(0);
  expect(results.violations.map((v) => ({ rule: v.id, where: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

test.describe('case handover between two offices', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('a file exported in one office is imported in another, with the code conflict resolved by keeping both', async ({
    app,
  }) => {
    test.skip(app.shell === null, 'The dialogs are answered by the browser harness; the Electron app shows real ones.');
    const shell = app.shell!;
    const folder = mkdtempSync(join(tmpdir(), 'polku-e2e-handover-'));
    const file = join(folder, 'leila.polkucase');
    let other: LaunchedApp | null = null;
    try {
      // The first office: export from the participant's file.
      const page = app.page;
      const s = ui(page, LOCALE);
      await setUpLockedVault(app, LOCALE, FIRST);
      await unlock(page, LOCALE, FIRST.passphrase);
      await participantWithNote(app, 'Leila');
      await goTo(page, LOCALE, 'participants', 'participants');
      await page.getByRole('row').filter({ hasText: 'Leila' }).click();
      await screen(page, 'participant');

      await s.button('handover.export.open').click();
      const exportDialog = page.getByRole('dialog', { name: s.t('handover.export.title', { pseudonym: 'P-2026-001' }) });
      await expect(exportDialog).toBeVisible();
      await expect(exportDialog.getByRole('heading', { level: 2 })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(s.field('handover.export.passphrase')).toBeFocused();
      await page.keyboard.type(FILE_PASSPHRASE);
      await s.field('handover.export.again').fill('something else entirely');
      await page.keyboard.press('Enter');
      await expect(exportDialog.getByText(s.t('validation.passphrase_mismatch'))).toBeVisible();
      await s.field('handover.export.again').fill(FILE_PASSPHRASE);
      // The exporter's own passphrase, last before the button, is asked again each time.
      await s.field('passphrase.current').fill(FIRST.passphrase);
      await noAxeViolations(page);

      shell.answerSave(null);
      await s.button('handover.export.submit').click();
      await expect(s.status('handover.export.cancelled')).toBeVisible();
      await expect(s.field('passphrase.current')).toHaveValue('');
      await s.field('passphrase.current').fill(FIRST.passphrase);
      shell.answerSave(file);
      await s.button('handover.export.submit').click();
      await expect(s.status('handover.export.saved', { fileName: 'leila.polkucase' })).toBeVisible();
      await expect(exportDialog).toBeHidden();
      await expect(s.button('handover.export.open')).toBeFocused();
      expect(shell.saveRequests.map((r) => r.purpose)).toEqual(['handover', 'handover']);
      expect(shell.saveRequests[0]?.defaultName).toMatch(/^polku-\d{4}-\d{2}-\d{2}\.polkucase$/);

      // The second office, which has its own P-2026-001.
      other = await launchApp({ locale: LOCALE, kdfCost: 'test' });
      const page2 = other.page;
      const s2 = ui(page2, LOCALE);
      await setUpLockedVault({ ...other, kind: 'browser', clock: null, startedAt: Date.now() }, LOCALE, SECOND);
      await unlock(page2, LOCALE, SECOND.passphrase);
      await participantWithNote(other, 'Oma');
      await goTo(page2, LOCALE, 'participants', 'participants');
      await s2.button('handover.import.open').click();
      const importDialog = page2.getByRole('dialog', { name: s2.t('handover.import.title') });
      await expect(importDialog.getByRole('heading', { level: 2 })).toBeFocused();

      other.shell.answerOpen(file);
      await s2.field('handover.import.passphrase').fill('not the passphrase of the file');
      await page2.keyboard.press('Enter');
      await expect(importDialog.getByRole('alert')).toHaveText(text(LOCALE, 'errors.handover_wrong_passphrase'));

      other.shell.answerOpen(file);
      await s2.field('handover.import.passphrase').fill(FILE_PASSPHRASE);
      await page2.keyboard.press('Enter');
      const summary = importDialog.getByRole('heading', {
        level: 3,
        name: s2.t('handover.import.summaryTitle', { pseudonym: 'P-2026-001' }),
      });
      await expect(summary).toBeFocused();
      const holds = importDialog.getByRole('list', { name: s2.t('handover.import.holds') });
      await expect(holds.getByRole('listitem').filter({ hasText: s2.t('records.notes_one', { formatted: '1' }) })).toHaveCount(1);
      await expect(
        importDialog.getByRole('group', { name: s2.t('handover.import.conflict.legend', { pseudonym: 'P-2026-001' }) }),
      ).toBeVisible();
      await noAxeViolations(page2);
      const importButton = page2.getByRole('button', {
        name: s2.t('handover.import.submit', { pseudonym: 'P-2026-001' }),
        exact: true,
      });

      await importButton.click();
      await expect(importDialog.getByText(s2.t('handover.import.conflict.required'))).toBeVisible();
      const keepBoth = page2.getByRole('radio', { name: s2.t('handover.import.conflict.keepBoth') });
      await expect(keepBoth).toBeFocused();
      await page2.keyboard.press('Space');
      await expect(keepBoth).toBeChecked();
      await importButton.click();

      await screen(page2, 'participant');
      await expect(page2.getByRole('heading', { level: 1, name: 'P-2026-002 · Leila' })).toBeVisible();
      const notes = await openTab(page2, LOCALE, 'notes');
      await expect(notes.getByText(NOTE)).toBeVisible();

      const sent = await ok<{ entries: { detail: string }[] }>(app, 'audit.list', { action: 'handover.export' });
      const received = await ok<{ entries: { detail: string }[] }>(other, 'audit.list', { action: 'handover.import' });
      expect(sent.entries).toHaveLength(1);
      expect(received.entries.map((e) => e.detail)).toEqual([expect.stringContaining('conflict:keepBoth')]);
      expectCleanRun(app);
      expectCleanRun(other);
    } finally {
      if (other) {
        await other.close();
        rmSync(other.dataDir, { recursive: true, force: true });
        rmSync(other.profileDir, { recursive: true, force: true });
      }
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
