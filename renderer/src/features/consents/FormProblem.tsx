import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { translateKey } from '../../i18n/keys';

/**
 * A refusal from the main side, above a form's buttons. A refusal about the record itself rather than one of
 * the form's fields (a consent already in force, a flag already cleared, a move its lifecycle does not allow
 * next) is said in its own words; field problems stay next to their fields, under the general sentence.
 */
export function FormProblem({ failure, fields }: { failure: Failure | null; fields: readonly string[] }) {
  const { t } = useTranslation();
  if (!failure) return null;
  const own =
    failure.code === 'invalid_input' || failure.code === 'invalid_transition'
      ? failure.details?.issues?.find((i) => !fields.includes(i.path))
      : undefined;
  if (!own) return <ErrorMessage failure={failure} />;
  return (
    <p role="alert" className="notice notice-error">
      {translateKey(t, own.i18nKey, own.values)}
    </p>
  );
}
