/**
 * Case summary print end to end, on the real screens over the real encrypted files: a psychologist prints Leila's
 * file in Finnish with her private notes and a date range for notes; a caseworker prints it by pseudonym code only,
 * with the progress picture of her assessments, and cannot choose the private notes at all; each PDF is read back
 * with pdftotext and holds exactly the chosen sections, the confidentiality mark and the page number on every page.
 * The first pages are drawn as PNG files.
 * The coordinator's audit view shows each print. The print dialog passes axe-core; nothing leaves the app.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import printEn from '../../shared/i18n/printout/en.json' with { type: 'json' };
import { goTo, localDay, openFile } from './case-flows';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import {
  addColleague,
  CASEWORKER,
  choose,
  COORDINATOR,
  drawFirstPage,
  fillTheFile,
  MARK,
  pdfPages,
  PSYCHOLOGIST,
} from './print-flows';

const SECTION = printEn.print.sections;
/** Where the first pages are drawn, to be looked at after the run. */
const SHOTS = '/tmp/print-shots';

test.use({ appOptions: { locale: 'en', kdfCost: 'test' } });

test('a case summary prints exactly the chosen sections, marked confidential and numbered on every page, and is audited', async ({
  app,
}) => {
  test.skip(app.shell === null, 'The dialogs are answered by the browser harness; Electron shows real ones.');
  const shell = app.shell!;
  const { page } = app;
  const s = ui(page, 'en');
  const out = mkdtempSync(join(tmpdir(), 'polku-print-e2e-'));
  const dialog = page.getByRole('dialog');
  const openPrint = async () => {
    await openFile(page, 'en', MARK.firstName);
    await page.getByRole('button', { name: s.t('print.open'), exact: true }).click();
    await expect(dialog.getByRole('heading', { name: /P-\d{4}-\d{3}/ })).toBeFocused();
  };

  try {
    await setUpLockedVault(app, 'en', COORDINATOR);
    await addColleague(app, PSYCHOLOGIST, 'psychologist');
    await addColleague(app, CASEWORKER, 'caseworker');
    const pseudonym = await fillTheFile(app);

    // The psychologist prints in Finnish: details, consents, flags, notes of the last week and her private notes.
    await submitNameAndPassphrase(page, 'en', PSYCHOLOGIST.name, PSYCHOLOGIST.passphrase);
    await screen(page, 'home');
    await openPrint();
    const preview = await choose(page, 'en', {
      sections: [SECTION.basic, SECTION.consents, SECTION.flags, SECTION.notes, SECTION.psychosocialPrivate],
      dates: { from: localDay(-7), to: localDay() },
      language: 'suomi',
    });
    // The preview frame runs nothing: an empty sandbox, and the document's stylesheet allowed by hash alone.
    await expect(dialog.locator('iframe')).toHaveAttribute('sandbox', '');
    await expect(preview.getByText(MARK.privateNote)).toBeVisible();
    await expect(preview.getByText('LUOTTAMUKSELLINEN')).toBeVisible();
    await expect(preview.locator('body')).not.toContainText(MARK.outOfRange);
    await page.screenshot({ path: `${SHOTS}/print-dialog-en.png` });
    const axe = await new AxeBuilder({ page }).setLegacyMode(true).exclude('iframe').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    const first = join(out, 'psychologist.pdf');
    shell.answerSave(first);
    await dialog.getByRole('button', { name: s.t('print.pdf.save'), exact: true }).click();
    await expect(s.status('print.pdf.saved', { fileName: 'psychologist.pdf' })).toBeVisible();
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: `asiakasyhteenveto-${localDay()}.pdf` });

    const pages = pdfPages(first);
    const text = pages.join('\n');
    expect(pages.length).toBeGreaterThan(1);
    for (const chosen of [MARK.firstName, MARK.phone, MARK.partner, MARK.flag, MARK.inRange, MARK.privateNote])
      expect(text, chosen).toContain(chosen);
    for (const excluded of [MARK.outOfRange, MARK.referral, MARK.summary]) expect(text, excluded).not.toContain(excluded);
    expect(text).toContain('Osallistujan allekirjoitus');
    pages.forEach((pageText, index) => {
      expect(pageText, `page ${index + 1}`).toContain('LUOTTAMUKSELLINEN');
      expect(pageText, `page ${index + 1}`).toContain(pseudonym);
      expect(pageText, `page ${index + 1}`).toContain(`Sivu ${index + 1} / ${pages.length}`);
      expect(pageText, `page ${index + 1}`).toContain(`Tulostanut ${PSYCHOLOGIST.name}`);
    });
    drawFirstPage(first, `${SHOTS}/psychologist-fi-page1.png`);

    // Any change takes the preview away until it is shown again.
    await dialog.getByRole('checkbox', { name: SECTION.basic }).uncheck();
    await expect(dialog.getByText(s.t('print.preview.stale'))).toBeVisible();
    await expect(dialog.getByRole('button', { name: s.t('print.pdf.save'), exact: true })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: s.t('print.open'), exact: true })).toBeFocused();

    // The caseworker cannot choose the private notes; she prints the referral, the progress picture and the timeline
    // by code only.
    await s.button('shell.lock').click();
    await submitNameAndPassphrase(page, 'en', CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    await openPrint();
    await expect(dialog.getByRole('checkbox', { name: SECTION.psychosocialPrivate })).toHaveCount(0);
    const coding = await choose(page, 'en', {
      sections: [SECTION.referral, SECTION.assessments, SECTION.timeline],
      pseudonymOnly: true,
      language: 'English',
    });
    // The progress picture: a bar for each view of each domain assessed at intake, the participant's own hatched.
    const bars = coding.locator('svg rect[data-stage="intake"]');
    await expect(bars).toHaveCount(3);
    await expect(coding.locator('svg rect[data-rater="participant"][data-domain="selfConfidence"]')).toHaveAttribute(
      'fill',
      'url(#progress-hatch)',
    );
    await expect(coding.locator('svg rect[data-domain="finnish"]')).toHaveAttribute('data-value', '20');
    const second = join(out, 'caseworker.pdf');
    shell.answerSave(second);
    await dialog.getByRole('button', { name: s.t('print.pdf.save'), exact: true }).click();
    await expect(s.status('print.pdf.saved', { fileName: 'caseworker.pdf' })).toBeVisible();
    const coded = pdfPages(second);
    const codedText = coded.join('\n');
    for (const chosen of [
      pseudonym,
      MARK.referral,
      MARK.flag,
      MARK.outOfRange,
      // The progress picture's words and its table's numbers.
      SECTION.assessments,
      'The participant’s own view',
      'Initial assessment',
      'not yet',
      'A1.2 Growing basics',
      '20% · 1 question',
      '50% · 1 question',
    ])
      expect(codedText, chosen).toContain(chosen);
    for (const excluded of [MARK.firstName, MARK.lastName, MARK.phone, MARK.email, MARK.inRange, MARK.privateNote])
      expect(codedText, excluded).not.toContain(excluded);
    expect(codedText).not.toContain('signature');
    coded.forEach((pageText, index) => {
      expect(pageText).toContain('CONFIDENTIAL');
      expect(pageText).toContain(`Page ${index + 1} / ${coded.length}`);
    });
    drawFirstPage(second, `${SHOTS}/caseworker-pseudonym-en-page1.png`);

    // The system print dialog: cancelled first, then printed.
    shell.answerPrint(false);
    await dialog.getByRole('button', { name: s.t('print.printer.print'), exact: true }).click();
    await expect(s.status('print.printer.cancelled')).toBeVisible();
    shell.answerPrint(true);
    await dialog.getByRole('button', { name: s.t('print.printer.print'), exact: true }).click();
    await expect(s.status('print.printer.printed')).toBeVisible();
    expect(shell.printed).toHaveLength(2);
    await dialog.getByRole('button', { name: s.t('print.close'), exact: true }).click();

    // The coordinator sees every saved and printed copy in the audit log, and nothing of what it held.
    await s.button('shell.lock').click();
    await submitNameAndPassphrase(page, 'en', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await goTo(page, 'en', 'audit', 'audit');
    const table = page.getByRole('table', { name: s.t('audit.table.caption') });
    await expect(table.getByRole('cell', { name: s.t('audit.actions.print.pdf'), exact: true })).toHaveCount(2);
    await expect(table.getByRole('cell', { name: s.t('audit.actions.print.print'), exact: true })).toHaveCount(1);
    const logged = await table.innerText();
    for (const content of [MARK.firstName, MARK.referral, MARK.privateNote, MARK.inRange]) expect(logged).not.toContain(content);
    expect(logged).toContain('sections:basic,consents,flags,notes,psychosocialPrivate;pseudonymOnly:no;locale:fi');
    expectCleanRun(app);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
