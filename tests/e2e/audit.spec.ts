/**
 * The coordinator's audit view end to end, on the real screens over the real encrypted files: a colleague's
 * first unlock, the participant file he creates and his refused look at the log, a file opened through the
 * registry, a file deleted, and a failed unlock all appear with staff names, participants' codes (a deleted one
 * marked so) and actions in words (an action without words by its code). Filtering by colleague, by participant
 * (found by name or by code, with the keyboard), by action and by dates works; older entries load on request;
 * checking the log reports it intact. The view passes axe-core in each state. (A changed log is reported by the
 * core's own tamper tests and by the unit test of the message.)
 */
import type { Locator } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, invokeMain, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { localDay } from './case-flows';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const MATTI = 'Matti Meikäläinen';
const MATTI_OWN = 'omenapuu kanelipulla ja syyssade';
/** Enough opens of one file to fill more than the first page of the log (100 entries). */
const OPENS = 100;

/** Calls the main side and fails the test unless the call succeeds. */
async function call<T>(app: E2EApp, channel: string, input: object = {}): Promise<T> {
  const result = (await invokeMain(app, channel, input)) as { ok: boolean; value?: T; code?: string };
  if (!result.ok) throw new Error(`${channel} failed: ${result.code ?? ''}`);
  return result.value as T;
}

interface Participant {
  id: string;
  pseudonym: string;
}

