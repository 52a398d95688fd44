import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A psychologist's private notes, marked as such and closed until asked for, so that they are not on the screen
 * whenever the log is open (someone may be looking over the shoulder).
 */
export function PrivateNotes({ notes }: { notes: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="psy-private">
      <p className="psy-private-head">
        <span className="psy-private-badge">{t('psychosocial.onlyPsychologists')}</span>
        {notes === null ? (
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
