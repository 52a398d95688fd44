/**
 * The Referrals page in Finnish on a 1280 × 800 laptop, on a fixed Wednesday: four referrals of three participants
 * to two partners. The coordinator opens the page from the main menu, narrows it to the referrals sent and then to
 * the overdue one, sorts by participant both ways, and opens a row, landing in that participant's file at its
 * Referrals tab; Back returns to the page. The page passes axe-core.
 */
import { mkdirSync } from 'node:fs';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { call, COORDINATOR } from './print-flows';

const LOCALE = 'fi';
const SHOTS = '/tmp/refpage-shots';
/** Wednesday 13 January 2027 at ten, local time. */
const AT_TEN = new Date(2027, 0, 13, 10, 0, 0).getTime();
const startedAt = Date.now();
const WORK = 'Työkeskus Etelä';
const LAW = 'Oikeusapu Keski';

/** A participant with consent to processing and to sharing with both partners; returns the id. */
async function participant(app: E2EApp, firstName: string, lastName: string, caseworkerId?: string): Promise<string> {
  const { participant: p } = await call<{ participant: { id: string } }>(app, 'participants.create', {
    firstName,
    lastName,
    ...(caseworkerId ? { responsibleCaseworkerId: caseworkerId } : {}),
  });
  await call(app, 'consents.record', { participantId: p.id, purpose: 'processing', givenOn: '2026-12-01', method: 'signed' });
  for (const partnerName of [WORK, LAW])
    await call(app, 'consents.record', {
      participantId: p.id,
      purpose: 'partner_sharing',
      partnerName,
      givenOn: '2026-12-01',
      method: 'signed',
    });
  return p.id;
}

async function referral(
  app: E2EApp,
  participantId: string,
  partnerId: string,
  serviceType: string,
  moves: object[],
): Promise<void> {
  const { referral: r } = await call<{ referral: { id: string } }>(app, 'referrals.create', {
    participantId,
    partnerId,
    serviceType,
    urgency: 'soon',
    reason: 'Sisäinen syy, ei näy luettelossa',
  });
  for (const move of moves) await call(app, 'referrals.transition', { id: r.id, ...move });
}

