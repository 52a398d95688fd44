import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A psychologist's private notes, marked as such and closed until asked for, so that they are not on the screen
 * whenever the log is open (someone may be looking over the shoulder). `sealed`: there are notes, but the reader's
 * key to the psychologists' sealed notes is not on this computer; the sentence says how to get it.
 */
export function PrivateNotes({ notes, sealed = false }: { notes: string | null; sealed?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="psy-private">
      <p className="psy-private-head">
        <span className="psy-private-badge">{t('psychosocial.onlyPsychologists')}</span>
        {sealed ? (
          <span className="psy-private-sealed">{t('psychosocial.private.sealed')}</span>
        ) : notes === null ? (
          <span>{t('psychosocial.private.none')}</span>
        ) : (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen((was) => !was)}
          >
            {t(open ? 'psychosocial.private.hide' : 'psychosocial.private.show')}
          </button>
        )}
      </p>
      {notes !== null ? (
        <p id={id} className="psy-text" hidden={!open}>
          {open ? notes : null}
        </p>
      ) : null}
    </div>
  );
}
