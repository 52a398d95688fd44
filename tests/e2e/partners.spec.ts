/**
 * Partner organisations and visit records end to end, on the real screens over the real encrypted vault. The
 * coordinator adds a partner from the programme's Partners tab (a second one under the same name, written in
 * capitals without accents, is refused at the name field), opens its page, adds a contact person (a bad email
 * address is refused at its field) and removes one after a confirmation. On the cohort's page she records what the
 * group learned on a company visit, where the form says that no personal details of participants go there. A
 * teacher then reads the partners and the visit record without any way to change them. Each state passes axe-core.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { call, signInAsNewColleague } from './print-flows';

/** Where the screens are drawn, to be looked at after the run. */
const SHOTS = '/tmp/programme-shots';

const LOCALE = 'en';
const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const TEACHER = { name: 'Olli Opettaja', passphrase: 'sininen vene ja kaksi airoa' };
const COHORT = 'Spring 2027 A';
const PARTNER = 'Työkeskus Oy';
const VISIT_DAY = 'Mon 15 Mar';

/** A cohort whose first session (Monday 15 March 2027) is a company visit. */
async function cohortWithCompanyVisit(app: E2EApp): Promise<string> {
  const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: COHORT, startDate: '2027-03-15' });
  const sessions = await call<{ id: string; date: string }[]>(app, 'sessions.list', { cohortId: cohort.id });
  const first = sessions.find((x) => x.date === '2027-03-15');
  if (!first) throw new Error('no session on the start date');
  await call(app, 'sessions.update', { id: first.id, topic: 'companyVisit' });
  return first.id;
}

function sessionItem(page: Page, day: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByText(day, { exact: true }) });
}

async function openProgrammeTab(page: Page, key: 'cohorts' | 'partners') {
  const s = ui(page, LOCALE);
  await page.getByRole('tab', { name: s.t(`programme.tabs.${key}`), exact: true }).click();
}

