/**
 * The Referrals tab of a participant's file, in Finnish on a 1280 × 800 laptop. A caseworker finds on Today a
 * referral the language school has not answered past its follow-up date, which opens the file's Referrals tab. She
 * drafts a referral to employment services, chooses what is shared, and tries to send it: the main side's consent
 * gate refuses, saying the consent to share with that partner is missing. She records that consent on the consents
 * tab, sends the referral, marks it accepted and then completed with its outcome, and reads its history.
 */
import { mkdirSync } from 'node:fs';
import { addDays, today } from '@shared/days';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { goTo, openTab } from './case-flows';
import { CASEWORKER, COORDINATOR, addColleague, call } from './print-flows';
import { axeViolations } from './axe';

const LOCALE = 'fi';
const SHOTS = '/tmp/reftab-shots';
const EMPLOYMENT = 'Työkeskus Etelä';
const SCHOOL = 'Kielikoulu Pohjoinen';
const REASON = 'Tarvitsee työnhakijaksi ilmoittautumisen ennen kurssin alkua.';
const MESSAGE = 'Hei, ohjaamme Leilan teille työnhakijaksi ilmoittautumista varten.';
const SUMMARY = 'Puhuu arabiaa ja hieman suomea; tulkki tarvitaan.';

/** A day as the Finnish date field takes it and the screen writes it: 4.12.2026. */
function finnishDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date}.${month}.${year}`;
}

test.describe('the Referrals tab', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('a caseworker drafts a referral, is stopped by the consent gate, records the consent, and follows it to its outcome', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const s = ui(page, LOCALE);
    mkdirSync(SHOTS, { recursive: true });
    const button = (key: string, values?: Record<string, string>) =>
      page.getByRole('button', { name: s.t(key, values), exact: true });
    const label = (key: string) => page.getByLabel(s.t(key), { exact: true });
    const sectionOf = (title: string) =>
      page.locator('section').filter({ has: page.locator(':scope > h2', { hasText: new RegExp(`^${title}$`) }) });
    const day = today();

    // The coordinator adds the caseworker, a participant who has consented to processing, and two partners.
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await addColleague(app, CASEWORKER, 'caseworker');
    await call(app, 'vault.unlock', { name: CASEWORKER.name, passphrase: CASEWORKER.passphrase });
    const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
      firstName: 'Leila',
      lastName: 'Haddad',
    });
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: addDays(day, -30),
      method: 'signed',
    });
    const { partner: employment } = await call<{ partner: { id: string } }>(app, 'partners.save', {
      name: EMPLOYMENT,
      type: 'employmentServices',
      notes: null,
    });
    await call(app, 'partners.saveContact', {
      partnerId: employment.id,
      name: 'Maija Yhteys',
      role: 'Asiantuntija',
      phone: null,
      email: null,
    });
    const { partner: school } = await call<{ partner: { id: string } }>(app, 'partners.save', {
      name: SCHOOL,
      type: 'school',
      notes: null,
    });
    // Ten days ago she sent Leila to the language school, which was to answer by three days ago and has not.
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'partner_sharing',
      partnerName: SCHOOL,
      givenOn: addDays(day, -12),
      method: 'signed',
    });
    const { referral: waiting } = await call<{ referral: { id: string } }>(app, 'referrals.create', {
      participantId: participant.id,
      partnerId: school.id,
      serviceType: 'languageCourse',
      urgency: 'routine',
      reason: 'Suomen kielen taso A1.',
    });
    await call(app, 'referrals.transition', {
      id: waiting.id,
      to: 'sent',
      date: addDays(day, -10),
      followUpOn: addDays(day, -3),
    });
    await call(app, 'vault.lock');

    // Today lists the unanswered referral; its line opens the file's Referrals tab.
    await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    const unanswered = sectionOf(s.t('todayPage.referrals.title'));
    await expect(unanswered).toHaveCount(1);
    await expect(unanswered).toContainText(
      s.t('todayPage.referrals.detail', {
        partner: SCHOOL,
        service: s.t('referrals.serviceTypes.languageCourse'),
        day: finnishDay(addDays(day, -3)),
      }),
    );
    await unanswered
      .getByRole('button', {
        name: s.t('todayPage.referrals.open', { name: 'Leila Haddad', code: participant.pseudonym, partner: SCHOOL }),
      })
      .click();
    await screen(page, 'participant');
    const tab = page.getByRole('tab', { name: s.t('case.tabs.referrals'), exact: true });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name: s.t('case.tabs.referrals') });
    const rowOf = (partner: string) =>
      panel
        .getByRole('table', { name: s.t('referrals.tab.caption') })
        .getByRole('row')
        .filter({ hasText: partner });
    await expect(rowOf(SCHOOL)).toContainText(s.t('referrals.statuses.sent'));
    await expect(rowOf(SCHOOL)).toContainText(s.t('todayPage.followUps.overdue'));

    // A new draft: the partner from the register, its contact person, what is shared, and a follow-up date.
    await button('referrals.tab.new').click();
    await expect(label('referrals.form.partner')).toBeFocused();
    await expect(panel.getByText(s.t('referrals.form.reasonHint'), { exact: true })).toBeVisible();
    // Saved empty, each field says what it needs.
    await button('referrals.form.save').click();
    await expect(panel.getByText(s.t('referrals.form.partnerRequired'), { exact: true })).toBeVisible();
    await expect(panel.getByText(s.t('referrals.form.reasonRequired'), { exact: true })).toBeVisible();
    await label('referrals.form.partner').selectOption({ label: EMPLOYMENT });
    await label('referrals.form.contact').selectOption({ label: 'Maija Yhteys, Asiantuntija' });
    await label('referrals.form.urgency').selectOption({ label: s.t('referrals.urgencies.soon') });
    await label('referrals.form.reason').fill(REASON);
    await label('referrals.form.message').fill(MESSAGE);
    await label('referrals.sharedFields.name').check();
    await label('referrals.sharedFields.languages').check();
    await label('referrals.sharedFields.summary').check();
    await label('referrals.form.summary').fill(SUMMARY);
    await label('referrals.form.followUp').fill(finnishDay(addDays(day, 14)));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${SHOTS}/form-fi.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await button('referrals.form.save').click();
    await expect(s.status('referrals.form.saved')).toBeVisible();

    // The detail shows every field, what is shared in words, and the draft's first step.
    const service = s.t('referrals.serviceTypes.employmentServices');
    const detail = panel.getByRole('region', { name: s.t('referrals.detail.title', { partner: EMPLOYMENT, service }) });
    await expect(detail).toBeFocused();
    await expect(detail).toContainText(REASON);
    await expect(detail).toContainText(MESSAGE);
    await expect(detail).toContainText(SUMMARY);
    await expect(detail).toContainText('Maija Yhteys');
    for (const field of ['name', 'languages', 'summary'])
      await expect(detail).toContainText(s.t(`referrals.sharedFields.${field}`));
    await expect(detail).not.toContainText(s.t('referrals.sharedFields.workAbility'));
    await expect(rowOf(EMPLOYMENT)).toContainText(s.t('referrals.statuses.draft'));
    expect(await axeViolations(page)).toEqual([]);

    // Sending without a consent to share with this partner: the gate says what is missing and where to record it.
    await detail.getByRole('button', { name: s.t('referrals.moves.buttons.send'), exact: true }).click();
    const send = detail.getByRole('form', { name: s.t('referrals.moves.buttons.send') });
    await expect(send.getByLabel(s.t('referrals.moves.date'), { exact: true })).toBeFocused();
    await send.getByRole('button', { name: s.t('referrals.moves.buttons.send'), exact: true }).click();
    const blocked = s.t('referrals.moves.blocked', {
      partner: EMPLOYMENT,
      purpose: s.t('consents.purposes.partner_sharing'),
    });
    await expect(send.getByRole('alert')).toContainText(blocked);
    await expect(send.getByText(s.t('referrals.moves.blockedOverride'))).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/blocked-fi.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await expect(rowOf(EMPLOYMENT)).toContainText(s.t('referrals.statuses.draft'));

    // The way to the consents: she records the participant's consent to share with this partner.
    await send.getByRole('button', { name: s.t('consentGate.open'), exact: true }).click();
    await expect(page.getByRole('tab', { name: s.t('case.tabs.consents'), exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await button('consents.actions.recordFor', { purpose: s.t('consents.purposes.partner_sharing') }).click();
    await label('consents.record.partnerName').fill(EMPLOYMENT);
    await button('consents.record.submit').click();
    await expect(s.status('consents.record.saved', { purpose: s.t('consents.purposes.partner_sharing') })).toBeVisible();

    // Back on the referral, the send goes through, under the consent.
    await openTab(page, LOCALE, 'referrals');
    await panel.getByRole('button', { name: s.t('referrals.tab.openOf', { partner: EMPLOYMENT, service }) }).click();
    await send.getByRole('button', { name: s.t('referrals.moves.buttons.send'), exact: true }).click();
    await expect(s.status('referrals.moves.done', { status: s.t('referrals.statuses.sent') })).toBeVisible();
    await expect(rowOf(EMPLOYMENT)).toContainText(s.t('referrals.statuses.sent'));

    // Accepted, then completed with its outcome.
    await detail.getByRole('button', { name: s.t('referrals.moves.buttons.accept'), exact: true }).click();
    await detail
      .getByRole('form', { name: s.t('referrals.moves.buttons.accept') })
      .getByRole('button', { name: s.t('referrals.moves.buttons.accept'), exact: true })
      .click();
    await expect(s.status('referrals.moves.done', { status: s.t('referrals.statuses.accepted') })).toBeVisible();
    await detail.getByRole('button', { name: s.t('referrals.moves.buttons.complete'), exact: true }).click();
    const complete = detail.getByRole('form', { name: s.t('referrals.moves.buttons.complete') });
    await complete
      .getByLabel(s.t('referrals.moves.outcome'), { exact: true })
      .selectOption({ label: s.t('referrals.outcomes.other') });
    await complete.getByRole('button', { name: s.t('referrals.moves.buttons.complete'), exact: true }).click();
    await expect(complete.getByText(s.t('referrals.errors.outcomeTextRequired'), { exact: true })).toBeVisible();
    await complete.getByLabel(s.t('referrals.moves.outcomeText'), { exact: true }).fill('Aloitti työkokeilun');
    await complete.getByRole('button', { name: s.t('referrals.moves.buttons.complete'), exact: true }).click();
    await expect(s.status('referrals.moves.done', { status: s.t('referrals.statuses.completed') })).toBeVisible();
    await expect(detail.getByText(s.t('referrals.detail.readOnly'), { exact: true })).toBeVisible();

    // The history: every step with its day and who recorded it, the send under the consent, the outcome.
    const history = detail.getByRole('table', { name: s.t('referrals.detail.historyCaption') });
    const step = (status: string) =>
      history
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: s.t(`referrals.statuses.${status}`), exact: true }) });
    for (const status of ['draft', 'sent', 'accepted', 'completed']) {
      await expect(step(status)).toContainText(finnishDay(day));
      await expect(step(status)).toContainText(CASEWORKER.name);
    }
    await expect(step('sent')).toContainText(s.t('referrals.detail.sentUnderConsent'));
    await expect(step('completed')).toContainText(
      s.t('referrals.detail.eventOutcome', { outcome: s.t('referrals.outcomes.other') }),
    );
    await expect(step('completed')).toContainText('Aloitti työkokeilun');
    await page.screenshot({ path: `${SHOTS}/detail-fi.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The partner's page lists the referral it received, and its line leads back to the file's Referrals tab.
    await goTo(page, LOCALE, 'programme', 'programme');
    await page.getByRole('tab', { name: s.t('programme.tabs.partners'), exact: true }).click();
    await button('partners.table.show', { name: EMPLOYMENT }).click();
    const received = page.getByRole('table', { name: s.t('partners.referrals.caption') });
    const line = received.getByRole('row').filter({ hasText: 'Leila Haddad' });
    await expect(line).toContainText(s.t('referrals.statuses.completed'));
    await expect(line).toContainText(finnishDay(day));
    await expect(
      page.getByText(s.t('partners.referrals.count', { status: s.t('referrals.statuses.completed'), count: 1 }), { exact: true }),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/partner-fi.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await line
      .getByRole('button', { name: s.t('partners.referrals.open', { name: 'Leila Haddad', code: participant.pseudonym }) })
      .click();
    await screen(page, 'participant');
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    expectCleanRun(app);
  });
});
