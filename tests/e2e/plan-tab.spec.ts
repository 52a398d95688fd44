/**
 * The career and study plan in the participant's file, in Finnish on a 1280 × 800 laptop, on a fixed Wednesday: a
 * caseworker finds the empty plan inviting her to make it with the participant, makes a plan of two goals and four
 * steps (days typed 4.12.2026 style, one step pointing to the participant's referral, a missing target told next to
 * its field), saves it, marks a step done from the plan itself, saves again over a colleague's save made meanwhile
 * without losing what she typed, reads the earlier version (the step still open there) and the plan at a date, and
 * finds the week's step on Today, whose line opens the plan tab. The tab, the editor and the history pass axe-core.
 * A Swedish glance at the same tab follows.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, invokeFromPage, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { goTo, openFile, openTab } from './case-flows';
import { CASEWORKER, COORDINATOR, addColleague, call } from './print-flows';
import { axeViolations } from './axe';
import type { E2EApp } from './fixtures';

const SHOTS = '/tmp/planui-shots';
/** Wednesday 13 January 2027 at ten, local time. */
const AT_TEN = new Date(2027, 0, 13, 10, 0, 0).getTime();
const startedAt = Date.now();
const PARTNER = 'Työkeskus Etelä';

/** The coordinator's participant with consent, the caseworker responsible for her, and a referral; left locked. */
async function prepare(app: E2EApp, locale: Locale): Promise<{ id: string; pseudonym: string; referralId: string }> {
  await setUpLockedVault(app, locale, COORDINATOR);
  await addColleague(app, CASEWORKER, 'caseworker');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
    firstName: 'Leila',
    lastName: 'Haddad',
  });
  const staff = await call<{ id: string; displayName: string }[]>(app, 'participants.caseworkers');
  const caseworker = staff.find((person) => person.displayName === CASEWORKER.name)!;
  await call(app, 'participants.update', { id: participant.id, responsibleCaseworkerId: caseworker.id });
  await call(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: '2027-01-04',
    method: 'signed',
  });
  const { partner } = await call<{ partner: { id: string } }>(app, 'partners.save', {
    name: PARTNER,
    type: 'employmentServices',
    notes: null,
  });
  const { referral } = await call<{ referral: { id: string } }>(app, 'referrals.create', {
    participantId: participant.id,
    partnerId: partner.id,
    serviceType: 'employmentServices',
    urgency: 'routine',
    reason: 'Työnhakijaksi ilmoittautuminen',
  });
  await call(app, 'vault.lock');
  return { ...participant, referralId: referral.id };
}

/** One goal of the editor, by its legend ("Tavoite 2"). */
const goalBox = (page: Page, t: (key: string, values?: Record<string, string | number>) => string, n: number) =>
  page.getByRole('group', { name: t('plans.editor.goal', { number: n }), exact: true });

