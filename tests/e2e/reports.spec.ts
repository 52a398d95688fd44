/**
 * The funder report in Finnish on a 1280 × 800 laptop on Friday 4.12.2026. The coordinator opens Reports, is told at
 * the field that a period ending before it starts will not do, types the year 1.1.2026–31.12.2026 with the keyboard
 * alone and produces the report: tables with small counts as "alle 5", hidden ones as "..", the participants left out
 * for want of consent, and the rule in the footer; no table needs a horizontal scroll. The same report is looked at in
 * Swedish and English. A caseworker does not see the funder report, only the programme report. The page passes
 * axe-core.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screen, test, type E2EApp } from './fixtures';
import type { Locale } from '@shared/locales';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, text, ui } from './flows';
import { CASEWORKER, COORDINATOR, call, pdfPages, signInAsNewColleague } from './print-flows';
import { axeViolations } from './axe';
import { parseCsv } from '../support/csv';

const SHOTS = '/tmp/reports-shots';
/** Friday 4 December 2026 at ten, local time. */
const AT_TEN = new Date(2026, 11, 4, 10, 0, 0).getTime();
const startedAt = Date.now();

interface Joiner {
  gender: 'female' | 'male' | 'other';
  status: 'unemployed' | 'long_term_unemployed' | 'inactive' | 'employed';
  /** The day the participant left, and how; null while still in the group. */
  left: { on: string; outcome: 'completed' | 'discontinued' } | null;
  /** Consent to the funder's statistics. */
  counted: boolean;
}

/** A year's group: fourteen women, six men, two of another gender; two without the funder-statistics consent. */
const JOINERS: Joiner[] = [
  ...Array.from(
    { length: 14 },
    (_, i): Joiner => ({
      gender: 'female',
      status: i < 6 ? 'long_term_unemployed' : i < 11 ? 'unemployed' : 'inactive',
      left: i < 9 ? { on: '2026-06-26', outcome: i < 7 ? 'completed' : 'discontinued' } : null,
      counted: true,
    }),
  ),
  ...Array.from(
    { length: 6 },
    (_, i): Joiner => ({
      gender: 'male',
      status: i < 4 ? 'unemployed' : 'employed',
      left: i < 5 ? { on: '2026-06-26', outcome: 'completed' } : null,
      counted: true,
    }),
  ),
  { gender: 'other', status: 'unemployed', left: null, counted: true },
  { gender: 'other', status: 'inactive', left: { on: '2026-06-26', outcome: 'completed' }, counted: true },
  { gender: 'female', status: 'unemployed', left: null, counted: false },
  { gender: 'male', status: 'unemployed', left: null, counted: false },
];

/** The group and its participants, through the real channels as the coordinator; the vault is left unlocked. */
async function prepare(app: E2EApp): Promise<void> {
  await setUpLockedVault(app, 'fi', COORDINATOR);
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
    name: 'Vuosi 2026',
    startDate: '2026-01-05',
    lengthWeeks: 52,
  });
  for (const [i, joiner] of JOINERS.entries()) {
    const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
      firstName: `Osallistuja${i + 1}`,
      lastName: 'Testinen',
      gender: joiner.gender,
      birthYear: 1980 + (i % 20),
      labourMarketStatusAtEntry: joiner.status,
      referralDate: '2026-01-02',
    });
    const purposes = joiner.counted ? ['processing', 'funder_statistics'] : ['processing'];
    for (const purpose of purposes)
      await call(app, 'consents.record', { participantId: participant.id, purpose, givenOn: '2026-01-02', method: 'signed' });
    const { enrolment } = await call<{ enrolment: { id: string } }>(app, 'cohorts.enrol', {
      participantId: participant.id,
      cohortId: cohort.id,
      startDate: '2026-01-05',
    });
    if (!joiner.left) continue;
    const { on, outcome } = joiner.left;
    await call(app, 'cohorts.endEnrolment', {
      id: enrolment.id,
      endDate: on,
      outcome,
      ...(outcome === 'discontinued' ? { reason: 'Muutti toiselle paikkakunnalle.' } : {}),
    });
    await call(app, 'participation.recordExit', {
      participantId: participant.id,
      checkedOn: '2026-07-03',
      // In work or looking for it, never both (the funder counts the latest situation).
      jobSearching: i % 2 === 0 && i % 4 !== 0,
      inEducation: i % 3 === 0,
      qualification: false,
      employed: i % 4 === 0,
    });
  }
}

/** A quick choice of the form, named with its year. */
function yearButton(page: Page, locale: Locale, choice: 'thisYear' | 'lastYear', year: number) {
  return page.getByRole('button', { name: text(locale, `reports.screen.form.${choice}`, { year }), exact: true });
}

