import type { TFunction } from 'i18next';
import {
  AGE_BANDS,
  EDUCATION_LEVELS,
  GENDERS,
  LABOUR_MARKET_STATUSES,
  NATIONAL_ASSISTANCE_STATUSES,
  REFERRAL_SOURCE_TYPES,
  SAFE_CONTACT_METHODS,
  WORK_ABILITIES,
  YES_NO_UNKNOWN,
  type Participant,
  type ParticipantStatus,
} from '@shared/participants';
import type { SelectOption } from '../../components/SelectField';

type Code<K extends keyof Participant> = NonNullable<Participant[K]>;

/** The participant record's codes in the interface language, one function a field. */
export function participantLabels(t: TFunction) {
  return {
    ageBand: (band: Code<'ageBand'>) => t('participant.ageBandLabel', { band }),
    gender: (code: Code<'gender'>) => t(`participant.gender.${code}`),
    safeContactMethod: (code: Code<'safeContactMethod'>) => t(`participant.safeContactMethod.${code}`),
    nationalAssistanceStatus: (code: Code<'nationalAssistanceStatus'>) => t(`participant.nationalAssistance.${code}`),
    referralSourceType: (code: Code<'referralSourceType'>) => t(`participant.referralSource.${code}`),
    workAbility: (code: Code<'workAbility'>) => t(`participant.workAbility.${code}`),
    educationIsced: (code: Code<'educationIsced'>) => t(`participant.education.${code}`),
    labourMarketStatusAtEntry: (code: Code<'labourMarketStatusAtEntry'>) => t(`participant.labourMarket.${code}`),
    /** Every yes / no / not known question of the intake, with one set of words. */
    yesNoUnknown: (code: Code<'disability'>) => t(`participant.yesNoUnknown.${code}`),
    status: (code: ParticipantStatus) => t(`participant.status.${code}`),
  };
}

/** Choices of a drop-down list for a code list, after an empty choice for "not recorded". */
function withNone<T extends string>(t: TFunction, values: readonly T[], label: (value: T) => string): SelectOption[] {
  return [{ value: '', label: t('participant.notRecorded') }, ...values.map((value) => ({ value, label: label(value) }))];
}

/** Every drop-down list of the participant form, in the interface language. */
export function participantOptions(t: TFunction) {
  const label = participantLabels(t);
  return {
    ageBand: withNone(t, AGE_BANDS, label.ageBand),
    gender: withNone(t, GENDERS, label.gender),
    safeContactMethod: withNone(t, SAFE_CONTACT_METHODS, label.safeContactMethod),
    nationalAssistanceStatus: withNone(t, NATIONAL_ASSISTANCE_STATUSES, label.nationalAssistanceStatus),
    referralSourceType: withNone(t, REFERRAL_SOURCE_TYPES, label.referralSourceType),
    workAbility: withNone(t, WORK_ABILITIES, label.workAbility),
    educationIsced: withNone(t, EDUCATION_LEVELS, label.educationIsced),
    labourMarketStatusAtEntry: withNone(t, LABOUR_MARKET_STATUSES, label.labourMarketStatusAtEntry),
    yesNoUnknown: withNone(t, YES_NO_UNKNOWN, label.yesNoUnknown),
  };
}
