/**
 * Issue 15's journey end to end, in Finnish on a 1280 × 800 laptop, on a fixed Wednesday (2.12.2026), through the
 * real screens over the real encrypted vault. The group "Syksy 2026" met for ten weeks from Monday 14.9.2026, so its
 * exit assessments were due on Friday 20.11.2026. What is not the subject (the colleague, the participants, their
 * consents and places in the group) is seeded through the main side; the assessments are recorded on screen.
 *
 * 1. The caseworker records the intake of Aino and of Bashir, and Aino's exit, in each file's Assessments tab.
 * 2. Aino's file draws her progress: one bar per domain, stage and rater assessed, each bar's value the number
 *    of the table beside it, the participant's own view hatched. The tab is drawn to be looked at.
 * 3. The group's page counts the change from intake to exit: Finnish, digital skills and self-confidence moved up
 *    for one participant and cannot be compared for the other, who has no exit yet.
 * 4. Aino's case summary prints the picture: the preview holds the same bars, and the PDF's text its words and
 *    numbers; its first page is drawn to be looked at.
 * 5. Today lists Bashir's exit as overdue ("Määräaika ohi"), and its line opens the exit's form in his file.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import printFi from '../../shared/i18n/printout/fi.json' with { type: 'json' };
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { openFile, openTab } from './case-flows';
import { CASEWORKER, COORDINATOR, addColleague, call, choose, drawFirstPage, pdfPages } from './print-flows';
import { openCohort } from './programme-flows';
import { axeViolations } from './axe';

const LOCALE = 'fi';
const SHOTS = '/tmp/assessments-journey-shots';
const COHORT = 'Syksy 2026';
/** Wednesday 2 December 2026 at ten, local time: the group's ten weeks ended on Friday 20.11.2026. */
const AT_TEN = new Date(2026, 11, 2, 10, 0, 0).getTime();
const startedAt = Date.now();

/** One answer as the form shows it: the group of steps by its accessible name, and the step by its words. */
type Answer = [group: string | RegExp, step: string];
const SAME_RIGHTS = 'Uskon, että minulla on työssä samat oikeudet kuin kenellä tahansa.';
const own = new RegExp(`^${SAME_RIGHTS.replace('.', '\\.')} Osallistujan oma arvio$`);
const caseworkers = new RegExp(`^${SAME_RIGHTS.replace('.', '\\.')} Ohjaajan arvio$`);

/**
 * What is recorded, and what it comes to (positions from the scale's first step, as a share of the scale's top):
 *   Aino intake  listening A1.1 (1/10), speaking A1.1 (1/10) → Finnish 10 %; e-mail with help (1/3) → 33 %;
 *                same rights, own view 2 (1/4) → 25 %, caseworker's 2 → 25 %
 *   Aino exit    listening A2.1 (4/10), speaking A1.3 (3/10) → median 35 %; e-mail on her own (2/3) → 67 %;
 *                own view 4 (3/4) → 75 %, caseworker's 3 (2/4) → 50 %
 *   Bashir intake only: listening not yet A1.1, speaking A1.1, e-mail not yet.
 */
const AINO_INTAKE: Answer[] = [
  ['Kuullun ymmärtäminen', 'A1.1 Kielitaidon alkeet'],
  ['Puhuminen', 'A1.1 Kielitaidon alkeet'],
  ['Sähköpostin lukeminen ja lähettäminen', 'Osaan, kun joku auttaa'],
  [own, '2 Pitää vähän paikkansa'],
  [caseworkers, '2 Pitää vähän paikkansa'],
];
const AINO_EXIT: Answer[] = [
  ['Kuullun ymmärtäminen', 'A2.1 Peruskielitaidon alkuvaihe'],
  ['Puhuminen', 'A1.3 Toimiva alkeiskielitaito'],
  ['Sähköpostin lukeminen ja lähettäminen', 'Osaan itse'],
  [own, '4 Pitää enimmäkseen paikkansa'],
  [caseworkers, '3 Pitää osittain paikkansa'],
];
const BASHIR_INTAKE: Answer[] = [
  ['Kuullun ymmärtäminen', 'Ei vielä A1.1'],
  ['Puhuminen', 'A1.1 Kielitaidon alkeet'],
  ['Sähköpostin lukeminen ja lähettäminen', 'En osaa vielä'],
];

/** Aino's bars and table cells: domain/stage/rater → percent. */
const AINO_LEVELS: Record<string, string> = {
  'finnish/intake/caseworker': '10',
  'finnish/exit/caseworker': '35',
  'digital/intake/caseworker': '33',
  'digital/exit/caseworker': '67',
  'selfConfidence/intake/participant': '25',
  'selfConfidence/exit/participant': '75',
  'selfConfidence/intake/caseworker': '25',
  'selfConfidence/exit/caseworker': '50',
};