for (const locale of ['en', 'fi'] as const satisfies readonly Locale[]) {
  test.describe(`the audit view in ${locale}`, () => {
    test.use({ appOptions: { locale, kdfCost: 'test' } });

    test('shows who did what to which participant, filters by colleague, participant, action and dates, and verifies the log', async ({
      app,
    }) => {
      const { page } = app;
      const s = ui(page, locale);
      const nav = page.getByRole('navigation');
      const table = page.getByRole('table', { name: s.t('audit.table.caption') });
      const rows = table.locator('tbody tr');
      /** The texts of one column (0 = time, 1 = who, 2 = what, 3 = concerns, 4 = outcome, 5 = details). */
      const column = (index: number) => rows.locator(`td:nth-of-type(${index + 1})`);
      /** The body row whose cells hold every one of the given texts. */
      const rowWith = (...texts: string[]): Locator =>
        texts.reduce<Locator>((found, text) => found.filter({ has: page.getByRole('cell', { name: text, exact: true }) }), rows);
      const you = (name: string) => `${name} (${s.t('staff.table.you')})`;
      const action = (key: string) => s.t(`audit.actions.${key}`);
      const show = () => s.button('audit.filters.submit').click();
      const auditCount = async () => (await call<{ entries: unknown[] }>(app, 'audit.list', { limit: 500 })).entries.length;

      // Before the coordinator sits down: she adds Matti and deletes a file she had opened many times; Matti
      // unlocks for the first time, chooses his passphrase and creates Leila's file.
      await setUpLockedVault(app, locale, COORDINATOR);
      await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
      const { oneTimePassphrase } = await call<{ oneTimePassphrase: string }>(app, 'users.create', {
        displayName: MATTI,
        role: 'caseworker',
        currentPassphrase: COORDINATOR.passphrase,
      });
      const { participant: gone } = await call<{ participant: Participant }>(app, 'participants.create', { firstName: 'Kaisa' });
      for (let i = 0; i < OPENS; i++) await call(app, 'participants.get', { id: gone.id });
      await call(app, 'participants.delete', { id: gone.id, confirmPseudonym: gone.pseudonym });
      await call(app, 'vault.lock');
      await call(app, 'vault.unlock', { name: MATTI, passphrase: oneTimePassphrase });
      await call(app, 'vault.changePassphrase', { next: MATTI_OWN });
      const { participant: leila } = await call<{ participant: Participant }>(app, 'participants.create', {
        firstName: 'Leila',
        lastName: 'Haddad',
      });
      // A caseworker may not read the log: the refusal is logged under the channel's own name.
      expect(await invokeMain(app, 'audit.list', {})).toMatchObject({ ok: false, code: 'forbidden' });
      await call(app, 'vault.lock');

      // One mistyped passphrase, then the coordinator unlocks and opens Leila's file from the registry.
      await page.reload();
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, 'ei tämä ole oikea tunnuslause');
      await expect(s.alert()).toHaveText(s.t('unlock.wrongNameOrPassphrase'));
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      await nav.getByRole('button', { name: s.t('shell.nav.participants'), exact: true }).click();
      await screen(page, 'participants');
      await page
        .getByRole('grid', { name: s.t('registry.table.label') })
        .getByRole('row')
        .filter({ hasText: leila.pseudonym })
        .click();
      await screen(page, 'participant');

      // The audit view: the newest entries, with names, codes and actions in words.
      await nav.getByRole('button', { name: s.t('shell.nav.audit'), exact: true }).click();
      await screen(page, 'audit');
      await expect(s.heading('audit.title')).toBeFocused();
      const total = await auditCount();
      await expect(s.status('audit.table.more_other', { count: 100 })).toBeVisible();
      await expect(rows).toHaveCount(100);
      await expect(rows.first().getByRole('cell')).toHaveText([
        /./,
        you(COORDINATOR.name),
        action('participants.open'),
        leila.pseudonym,
        s.t('audit.outcomes.ok'),
        '',
      ]);
      await expect(rowWith(MATTI, action('participants.create'), leila.pseudonym)).toHaveCount(1);
      await expect(rowWith(MATTI, action('vault.changePassphrase'))).toHaveCount(1);
      // An action the interface has no words for is shown by its code.
      await expect(rowWith(MATTI, 'audit.list', s.t('audit.outcomes.denied'))).toHaveCount(1);
      await expect(
        rowWith(
          s.t('audit.who.failedUnlock'),
          s.t('audit.failedUnlock'),
          s.t('audit.outcomes.failed'),
          s.t('audit.detail.failedAttempts_one', { count: 1 }),
        ),
      ).toHaveCount(1);
      const deleted = s.t('audit.concerns.deletedParticipant', { id: `${gone.id.slice(0, 8)}…` });
      await expect(rowWith(you(COORDINATOR.name), action('participants.delete'), deleted)).toHaveCount(1);
      await expect(page.getByText('Leila')).toHaveCount(0);
      await page.screenshot({
        path: `/tmp/audit-${locale}.png`,
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: 1500 },
      });
      expect(await axeViolations(page), 'audit view').toEqual([]);

      // Older entries come on request, and focus moves to the first of them.
      await s.button('audit.table.loadOlder').click();
      await expect(s.status('audit.table.all_other', { count: total })).toBeVisible();
      await expect(rows).toHaveCount(total);
      await expect(table.getByRole('rowheader', { name: String(total - 100), exact: true })).toBeFocused();
      await expect(s.button('audit.table.loadOlder')).toHaveCount(0);
      await expect(rowWith(you(COORDINATOR.name), action('users.create'), MATTI, s.t('roles.caseworker'))).toHaveCount(1);
      await expect(rowWith(you(COORDINATOR.name), action('vault.setup'))).toHaveCount(1);

      // Only Matti's entries: his first unlock, his own passphrase, Leila's new file, the refused look at the log.
      await s.field('audit.filters.user').selectOption({ label: MATTI });
      await show();
      await expect(s.status('audit.table.all_other', { count: 4 })).toBeVisible();
      await expect(column(1)).toHaveText([MATTI, MATTI, MATTI, MATTI]);
      await expect(column(2)).toHaveText([
        'audit.list',
        action('participants.create'),
        action('vault.changePassphrase'),
        action('vault.unlock'),
      ]);
      const ok = s.t('audit.outcomes.ok');
      await expect(column(4)).toHaveText([s.t('audit.outcomes.denied'), ok, ok, ok]);
      await expect(column(5)).toHaveText(['', '', '', s.t('audit.detail.withPassphrase')]);
      await page.screenshot({ path: `/tmp/audit-${locale}-by-user.png`, fullPage: true });

      // Only Leila's entries, found by name with the keyboard alone.
      await s.button('audit.filters.clear').click();
      const participantField = s.field('audit.filters.participant');
      await participantField.fill('leila');
      await expect(s.status('audit.filters.participantResults_one', { count: 1 })).toBeVisible();
      expect(await axeViolations(page), 'audit view with participants found').toEqual([]);
      await page.screenshot({ path: `/tmp/audit-${locale}-found.png`, clip: { x: 0, y: 250, width: 1280, height: 500 } });
      await page.keyboard.press('Tab');
      const match = page.getByRole('list', { name: s.t('audit.filters.participantListLabel') }).getByRole('button');
      await expect(match).toBeFocused();
      await expect(match).toHaveText(`${leila.pseudonym}Leila Haddad`);
      await page.keyboard.press('Enter');
      const removeChoice = s.button('audit.filters.participantRemove');
      await expect(removeChoice).toBeFocused();
      await expect(removeChoice).toHaveAccessibleDescription(s.t('audit.filters.participantChosen', { code: leila.pseudonym }));
      await show();
      await expect(s.status('audit.table.all_other', { count: 2 })).toBeVisible();
      await expect(column(3)).toHaveText([leila.pseudonym, leila.pseudonym]);
      await expect(column(1)).toHaveText([you(COORDINATOR.name), MATTI]);

      // By code, and with one action: only the open.
      await removeChoice.click();
      await expect(participantField).toBeFocused();
      await participantField.fill(leila.pseudonym);
      await page
        .getByRole('list', { name: s.t('audit.filters.participantListLabel') })
        .getByRole('button')
        .click();
      await s.field('audit.filters.action').selectOption({ label: action('participants.open') });
      await show();
      await expect(s.status('audit.table.all_one', { count: 1 })).toBeVisible();
      await expect(column(2)).toHaveText([action('participants.open')]);

      // Dates: today finds the entries, tomorrow none, and a range that runs backwards is refused at its field.
      await s.button('audit.filters.clear').click();
      await s.field('audit.filters.outcome').selectOption({ label: s.t('audit.outcomes.failed') });
      await s.field('audit.filters.from').fill(localDay(0));
      await s.field('audit.filters.to').fill(localDay(0));
      await show();
      await expect(s.status('audit.table.all_one', { count: 1 })).toBeVisible();
      await s.field('audit.filters.from').fill(localDay(1));
      await s.field('audit.filters.to').fill(localDay(1));
      await show();
      await expect(s.status('audit.table.none')).toBeVisible();
      await expect(table).toHaveCount(0);
      await s.field('audit.filters.to').fill(localDay(0));
      await show();
      await expect(s.field('audit.filters.to')).toHaveAttribute('aria-invalid', 'true');
      await expect(s.field('audit.filters.to')).toBeFocused();
      await expect(s.field('audit.filters.to')).toHaveAccessibleDescription(
        `${s.t('audit.filters.dateHint')} ${s.t('audit.filters.toBeforeFrom')}`,
      );
      expect(await axeViolations(page), 'audit view with a date error').toEqual([]);

      // The check of the log's chain.
      const beforeCheck = await auditCount();
      await s.button('audit.verify.submit').click();
      await expect(s.status('audit.verify.intact_other', { count: beforeCheck })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(await axeViolations(page), 'audit view after the check').toEqual([]);
      await page.screenshot({ path: `/tmp/audit-${locale}-checked.png`, fullPage: true });
      expectCleanRun(app);
    });
  });
}
