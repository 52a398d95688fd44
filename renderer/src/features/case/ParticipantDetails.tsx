import { useTranslation } from 'react-i18next';
import type { Participant } from '@shared/participants';
import { participantLabels } from '../participants/participantLabels';
import { formatDay } from '../../i18n/format';
import { Detail, DetailGroup } from '../../components/Details';
import type { Catalogue } from '@shared/i18n/bundles';

/** A participant's whole record to read, in the same groups as the form. */
export function ParticipantDetails({ participant: p }: { participant: Participant }) {
  const { t } = useTranslation();
  const label = participantLabels(t);
  const f = (key: keyof Catalogue['participant']['fields']) => t(`participant.fields.${key}`);
  const code = <T extends string>(value: T | null, name: (v: T) => string) => (value === null ? null : name(value));
  return (
    <div className="participant-details">
      <DetailGroup title={t('participant.sections.identity')}>
        <Detail label={f('firstName')} value={p.firstName} />
        <Detail label={f('lastName')} value={p.lastName} />
        <Detail label={f('preferredName')} value={p.preferredName} />
        <Detail
          label={f('age')}
          value={p.birthYear !== null ? t('case.details.bornIn', { year: p.birthYear }) : code(p.ageBand, label.ageBand)}
        />
        <Detail label={f('gender')} value={code(p.gender, label.gender)} />
      </DetailGroup>
      <DetailGroup title={t('participant.sections.languages')}>
        <Detail label={f('languages')} value={p.languages.join(', ')} />
        <Detail
          label={f('interpreterNeeded')}
          value={
            p.interpreterNeeded
              ? p.interpreterLanguage
                ? t('case.details.interpreterIn', { language: p.interpreterLanguage })
                : t('participant.yesNoUnknown.yes')
              : t('participant.yesNoUnknown.no')
          }
        />
      </DetailGroup>
      <DetailGroup title={t('participant.sections.contact')}>
        <Detail label={f('phone')} value={p.phone} />
        <Detail label={f('email')} value={p.email} />
        <Detail label={f('safeContactMethod')} value={code(p.safeContactMethod, label.safeContactMethod)} />
        <Detail
          label={f('safeContactNotes')}
          value={p.safeContactNotes ? <span className="multiline">{p.safeContactNotes}</span> : null}
        />
      </DetailGroup>
      <DetailGroup title={t('participant.sections.assistance')}>
        <Detail label={f('nationalAssistanceStatus')} value={code(p.nationalAssistanceStatus, label.nationalAssistanceStatus)} />
      </DetailGroup>
      <DetailGroup title={t('participant.sections.referral')}>
        <Detail label={f('referralSourceType')} value={code(p.referralSourceType, label.referralSourceType)} />
        <Detail label={f('referralDate')} value={p.referralDate ? formatDay(p.referralDate, 'long') : null} />
        <Detail label={f('referralOrganisation')} value={p.referralOrganisation} />
        <Detail label={f('referralContactPerson')} value={p.referralContactPerson} />
      </DetailGroup>
      <DetailGroup title={t('participant.sections.work')}>
        <Detail label={f('workAbility')} value={code(p.workAbility, label.workAbility)} />
        <Detail label={f('educationIsced')} value={code(p.educationIsced, label.educationIsced)} />
        <Detail
          label={f('labourMarketStatusAtEntry')}
          value={code(p.labourMarketStatusAtEntry, label.labourMarketStatusAtEntry)}
        />
        <Detail label={f('thirdCountryNational')} value={code(p.thirdCountryNational, label.yesNoUnknown)} />
        <Detail label={f('foreignBackground')} value={code(p.foreignBackground, label.yesNoUnknown)} />
        <Detail label={f('disability')} value={code(p.disability, label.yesNoUnknown)} />
        <Detail label={f('housingExclusion')} value={code(p.housingExclusion, label.yesNoUnknown)} />
      </DetailGroup>
      <DetailGroup title={t('participant.sections.responsibility')}>
        <Detail label={f('responsibleCaseworkerId')} value={p.responsibleCaseworkerName} />
      </DetailGroup>
    </div>
  );
}
