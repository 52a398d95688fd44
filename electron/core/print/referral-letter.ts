/**
 * The referral letter, the one document that leaves the agency with a participant's data in it. It carries the
 * agency's name, the receiving partner and its contact person, the service and urgency, the message, the fields
 * chosen on the referral (SHARED_FIELDS, in their order) and nothing else of the file, our contact person, the date,
 * the confidentiality mark and page numbers. Never the internal reason, the notes, the history, the pseudonym code
 * or a field left unchosen: each shared field is rendered here from its own source, and nothing else is read into
 * the letter. Made only for a referral that was sent, and only while its sharing still stands (referrals/gate.ts).
 */
import { dayOf } from '@shared/days';
import { AppError } from '@shared/errors';
import type { Participant } from '@shared/participants';
import type { ReferralLetterRequest } from '@shared/referrals';
import { LETTER_STATUSES, type Referral, type SharedField } from '@shared/referrals';
import type { SessionInfo } from '@shared/vault';
import type { Db } from '../db/open';
import { projectParticipant } from '../participants/projection';
import { findListedParticipant } from '../participants/repo';
import { findPlan } from '../plans/repo';
import { sharingStanding } from '../referrals/gate';
import { findReferral } from '../referrals/repo';
import { readSettings } from '../settings/repo';
import { html, type Html, type HtmlValue } from './html';
import { printText, type PrintText } from './labels';
import { pageMarginStyle } from './page-margins';
import { printDocument, type DocumentMode } from './template';

type Row = readonly [string, HtmlValue];

function rows(text: PrintText, list: readonly Row[]): Html {
  return html`<dl class="facts">
    ${list.map(
      ([label, value]) =>
        html`<dt>${label}</dt>
          <dd>${value === null || value === undefined || value === '' ? text.t('print.notRecorded') : value}</dd>`,
    )}
  </dl>`;
}

const coded = (text: PrintText, prefix: string, code: string | null) => (code === null ? null : text.t(`${prefix}.${code}`));

/** The rows one shared field puts in the letter, each from its own source. */
function fieldRows(db: Db, text: PrintText, field: SharedField, p: Participant, referral: Referral): Row[] {
  const f = (name: string) => text.t(`participant.fields.${name}`);
  switch (field) {
    case 'name':
      return [[text.t('print.basic.name'), [p.firstName, p.lastName].filter(Boolean).join(' ')]];
    case 'birthYear':
      return [[f('birthYear'), p.birthYear === null ? null : String(p.birthYear)]];
    case 'languages': {
      const interpreter = !p.interpreterNeeded
        ? text.t('participant.yesNoUnknown.no')
        : p.interpreterLanguage
          ? text.t('case.details.interpreterIn', { language: p.interpreterLanguage })
          : text.t('participant.yesNoUnknown.yes');
      return [
        [f('languages'), p.languages.length > 0 ? p.languages.join(', ') : null],
        [f('interpreterNeeded'), interpreter],
      ];
    }
    case 'contact':
      // The safe-contact notes are staff's notes: the method leaves, the notes stay in the file.
      return [
        [f('phone'), p.phone],
        [f('email'), p.email],
        [f('safeContactMethod'), coded(text, 'participant.safeContactMethod', p.safeContactMethod)],
      ];
    case 'workAbility':
      return [[f('workAbility'), coded(text, 'participant.workAbility', p.workAbility)]];
    case 'education':
      return [[f('educationIsced'), coded(text, 'participant.education', p.educationIsced)]];
    case 'labourMarketStatus':
      return [[f('labourMarketStatusAtEntry'), coded(text, 'participant.labourMarket', p.labourMarketStatusAtEntry)]];
    case 'planGoals':
      return [[text.t('referrals.sharedFields.planGoals'), planGoals(db, text, p.id)]];
    case 'summary':
      return [[text.t('referrals.sharedFields.summary'), referral.summary]];
  }
}

/**
 * The goals of the plan in force, one a line: kind, target and target date; not why (the participant's own words)
 * nor the steps. Lines of text rather than a list, since the value cell keeps the line breaks it is given.
 */
function planGoals(db: Db, text: PrintText, participantId: string): string | null {
  const goals = findPlan(db, participantId)?.goals ?? [];
  if (goals.length === 0) return null;
  return goals
    .map((goal) => {
      const line = `${text.t(`plans.goalKinds.${goal.kind}`)}: ${goal.target}`;
      return goal.targetDate ? text.t('referralLetter.goalBy', { goal: line, date: text.shortDay(goal.targetDate) }) : line;
    })
    .join('\n');
}

