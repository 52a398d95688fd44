/**
 * A participant's confidential file end to end, by three members of staff on the real screens over the real
 * encrypted files with the production key derivation. The coordinator adds a caseworker and a psychologist on the
 * staff page. The caseworker, at her first unlock, chooses her passphrase, creates the participant through the
 * form, records the consent to processing, sets a safety flag (shown over every tab), writes a guidance note,
 * edits it (the first version stays readable) and finds it through search. The psychologist writes a meeting with
 * private notes and a shareable summary. The caseworker then sees the summary and finds the private notes nowhere:
 * not on the screen, not on the timeline, not through search, not through a direct channel call. The coordinator
 * sees all of it, opens included, in the audit view and finds the log intact. Once the app is closed, no planted
 * text (names, flag note, note versions, private notes, summary) is found in any file outside the encrypted vault.
 */
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { formatTypedDate } from '@shared/typed-dates';
import { expect, screen, test, type E2EApp } from './fixtures';
import { addColleagueOnStaffPage, firstUnlock, goTo, localDay, openFile, openTab, switchTo, visibleText } from './case-flows';
import { expectCleanRun, invokeFromPage, invokeMain, setUpLockedVault, submitNameAndPassphrase, textPattern, ui } from './flows';
import { entriesChangedSince, scanForMarker, sessionStateSaved, uniqueMarker } from './leak-scan';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const CASEWORKER = { name: 'Kaisa Ohjaaja', passphrase: 'omenapuu kanelipulla ja syyssade' };
const PSYCHOLOGIST = { name: 'Sara Psykologi', passphrase: 'mustikka sammal kallio tuuli' };

/** Text planted in every kind of field this flow writes; each must stay inside the encrypted database. */
function plantedMarkers() {
  return {
    firstName: uniqueMarker('Etunimi'),
    lastName: uniqueMarker('Sukunimi'),
    preferredName: uniqueMarker('Kutsumanimi'),
    flagNote: uniqueMarker('Varoitus'),
    note: uniqueMarker('Ohjaus'),
    noteEdit: uniqueMarker('Muokkaus'),
    summary: uniqueMarker('Yhteenveto'),
    privateNotes: uniqueMarker('Yksityinen'),
  };
}
type Markers = ReturnType<typeof plantedMarkers>;

/** The files outside the encrypted database that hold any of the markers (none, when nothing leaked). */
function leaks(app: E2EApp, markers: Markers) {
  const ours = [app.dataDir, app.profileDir];
  // Other tests' browsers run at the same time and delete their temp files while this scan reads them.
  const temporary = entriesChangedSince(tmpdir(), app.startedAt).filter((path) => !ours.includes(path));
  return Object.entries(markers).flatMap(([what, marker]) =>
    [...scanForMarker(ours, marker), ...scanForMarker(temporary, marker, { vanished: 'skip' })].map((hit) => ({
      what,
      ...hit,
    })),
  );
}