test.describe('the career and study plan', () => {
  test.use({ appOptions: { locale: 'fi', kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('is made with two goals and four steps, a step marked done, its versions read, and its week’s step on Today', async ({
    app,
  }) => {
    test.setTimeout(150_000);
    const { page } = app;
    const s = ui(page, 'fi');
    const t = s.t;
    mkdirSync(SHOTS, { recursive: true });
    await page.clock.setFixedTime(AT_TEN);
    await page.setViewportSize({ width: 1280, height: 800 });
    const leila = await prepare(app, 'fi');

    await submitNameAndPassphrase(page, 'fi', CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    await openFile(page, 'fi', 'Leila');
    const panel = await openTab(page, 'fi', 'plan');

    // No plan yet: the tab invites making it with the participant.
    await expect(panel.getByText(t('plans.tab.empty'), { exact: true })).toBeVisible();
    expect(await axeViolations(page), 'the empty plan tab').toEqual([]);
    await s.button('plans.tab.make').click();
    await expect(page.getByRole('heading', { name: t('plans.editor.newTitle') })).toBeVisible();

    // The first goal, with its why in the participant's words, and two steps.
    const first = goalBox(page, t, 1);
    await first
      .getByLabel(t('plans.editor.kind'), { exact: true })
      .selectOption({ label: t('plans.goalKinds.vocationalQualification') });
    await first.getByLabel(t('plans.editor.target'), { exact: true }).fill('Lähihoitajan tutkinto');
    await first.getByLabel(t('plans.editor.targetDate'), { exact: true }).fill('31.5.2028');
    await first.getByLabel(t('plans.editor.why'), { exact: true }).fill('Haluan auttaa ihmisiä ja saada vakituisen työn.');
    await first.getByLabel(t('plans.editor.what'), { exact: true }).fill('Ilmoittaudu työnhakijaksi');
    await first.getByLabel(t('plans.editor.due'), { exact: true }).fill('15.1.2027');
    await first
      .getByLabel(t('plans.editor.referral'), { exact: true })
      .selectOption({ label: `${PARTNER} – ${t('referrals.serviceTypes.employmentServices')}` });
    await page.getByRole('button', { name: t('plans.editor.addStepTo', { number: 1 }), exact: true }).click();
    const secondWhat = first.getByLabel(t('plans.editor.what'), { exact: true }).nth(1);
    await expect(secondWhat).toBeFocused();
    await secondWhat.fill('Tutustu oppilaitokseen');
    await first
      .getByLabel(t('plans.editor.owner'), { exact: true })
      .nth(1)
      .selectOption({ label: t('plans.stepOwners.caseworker') });
    await first.getByLabel(t('plans.editor.due'), { exact: true }).nth(1).fill('4.2.2027');

    // The second goal; saving it without its target says so next to the field, and nothing is saved.
    await s.button('plans.editor.addGoal').click();
    const second = goalBox(page, t, 2);
    await expect(second.getByLabel(t('plans.editor.target'), { exact: true })).toBeFocused();
    await second.getByLabel(t('plans.editor.kind'), { exact: true }).selectOption({ label: t('plans.goalKinds.languageLevel') });
    await second.getByLabel(t('plans.editor.what'), { exact: true }).fill('Kielikurssi alkaa');
    await second.getByLabel(t('plans.editor.owner'), { exact: true }).selectOption({ label: t('plans.stepOwners.partner') });
    await second.getByLabel(t('plans.editor.due'), { exact: true }).fill('14.1.2027');
    await page.getByRole('button', { name: t('plans.editor.addStepTo', { number: 2 }), exact: true }).click();
    await second.getByLabel(t('plans.editor.what'), { exact: true }).nth(1).fill('YKI-testi');
    await second.getByLabel(t('plans.editor.due'), { exact: true }).nth(1).fill('4.12.2027');
    await s.button('plans.editor.save').click();
    const target2 = second.getByLabel(t('plans.editor.target'), { exact: true });
    await expect(target2).toBeFocused();
    await expect(target2).toHaveAttribute('aria-invalid', 'true');
    await expect(second.locator('.field-error')).toHaveText(t('validation.required'));
    expect(await axeViolations(page), 'the plan editor with an error').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/editor-fi.png`, fullPage: true });
    await target2.fill('Suomen kieli A2.2');
    await s.button('plans.editor.save').click();
    await expect(s.status('plans.tab.saved')).toBeVisible();

    // The plan in force: both goals, four steps, the referral named on its step.
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(['Lähihoitajan tutkinto', 'Suomen kieli A2.2']);
    await expect(panel.locator('.plan-step')).toHaveCount(4);
    await expect(panel.getByText('Haluan auttaa ihmisiä ja saada vakituisen työn.')).toBeVisible();
    const enrolStep = panel.locator('.plan-step').filter({ hasText: 'Ilmoittaudu työnhakijaksi' });
    await expect(enrolStep).toContainText(
      t('plans.tab.referral', { referral: `${PARTNER} – ${t('referrals.serviceTypes.employmentServices')}` }),
    );
    await expect(enrolStep).toContainText(t('plans.tab.due', { day: '15.1.2027' }));
    await expect(panel).toContainText(t('plans.tab.targetDate', { day: '31.5.2028' }));

    // A step marked done from the plan itself: a new version.
    await page
      .getByRole('button', { name: t('plans.tab.markDoneOf', { what: 'Ilmoittaudu työnhakijaksi' }), exact: true })
      .click();
    await expect(s.status('plans.tab.stepDone', { what: 'Ilmoittaudu työnhakijaksi' })).toBeVisible();
    await expect(enrolStep).toContainText(t('plans.stepStatuses.done'));
    await expect(
      page.getByRole('button', { name: t('plans.tab.reopenOf', { what: 'Ilmoittaudu työnhakijaksi' }), exact: true }),
    ).toBeFocused();
    // A step dropped needs its reason, told next to the field.
    await page.getByRole('button', { name: t('plans.tab.dropOf', { what: 'YKI-testi' }), exact: true }).click();
    const reason = panel.getByLabel(t('plans.tab.dropReason'), { exact: true });
    await expect(reason).toBeFocused();
    await s.button('plans.tab.confirmDrop').click();
    await expect(panel.locator('.plan-step-drop .field-error')).toHaveText(t('validation.reason_required'));
    expect(await axeViolations(page), 'the plan tab with a step being dropped').toEqual([]);
    await reason.fill('Testi siirtyy syksyyn');
    await s.button('plans.tab.confirmDrop').click();
    await expect(s.status('plans.tab.stepDropped', { what: 'YKI-testi' })).toBeVisible();
    await expect(panel.locator('.plan-step').filter({ hasText: 'YKI-testi' })).toContainText(
      t('plans.tab.droppedReason', { reason: 'Testi siirtyy syksyyn' }),
    );
    expect(await axeViolations(page), 'the plan tab').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/tab-fi.png`, fullPage: true });

    // A colleague saves meanwhile; her own edit is refused with the sentence, kept on screen, and saved over it.
    await s.button('plans.tab.edit').click();
    await goalBox(page, t, 2).getByLabel(t('plans.editor.target'), { exact: true }).fill('Suomen kieli B1');
    const current = (await invokeFromPage(page, 'plans.get', { participantId: leila.id })) as {
      value: { plan: { version: number; goals: unknown[] } };
    };
    expect(
      await invokeFromPage(page, 'plans.save', {
        participantId: leila.id,
        baseVersion: current.value.plan.version,
        goals: current.value.plan.goals.map((goal, i) =>
          i === 0 ? { ...(goal as object), why: 'Haluan auttaa ihmisiä.' } : goal,
        ),
      }),
    ).toMatchObject({ ok: true });
    await s.button('plans.editor.save').click();
    await expect(page.getByRole('alert').filter({ hasText: t('plans.errors.stale') })).toBeVisible();
    await expect(goalBox(page, t, 2).getByLabel(t('plans.editor.target'), { exact: true })).toHaveValue('Suomen kieli B1');
    await s.button('plans.editor.saveOver').click();
    await expect(s.status('plans.tab.saved')).toBeVisible();
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(['Lähihoitajan tutkinto', 'Suomen kieli B1']);

    // The history: five versions, the first with the step still open; the plan at a date.
    await s.button('plans.tab.history').click();
    const history = page.locator('section.plan-history');
    await expect(history.getByRole('heading', { name: t('plans.history.title') })).toBeFocused();
    await expect(history.getByRole('listitem').filter({ hasText: t('plans.history.current', { number: 5 }) })).toContainText(
      t('plans.history.counts', { goals: 2, steps: 4 }),
    );
    await history.getByRole('button', { name: t('plans.history.showOf', { number: 1 }), exact: true }).click();
    const shown = history.locator('.plan-version-shown');
    await expect(shown.getByRole('heading', { level: 3 })).toContainText(t('plans.history.version', { number: 1 }));
    await expect(shown.locator('.plan-step').filter({ hasText: 'Ilmoittaudu työnhakijaksi' })).toContainText(
      t('plans.stepStatuses.open'),
    );
    await expect(shown.getByRole('button', { name: t('plans.tab.markDoneOf', { what: 'YKI-testi' }) })).toHaveCount(0);
    await history.getByLabel(t('plans.history.atDate'), { exact: true }).fill('12.1.2027');
    await history.getByRole('button', { name: t('plans.history.showAt'), exact: true }).click();
    await expect(history.getByText(t('plans.history.noneAt', { day: '12.1.2027' }))).toBeVisible();
    await history.getByLabel(t('plans.history.atDate'), { exact: true }).fill('13.1.2027');
    await history.getByRole('button', { name: t('plans.history.showAt'), exact: true }).click();
    await expect(history.getByRole('heading', { level: 3 }).last()).toContainText('13.1.2027: versio 5');
    expect(await axeViolations(page), 'the plan history').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/history-fi.png`, fullPage: true });

    // Today lists the open step due this week, and its line opens the plan tab.
    await goTo(page, 'fi', 'home', 'home');
    const weekSteps = page
      .locator('section')
      .filter({ has: page.locator(':scope > h2', { hasText: t('todayPage.planSteps.title') }) });
    const line = weekSteps.getByRole('listitem');
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('Kielikurssi alkaa');
    await expect(line).toContainText(t('todayPage.planSteps.goal', { target: 'Suomen kieli B1' }));
    await page.screenshot({ path: `${SHOTS}/today-fi.png`, fullPage: true });
    await line
      .getByRole('button', {
        name: t('todayPage.planSteps.open', { name: 'Leila Haddad', code: leila.pseudonym, what: 'Kielikurssi alkaa' }),
      })
      .click();
    await screen(page, 'participant');
    await expect(page.getByRole('tab', { name: t('case.tabs.plan'), exact: true })).toHaveAttribute('aria-selected', 'true');
    expectCleanRun(app);
  });
});

test.describe('the career and study plan in Swedish', () => {
  test.use({ appOptions: { locale: 'sv', kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('shows a saved plan in Swedish, with its step past its day marked', async ({ app }) => {
    test.setTimeout(90_000);
    const { page } = app;
    const t = ui(page, 'sv').t;
    mkdirSync(SHOTS, { recursive: true });
    await page.clock.setFixedTime(AT_TEN);
    await page.setViewportSize({ width: 1280, height: 800 });
    const leila = await prepare(app, 'sv');
    await call(app, 'vault.unlock', { name: CASEWORKER.name, passphrase: CASEWORKER.passphrase });
    await call(app, 'plans.save', {
      participantId: leila.id,
      baseVersion: null,
      goals: [
        {
          kind: 'job',
          target: 'Arbete på ett lager',
          targetDate: '2027-06-30',
          why: 'Jag vill ha en trygg arbetsgivare.',
          steps: [
            { what: 'Skriv ett CV', owner: 'participant', due: '2027-01-11' },
            { what: 'Besök ett företag', owner: 'caseworker', due: '2027-02-01', referralId: leila.referralId },
          ],
        },
      ],
    });
    await call(app, 'vault.lock');
    await submitNameAndPassphrase(page, 'sv', CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    await openFile(page, 'sv', 'Leila');
    const panel = await openTab(page, 'sv', 'plan');
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(['Arbete på ett lager']);
    await expect(panel.locator('.plan-step').filter({ hasText: 'Skriv ett CV' })).toContainText(t('todayPage.followUps.overdue'));
    await expect(panel).toContainText(t('plans.goalKinds.job'));
    await page.screenshot({ path: `${SHOTS}/tab-sv.png`, fullPage: true });
    expectCleanRun(app);
  });
});
