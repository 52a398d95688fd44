import { useTranslation } from 'react-i18next';
import type { SafetyFlag } from '@shared/flags';
import { ConfirmBox } from '../../components/ConfirmBox';
import { useChannelAction } from '../../components/useChannelAction';
import { FLAG_CHANGES } from './mutations';
import { FormProblem } from '../consents/FormProblem';

interface ClearFlagConfirmProps {
  flag: SafetyFlag;
  onCleared: (flag: SafetyFlag) => void;
  onCancel: () => void;
}

/** The second step of clearing a flag: it stops showing on the file but stays in the history. */
export function ClearFlagConfirm({ flag, onCleared, onCancel }: ClearFlagConfirmProps) {
  const { t } = useTranslation();
  const { busy, failure, run } = useChannelAction({ invalidates: FLAG_CHANGES });
  const confirm = () => run('flags.clear', { id: flag.id }, (value) => onCleared(value.flag));

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