for (const locale of ['en', 'fi'] as const satisfies readonly Locale[]) {
  test.describe(`a confidential case file in ${locale}`, () => {
    test.use({ appOptions: { locale } });

    test("is kept by a caseworker and a psychologist, the psychologist's private notes reach no one else, the coordinator audits it, and nothing leaves the vault", async ({
      app,
    }) => {
      test.setTimeout(120_000);
      const { page } = app;
      const s = ui(page, locale);
      const m = plantedMarkers();
      const button = (key: string, values?: Record<string, string | number>) =>
        page.getByRole('button', { name: s.t(key, values), exact: true });
      const label = (key: string) => page.getByLabel(s.t(key), { exact: true });
      const banner = page.getByRole('region', { name: s.t('flags.banner.label'), exact: true });
      const FIRST_TEXT = `Kävimme läpi työnhakua ja ansioluettelon. ${m.note} kiinnostaa.`;
      const EDITED_TEXT = `${FIRST_TEXT} Haastattelu ensi viikolla, ${m.noteEdit}.`;
      const SUMMARY = `Tuki jatkuu joka toinen viikko. ${m.summary}`;
      const PRIVATE = `Painajaiset harvenevat.\nKäsittelimme vanhaa työpaikkaa. ${m.privateNotes}`;

      // 1. The coordinator sets up Polku and adds the caseworker and the psychologist on the staff page.
      await setUpLockedVault(app, locale, COORDINATOR);
      await submitNameAndPassphrase(page, locale, COORDINATOR.name, COORDINATOR.passphrase);
      await screen(page, 'home');
      const caseworkerOneTime = await addColleagueOnStaffPage(
        page,
        locale,
        CASEWORKER.name,
        'caseworker',
        COORDINATOR.passphrase,
      );
      const psychologistOneTime = await addColleagueOnStaffPage(
        page,
        locale,
        PSYCHOLOGIST.name,
        'psychologist',
        COORDINATOR.passphrase,
      );
      expect(psychologistOneTime).not.toBe(caseworkerOneTime);

      // 2. The caseworker's first unlock, then the participant's file through the intake form.
      await firstUnlock(page, locale, CASEWORKER, caseworkerOneTime);
      await goTo(page, locale, 'participants', 'participants');
      await button('registry.newParticipant').click();
      await screen(page, 'participant-new');
      await s.field('participant.fields.firstName').fill(m.firstName);
      await s.field('participant.fields.lastName').fill(m.lastName);
      await s.field('participant.fields.preferredName').fill(m.preferredName);
      await button('participant.new.submit').click();
      await screen(page, 'participant');
      const listed = (await invokeFromPage(page, 'participants.list', {})) as {
        value: { rows: { id: string; pseudonym: string }[] };
      };
      expect(listed.value.rows).toHaveLength(1);
      const { id: participantId, pseudonym } = listed.value.rows[0]!;
      await expect(
        page.getByRole('heading', { level: 1, name: s.t('case.titleWithName', { pseudonym, name: m.preferredName }) }),
      ).toBeFocused();

      // The consent to processing, given orally through an interpreter.
      await openTab(page, locale, 'consents');
      const processing = s.t('consents.purposes.processing');
      await button('consents.actions.recordFor', { purpose: processing }).click();
      await label('consents.record.method').selectOption({ label: s.t('consents.methods.oral_with_interpreter') });
      await button('consents.record.submit').click();
      await expect(s.status('consents.record.saved', { purpose: processing })).toBeVisible();

      // A safety flag: the banner shows it over every tab of the file.
      await openTab(page, locale, 'flags');
      await expect(banner).toHaveCount(0);
      await button('flags.add.open').click();
      await label('flags.add.kind').selectOption({ label: s.t('flags.kinds.address_confidential') });
      await label('flags.add.note').fill(`Älä vahvista osoitetta. ${m.flagNote}`);
      await button('flags.add.submit').click();
      await expect(banner).toContainText(s.t('flags.kinds.address_confidential'));
      const tabs = page.getByRole('tablist', { name: s.t('case.tabsLabel') }).getByRole('tab');
      const tabCount = await tabs.count();
      expect(tabCount).toBe(9);
      // The file's tabs stay on one row on a 1280-pixel laptop, so that none hides under another line.
      const tabRows = new Set(await tabs.evaluateAll((all) => all.map((tab) => Math.round(tab.getBoundingClientRect().top))));
      expect(tabRows.size, 'rows of tabs').toBe(1);
      for (let i = 0; i < tabCount; i++) {
        await tabs.nth(i).click();
        await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
        await expect(banner, `banner on the tab "${await tabs.nth(i).innerText()}"`).toContainText(m.flagNote);
      }

      // A guidance note, then an edit: the first version stays readable.
      await openTab(page, locale, 'notes');
      await button('notes.new').click();
      await label('notes.topics.job_search').check();
      await label('notes.form.text').fill(FIRST_TEXT);
      await button('notes.form.save').click();
      await expect(s.status('notes.form.saved')).toBeVisible();
      const note = page.getByRole('article');
      await expect(note).toContainText(FIRST_TEXT);
      await note.getByRole('button', { name: textPattern(locale, 'notes.list.editFor') }).click();
      await label('notes.form.text').fill(EDITED_TEXT);
      await button('notes.form.save').click();
      await expect(note).toContainText(EDITED_TEXT);
      const edited = note.getByRole('button', { name: textPattern(locale, 'notes.list.editedFor') });
      await expect(edited).toHaveText(s.t('notes.list.edited', { versions: 2 }));
      await edited.click();
      const versions = page.getByRole('group', { name: s.t('notes.versions.title'), exact: true });
      await expect(versions).toContainText(s.t('notes.versions.version', { number: 1 }));
      await expect(versions).toContainText(FIRST_TEXT);
      await expect(banner).toBeVisible();

      // Search finds the note by its word, marks the word, and opens the file.
      await goTo(page, locale, 'search', 'search');
      const searchbox = page.getByRole('searchbox', { name: s.t('search.label') });
      const results = page.getByRole('list', { name: s.t('search.resultsLabel') }).getByRole('listitem');
      await searchbox.fill(m.note.toLowerCase());
      await expect(s.status('search.count_one', { count: 1 })).toBeVisible();
      await expect(results).toHaveCount(1);
      await expect(results).toContainText(s.t('search.fields.note'));
      await expect(results.locator('mark')).toHaveText([m.note]);
      await button('search.open', { pseudonym }).click();
      await screen(page, 'participant');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        s.t('case.titleWithName', { pseudonym, name: m.preferredName }),
      );
      await expect(banner).toContainText(m.flagNote);

      // 3. The psychologist's first unlock, and a meeting with private notes and a shareable summary.
      await firstUnlock(page, locale, PSYCHOLOGIST, psychologistOneTime, async () => {
        // The psychologists' recovery code, shown once, with what it opens and what its loss means.
        await expect(s.heading('privateKey.code.title')).toBeFocused();
        await expect(page.getByText(s.t('privateKey.code.lost'), { exact: true })).toBeVisible();
        await expect(page.locator('.recovery-code .recovery-code-group')).toHaveCount(6);
        if (locale === 'fi') await page.screenshot({ path: '/tmp/seal-private-key-code.png' });
      });
      await openFile(page, locale, pseudonym);
      await openTab(page, locale, 'psychosocial');
      await button('psychosocial.add.open').click();
      await expect(label('psychosocial.fields.date')).toHaveValue(formatTypedDate(localDay(), locale));
      await label('psychosocial.fields.duration').fill('50');
      await label('psychosocial.fields.summary').fill(SUMMARY);
      await label('psychosocial.fields.privateNotes').fill(PRIVATE);
      await page.getByRole('radio', { name: s.t('psychosocial.risk.low'), exact: true }).check();
      const typedAt = Date.now();
      // The text stays in the form until the browser has saved the page's state to its session files, so the
      // leak scan below shows whether the text went too. (Electron keeps no session files.)
      if (app.kind === 'browser') await sessionStateSaved(app.profileDir, typedAt);
      await button('psychosocial.add.submit').click();
      await expect(s.status('psychosocial.add.done')).toBeVisible();
      const meeting = page.getByRole('article');
      await expect(meeting).toContainText(SUMMARY);
      await meeting.getByRole('button', { name: s.t('psychosocial.private.show'), exact: true }).click();
      await expect(meeting).toContainText(m.privateNotes);
      await goTo(page, locale, 'search', 'search');
      await searchbox.fill(m.privateNotes);
      await expect(s.status('search.count_one', { count: 1 })).toBeVisible();
      await expect(results).toContainText(s.t('search.fields.private'));

      // 4. The caseworker again: the summary, and the private notes nowhere she can look.
      await switchTo(page, locale, CASEWORKER);
      await openFile(page, locale, pseudonym);
      const psychosocial = await openTab(page, locale, 'psychosocial');
      await expect(psychosocial.getByText(s.t('psychosocial.intro.reader'), { exact: true })).toBeVisible();
      await expect(psychosocial.getByRole('article')).toContainText(SUMMARY);
      await expect(button('psychosocial.private.show')).toHaveCount(0);
      await expectNowhereOnPage(m.privateNotes);

      const timeline = await openTab(page, locale, 'timeline');
      // The timeline groups its items by day: the items are the list items that hold no list of their own.
      const timelineItem = (kind: string, label: string) =>
        timeline
          .getByRole('listitem')
          .filter({ hasNot: page.getByRole('listitem') })
          .filter({ hasText: s.t('case.timeline.kindWithLabel', { kind: s.t(`case.timeline.kinds.${kind}`), label }) });
      const meetingItem = timelineItem('psychosocial', s.t('psychosocial.kinds.individual'));
      await expect(meetingItem).toHaveCount(1);
      await expect(meetingItem).toContainText(s.t('case.timeline.by', { name: PSYCHOLOGIST.name }));
      await expect(meetingItem).toContainText(m.summary);
      await expect(timelineItem('note', s.t('notes.types.individual_guidance'))).toContainText(m.noteEdit);
      await expectNowhereOnPage(m.privateNotes);

      await goTo(page, locale, 'search', 'search');
      await searchbox.fill(m.privateNotes);
      await expect(s.status('search.none')).toBeVisible();
      await expect(results).toHaveCount(0);
      await searchbox.fill(m.summary);
      await expect(s.status('search.count_one', { count: 1 })).toBeVisible();
      await expect(results).toContainText(s.t('search.fields.summary'));
      await expectNowhereOnPage(m.privateNotes);

      const list = (await invokeFromPage(page, 'psychosocial.list', { participantId })) as {
        ok: boolean;
        value: { view: string; entries: { id: string }[] };
      };
      expect(list).toMatchObject({ ok: true, value: { view: 'summary' } });
      expect(list.value.entries).toHaveLength(1);
      const entryId = list.value.entries[0]!.id;
      const answers = {
        list,
        get: await invokeFromPage(page, 'psychosocial.get', { id: entryId }),
        versions: await invokeFromPage(page, 'psychosocial.versions', { id: entryId }),
        searchPrivate: await invokeFromPage(page, 'search.notes', { query: m.privateNotes }),
        searchWords: await invokeFromPage(page, 'search.notes', { query: 'painajaiset' }),
        timeline: await invokeFromPage(page, 'timeline.participant', { participantId }),
      };
      expect(answers.get).toMatchObject({ ok: true, value: { view: 'summary', entry: { id: entryId } } });
      expect(answers.searchPrivate).toEqual({ ok: true, value: { hits: [] } });
      expect(answers.searchWords).toEqual({ ok: true, value: { hits: [] } });
      const answered = JSON.stringify(answers);
      expect(answered).toContain(m.summary);
      expect(answered.toLowerCase()).not.toContain(m.privateNotes.toLowerCase());
      expect(answered).not.toContain('Painajaiset');

      // 5. The coordinator's audit view: everything about the file, opens included, and an intact log.
      await switchTo(page, locale, COORDINATOR);
      await goTo(page, locale, 'audit', 'audit');
      await s.field('audit.filters.participant').fill(pseudonym);
      await page
        .getByRole('list', { name: s.t('audit.filters.participantListLabel') })
        .getByRole('button')
        .click();
      await button('audit.filters.submit').click();
      const about = (await invokeMain(app, 'audit.list', { entity: 'participant', entityId: participantId, limit: 500 })) as {
        value: { entries: unknown[] };
      };
      const rows = page.getByRole('table', { name: s.t('audit.table.caption') }).locator('tbody tr');
      await expect(s.status('audit.table.all_other', { count: about.value.entries.length })).toBeVisible();
      await expect(rows).toHaveCount(about.value.entries.length);
      await expect(rows.filter({ hasNot: page.getByRole('cell', { name: pseudonym, exact: true }) })).toHaveCount(0);
      const rowWith = (...texts: string[]): Locator =>
        texts.reduce<Locator>((found, text) => found.filter({ has: page.getByRole('cell', { name: text, exact: true }) }), rows);
      const action = (key: string) => s.t(`audit.actions.${key}`);
      const expected: [string, string][] = [
        [CASEWORKER.name, 'participants.create'],
        [CASEWORKER.name, 'participants.open'],
        [CASEWORKER.name, 'consents.record'],
        [CASEWORKER.name, 'flags.set'],
        [CASEWORKER.name, 'notes.create'],
        [CASEWORKER.name, 'notes.update'],
        [PSYCHOLOGIST.name, 'participants.open'],
        [PSYCHOLOGIST.name, 'psychosocial.create'],
      ];
      for (const [who, what] of expected) {
        await expect(rowWith(who, action(what), pseudonym), `${who}: ${what}`).not.toHaveCount(0);
      }
      // The psychologist opened the file once; the caseworker on each of her three visits.
      await expect(rowWith(PSYCHOLOGIST.name, action('participants.open'))).toHaveCount(1);
      await expect(rowWith(CASEWORKER.name, action('participants.open'))).toHaveCount(3);
      const auditText = await visibleText(page);
      for (const [what, marker] of Object.entries(m)) expect(auditText, `${what} in the audit view`).not.toContain(marker);

      const entries = (await invokeMain(app, 'audit.list', { limit: 500 })) as { value: { entries: unknown[] } };
      await button('audit.verify.submit').click();
      await expect(s.status('audit.verify.intact_other', { count: entries.value.entries.length })).toBeVisible();
      expectCleanRun(app);

      // 6. Polku closes; the planted texts are in no file of the data folder, the browser profile or temp files.
      await app.close();
      const database = join(app.dataDir, 'polku.db');
      expect(readdirSync(app.dataDir)).toContain('polku.db');
      expect(statSync(database).size).toBeGreaterThan(0);
      expect(leaks(app, m)).toEqual([]);

      /** The marker is in neither the text the page shows nor anywhere in its markup. */
      async function expectNowhereOnPage(marker: string): Promise<void> {
        expect((await visibleText(page)).toLowerCase()).not.toContain(marker.toLowerCase());
        expect((await page.content()).toLowerCase()).not.toContain(marker.toLowerCase());
      }
    });
  });
}