test.describe('partner organisations and visits', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('a coordinator keeps a partner with its contact people and records a company visit', async ({ app }) => {
    const { page } = app;
    const s = ui(page, LOCALE);

    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    const sessionId = await cohortWithCompanyVisit(app);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.programme'), exact: true })
      .click();
    await screen(page, 'programme');
    await openProgrammeTab(page, 'partners');
    await expect(page.getByRole('heading', { level: 2, name: s.t('partners.title'), exact: true })).toBeVisible();
    await expect(page.getByText(s.t('partners.none'))).toBeVisible();

    // Adding a partner: focus goes to the form, and after saving to the new partner's row.
    await s.button('partners.add.open').click();
    await expect(s.field('partners.form.name')).toBeFocused();
    await s.field('partners.form.name').fill(PARTNER);
    await s.field('partners.form.type').selectOption({ label: s.t('partners.types.employer') });
    await s.field('partners.form.notes').fill('Warehouse and logistics.');
    await s.button('partners.add.submit').click();
    await expect(s.status('partners.add.saved', { name: PARTNER })).toBeVisible();
    const show = page.getByRole('button', { name: s.t('partners.table.show', { name: PARTNER }), exact: true });
    await expect(show).toBeFocused();
    // The row header's name is its button's, which says whether the details are shown.
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: PARTNER }) });
    await expect(row.getByRole('cell')).toHaveText([
      s.t('partners.types.employer'),
      '0',
      '0',
      s.t('partners.table.yes'),
      s.t('partners.edit.open'),
    ]);

    // The same name in capitals and without accents is refused at the name field; nothing is added.
    await s.button('partners.add.open').click();
    await s.field('partners.form.name').fill('TYOKESKUS  oy');
    await s.button('partners.add.submit').click();
    await expect(page.getByText(s.t('partners.problems.nameTaken'))).toBeVisible();
    await expect(s.field('partners.form.name')).toHaveAttribute('aria-invalid', 'true');
    await expect(s.field('partners.form.name')).toBeFocused();
    expect(await axeViolations(page), 'the partner form with a refused name').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(s.button('partners.add.open')).toBeFocused();
    await expect(page.getByRole('row')).toHaveCount(2);

    // The partner's page: notes, contact people, visits.
    await show.click();
    const hide = page.getByRole('button', { name: s.t('partners.table.hide', { name: PARTNER }), exact: true });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('heading', { level: 3, name: PARTNER, exact: true })).toBeVisible();
    await expect(page.getByText('Warehouse and logistics.')).toBeVisible();
    await expect(page.getByText(s.t('partners.contacts.none'))).toBeVisible();

    await s.button('partners.contacts.add').click();
    await expect(s.field('partners.contacts.name')).toBeFocused();
    await s.field('partners.contacts.name').fill('Maija Mäkinen');
    await s.field('partners.contacts.role').fill('HR manager');
    await s.field('partners.contacts.email').fill('maija.example.fi');
    await s.button('partners.contacts.save').click();
    await expect(s.field('partners.contacts.email')).toBeFocused();
    await expect(page.getByText(s.t('validation.email'))).toBeVisible();
    await s.field('partners.contacts.email').fill('maija@tyokeskus.example');
    await s.field('partners.contacts.phone').fill('+358 40 765 4321');
    await s.button('partners.contacts.save').click();
    await expect(s.status('partners.contacts.saved')).toBeVisible();
    const editContact = page.getByRole('button', { name: s.t('partners.contacts.editFor', { name: 'Maija Mäkinen' }) });
    await expect(editContact).toBeFocused();
    await expect(page.getByText('maija@tyokeskus.example')).toBeVisible();

    // A second contact, removed after the confirmation.
    await s.button('partners.contacts.add').click();
    await s.field('partners.contacts.name').fill('Antti Aho');
    await s.button('partners.contacts.save').click();
    await expect(s.status('partners.contacts.saved')).toBeVisible();
    await page.getByRole('button', { name: s.t('partners.contacts.removeFor', { name: 'Antti Aho' }) }).click();
    await expect(page.getByText(s.t('partners.contacts.removeQuestion', { name: 'Antti Aho' }))).toBeFocused();
    expect(await axeViolations(page), 'the partner page with a removal to confirm').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/partner-page-en.png`, fullPage: true });
    await s.button('partners.contacts.removeConfirm').click();
    await expect(s.status('partners.contacts.removed')).toBeVisible();
    await expect(page.getByText('Antti Aho')).toHaveCount(0);
    await expect(s.button('partners.contacts.add')).toBeFocused();
    await expect(row.getByRole('cell').nth(1)).toHaveText('1');

    // The visit record on the cohort's page.
    await openProgrammeTab(page, 'cohorts');
    await page.getByRole('button', { name: COHORT, exact: true }).click();
    await screen(page, 'cohort');
    const item = sessionItem(page, VISIT_DAY);
    await expect(item.getByText(s.t('partners.visit.none'))).toBeVisible();
    await item.getByRole('button', { name: s.t('partners.visit.record'), exact: true }).click();
    await expect(s.field('partners.visit.partner')).toBeFocused();
    await expect(item.getByText(s.t('partners.visit.privacy'), { exact: true })).toBeVisible();
    await expect(s.field('partners.visit.learned')).toHaveAccessibleDescription(s.t('partners.visit.privacy'));
    await expect(s.field('partners.visit.kind')).toHaveValue('company');
    // Without a partner the form stops at the partner field.
    await s.button('partners.visit.save').click();
    await expect(s.field('partners.visit.partner')).toHaveAttribute('aria-invalid', 'true');
    await s.field('partners.visit.partner').selectOption({ label: PARTNER });
    await s.field('partners.visit.learned').fill('How a warehouse shift is planned.');
    await s.field('partners.visit.followUps').fill('Ask about the summer jobs.');
    expect(await axeViolations(page), 'the visit form').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/visit-form-en.png`, fullPage: true });
    await s.button('partners.visit.save').click();
    await expect(item.getByRole('status').filter({ hasText: s.t('partners.visit.saved') })).toBeVisible();
    await expect(item.getByText('How a warehouse shift is planned.')).toBeVisible();
    await expect(item.getByRole('button', { name: s.t('partners.visit.edit'), exact: true })).toBeFocused();

    const visits = await call<{ sessionId: string; partnerName: string; kind: string; learned: string }[]>(app, 'visits.list');
    expect(visits).toEqual([
      expect.objectContaining({ sessionId, partnerName: PARTNER, kind: 'company', learned: 'How a warehouse shift is planned.' }),
    ]);
    expectCleanRun(app);
  });

  test('a teacher reads the partners and the visit record but changes neither', async ({ app }) => {
    const { page } = app;
    const s = ui(page, LOCALE);

    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    const sessionId = await cohortWithCompanyVisit(app);
    const { partner } = await call<{ partner: { id: string } }>(app, 'partners.save', {
      name: PARTNER,
      type: 'employer',
      notes: null,
    });
    await call(app, 'partners.saveContact', {
      partnerId: partner.id,
      name: 'Maija Mäkinen',
      role: null,
      phone: null,
      email: null,
    });
    await call(app, 'visits.save', {
      sessionId,
      partnerId: partner.id,
      kind: 'company',
      learned: 'Safety at work.',
      followUps: null,
    });
    await signInAsNewColleague(app, TEACHER, 'teacher');
    await page.reload();
    await screen(page, 'home');

    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.programme'), exact: true })
      .click();
    await screen(page, 'programme');
    await openProgrammeTab(page, 'partners');
    const show = page.getByRole('button', { name: s.t('partners.table.show', { name: PARTNER }), exact: true });
    await show.click();
    await expect(page.getByText('Maija Mäkinen')).toBeVisible();
    await expect(page.getByText('Safety at work.')).toBeVisible();
    await expect(s.button('partners.add.open')).toHaveCount(0);
    await expect(page.getByRole('button', { name: s.t('partners.edit.openFor', { name: PARTNER }) })).toHaveCount(0);
    await expect(s.button('partners.contacts.add')).toHaveCount(0);
    expect(await axeViolations(page), 'the partners for a teacher').toEqual([]);

    await openProgrammeTab(page, 'cohorts');
    await page.getByRole('button', { name: COHORT, exact: true }).click();
    await screen(page, 'cohort');
    const item = sessionItem(page, VISIT_DAY);
    await expect(item.getByText('Safety at work.')).toBeVisible();
    await expect(item.getByText(s.t('partners.visit.readOnly'))).toBeVisible();
    await expect(item.getByRole('button', { name: s.t('partners.visit.edit'), exact: true })).toHaveCount(0);
    expectCleanRun(app);
  });
});
