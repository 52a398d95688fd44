import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyFlag } from '@shared/flags';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { ConfirmBox } from '../../components/ConfirmBox';
import { FormProblem } from '../consents/FormProblem';

interface ClearFlagConfirmProps {
  flag: SafetyFlag;
  onCleared: (flag: SafetyFlag) => void;
  onCancel: () => void;
}

/** The second step of clearing a flag: it stops showing on the file but stays in the history. */
export function ClearFlagConfirm({ flag, onCleared, onCancel }: ClearFlagConfirmProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function confirm() {
    if (busy) return;
    setFailure(null);
    setBusy(true);
    const result = await invoke('flags.clear', { id: flag.id });
    setBusy(false);
    if (result.ok) return onCleared(result.value.flag);
    setFailure(result);
  }

  const kind = t(`flags.kinds.${flag.kind}`);
  return (
    <>
      <ConfirmBox
        question={t('flags.clear.question', { kind })}
        explanation={t('flags.clear.explanation')}
        confirmLabel={t('flags.clear.confirm')}
        destructive
        busy={busy}
        failure={failure?.code === 'invalid_input' ? null : failure}
        onConfirm={() => void confirm()}
        onCancel={onCancel}
      />
      {failure?.code === 'invalid_input' ? <FormProblem failure={failure} fields={[]} /> : null}
    </>
  );
}
