/**
 * Nothing personal outside the encrypted database: after a first-run setup, the programme's records written and
 * read through the renderer's bridge, a lock and an unlock, the name, the passphrase, the recovery code and the
 * texts typed into the programme (session notes, a cancellation reason, a partner's contact person, what a visit
 * taught), into a participant's referral (its reason, message, summary and a decline's reason) and into a career
 * and study plan (goals and steps, in force and in an earlier version) and into an assessment (an answer's note, a
 * written answer and its language, saved and corrected, beside the funder's data of the participation) appear in no file of the data folder, the
 * Chromium profile or the temp folder — in any encoding a
 * forensic search would try.
 */
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { dayOf } from '@shared/days';
import type { Result } from '@shared/errors';
import type { PolkuBridge } from '@shared/bridge';
import { expect, screen, test } from './fixtures';
import { entriesChangedSince, scanForMarker, uniqueMarker } from './leak-scan';

test.use({ appOptions: { locale: 'en' } });

/** A request through the renderer's bridge, as the app's screens make it; fails the test unless it succeeds. */
async function invoke<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = (await page.evaluate(
    ([c, i]) => (globalThis as unknown as { polku: PolkuBridge }).polku.invoke(c as never, i as never),
    [channel, input] as const,
  )) as Result<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.code}`);
  return result.value;
}

test('a session leaves no trace of the name, passphrase, recovery code or programme texts outside the encrypted vault', async ({
  app,
}) => {
  const { page } = app;
  const name = uniqueMarker('Nimi');
  const passphrase = `${uniqueMarker('Salasana')} kahvi`;

  await screen(page, 'setup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase again').fill(passphrase);
  await page.getByRole('button', { name: 'Set up Polku' }).click();

  await screen(page, 'recovery-code');
  const recoveryCode = (await page.locator('.recovery-code').innerText()).replace(/\s+/g, '');
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await screen(page, 'recovery-confirm');
  await page.getByLabel('Recovery code').fill(recoveryCode);
  await page.getByRole('button', { name: 'Confirm' }).click();

  await screen(page, 'home');
  await expect(page.getByText(name).first()).toBeVisible();

  // The programme's texts, written and read back through the renderer.
  const programme = {
    sessionNotes: uniqueMarker('Istunto'),
    cancelReason: uniqueMarker('Peruttu'),
    contactName: uniqueMarker('Yhteys'),
    visitLearned: uniqueMarker('Vierailu'),
    visitFollowUps: uniqueMarker('Jatko'),
  };
  const { cohort } = await invoke<{ cohort: { id: string } }>(page, 'cohorts.create', { name: 'Syksy', startDate: '2026-11-02' });
  const sessions = await invoke<{ id: string }[]>(page, 'sessions.list', { cohortId: cohort.id });
  const [first, second, third] = sessions.map((s) => s.id);
  await invoke(page, 'sessions.update', { id: first, notes: programme.sessionNotes });
  await invoke(page, 'sessions.cancel', { id: second, reason: programme.cancelReason });
  const { partner } = await invoke<{ partner: { id: string } }>(page, 'partners.save', {
    name: 'Varasto Oy',
    type: 'employer',
    notes: null,
  });
  const contact = { partnerId: partner.id, name: programme.contactName, role: null, phone: null, email: null };
  await invoke(page, 'partners.saveContact', contact);
  await invoke(page, 'visits.save', {
    sessionId: third,
    partnerId: partner.id,
    kind: 'company',
    learned: programme.visitLearned,
    followUps: programme.visitFollowUps,
  });
  const read = JSON.stringify([
    await invoke(page, 'sessions.list', { cohortId: cohort.id }),
    await invoke(page, 'partners.get', { id: partner.id }),
    await invoke(page, 'visits.list', { cohortId: cohort.id }),
  ]);
  for (const marker of Object.values(programme)) expect(read).toContain(marker);

  // A participant's referral to that partner, sent and declined: its texts, written and read back.
  const referralTexts = {
    referralReason: uniqueMarker('Syy'),
    referralMessage: uniqueMarker('Viesti'),
    referralSummary: uniqueMarker('Yhteenveto'),
    declineReason: uniqueMarker('Hylkays'),
  };
  const { participant } = await invoke<{ participant: { id: string } }>(page, 'participants.create', { firstName: 'Amal' });
  const consent = { participantId: participant.id, givenOn: '2026-11-02', method: 'signed' };
  await invoke(page, 'consents.record', { ...consent, purpose: 'processing' });
  await invoke(page, 'consents.record', { ...consent, purpose: 'partner_sharing', partnerName: 'Varasto Oy' });
  const { referral } = await invoke<{ referral: { id: string } }>(page, 'referrals.create', {
    participantId: participant.id,
    partnerId: partner.id,
    serviceType: 'employmentServices',
    urgency: 'routine',
    reason: referralTexts.referralReason,
    message: referralTexts.referralMessage,
    sharedFields: ['summary'],
    summary: referralTexts.referralSummary,
  });
  await invoke(page, 'referrals.transition', { id: referral.id, to: 'sent', date: '2026-11-03' });
  await invoke(page, 'referrals.transition', {
    id: referral.id,
    to: 'declined',
    date: '2026-11-04',
    reason: referralTexts.declineReason,
  });
  const readReferrals = JSON.stringify(await invoke(page, 'referrals.list', { participantId: participant.id }));
  for (const marker of Object.values(referralTexts)) expect(readReferrals).toContain(marker);

  // A career and study plan: markers in a goal's target and its why, a step and a dropped step's reason.
  const plan = {
    planTarget: uniqueMarker('Tavoite'),
    planWhy: uniqueMarker('Miksi'),
    planStep: uniqueMarker('Askel'),
    planDropped: uniqueMarker('Syy'),
  };
  const { participant: planned } = await invoke<{ participant: { id: string } }>(page, 'participants.create', {
    firstName: 'Amal',
    confirmDuplicate: true,
  });
  const participantId = planned.id;
  await invoke(page, 'consents.record', { participantId, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  const goals = [
    {
      kind: 'studies',
      target: plan.planTarget,
      why: plan.planWhy,
      steps: [
        { what: plan.planStep, owner: 'participant', due: '2027-01-15' },
        { what: 'Kurssi', owner: 'partner', status: 'dropped', droppedReason: plan.planDropped },
      ],
    },
  ];
  await invoke(page, 'plans.save', { participantId, baseVersion: null, goals });
  await invoke(page, 'plans.save', { participantId, baseVersion: 1, goals: [...goals, { kind: 'other', target: 'Ajokortti' }] });
  const planRead = JSON.stringify([
    await invoke(page, 'plans.get', { participantId }),
    await invoke(page, 'plans.version', { participantId, version: 1 }),
  ]);
  for (const marker of Object.values(plan)) expect(planRead).toContain(marker);

  // An assessment of the same participant: markers in an answer's note, a written answer and the language asked in,
  // saved and then corrected (the first save's texts must not linger either).
  const assessment = {
    assessmentNote: uniqueMarker('Huomio'),
    assessmentText: uniqueMarker('Toive'),
    assessmentLanguage: uniqueMarker('Kieli'),
    assessmentCorrected: uniqueMarker('Korjattu'),
  };
  const answers = (note: string) => [
    {
      itemId: 'finnish.speaking',
      rater: 'caseworker',
      score: 2,
      note,
      withInterpreter: true,
      language: assessment.assessmentLanguage,
    },
    { itemId: 'history.wishes', rater: 'caseworker', text: assessment.assessmentText },
  ];
  // Made today: an assessment may be dated neither before the file was opened (today) nor in the future.
  const intake = { participantId, stage: 'intake', date: dayOf(new Date()), version: 1 };
  const { assessment: saved } = await invoke<{ assessment: { updatedAt: string } }>(page, 'assessments.save', {
    ...intake,
    answers: answers(assessment.assessmentNote),
  });
  await invoke(page, 'assessments.save', {
    ...intake,
    answers: answers(assessment.assessmentCorrected),
    baseUpdatedAt: saved.updatedAt,
  });
  const assessmentRead = JSON.stringify(await invoke(page, 'assessments.list', { participantId }));
  for (const marker of [assessment.assessmentText, assessment.assessmentLanguage, assessment.assessmentCorrected])
    expect(assessmentRead).toContain(marker);
  // The funder's data of the same participation, recorded and read back in the session: codes and days only, no
  // text of its own, so what the scan looks for is what the session wrote beside it.
  await invoke(page, 'cohorts.enrol', { participantId, cohortId: cohort.id, startDate: '2026-11-02' });
  const exit = { jobSearching: false, inEducation: true, qualification: false, employed: true };
  await invoke(page, 'participation.recordExit', { participantId, checkedOn: dayOf(new Date()), ...exit });
  const funderRead = await invoke<{ participation: { exit: unknown } }>(page, 'participation.get', { participantId });
  expect(funderRead.participation.exit).toMatchObject(exit);

  await page.getByRole('button', { name: 'Lock' }).click();
  await screen(page, 'unlock');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await screen(page, 'home');
  await expect(page.getByText(name).first()).toBeVisible();
  await app.close();

  const ours = [app.dataDir, app.profileDir];
  // Other tests' browsers run at the same time and delete their temp files while this scan reads them.
  const temporary = entriesChangedSince(tmpdir(), app.startedAt).filter((path) => !ours.includes(path));
  const secrets = {
    name,
    passphrase,
    recoveryCode,
    recoveryCodeCompact: recoveryCode.replace(/-/g, ''),
    ...programme,
    ...referralTexts,
    ...plan,
    ...assessment,
  };
  const found = Object.entries(secrets).flatMap(([what, secret]) =>
    [...scanForMarker(ours, secret), ...scanForMarker(temporary, secret, { vanished: 'skip' })].map((hit) => ({ what, ...hit })),
  );
  expect(found).toEqual([]);
});
