/**
 * A cohort's change from intake to exit on its page, in Finnish, on the real screens over the real encrypted vault:
 * four participants of a group (two assessed at intake and exit, one at intake only, one never) are recorded
 * through the real channels; the coordinator opens the group's page and reads, per domain, how many moved up,
 * stayed, moved down and cannot be compared, in the table and on the charts, whose parts carry the table's counts
 * and no name. A group where nobody has both stages says so in one sentence, with no chart. A teacher sees neither.
 * Each state passes axe-core; the page is drawn at 1280×800 to be looked at.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screen, test, type E2EApp } from './fixtures';
import { localDay, switchTo } from './case-flows';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { COORDINATOR, addColleague, call } from './print-flows';
import { openCohort } from './programme-flows';

const LOCALE = 'fi';
const SHOTS = '/tmp/cohort-change-shots';
const TEACHER = { name: 'Olli Opettaja', passphrase: 'sininen vene ja kaksi airoa' };
const COHORT = 'Syksyn ryhmä C';
const EMPTY_COHORT = 'Kevään ryhmä D';
const REFERRED = localDay(-70);
const START = localDay(-63);
const INTAKE = localDay(-62);
const EXIT = localDay(-1);

type Score = { itemId: string; rater: 'participant' | 'caseworker'; score: number };
const cw = (itemId: string, score: number): Score => ({ itemId, rater: 'caseworker', score });
const self = (itemId: string, score: number): Score => ({ itemId, rater: 'participant', score });

/**
 * By hand (n = 4 in the group; steps from the scale's first):
 *   Aada   Finnish L1 S1 → L3 S2 up · e-mail 1 → 1 same · "same rights" own view 2 → 4 up
 *   Bilal  Finnish L2 S2 → L2 S2 same · e-mail 3 → 2 down · "same rights" own view 3 → 2 down
 *   Chen   intake only: cannot compare · Dina never assessed: cannot compare
 */
const EXPECTED: Record<string, { up: number; same: number; down: number; missing: number; n: number }> = {
  finnish: { up: 1, same: 1, down: 0, missing: 2, n: 4 },
  digital: { up: 0, same: 1, down: 1, missing: 2, n: 4 },
  rights: { up: 0, same: 0, down: 0, missing: 4, n: 4 },
  jobSearch: { up: 0, same: 0, down: 0, missing: 4, n: 4 },
  everydayLife: { up: 0, same: 0, down: 0, missing: 4, n: 4 },
  selfConfidence: { up: 1, same: 0, down: 1, missing: 2, n: 4 },
};

const PEOPLE: { firstName: string; intake?: Score[]; exit?: Score[] }[] = [
  {
    firstName: 'Aada',
    intake: [cw('finnish.listening', 1), cw('finnish.speaking', 1), cw('digital.email', 2), self('selfConfidence.sameRights', 2)],
    exit: [cw('finnish.listening', 3), cw('finnish.speaking', 2), cw('digital.email', 2), self('selfConfidence.sameRights', 4)],
  },
  {
    firstName: 'Bilal',
    intake: [cw('finnish.listening', 2), cw('finnish.speaking', 2), cw('digital.email', 4), self('selfConfidence.sameRights', 4)],
    exit: [cw('finnish.listening', 2), cw('finnish.speaking', 2), cw('digital.email', 3), self('selfConfidence.sameRights', 3)],
  },
  { firstName: 'Chen', intake: [cw('finnish.listening', 0)] },
  { firstName: 'Dina' },
];

/** A participant with the processing consent, enrolled in the cohort, with the assessments given. */
async function enrolAssessed(app: E2EApp, cohortId: string, person: (typeof PEOPLE)[number]) {
  const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
    firstName: person.firstName,
    referralDate: REFERRED,
    confirmDuplicate: true,
  });
  await call(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: REFERRED,
    method: 'signed',
  });
  await call(app, 'cohorts.enrol', { participantId: participant.id, cohortId, startDate: START });
  for (const [stage, date, answers] of [
    ['intake', INTAKE, person.intake],
    ['exit', EXIT, person.exit],
  ] as const)
    if (answers) await call(app, 'assessments.save', { participantId: participant.id, stage, date, version: 1, answers });
}