/** The report's tables: none wider than the page, so no horizontal scroll. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // A string, so that the spec needs no DOM types: it runs in the page.
  const overflow = await page.evaluate<{ page: number; tables: number[] }>(`({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('.report-table-frame')].map((frame) => frame.scrollWidth - frame.clientWidth),
  })`);
  expect(overflow.page, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  for (const table of overflow.tables) expect(table, 'a table scrolls sideways').toBeLessThanOrEqual(0);
}

test.describe('the funder report', () => {
  test.use({ appOptions: { locale: 'fi', kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('is produced for a year with small counts suppressed, by keyboard alone, and only by the coordinator', async ({ app }) => {
    test.setTimeout(90_000);
    const { page } = app;
    const s = ui(page, 'fi');
    mkdirSync(SHOTS, { recursive: true });
    await page.clock.setFixedTime(AT_TEN);
    await page.setViewportSize({ width: 1280, height: 800 });
    await prepare(app);
    await call(app, 'vault.lock');

    await submitNameAndPassphrase(page, 'fi', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    // The menu by its place: its name follows the language, which the test switches.
    const nav = page.locator('nav.app-nav');
    await nav.getByRole('button', { name: 'Raportit', exact: true }).click();
    await screen(page, 'reports');
    await expect(s.heading('reports.screen.title')).toBeFocused();

    // Keyboard only: from the page's heading through the report tabs (the funder report chosen) into the form, a
    // period that ends before it starts, then the year.
    const from = s.field('reports.screen.form.from');
    const to = s.field('reports.screen.form.to');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tab', { name: 'Rahoittajaraportti' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Rahoittajaraportti' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Tab');
    await expect(from).toBeFocused();
    await page.keyboard.type('1.1.2026');
    await page.keyboard.press('Tab');
    await expect(to).toBeFocused();
    await page.keyboard.type('1.12.2025');
    await page.keyboard.press('Tab');
    await expect(s.field('reports.screen.form.cohort')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(yearButton(page, 'fi', 'thisYear', 2026)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(yearButton(page, 'fi', 'lastYear', 2025)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(s.button('reports.screen.form.submit')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(to).toBeFocused();
    await expect(page.locator('.field-invalid .field-error')).toHaveText('Kauden viimeinen päivä ei voi olla ennen ensimmäistä.');
    expect(await axeViolations(page), 'the form with its error').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/period-error-fi.png` });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31.12.2026');
    await expect(page.locator('.field-error')).toHaveCount(0);
    await page.keyboard.press('Enter');

    const report = page.locator('article.report');
    // The report, when it comes, takes the focus, so that it is read from its start.
    await expect(report.getByRole('heading', { level: 2, name: 'ESR+ 2021–2027: yhteiset indikaattorit' })).toBeFocused();
    const participation = page.getByRole('table', { name: 'Osallistujat raportointikaudella' });
    await expect(participation.getByRole('columnheader', { name: 'Muu tai ei kerrottu' })).toBeVisible();
    // Twenty-two counted: fourteen women, six men and two others. The two show as "alle 5", and the six are hidden,
    // since 22 − 14 − 6 would tell the two.
    const entrants = participation.getByRole('row', { name: /^Aloittaneet/ });
    await expect(entrants.getByRole('rowheader')).toContainText('EECO01');
    await expect(entrants.getByRole('cell')).toHaveText(['14', '..piilotettu', 'alle 5', '22']);
    await expect(entrants.getByRole('cell', { name: 'alle 5', exact: true })).toBeVisible();
    // A hidden count is ".." on screen and "piilotettu" to a screen reader.
    const hidden = entrants.getByRole('cell', { name: 'piilotettu', exact: true });
    await expect(hidden.locator('[aria-hidden="true"]')).toHaveText('..');
    // An "of whom" row is within the one above it.
    await expect(page.getByRole('row', { name: /^joista pitkäaikaistyöttömät EECO03/ })).toHaveClass('report-row-within');
    const summary = report.locator('dl.report-summary');
    await expect(summary).toContainText('Ei laskettu mukaan (ei suostumusta rahoittajatilastoihin)alle 5');
    await expect(summary).toContainText('Kaikki ryhmät');
    await expect(report.locator('footer.report-rule')).toContainText(
      'Luvut 1–4 näytetään muodossa ”alle 5”, jotta raportista ei voi tunnistaa ketään.',
    );
    await expect(report.locator('footer.report-rule')).toContainText('Nolla näytetään nollana.');
    // Each table's picture: bars of the shown totals only, a suppressed one a mark.
    const bars = report.locator('.report-bars svg');
    await expect(bars).toHaveCount(await report.locator('table').count());
    await expect(bars.first().locator('[data-cell]').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    expect(await axeViolations(page), 'the report').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/report-fi.png` });

    // Saved as CSV and as a PDF where the coordinator chooses: the same counts, nothing unsuppressed.
    if (app.shell) {
      const out = mkdtempSync(join(tmpdir(), 'polku-report-'));
      try {
        app.shell.answerSave(join(out, 'raportti.csv'));
        await s.button('reports.export.csv').click();
        await expect(s.status('reports.export.saved', { fileName: 'raportti.csv' })).toBeVisible();
        await page.locator('.report-toolbar').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/report-saved-fi.png` });
        const csv = readFileSync(join(out, 'raportti.csv'), 'utf8');
        expect(csv.charCodeAt(0), 'a BOM for spreadsheet programs').toBe(0xfeff);
        const rows = parseCsv(csv.slice(1));
        const entrantsRow = rows.find((row) => row[1] === 'EECO01');
        expect(entrantsRow?.slice(-4)).toEqual(['14', '..', '<5', '22']);
        app.shell.answerSave(join(out, 'raportti.pdf'));
        await s.button('reports.export.pdf').click();
        await expect(s.status('reports.export.saved', { fileName: 'raportti.pdf' })).toBeVisible();
        const printed = pdfPages(join(out, 'raportti.pdf')).join('\n');
        for (const words of ['ESR+ 2021–2027: yhteiset indikaattorit', 'EECO01', 'alle 5']) expect(printed).toContain(words);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
    await page.screenshot({ path: `${SHOTS}/report-fi-full.png`, fullPage: true });

    // The programme report of the same year, in the other tab: the group's figures and the whole's.
    await page.getByRole('tab', { name: 'Ohjelmaraportti' }).click();
    await page.getByRole('button', { name: 'Tämä vuosi (2026)' }).click();
    await page.getByRole('button', { name: 'Laadi raportti' }).click();
    const programme = page.locator('article.report');
    await expect(programme.getByRole('heading', { level: 2, name: 'Ohjelmaraportti' })).toBeFocused();
    await expect(programme.getByRole('table', { name: 'Osallistujat' }).first()).toBeVisible();
    await expect(programme.getByRole('table', { name: 'Pidetyt tapaamiset aiheittain' }).first()).toBeVisible();
    // Bars for each table but the change, which is drawn per domain as the group's page draws it.
    await expect(programme.locator('.report-bars svg')).toHaveCount((await programme.locator('table').count()) - 1);
    await expect(programme.locator('.report-change .cohort-change-charts svg')).toHaveCount(6);
    await programme.locator('.report-change').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/programme-change-fi.png` });
    if (app.shell) {
      const out = mkdtempSync(join(tmpdir(), 'polku-programme-'));
      try {
        app.shell.answerSave(join(out, 'ohjelma.csv'));
        await s.button('reports.export.programmeCsv').click();
        await expect(s.status('reports.export.saved', { fileName: 'ohjelma.csv' })).toBeVisible();
        const rows = parseCsv(readFileSync(join(out, 'ohjelma.csv'), 'utf8').slice(1));
        expect(rows[0]).toEqual(['Ryhmä', 'Taulukko', 'Tieto', 'Sarake', 'Luku']);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
    expect(await axeViolations(page), 'the programme report').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/programme-fi-full.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Rahoittajaraportti' }).click();

    // The same report in Swedish and English, from the quick choice of this year: it follows the language, and fits.
    let previous: 'fi' | 'sv' | 'en' = 'fi';
    for (const [locale, setName] of [
      ['sv', 'ESF+ 2021–2027: gemensamma indikatorer'],
      ['en', 'ESF+ 2021–2027 common indicators'],
    ] as const) {
      const before = ui(page, previous);
      await nav.getByRole('button', { name: before.t('shell.nav.settings'), exact: true }).click();
      await screen(page, 'settings');
      await page.getByRole('combobox', { name: before.t('language.label'), exact: true }).selectOption(locale);
      const l = ui(page, locale);
      await nav.getByRole('button', { name: l.t('shell.nav.reports'), exact: true }).click();
      await screen(page, 'reports');
      await yearButton(page, locale, 'thisYear', 2026).click();
      await expect(l.field('reports.screen.form.to')).toHaveValue(locale === 'en' ? '31/12/2026' : '31.12.2026');
      await l.button('reports.screen.form.submit').click();
      await expect(report.getByRole('heading', { level: 2, name: setName })).toBeVisible();
      await expect(report.locator('td.report-cell-small').first()).toHaveText(l.t('reports.cell.small', { below: 5 }));
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/report-${locale}-full.png`, fullPage: true });
      previous = locale;
    }
    await nav.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fi');
    await expect(nav.getByRole('button', { name: 'Raportit', exact: true })).toBeVisible();

    // A caseworker: no funder report in the menu or behind it.
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    await signInAsNewColleague(app, CASEWORKER, 'caseworker');
    await call(app, 'vault.lock');
    await page.reload();
    await submitNameAndPassphrase(page, 'fi', CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    // Her Reports page has the programme report alone (of the groups she is staff of: none here).
    await nav.getByRole('button', { name: 'Raportit', exact: true }).click();
    await screen(page, 'reports');
    await expect(page.getByRole('heading', { name: 'Ohjelmaraportin kausi' })).toBeVisible();
    await expect(page.getByText('Rahoittajaraportti')).toHaveCount(0);
    await page.getByRole('button', { name: 'Tämä vuosi (2026)' }).click();
    await page.getByRole('button', { name: 'Laadi raportti' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ohjelmaraportti' })).toBeFocused();
    await expect(page.getByText('Kaudella ei pidetty yhdenkään ryhmän tapaamisia.')).toBeVisible();
    expectCleanRun(app);
  });
});