test.describe('the Referrals page', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('filters by status and overdue, sorts by participant, and opens a row in the file’s Referrals tab', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const s = ui(page, LOCALE);
    mkdirSync(SHOTS, { recursive: true });
    await page.clock.setFixedTime(AT_TEN);
    await page.setViewportSize({ width: 1280, height: 800 });
    const grid = page.getByRole('grid', { name: s.t('referralsPage.table.label') });
    const rowAt = (index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
    const names = () => grid.getByRole('rowheader').allInnerTexts();
    const count = (n: number) => s.status(`referralsPage.count_${n === 1 ? 'one' : 'other'}`, { formatted: n });

    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    const kalle = await call<{ user: { id: string } }>(app, 'users.create', {
      displayName: 'Kalle Ohjaaja',
      role: 'caseworker',
      currentPassphrase: COORDINATOR.passphrase,
    });
    const work = (
      await call<{ partner: { id: string } }>(app, 'partners.save', { name: WORK, type: 'employmentServices', notes: null })
    ).partner.id;
    const law = (await call<{ partner: { id: string } }>(app, 'partners.save', { name: LAW, type: 'other', notes: null })).partner
      .id;
    const amal = await participant(app, 'Amal', 'Haddad');
    const bashir = await participant(app, 'Bashir', 'Ali', kalle.user.id);
    const chen = await participant(app, 'Chen', 'Wu');
    // Amal's job-seeker referral was sent a week ago with a follow-up on Friday: it is overdue today.
    await referral(app, amal, work, 'employmentServices', [{ to: 'sent', date: '2027-01-04', followUpOn: '2027-01-08' }]);
    await referral(app, bashir, law, 'legalAid', [{ to: 'sent', date: '2027-01-11', followUpOn: '2027-01-20' }]);
    await referral(app, chen, work, 'languageCourse', []);
    await referral(app, amal, law, 'legalAid', [
      { to: 'sent', date: '2027-01-05' },
      { to: 'accepted', date: '2027-01-07' },
    ]);

    // The page is in the main menu, right after the participants.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.referrals'), exact: true })
      .click();
    await screen(page, 'referrals');
    await expect(s.heading('referralsPage.title')).toBeVisible();
    await expect(count(4)).toBeVisible();
    // The referrals waiting longest come first; the reason never shows in the list.
    await expect(rowAt(0)).toContainText('Amal Haddad');
    await expect(rowAt(0)).toContainText(WORK);
    await expect(rowAt(0)).toContainText(s.t('todayPage.followUps.overdue'));
    await expect(grid).not.toContainText('Sisäinen syy');

    // The filters unfold; only the referrals sent: Amal's overdue one and Bashir's.
    await page.getByRole('button', { name: s.t('referralsPage.filters.toggle'), exact: true }).click();
    await page.getByRole('checkbox', { name: s.t('referrals.statuses.sent'), exact: true }).check();
    await expect(count(2)).toBeVisible();
    expect(await names()).toEqual(['Amal Haddad', 'Bashir Ali']);
    await expect(rowAt(1)).toContainText(s.t('referrals.serviceTypes.legalAid'));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/referrals-sent.png` });
    // Bashir's responsible caseworker is Kalle: his participants' referrals alone.
    await page.getByLabel(s.t('referralsPage.filters.caseworker'), { exact: true }).selectOption({ label: 'Kalle Ohjaaja' });
    await expect(count(1)).toBeVisible();
    expect(await names()).toEqual(['Bashir Ali']);
    await page.getByLabel(s.t('referralsPage.filters.caseworker'), { exact: true }).selectOption({ index: 0 });
    await expect.poll(names).toEqual(['Amal Haddad', 'Bashir Ali']);

    // Overdue only: Amal's alone.
    await page.getByRole('checkbox', { name: s.t('referralsPage.filters.overdue'), exact: true }).check();
    await expect(count(1)).toBeVisible();
    expect(await names()).toEqual(['Amal Haddad']);
    await page.getByRole('checkbox', { name: s.t('referralsPage.filters.overdue'), exact: true }).uncheck();
    await page.getByRole('checkbox', { name: s.t('referrals.statuses.sent'), exact: true }).uncheck();
    await expect(count(4)).toBeVisible();

    // Sorted by participant (last name first), then the other way.
    const byParticipant = grid.getByRole('button', { name: s.t('referralsPage.columns.participant') });
    await byParticipant.click();
    await expect(grid.getByRole('columnheader', { name: s.t('referralsPage.columns.participant') })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect.poll(names).toEqual(['Bashir Ali', 'Amal Haddad', 'Amal Haddad', 'Chen Wu']);
    await byParticipant.click();
    await expect.poll(names).toEqual(['Chen Wu', 'Amal Haddad', 'Amal Haddad', 'Bashir Ali']);

    // The filters fold away, leaving their chips; a chip removes its filter.
    await page.getByRole('checkbox', { name: s.t('referrals.statuses.draft'), exact: true }).check();
    await expect(count(1)).toBeVisible();
    await page.getByRole('button', { name: s.t('referralsPage.filters.toggleActive', { count: 1 }) }).click();
    const chip = page.getByRole('list', { name: s.t('registry.filters.chipsLabel') }).getByRole('button');
    await expect(chip).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/referrals-folded.png` });
    await chip.click();
    await expect(count(4)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // A row opens the participant's file at the Referrals tab; Back returns to the page.
    await rowAt(0).click();
    await screen(page, 'participant');
    await expect(page.getByRole('heading', { level: 1, name: /P-2027-003 · Chen/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: s.t('case.tabs.referrals'), exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page
      .getByRole('button', { name: s.t('case.back') })
      .first()
      .click();
    await screen(page, 'referrals');
    expectCleanRun(app);
  });
});
