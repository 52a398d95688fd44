/**
 * A full disk on the real screens: the vault's data folder is a small disk of its own (tests/support/full-disk.ts),
 * filled to the last byte while Polku is locked. The right passphrase still opens it, the participant's file reads,
 * and saving a note says in Finnish that the disk is full and nothing was lost. Browser variant only: the core must
 * run in this process, on the small disk.
 */
import { rmSync } from 'node:fs';
import { launchApp } from '../../scripts/browser-app/harness';
import { mountSmallDisk } from '../support/full-disk';
import { openFile, openTab } from './case-flows';
import { expect, screen, test } from './fixtures';
import { submitNameAndPassphrase, ui } from './flows';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };

test('on a full disk the vault opens, the file reads, and a note that cannot be saved says why in Finnish', async ({
  appKind,
}) => {
  test.skip(appKind !== 'browser', 'The core must run in this process, with its data folder on the small disk.');
  const disk = mountSmallDisk();
  const launched = await launchApp({ dataDir: disk.dataDir, locale: 'fi', kdfCost: 'test' });
  try {
    const { page, core } = launched;
    const call = (channel: string, input: object = {}) => core.dispatch(channel, input, { trustedSender: true });
    await screen(page, 'setup');
    const setup = (await call('vault.setup', {
      displayName: COORDINATOR.name,
      passphrase: COORDINATOR.passphrase,
      locale: 'fi',
    })) as { value: { recoveryCode: string } };
    expect(await call('vault.confirmRecoveryCode', { recoveryCode: setup.value.recoveryCode })).toMatchObject({ ok: true });
    const created = (await call('participants.create', { firstName: 'Leila', lastName: 'Levytila' })) as {
      value: { participant: { id: string } };
    };
    const participantId = created.value.participant.id;
    expect(
      await call('consents.record', { participantId, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await call('vault.lock')).toMatchObject({ ok: true });
    await page.reload();
    disk.fill();

    const s = ui(page, 'fi');
    await submitNameAndPassphrase(page, 'fi', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await openFile(page, 'fi', 'Leila');
    await expect(page.getByRole('heading', { level: 1, name: /Leila/u })).toBeVisible();

    await openTab(page, 'fi', 'notes');
    await page.getByRole('button', { name: s.t('notes.new'), exact: true }).click();
    await page.getByLabel(s.t('notes.form.text'), { exact: true }).fill('Puhelu: työhaastattelu ensi viikolla.');
    await page.getByRole('button', { name: s.t('notes.form.save'), exact: true }).click();
    // Said once, though the draft could not be kept either.
    await expect(
      page.getByRole('alert').filter({ hasText: 'Tietokoneen levy on täynnä, joten tätä ei tallennettu.' }),
    ).toHaveCount(1);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: '/tmp/diskfix-note-disk-full.png' });
  } finally {
    await launched.close();
    rmSync(launched.profileDir, { recursive: true, force: true });
    disk.unmount();
  }
});
