import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import type { SelectOption } from '../../components/SelectField';

/** Someone already responsible for a participant, who may since have left the list of active staff. */
export interface CurrentCaseworker {
  id: string;
  name: string;
}

/**
 * The people who can be made responsible for a participant, as choices after "no one yet". The one already
 * responsible stays a choice even when no longer on the list, so that editing other fields keeps them.
 */
export function useCaseworkerOptions(current: CurrentCaseworker | null): SelectOption[] {
  const { t } = useTranslation();
  const [people, setPeople] = useState<{ id: string; displayName: string }[]>([]);

  useEffect(() => {
    let live = true;
    void invoke('participants.caseworkers', {}).then((result) => {
      if (live && result.ok) setPeople(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const listed = people.map((p) => ({ value: p.id, label: p.displayName }));
  const missing = current && !people.some((p) => p.id === current.id) ? [{ value: current.id, label: current.name }] : [];
  return [{ value: '', label: t('participant.noCaseworker') }, ...missing, ...listed];
}
