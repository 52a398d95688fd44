import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { translateKey } from '../i18n/keys';

/** A failure from the main side as a sentence a caseworker understands, announced to screen readers. */
export function ErrorMessage({
  failure,
  instead = {},
}: {
  failure: Failure | null;
  /** A sentence that fits this screen better than the general one, by error code (an i18n key). */
  instead?: Partial<Record<Failure['code'], string>>;
}) {
  const { t } = useTranslation();
  if (!failure) return null;
  return (
    <p role="alert" className="notice notice-error">
      {translateKey(t, instead[failure.code] ?? failure.i18nKey)}
    </p>
  );
}

/**
 * A polite status line (work in progress, something done). The region is always present so that
 * screen readers announce its text when it appears.
 */
export function StatusMessage({ children, tone = 'info' }: { children: string | null; tone?: 'info' | 'success' }) {
  return (
    <p role="status" className={children ? `notice notice-${tone}` : 'visually-hidden'}>
      {children}
    </p>
  );
}