/** The coordinator's vault: the caseworker, and Aino and Bashir in her care, consenting and in the group. */
async function prepare(app: E2EApp): Promise<Record<string, string>> {
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  await addColleague(app, CASEWORKER, 'caseworker');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const staff = await call<{ id: string; displayName: string }[]>(app, 'participants.caseworkers');
  const caseworkerId = staff.find((person) => person.displayName === CASEWORKER.name)!.id;
  const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
    name: COHORT,
    startDate: '2026-09-14',
    lengthWeeks: 10,
  });
  const codes: Record<string, string> = {};
  for (const [firstName, lastName] of [
    ['Aino', 'Ahmadi'],
    ['Bashir', 'Noori'],
  ] as const) {
    const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
      firstName,
      lastName,
      referralDate: '2026-09-01',
    });
    codes[firstName] = participant.pseudonym;
    await call(app, 'participants.update', { id: participant.id, responsibleCaseworkerId: caseworkerId });
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-09-01',
      method: 'signed',
    });
    await call(app, 'cohorts.enrol', { participantId: participant.id, cohortId: cohort.id, startDate: '2026-09-14' });
  }
  await call(app, 'vault.lock');
  return codes;
}

/** Records a stage in the open file's Assessments tab, on the given day, with the given steps chosen. */
async function recordStage(page: Page, stage: string, day: string, answers: Answer[]): Promise<void> {
  const s = ui(page, LOCALE);
  await page.getByRole('button', { name: `Tee arviointi: ${stage}`, exact: true }).click();
  await expect(page.getByRole('heading', { name: `${stage}: uusi arviointi` })).toBeVisible();
  await page.getByLabel(s.t('assessments.form.date'), { exact: true }).fill(day);
  for (const [group, step] of answers)
    await page
      .getByRole('radiogroup', { name: group, ...(typeof group === 'string' ? { exact: true } : {}) })
      .getByRole('radio', { name: step, exact: true })
      .check();
  await s.button('assessments.form.save').click();
  await expect(s.status('assessments.tab.saved', { stage })).toBeVisible();
}

/**
 * The bars of a progress picture, each as "domain/stage/rater" → its value. Read attribute by attribute, so that it
 * works in the print preview too, whose sandboxed frame runs no script of the page's.
 */
async function barsOf(scope: Locator): Promise<Record<string, string>> {
  const bars: Record<string, string> = {};
  for (const rect of await scope.locator('svg rect[data-stage]').all()) {
    const [domain, stage, rater, value] = await Promise.all(
      ['domain', 'stage', 'rater', 'value'].map((name) => rect.getAttribute(`data-${name}`)),
    );
    bars[`${domain}/${stage}/${rater}`] = value ?? '';
  }
  return bars;
}

