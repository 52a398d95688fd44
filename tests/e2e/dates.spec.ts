/**
 * Dates and times typed the interface language's way on a laptop whose operating system is set to US English
 * (Chromium's language en-US, LANG en_US.UTF-8, an American time zone): the coordinator records a consent, writes
 * a note with a follow-up and sets up a cohort, typing days and times as a Finn, a Swede or the international
 * team would. What is stored is 4 December, never 12 April, and the fields show it back in the language's way.
 */
import { INTL_LOCALE } from '@shared/i18n/clock-format';
import type { Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, invokeFromPage, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const EN_US_LAPTOP = { lang: 'en-US', timeZone: 'America/New_York' };
const SHOTS = '/tmp/dates-shots';

interface Typing {
  /** The text typed for a day, and the text the field shows for it after leaving the field. */
  day: (date: number, month: number, year?: number) => string;
  shown: (date: number, month: number, year: number) => string;
  time: { typed: string; shown: string };
  endTime: { typed: string; shown: string };
}

const TYPING: Record<Locale, Typing> = {
  fi: {
    day: (d, m, y) => (y === undefined ? `${d}.${m}.` : `${d}.${m}.${y}`),
    shown: (d, m, y) => `${d}.${m}.${y}`,
    time: { typed: 'klo 9.30', shown: '9.30' },
    endTime: { typed: '12', shown: '12.00' },
  },
  sv: {
    day: (d, m, y) => (y === undefined ? `${d}/${m}` : `${d}/${m} ${y}`),
    shown: (d, m, y) => `${d}.${m}.${y}`,
    time: { typed: '9.30', shown: '9.30' },
    endTime: { typed: '1200', shown: '12.00' },
  },
  en: {
    day: (d, m, y) => (y === undefined ? `${d}/${m}` : `${d}/${m}/${y}`),
    shown: (d, m, y) => `${d}/${m}/${y}`,
    time: { typed: '930', shown: '09:30' },
    endTime: { typed: '12:00', shown: '12:00' },
  },
};

const iso = (d: number, m: number, y: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A Monday in early March of `year` whose day is not 3, so that reading it month first would give another day. */
function earlyMarchMonday(year: number): number {
  for (let day = 1; day <= 12; day++) {
    if (day !== 3 && new Date(Date.UTC(year, 2, day)).getUTCDay() === 1) return day;
  }
  throw new Error(`No Monday in the first days of March ${year}`);
}

for (const locale of ['fi', 'sv', 'en'] as const satisfies readonly Locale[]) {
  test.describe(`dates and times typed in ${locale} on an en-US laptop`, () => {
    test.use({ appOptions: { locale, kdfCost: 'test', systemLocale: EN_US_LAPTOP } });

    test('a consent, a follow-up and a cohort store the days and times typed, day first', async ({ app }) => {
      const { page } = app;
      const s = ui(page, locale);
      const typing = TYPING[locale];
      const button = (key: string, values?: Record<string, string>) =>
        page.getByRole('button', { name: s.t(key, values), exact: true });
      const nav = (key: string) =>
        page.getByRole('navigation').getByRole('button', { name: s.t(`shell.nav.${key}`), exact: true });

      await setUpLockedVault(app, locale, COORDINATOR);
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      // The browser really is set up as an American laptop: its own date inputs would read 04/12 as 12 April.
      expect(await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone])).toEqual([
        'en-US',
        'America/New_York',
      ]);
      const year = await page.evaluate(() => new Date().getFullYear());
      const created = (await invokeFromPage(page, 'participants.create', { firstName: 'Leila' })) as {
        value: { participant: { id: string } };
      };
      const participantId = created.value.participant.id;
      await nav('participants').click();
      await page.getByRole('row').filter({ hasText: 'Leila' }).click();
      await screen(page, 'participant');

      // Consent given on 4 March last year: read as 3 April in the US order.
      await page.getByRole('tab', { name: s.t('case.tabs.consents'), exact: true }).click();
      await button('consents.actions.recordFor', { purpose: s.t('consents.purposes.processing') }).click();
      const givenOn = s.field('consents.record.givenOn');
      await givenOn.fill(typing.day(4, 3, year - 1));
      await givenOn.press('Tab');
      await expect(givenOn).toHaveValue(typing.shown(4, 3, year - 1));
      await button('consents.record.submit').click();
      await expect(s.status('consents.record.saved', { purpose: s.t('consents.purposes.processing') })).toBeVisible();
      const register = (await invokeFromPage(page, 'consents.list', { participantId })) as {
        value: { purposes: Array<{ purpose: string; consents: Array<{ givenOn: string }> }> };
      };
      const processing = register.value.purposes.find((p) => p.purpose === 'processing');
      expect(processing?.consents.map((c) => c.givenOn)).toEqual([iso(4, 3, year - 1)]);

      // A note whose follow-up is due on 4 December this year, typed without the year.
      await page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true }).click();
      await button('notes.new').click();
      await page.getByLabel(s.t('notes.topics.job_search'), { exact: true }).check();
      await s.field('notes.form.text').fill('Työhaastattelu sovittu.');
      await s.field('notes.form.hasFollowUp').check();
      await s.field('notes.form.followUpTask').fill('Soita työnantajalle');
      const due = s.field('notes.form.followUpDue');
      // What cannot be a day is said at the field, in the interface language, before anything is saved.
      await due.fill(typing.day(31, 2, year));
      await due.press('Tab');
      await expect(due).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText(s.t('typedDates.dateUnreadable'), { exact: true })).toBeVisible();
      await due.fill(typing.day(4, 12));
      await due.press('Tab');
      await expect(due).toHaveValue(typing.shown(4, 12, year));
      await expect(due).not.toHaveAttribute('aria-invalid', 'true');
      const inWords = await page.evaluate(
        ([tag, y]) => new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, 11, 4))),
        [INTL_LOCALE[locale], year] as const,
      );
      // The day is said back in words under the field, with its weekday, so a misreading shows before saving.
      await expect(due).toHaveAccessibleDescription(locale === 'fi' ? `${inWords} 4.12.${year}` : new RegExp(`^${inWords}`));
      expect(await axeViolations(page), 'the note form with typed dates').toEqual([]);
      await page.screenshot({ path: `${SHOTS}/note-${locale}.png` });
      await button('notes.form.save').click();
      await expect(s.status('notes.form.saved')).toBeVisible();
      const notes = (await invokeFromPage(page, 'notes.list', { participantId })) as {
        value: { notes: Array<{ followUp: { due: string } | null }> };
      };
      expect(notes.value.notes.map((n) => n.followUp?.due)).toEqual([iso(4, 12, year)]);

      // A cohort starting on a Monday in March next year, meeting from half past nine to noon.
      const monday = earlyMarchMonday(year + 1);
      await nav('programme').click();
      await screen(page, 'programme');
      await button('programme.cohorts.new').click();
      await s.field('programme.new.name').fill('Kevät');
      await s.field('programme.new.startDate').fill(typing.day(monday, 3, year + 1));
      const start = s.field('programme.new.startTime');
      await start.fill(typing.time.typed);
      await start.press('Tab');
      await expect(start).toHaveValue(typing.time.shown);
      const end = s.field('programme.new.endTime');
      await end.fill(typing.endTime.typed);
      await end.press('Tab');
      await expect(end).toHaveValue(typing.endTime.shown);
      await expect(s.field('programme.new.startDate')).toHaveValue(typing.shown(monday, 3, year + 1));
      await page.screenshot({ path: `${SHOTS}/cohort-${locale}.png` });
      await button('programme.new.submit').click();
      await screen(page, 'cohort');
      // The cohort's hours are written back as the language writes them: 9.30–12.00 in Finnish.
      await expect(page.getByText(`${typing.time.shown}–${typing.endTime.shown}`).first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/cohort-page-${locale}.png` });
      const cohorts = (await invokeFromPage(page, 'cohorts.list')) as {
        value: Array<{ startDate: string; startTime: string; endTime: string }>;
      };
      expect(cohorts.value.map((c) => [c.startDate, c.startTime, c.endTime])).toEqual([
        [iso(monday, 3, year + 1), '09:30', '12:00'],
      ]);
      expectCleanRun(app);
    });
  });
}
