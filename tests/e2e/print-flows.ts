/**
 * Steps of the print spec: a participant's file filled in through the main side (each part carrying a marker
 * word), the print dialog driven as a person does, and the saved PDF read back with pdftotext and drawn with
 * pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { expect, type E2EApp } from './fixtures';
import { invokeMain, ui } from './flows';
import { localDay } from './case-flows';

export const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
export const PSYCHOLOGIST = { name: 'Sara Psykologi', passphrase: 'mustikka sammal kallio tuuli' };
export const CASEWORKER = { name: 'Kalle Ohjaaja', passphrase: 'omenapuu kanelipulla ja syyssade' };

export const MARK = {
  firstName: 'Leila',
  lastName: 'Haddad',
  phone: '+358 40 123 4567',
  email: 'leila.h@example.org',
  referral: 'REFERRALMARK',
  partner: 'PARTNERMARK',
  flag: 'FLAGMARK never confirm she is here',
  inRange: 'INRANGEMARK',
  outOfRange: 'OUTRANGEMARK',
  summary: 'SUMMARYMARK',
  privateNote: 'PRIVATEMARK',
} as const;

/** Calls the main side and fails the test unless the call succeeds. */
export async function call<T>(app: E2EApp, channel: string, input: object = {}): Promise<T> {
  const result = (await invokeMain(app, channel, input)) as { ok: boolean; value?: T; code?: string };
  if (!result.ok) throw new Error(`${channel} failed: ${result.code ?? ''}`);
  return result.value as T;
}

/**
 * As the coordinator, who is unlocked: adds a colleague and goes through their first unlock (the one-time
 * passphrase, then their own), leaving the colleague unlocked.
 */
export async function signInAsNewColleague(app: E2EApp, person: { name: string; passphrase: string }, role: string) {
  const { oneTimePassphrase } = await call<{ oneTimePassphrase: string }>(app, 'users.create', {
    displayName: person.name,
    role,
    currentPassphrase: COORDINATOR.passphrase,
  });
  await call(app, 'vault.lock');
  await call(app, 'vault.unlock', { name: person.name, passphrase: oneTimePassphrase });
  await call(app, 'vault.changePassphrase', { next: person.passphrase });
  // A psychologist's first unlock made the key to the private notes and a psychologists' recovery code, which the
  // app shows once; a colleague made here has seen it (the screen itself is tested in case-file.spec.ts).
  await call(app, 'compartment.status', {});
}

/** Adds a colleague as the coordinator and goes through their first unlock, then locks. */
export async function addColleague(app: E2EApp, person: { name: string; passphrase: string }, role: string) {
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  await signInAsNewColleague(app, person, role);
  await call(app, 'vault.lock');
}

/** A guidance note long enough to take a printout over several pages; its marker is at its very end. */
const LONG_NOTE = [
  `${MARK.firstName} told about her week and the course.`,
  ...Array.from({ length: 45 }, (_, i) => `${i + 1}. We went through the job-search plan and agreed the next step.`),
  MARK.inRange,
].join('\n');

/**
 * Leila's file, made by the coordinator and the psychologist, with an intake assessment; the vault is left locked.
 * Returns her code.
 */
export async function fillTheFile(app: E2EApp): Promise<string> {
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
    firstName: MARK.firstName,
    lastName: MARK.lastName,
    phone: MARK.phone,
    email: MARK.email,
    referralSourceType: 'ngo',
    referralOrganisation: MARK.referral,
  });
  const participantId = participant.id;
  await call(app, 'consents.record', { participantId, purpose: 'processing', givenOn: localDay(-10), method: 'signed' });
  await call(app, 'consents.record', {
    participantId,
    purpose: 'partner_sharing',
    partnerName: MARK.partner,
    givenOn: localDay(-10),
    method: 'oral_with_interpreter',
  });
  await call(app, 'flags.set', { participantId, kind: 'exploiter_contact_risk', note: MARK.flag });
  await call(app, 'notes.create', { participantId, date: localDay(-3), type: 'individual_guidance', text: LONG_NOTE });
  await call(app, 'notes.create', { participantId, date: localDay(-60), type: 'phone_call', text: MARK.outOfRange });
  // An intake for the progress picture: Finnish speaking at A1.2 (20 % of the CEFR scale), and the self-confidence
  // statement in both views (participant 3 of 5 = 50 %, caseworker 2 of 5 = 25 %).
  await call(app, 'assessments.save', {
    participantId,
    stage: 'intake',
    date: localDay(),
    version: 1,
    answers: [
      { itemId: 'finnish.speaking', rater: 'caseworker', score: 2 },
      { itemId: 'selfConfidence.sameRights', rater: 'participant', score: 3 },
      { itemId: 'selfConfidence.sameRights', rater: 'caseworker', score: 2 },
    ],
  });
  await call(app, 'vault.lock');
  await call(app, 'vault.unlock', { name: PSYCHOLOGIST.name, passphrase: PSYCHOLOGIST.passphrase });
  await call(app, 'psychosocial.create', {
    participantId,
    date: localDay(-2),
    durationMinutes: 45,
    kind: 'individual',
    riskLevel: 'low',
    summary: MARK.summary,
    privateNotes: MARK.privateNote,
  });
  await call(app, 'vault.lock');
  return participant.pseudonym;
}

export interface PrintChoice {
  /** The sections to tick, by their names in the interface language. */
  sections: string[];
  dates?: { from: string; to: string };
  pseudonymOnly?: boolean;
  /** The printout's language, by the name the language select shows. */
  language?: string;
}

/** The open print dialog, as a person uses it: ticks exactly the given sections, sets the rest, shows the preview. */
export async function choose(page: Page, locale: Locale, choice: PrintChoice) {
  const s = ui(page, locale);
  const dialog = page.getByRole('dialog');
  const boxes = dialog.getByRole('group', { name: s.t('print.sections.legend') }).getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  for (const box of await boxes.all()) {
    const name = (await box.evaluate((input) => input.labels?.[0]?.textContent)) ?? '';
    await box.setChecked(choice.sections.includes(name));
  }
  if (choice.dates) {
    await dialog.getByLabel(s.t('print.dates.from'), { exact: true }).fill(choice.dates.from);
    await dialog.getByLabel(s.t('print.dates.to'), { exact: true }).fill(choice.dates.to);
  }
  await dialog.getByRole('checkbox', { name: s.t('print.pseudonymOnly.label') }).setChecked(choice.pseudonymOnly ?? false);
  if (choice.language) await dialog.getByLabel(s.t('print.locale'), { exact: true }).selectOption({ label: choice.language });
  await dialog.getByRole('button', { name: s.t('print.preview.show'), exact: true }).click();
  await expect(s.status('print.preview.ready')).toBeVisible();
  return page.frameLocator(`iframe[title="${s.t('print.preview.frame')}"]`);
}

/** The text of each page of a PDF, as pdftotext reads it (pages are split at form feeds). */
export function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
}

/** Draws the first page of a PDF as a PNG at 60 dpi, for a person to look at. */
export function drawFirstPage(file: string, png: string): void {
  mkdirSync(dirname(png), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, png.replace(/\.png$/, '')]);
}
