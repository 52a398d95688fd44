import { AGE_BANDS, type Participant } from '@shared/participants';
import type { HtmlValue } from '../html';
import { facts, type PrintSection, type SectionContext } from './section';

type Row = readonly [string, HtmlValue];

function fullName(p: Participant): string | null {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

/** The age group a year of birth falls in at `now` (the age reached this year). */
function bandOf(birthYear: number, now: Date): string | null {
  const years = now.getFullYear() - birthYear;
  const fits = (band: string) => {
    const [low, high] = band.replace('+', '-').split('-');
    return years >= Number(low) && (high === '' || high === undefined || years <= Number(high));
  };
  return AGE_BANDS.find(fits) ?? null;
}

function age({ participant: p, text, pseudonymOnly, now }: SectionContext): string | null {
  // A year of birth narrows a person down; the pseudonym-only print keeps to the age group.
  const band = p.ageBand ?? (pseudonymOnly && p.birthYear !== null ? bandOf(p.birthYear, now) : null);
  if (p.birthYear !== null && !pseudonymOnly) return text.t('case.details.bornIn', { year: p.birthYear });
  return band === null ? null : text.t('participant.ageBandLabel', { band });
}

function interpreter({ participant: p, text }: SectionContext): string {
  if (!p.interpreterNeeded) return text.t('participant.yesNoUnknown.no');
  return p.interpreterLanguage
    ? text.t('case.details.interpreterIn', { language: p.interpreterLanguage })
    : text.t('participant.yesNoUnknown.yes');
}

/** A coded value in words, or null when not recorded. */
function coded(context: SectionContext, prefix: string, code: string | null): string | null {
  return code === null ? null : context.text.t(`${prefix}.${code}`);
}

/**
 * The participant's details: who they are, languages, contact, standing in the national assistance system, work
 * ability and situation at entry, status and responsible caseworker. Pseudonym-only leaves out names, the year of
 * birth and every contact detail.
 */
export const basicSection: PrintSection = {
  id: 'basic',
  permission: 'participants.read',
  signatures: false,
  dated: false,
  render(context) {
    const { participant: p, text, pseudonymOnly } = context;
    const f = (field: string) => text.t(`participant.fields.${field}`);
    const identity: Row[] = pseudonymOnly
      ? []
      : [[text.t('print.basic.name'), fullName(p)], ...(p.preferredName ? [[f('preferredName'), p.preferredName] as const] : [])];
    const contact: Row[] = pseudonymOnly
      ? [[f('safeContactMethod'), coded(context, 'participant.safeContactMethod', p.safeContactMethod)]]
      : [
          [f('phone'), p.phone],
          [f('email'), p.email],
          [f('safeContactMethod'), coded(context, 'participant.safeContactMethod', p.safeContactMethod)],
          [f('safeContactNotes'), p.safeContactNotes],
        ];
    const status = text.t(`participant.status.${p.status}`);
    return facts(context, [
      [text.t('case.limited.pseudonym'), p.pseudonym],
      ...identity,
      [f('age'), age(context)],
      [f('gender'), coded(context, 'participant.gender', p.gender)],
      [f('languages'), p.languages.length > 0 ? p.languages.join(', ') : null],
      [f('interpreterNeeded'), interpreter(context)],
      ...contact,
      [f('nationalAssistanceStatus'), coded(context, 'participant.nationalAssistance', p.nationalAssistanceStatus)],
      [f('workAbility'), coded(context, 'participant.workAbility', p.workAbility)],
      [f('educationIsced'), coded(context, 'participant.education', p.educationIsced)],
      [f('labourMarketStatusAtEntry'), coded(context, 'participant.labourMarket', p.labourMarketStatusAtEntry)],
      [f('thirdCountryNational'), coded(context, 'participant.yesNoUnknown', p.thirdCountryNational)],
      [f('foreignBackground'), coded(context, 'participant.yesNoUnknown', p.foreignBackground)],
      [f('disability'), coded(context, 'participant.yesNoUnknown', p.disability)],
      [f('housingExclusion'), coded(context, 'participant.yesNoUnknown', p.housingExclusion)],
      [text.t('print.basic.status'), p.discontinuedReason ? `${status}: ${p.discontinuedReason}` : status],
      [f('responsibleCaseworkerId'), p.responsibleCaseworkerName ?? text.t('participant.noCaseworker')],
    ]);
  },
};