/** Our contact person: the participant's responsible caseworker, or whoever made the referral when there is none. */
export function ourContactPerson(participant: Participant, referral: Referral): string | null {
  return participant.responsibleCaseworkerName ?? referral.createdByName;
}

/**
 * The referral and its participant, if a letter may be made for it now: sent (or answered), and its sharing still
 * standing. Refused otherwise, with a code the letter dialog turns into its own sentence.
 */
export function letterSubject(
  db: Db,
  session: SessionInfo,
  id: string,
  now: Date,
): { referral: Referral; participant: Participant } {
  const referral = findReferral(db, id, dayOf(now));
  if (!referral) throw new AppError('not_found');
  if (!LETTER_STATUSES.has(referral.status))
    throw new AppError('invalid_transition', {
      field: 'status',
      issues: [{ path: 'id', i18nKey: 'referrals.letter.refused.notSent' }],
    });
  if (sharingStanding(db, referral.participantId, referral.partnerName) === null)
    throw new AppError('consent_required', {
      purpose: 'partner_sharing',
      issues: [{ path: 'id', i18nKey: 'referrals.letter.refused.consent' }],
    });
  const listed = findListedParticipant(db, referral.participantId);
  if (!listed) throw new AppError('not_found');
  const view = projectParticipant(session.role, listed);
  if (view.view !== 'full') throw new AppError('forbidden');
  return { referral, participant: view.participant };
}

/** Builds the letter for one request, in its language. */
export function buildReferralLetter(
  db: Db,
  session: SessionInfo,
  request: ReferralLetterRequest,
  options: { now: Date; mode: DocumentMode },
): { html: string; fields: SharedField[]; participantId: string } {
  const { referral, participant } = letterSubject(db, session, request.id, options.now);
  const text = printText(request.locale);
  const settings = readSettings(db);
  const organisation = settings.organisationName;
  const date = text.shortDay(dayOf(options.now));
  const l = (key: string, values?: Record<string, string>) => text.t(`referralLetter.${key}`, values);
  const shared = referral.sharedFields.flatMap((field) => fieldRows(db, text, field, participant, referral));
  const contact = ourContactPerson(participant, referral);
  const body = html`<header class="doc-header">
      <p class="doc-confidential">${text.t('print.confidential')}</p>
      ${organisation ? html`<p class="letter-from">${organisation}</p>` : null}
      <h1>${l('title')}</h1>
      <p class="doc-subject">${text.t(`referrals.serviceTypes.${referral.serviceType}`)}</p>
      <p class="doc-meta">${l('dated', { date })}</p>
    </header>
    <section class="print-section">
      <h2>${l('to')}</h2>
      ${rows(text, [
        [l('partner'), referral.partnerName],
        [l('partnerContact'), referral.contactName],
        [l('service'), text.t(`referrals.serviceTypes.${referral.serviceType}`)],
        [l('urgency'), text.t(`referrals.urgencies.${referral.urgency}`)],
      ])}
    </section>
    <section class="print-section">
      <h2>${l('message')}</h2>
      ${referral.message ? html`<p class="text">${referral.message}</p>` : html`<p class="muted">${l('noMessage')}</p>`}
    </section>
    <section class="print-section">
      <h2>${l('shared')}</h2>
      <p class="muted">${l('sharedIntro')}</p>
      ${shared.length > 0 ? rows(text, shared) : html`<p class="muted">${l('nothingShared')}</p>`}
    </section>
    <section class="print-section">
      <h2>${l('ourContact')}</h2>
      ${rows(text, [
        [l('organisation'), organisation],
        [l('contactPerson'), contact],
        [l('phone'), settings.organisationPhone],
      ])}
    </section>
    <p class="letter-confidential">${l('confidentialNote')}</p>`;
  const margins =
    options.mode === 'print' ? pageMarginStyle(text, { topRight: organisation, bottomLeft: l('dated', { date }) }) : null;
  return {
    html: printDocument({ locale: text.locale, title: l('title'), body, margins }),
    fields: referral.sharedFields,
    participantId: referral.participantId,
  };
}

/** The audit detail of a letter: which referral, which fields, which language; never the content. */
export function letterAuditDetail(request: ReferralLetterRequest, fields: readonly SharedField[]): string {
  return `referral:${request.id};fields:${fields.join(',')};locale:${request.locale}`;
}