function changeSection(page: Page) {
  return page.getByRole('region', { name: ui(page, LOCALE).t('assessments.cohortChange.heading') });
}

test.describe('a cohort’s change from intake to exit', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('the coordinator reads per domain who moved up, stayed and moved down; a teacher sees none of it', async ({ app }) => {
    const { page } = app;
    const s = ui(page, LOCALE);
    await page.setViewportSize({ width: 1280, height: 800 });
    mkdirSync(SHOTS, { recursive: true });

    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: COHORT, startDate: START });
    for (const person of PEOPLE) await enrolAssessed(app, cohort.id, person);
    const empty = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: EMPTY_COHORT, startDate: START });
    await enrolAssessed(app, empty.cohort.id, { firstName: 'Eero', intake: [cw('finnish.listening', 1)] });
    await call(app, 'vault.lock');
    await addColleague(app, TEACHER, 'teacher');

    await page.reload();
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await openCohort(page, LOCALE, COHORT);
    const section = changeSection(page);
    await expect(section.getByText(s.t('assessments.cohortChange.howCounted'))).toBeVisible();

    // The table: a row a domain, in the instrument's order, with its counts.
    const table = section.getByRole('table', { name: s.t('assessments.cohortChange.caption') });
    await expect(table.getByRole('columnheader')).toHaveText([
      s.t('assessments.cohortChange.domain'),
      s.t('assessments.cohortChange.kinds.up'),
      s.t('assessments.cohortChange.kinds.same'),
      s.t('assessments.cohortChange.kinds.down'),
      s.t('assessments.cohortChange.kinds.missing'),
      s.t('assessments.cohortChange.total'),
    ]);
    await expect(table.getByRole('rowheader')).toHaveText(Object.keys(EXPECTED).map((d) => s.t(`assessments.domains.${d}`)));
    for (const [domain, counts] of Object.entries(EXPECTED)) {
      const row = table.getByRole('row', { name: new RegExp(`^${s.t(`assessments.domains.${domain}`)}`) });
      await expect(row.getByRole('cell')).toHaveText([counts.up, counts.same, counts.down, counts.missing, counts.n].map(String));
      // The chart of the domain: named by it and described with its counts, its parts carrying the table's counts.
      const name = s.t(`assessments.domains.${domain}`);
      const chart = section.getByRole('img', {
        name: `${name} ${s.t('assessments.cohortChange.chartDescription', { ...counts, domain: name })}`,
        exact: true,
      });
      await expect(chart).toBeVisible();
      for (const kind of ['up', 'same', 'down', 'missing'] as const)
        await expect(chart.locator(`rect[data-domain="${domain}"][data-kind="${kind}"]`)).toHaveAttribute(
          'data-count',
          String(counts[kind]),
        );
    }
    // No name of anyone in the group in the section.
    for (const person of PEOPLE) await expect(section).not.toContainText(person.firstName);

    expect(await axeViolations(page), 'the cohort’s change').toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/cohort-change-fi.png` });

    // A group where no one has both stages: one sentence, no chart.
    await openCohort(page, LOCALE, EMPTY_COHORT);
    await expect(changeSection(page).getByText(s.t('assessments.cohortChange.none'))).toBeVisible();
    await expect(changeSection(page).getByRole('img')).toHaveCount(0);
    await expect(changeSection(page).getByRole('table')).toHaveCount(0);
    expect(await axeViolations(page), 'a cohort without change to count').toEqual([]);

    // The teacher sees the group's page without the section.
    await switchTo(page, LOCALE, TEACHER);
    await openCohort(page, LOCALE, COHORT);
    await expect(page.getByRole('heading', { name: s.t('programme.cohort.summary'), exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: s.t('assessments.cohortChange.heading') })).toHaveCount(0);

    expectCleanRun(app);
  });
});