test.describe('assessments from intake to exit', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('are recorded, drawn in the file, counted for the group, printed, and an overdue one is opened from Today', async ({
    app,
  }) => {
    test.skip(app.shell === null, 'The save dialog is answered by the browser harness; Electron shows a real one.');
    test.setTimeout(150_000);
    const shell = app.shell!;
    const { page } = app;
    const s = ui(page, LOCALE);
    const t = s.t;
    mkdirSync(SHOTS, { recursive: true });
    const out = mkdtempSync(join(tmpdir(), 'polku-assessments-e2e-'));
    await page.clock.setFixedTime(AT_TEN);
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      const codes = await prepare(app);
      await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
      await screen(page, 'home');

      // 1. Two intakes and one exit, on screen.
      await openFile(page, LOCALE, 'Bashir');
      await openTab(page, LOCALE, 'assessments');
      await recordStage(page, 'Alkukartoitus', '16.9.2026', BASHIR_INTAKE);
      await openFile(page, LOCALE, 'Aino');
      const panel = await openTab(page, LOCALE, 'assessments');
      await recordStage(page, 'Alkukartoitus', '15.9.2026', AINO_INTAKE);
      await recordStage(page, 'Loppuarviointi', '19.11.2026', AINO_EXIT);
      const stages = panel.locator('.assessment-stage');
      await expect(stages.nth(0)).toContainText('Arvioitu 15.9.2026');
      await expect(stages.nth(1)).toContainText(t('assessments.statuses.overdue'));
      await expect(stages.nth(2)).toContainText('Arvioitu 19.11.2026');

      // 2. The picture: each bar is the table's number, the participant's own view hatched.
      const progress = panel.locator('.assessment-progress');
      await expect(progress.getByRole('img', { name: t('assessments.progress.title') })).toBeVisible();
      expect(await barsOf(progress)).toEqual(AINO_LEVELS);
      const cells = await progress.locator('tbody td[data-value]').evaluateAll((tds) =>
        tds.map((td) => {
          const row = td.closest('tr')!;
          const key = [row.getAttribute('data-domain'), td.getAttribute('data-stage'), row.getAttribute('data-rater')];
          return [key.join('/'), td.getAttribute('data-value') ?? ''] as const;
        }),
      );
      expect(Object.fromEntries(cells)).toEqual(AINO_LEVELS);
      await expect(progress.locator('tr[data-domain="finnish"] td[data-stage="exit"]')).toHaveText(/35 % · 2 kysymystä/);
      await expect(progress.locator('svg rect[data-domain="selfConfidence"][data-rater="participant"]').first()).toHaveAttribute(
        'fill',
        /url\(#.*-hatch\)/,
      );
      await expect(progress.locator('svg rect[data-domain="finnish"]').first()).not.toHaveAttribute('fill', /hatch/);
      expect(await axeViolations(page), 'the tab with the picture').toEqual([]);
      await progress.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/file-progress-fi.png` });

      // 3. The group's change: one moved up in each domain assessed, the other cannot be compared yet.
      await openCohort(page, LOCALE, COHORT);
      const change = page.getByRole('region', { name: t('assessments.cohortChange.heading') });
      const table = change.getByRole('table');
      for (const [domain, counts] of [
        ['finnish', ['1', '0', '0', '1', '2']],
        ['digital', ['1', '0', '0', '1', '2']],
        ['selfConfidence', ['1', '0', '0', '1', '2']],
        ['rights', ['0', '0', '0', '2', '2']],
      ] as const)
        await expect(
          table.getByRole('row', { name: new RegExp(`^${t(`assessments.domains.${domain}`)}`) }).getByRole('cell'),
        ).toHaveText([...counts]);
      await expect(change.locator('svg rect[data-domain="finnish"][data-kind="up"]')).toHaveAttribute('data-count', '1');
      await expect(change).not.toContainText('Aino');
      await change.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/cohort-change-fi.png` });

      // 4. Aino's case summary prints the picture: the same bars in the preview, its words and numbers in the PDF.
      await openFile(page, LOCALE, 'Aino');
      await page.getByRole('button', { name: t('print.open'), exact: true }).click();
      const preview = await choose(page, LOCALE, { sections: [printFi.print.sections.assessments] });
      expect(await barsOf(preview.locator('body'))).toEqual(AINO_LEVELS);
      const pdf = join(out, 'aino.pdf');
      shell.answerSave(pdf);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: t('print.pdf.save'), exact: true }).click();
      await expect(s.status('print.pdf.saved', { fileName: 'aino.pdf' })).toBeVisible();
      const text = pdfPages(pdf).join('\n');
      for (const words of [
        printFi.print.sections.assessments,
        'Alkukartoitus',
        'Loppuarviointi',
        'Suomen kieli',
        t('assessments.raters.participant'),
        '10 % · 2 kysymystä',
        '35 % · 2 kysymystä',
        '75 % · 1 kysymys',
        // A step's words, in the column its stage's (pdftotext breaks the cell's lines).
        'A1.1 Kielitaidon',
      ])
        expect(text, words).toContain(words);
      drawFirstPage(pdf, `${SHOTS}/summary-page1.png`);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);

      // 5. Today: Bashir's exit is overdue, and its line opens the exit's form in his file.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('shell.nav.home'), exact: true })
        .click();
      await screen(page, 'home');
      const section = page
        .locator('section')
        .filter({ has: page.locator(':scope > h2', { hasText: new RegExp(`^${t('assessments.today.title')}$`) }) });
      const exit = section.getByRole('listitem').filter({ hasText: 'Bashir' }).filter({ hasText: 'Loppuarviointi' });
      await expect(exit).toContainText(t('todayPage.followUps.overdue'));
      await expect(exit).toContainText(t('todayPage.followUps.due', { day: '20.11.2026' }));
      // Aino's exit is recorded: only her mid-point is still asked for.
      await expect(section.getByRole('listitem').filter({ hasText: 'Aino' })).toHaveCount(1);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/today-fi.png` });
      await exit
        .getByRole('button', {
          name: t('assessments.today.open', { name: 'Bashir Noori', code: codes.Bashir ?? '', stage: 'Loppuarviointi' }),
          exact: true,
        })
        .click();
      await screen(page, 'participant');
      await expect(page.getByRole('heading', { name: 'Loppuarviointi: uusi arviointi' })).toBeVisible();
      expect(await axeViolations(page), 'the exit form opened from Today').toEqual([]);
      expectCleanRun(app, { fakeClock: true });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
