/**
 * Issue 14's journey end to end, in Finnish on a 1280 × 800 laptop, through the real screens over the real
 * encrypted vault. What is not the subject (colleagues, the participant, the partners, a guidance note) is seeded
 * through the main side; everything else is done as a person does it.
 *
 * 1. A caseworker drafts a referral to partner A sharing the name, the languages and a summary (not the birth
 *    year, not the contact), with an internal reason and a message. The send is refused by the consent gate with
 *    the reason on screen; she records the partner-sharing consent for A in the consents tab, sends, and saves the
 *    letter as a PDF by keyboard: its text holds the chosen fields and the message and none of the reason, the
 *    guidance note, the unchosen fields or the participant's code. The dialog closes by Escape, giving the focus
 *    back to its button. She marks the referral accepted, then completed. The consent is withdrawn: the letter is
 *    refused with its sentence instead of a preview.
 * 2. The coordinator, for partner B with no consent, uses the consent register's override form under the refused
 *    send, sends, and saves B's letter. The plan (two goals, four steps — the editor itself is plan-tab.spec's
 *    subject, so it is seeded through `plans.save`) is printed for the participant in Swedish: the PDF holds the
 *    goals and steps in Swedish and no dropped step's reason, no code. A step is marked done and the earlier
 *    version is still readable in the history. The audit view names the override, the send under it, the letter
 *    and the plan print in Finnish, without their content.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { addDays, today } from '@shared/days';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { goTo, openFile, openTab } from './case-flows';
import { CASEWORKER, COORDINATOR, addColleague, call, drawFirstPage, pdfPages } from './print-flows';
import { axeViolations } from './axe';

const LOCALE = 'fi';
const SHOTS = '/tmp/journey-shots';
const PARTNER_A = 'Työkeskus Etelä';
const PARTNER_B = 'Oikeusapu Itä';
const AGENCY = 'Polku ry';
const AGENCY_PHONE = '+358 9 123 4567';
const MARK = {
  reason: 'REASONMARK tarvitsee työnhakijaksi ilmoittautumisen',
  message: 'MESSAGEMARK Hei, ohjaamme Leilan teille.',
  summary: 'SUMMARYMARK Puhuu arabiaa, tulkki tarvitaan.',
  note: 'NOTEMARK kertoi viikostaan',
  language: 'kurdi',
  birthYear: 1987,
  phone: '+358 40 765 4321',
  email: 'leila.contact@example.org',
  override: 'OVERRIDEMARK palkkasaatavat vanhenevat',
  dropped: 'DROPMARK ei sovi aikatauluun',
} as const;

/** A day as the Finnish date field takes it and the screen writes it: 4.12.2026. */
function finnishDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date}.${month}.${year}`;
}

/** The coordinator's vault with the caseworker, Leila (consenting to processing, with a guidance note) and partners. */
async function prepare(app: E2EApp) {
  const day = today();
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  await addColleague(app, CASEWORKER, 'caseworker');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  await call(app, 'settings.update', { organisationName: AGENCY, organisationPhone: AGENCY_PHONE });
  const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
    firstName: 'Leila',
    lastName: 'Haddad',
    birthYear: MARK.birthYear,
    languages: ['arabia', MARK.language],
    interpreterNeeded: true,
    interpreterLanguage: 'arabia',
    phone: MARK.phone,
    email: MARK.email,
  });
  const staff = await call<{ id: string; displayName: string }[]>(app, 'participants.caseworkers');
  await call(app, 'participants.update', {
    id: participant.id,
    responsibleCaseworkerId: staff.find((person) => person.displayName === CASEWORKER.name)!.id,
  });
  await call(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: addDays(day, -30),
    method: 'signed',
  });
  await call(app, 'notes.create', {
    participantId: participant.id,
    date: addDays(day, -2),
    type: 'individual_guidance',
    text: MARK.note,
  });
  const partner = async (name: string, type: string) =>
    (await call<{ partner: { id: string } }>(app, 'partners.save', { name, type, notes: null })).partner.id;
  const partnerA = await partner(PARTNER_A, 'employmentServices');
  const partnerB = await partner(PARTNER_B, 'other');
  return { participant, partnerA, partnerB };
}

test.describe('the referral and plan journey', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('a caseworker is stopped by the consent gate, records the consent, sends, prints the letter, follows it to its outcome, and the letter is refused once the consent is withdrawn', async ({
    app,
  }) => {
    test.skip(app.shell === null, 'The save dialog is answered by the browser harness; Electron shows a real one.');
    const shell = app.shell!;
    const { page } = app;
    const s = ui(page, LOCALE);
    const t = s.t;
    const out = mkdtempSync(join(tmpdir(), 'polku-journey-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    const day = today();
    const label = (key: string) => page.getByLabel(t(key), { exact: true });
    const service = t('referrals.serviceTypes.employmentServices');

    try {
      const { participant } = await prepare(app);
      await call(app, 'vault.lock');

      await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
      await screen(page, 'home');
      await openFile(page, LOCALE, 'Leila');
      const panel = await openTab(page, LOCALE, 'referrals');

      // The draft: partner A, the reason (internal), the message, and three of the fields shared.
      await s.button('referrals.tab.new').click();
      await label('referrals.form.partner').selectOption({ label: PARTNER_A });
      await label('referrals.form.reason').fill(MARK.reason);
      await label('referrals.form.message').fill(MARK.message);
      await label('referrals.sharedFields.name').check();
      await label('referrals.sharedFields.languages').check();
      await label('referrals.sharedFields.summary').check();
      await label('referrals.form.summary').fill(MARK.summary);
      await expect(label('referrals.sharedFields.birthYear')).not.toBeChecked();
      await expect(label('referrals.sharedFields.contact')).not.toBeChecked();
      await s.button('referrals.form.save').click();
      await expect(s.status('referrals.form.saved')).toBeVisible();
      const detail = panel.getByRole('region', { name: t('referrals.detail.title', { partner: PARTNER_A, service }) });
      await expect(detail).toBeFocused();

      // The send is refused by the main side's gate, which says which consent is missing.
      const sendButton = detail.getByRole('button', { name: t('referrals.moves.buttons.send'), exact: true });
      await sendButton.click();
      const send = detail.getByRole('form', { name: t('referrals.moves.buttons.send') });
      await send.getByRole('button', { name: t('referrals.moves.buttons.send'), exact: true }).click();
      await expect(send.getByRole('alert')).toContainText(
        t('referrals.moves.blocked', { partner: PARTNER_A, purpose: t('consents.purposes.partner_sharing') }),
      );
      await send.getByRole('alert').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/blocked-fi.png` });

      // She records the consent where the refusal points, and sends.
      await send.getByRole('button', { name: t('consentGate.open'), exact: true }).click();
      await expect(page.getByRole('tab', { name: t('case.tabs.consents'), exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      const sharing = t('consents.purposes.partner_sharing');
      await page.getByRole('button', { name: t('consents.actions.recordFor', { purpose: sharing }), exact: true }).click();
      await label('consents.record.partnerName').fill(PARTNER_A);
      await s.button('consents.record.submit').click();
      await expect(s.status('consents.record.saved', { purpose: sharing })).toBeVisible();
      await openTab(page, LOCALE, 'referrals');
      // The send form is still open, as she left it.
      await panel.getByRole('button', { name: t('referrals.tab.openOf', { partner: PARTNER_A, service }) }).click();
      await send.getByRole('button', { name: t('referrals.moves.buttons.send'), exact: true }).click();
      await expect(s.status('referrals.moves.done', { status: t('referrals.statuses.sent') })).toBeVisible();

      // The letter, by keyboard: Enter opens it with the focus on its heading; the preview is in Finnish.
      const letterButton = detail.getByRole('button', { name: t('referrals.letter.open'), exact: true });
      await letterButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: t('referrals.letter.title', { partner: PARTNER_A }) });
      await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused();
      const preview = page.frameLocator(`iframe[title="${t('referrals.letter.frame')}"]`);
      await expect(preview.getByText(MARK.message)).toBeVisible();
      await expect(dialog.getByLabel(t('referrals.letter.locale'), { exact: true })).toHaveValue('fi');
      expect(await axeViolations(page, { exclude: 'iframe' }), 'the letter dialog').toEqual([]);
      await page.screenshot({ path: `${SHOTS}/letter-dialog-fi.png` });
      const letter = join(out, 'letter.pdf');
      shell.answerSave(letter);
      await dialog.getByRole('button', { name: t('print.pdf.save'), exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(s.status('print.pdf.saved', { fileName: 'letter.pdf' })).toBeVisible();
      expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: `lahete-${day}.pdf` });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(letterButton).toBeFocused();

      const text = pdfPages(letter).join('\n');
      drawFirstPage(letter, `${SHOTS}/letter-fi.png`);
      for (const shown of [
        'Leila Haddad',
        'arabia',
        MARK.language,
        'SUMMARYMARK',
        'MESSAGEMARK',
        PARTNER_A,
        'LUOTTAMUKSELLINEN',
        AGENCY,
        AGENCY_PHONE,
        CASEWORKER.name,
        finnishDay(day),
        'Sivu 1 / 1',
      ])
        expect(text, shown).toContain(shown);
      for (const hidden of ['REASONMARK', 'NOTEMARK', String(MARK.birthYear), MARK.phone, MARK.email, participant.pseudonym])
        expect(text, hidden).not.toContain(hidden);

      // Accepted, then completed with its outcome.
      await detail.getByRole('button', { name: t('referrals.moves.buttons.accept'), exact: true }).click();
      await detail
        .getByRole('form', { name: t('referrals.moves.buttons.accept') })
        .getByRole('button', { name: t('referrals.moves.buttons.accept'), exact: true })
        .click();
      await expect(s.status('referrals.moves.done', { status: t('referrals.statuses.accepted') })).toBeVisible();
      await detail.getByRole('button', { name: t('referrals.moves.buttons.complete'), exact: true }).click();
      const complete = detail.getByRole('form', { name: t('referrals.moves.buttons.complete') });
      await complete
        .getByLabel(t('referrals.moves.outcome'), { exact: true })
        .selectOption({ label: t('referrals.outcomes.registeredJobSeeker') });
      await complete.getByLabel(t('referrals.moves.outcomeText'), { exact: true }).fill('Ilmoittautui 3.2.');
      await complete.getByRole('button', { name: t('referrals.moves.buttons.complete'), exact: true }).click();
      await expect(s.status('referrals.moves.done', { status: t('referrals.statuses.completed') })).toBeVisible();

      // The consent is withdrawn: the letter is refused with the sentence, and there is nothing to save or print.
      await openTab(page, LOCALE, 'consents');
      const what = `${sharing}, ${PARTNER_A}`;
      await page.getByRole('button', { name: t('consents.actions.withdrawFor', { what }), exact: true }).click();
      await s.button('consents.withdraw.confirm').click();
      await expect(
        page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sharing, exact: true }) }),
      ).toContainText(t('consents.standing.withdrawn'));
      await openTab(page, LOCALE, 'referrals');
      await panel.getByRole('button', { name: t('referrals.tab.openOf', { partner: PARTNER_A, service }) }).click();
      await letterButton.click();
      await expect(dialog.getByText(t('referrals.letter.refused.consent'), { exact: true })).toBeVisible();
      await expect(dialog.locator('iframe')).toHaveCount(0);
      await expect(dialog.getByRole('button', { name: t('print.pdf.save'), exact: true })).toHaveCount(0);
      // Asking again cannot help while the consent stays withdrawn: the sentence says what to do instead.
      await expect(dialog.getByRole('button', { name: t('common.retry'), exact: true })).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/letter-refused-fi.png` });
      await dialog.getByRole('button', { name: t('print.close'), exact: true }).click();
      await expect(letterButton).toBeFocused();
      expectCleanRun(app);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('the coordinator overrides for a partner without consent and the audit view names it; the plan printed in Swedish and its earlier version', async ({
    app,
  }) => {
    test.skip(app.shell === null, 'The save dialog is answered by the browser harness; Electron shows a real one.');
    const shell = app.shell!;
    const { page } = app;
    const s = ui(page, LOCALE);
    const t = s.t;
    const out = mkdtempSync(join(tmpdir(), 'polku-journey-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    const day = today();
    const service = t('referrals.serviceTypes.legalAid');

    try {
      const { participant, partnerB } = await prepare(app);
      // Partner B's draft and Leila's plan: two goals, four steps, one of them dropped with its reason.
      await call(app, 'referrals.create', {
        participantId: participant.id,
        partnerId: partnerB,
        serviceType: 'legalAid',
        urgency: 'urgent',
        reason: MARK.reason,
        message: MARK.message,
        sharedFields: ['name'],
      });
      await call(app, 'plans.save', {
        participantId: participant.id,
        baseVersion: null,
        goals: [
          {
            kind: 'vocationalQualification',
            target: 'Lähihoitajan tutkinto',
            targetDate: addDays(day, 400),
            why: 'Haluan auttaa ihmisiä.',
            steps: [
              { what: 'Ilmoittaudu työnhakijaksi', owner: 'participant', due: addDays(day, 7) },
              { what: 'Tutustu oppilaitokseen', owner: 'caseworker', due: addDays(day, 20) },
            ],
          },
          {
            kind: 'languageLevel',
            target: 'Suomen kieli A2.2',
            steps: [
              { what: 'Kielikurssi alkaa', owner: 'partner', due: addDays(day, 30) },
              { what: 'YKI-testi', owner: 'participant', status: 'dropped', droppedReason: MARK.dropped },
            ],
          },
        ],
      });
      await call(app, 'vault.lock');

      await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      await openFile(page, LOCALE, 'Leila');
      const panel = await openTab(page, LOCALE, 'referrals');
      await panel.getByRole('button', { name: t('referrals.tab.openOf', { partner: PARTNER_B, service }) }).click();
      const detail = panel.getByRole('region', { name: t('referrals.detail.title', { partner: PARTNER_B, service }) });

      // The send is refused; the coordinator is offered the consent register's override, with its written reason.
      await detail.getByRole('button', { name: t('referrals.moves.buttons.send'), exact: true }).click();
      const send = detail.getByRole('form', { name: t('referrals.moves.buttons.send') });
      const sendIt = send.getByRole('button', { name: t('referrals.moves.buttons.send'), exact: true });
      await sendIt.click();
      await expect(send.getByRole('alert')).toContainText(t('referrals.moves.blockedOverride'));
      await send.getByRole('button', { name: t('referrals.moves.override'), exact: true }).click();
      const reason = page.getByLabel(t('consents.override.reason'), { exact: true });
      await expect(reason).toBeFocused();
      await reason.fill(MARK.override);
      await reason.scrollIntoViewIfNeeded();
      expect(await axeViolations(page), 'the override form under the refused send').toEqual([]);
      await page.screenshot({ path: `${SHOTS}/override-fi.png` });
      await s.button('consents.override.submit').click();
      await expect(s.status('referrals.moves.overrideGranted')).toBeVisible();
      await sendIt.click();
      await expect(s.status('referrals.moves.done', { status: t('referrals.statuses.sent') })).toBeVisible();
      await expect(
        detail
          .getByRole('table', { name: t('referrals.detail.historyCaption') })
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: t('referrals.statuses.sent'), exact: true }) }),
      ).toContainText(t('referrals.detail.sentUnderOverride'));

      // B's letter, saved under the override.
      const letterButton = detail.getByRole('button', { name: t('referrals.letter.open'), exact: true });
      await letterButton.click();
      const letterDialog = page.getByRole('dialog');
      await expect(page.frameLocator(`iframe[title="${t('referrals.letter.frame')}"]`).getByText(MARK.message)).toBeVisible();
      shell.answerSave(join(out, 'letter-b.pdf'));
      await letterDialog.getByRole('button', { name: t('print.pdf.save'), exact: true }).click();
      await expect(s.status('print.pdf.saved', { fileName: 'letter-b.pdf' })).toBeVisible();
      await letterDialog.getByRole('button', { name: t('print.close'), exact: true }).click();
      await expect(letterButton).toBeFocused();

      // The plan printed for the participant in Swedish.
      const plan = await openTab(page, LOCALE, 'plan');
      const printButton = plan.getByRole('button', { name: t('plans.printForParticipant.open'), exact: true });
      await printButton.click();
      const dialog = page.getByRole('dialog', {
        name: t('plans.printForParticipant.title', { pseudonym: participant.pseudonym }),
      });
      await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused();
      await dialog.getByLabel(t('plans.printForParticipant.locale'), { exact: true }).selectOption({ label: 'svenska' });
      const preview = page.frameLocator(`iframe[title="${t('plans.printForParticipant.frame')}"]`);
      await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Karriär- och studieplan');
      expect(await axeViolations(page, { exclude: 'iframe' }), 'the plan print dialog').toEqual([]);
      await page.screenshot({ path: `${SHOTS}/plan-dialog-sv.png` });
      const planFile = join(out, 'plan.pdf');
      shell.answerSave(planFile);
      await dialog.getByRole('button', { name: t('print.pdf.save'), exact: true }).click();
      await expect(s.status('print.pdf.saved', { fileName: 'plan.pdf' })).toBeVisible();
      await dialog.getByRole('button', { name: t('print.close'), exact: true }).click();
      await expect(printButton).toBeFocused();
      const planText = pdfPages(planFile).join('\n');
      drawFirstPage(planFile, `${SHOTS}/plan-sv.png`);
      for (const shown of [
        'Karriär- och studieplan',
        'Mål 1:',
        'Mål 2:',
        'Steg',
        'Vad som görs',
        'Din handledare',
        'Underskrifter',
        'Lähihoitajan tutkinto',
        'Suomen kieli A2.2',
        'Ilmoittaudu työnhakijaksi',
        'Tutustu oppilaitokseen',
        'Kielikurssi alkaa',
        'YKI-testi',
        'Haluan auttaa ihmisiä.',
        'Inte gjort',
        'Struket',
        AGENCY_PHONE,
        finnishDay(addDays(day, 7)),
      ])
        expect(planText, shown).toContain(shown);
      for (const hidden of [
        'DROPMARK',
        participant.pseudonym,
        'vocationalQualification',
        'languageLevel',
        'caseworker',
        'Tavoite',
        'Askel',
      ])
        expect(planText, hidden).not.toContain(hidden);

      // A step is done: a new version, the earlier one still readable with the step open.
      await page
        .getByRole('button', { name: t('plans.tab.markDoneOf', { what: 'Ilmoittaudu työnhakijaksi' }), exact: true })
        .click();
      await expect(s.status('plans.tab.stepDone', { what: 'Ilmoittaudu työnhakijaksi' })).toBeVisible();
      await s.button('plans.tab.history').click();
      const history = page.locator('section.plan-history');
      await history.getByRole('button', { name: t('plans.history.showOf', { number: 1 }), exact: true }).click();
      const shown = history.locator('.plan-version-shown');
      await expect(shown.locator('.plan-step').filter({ hasText: 'Ilmoittaudu työnhakijaksi' })).toContainText(
        t('plans.stepStatuses.open'),
      );
      await expect(plan.locator('.plan-step').filter({ hasText: 'Ilmoittaudu työnhakijaksi' }).first()).toContainText(
        t('plans.stepStatuses.done'),
      );

      // The audit view: the override, the send under it, the letter and the plan print, in Finnish words.
      await goTo(page, LOCALE, 'audit', 'audit');
      const rows = page.getByRole('table', { name: t('audit.table.caption') }).locator('tbody tr');
      const rowOf = (action: string): Locator =>
        rows.filter({ has: page.getByRole('cell', { name: t(`audit.actions.${action}`), exact: true }) });
      for (const action of [
        'consents.override',
        'referrals.sendUnderOverride',
        'referrals.letterPdf',
        'plans.printPdf',
        'plans.save',
      ])
        await expect(rowOf(action), action).not.toHaveCount(0);
      // The letter's and the print's details say which fields left and in which language, never the content.
      await expect(rowOf('referrals.letterPdf')).toContainText(participant.pseudonym);
      await expect(rowOf('referrals.letterPdf')).toContainText(
        `jaetut tiedot: ${t('referrals.sharedFields.name')}; kirjeen kieli: ${t('language.names.fi')}`,
      );
      await expect(rowOf('plans.printPdf')).toContainText(
        t('audit.detail.planPrint', { version: 1, language: t('language.names.sv') }),
      );
      const log = await page.getByRole('table', { name: t('audit.table.caption') }).innerText();
      for (const hidden of ['MESSAGEMARK', 'REASONMARK', 'OVERRIDEMARK', 'Leila']) expect(log, hidden).not.toContain(hidden);
      await rows.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/audit-fi.png` });
      expectCleanRun(app);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
