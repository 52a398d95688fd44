import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScheduleDialog } from './ScheduleDialog';
import { inSentence } from './weeks';

export interface SchedulePrintButtonProps {
  cohortId: string;
  /** The Monday of the week to print. */
  weekStart: string;
  /** The week's name, "Viikko 6 / 10": in the button's accessible name and the dialog's title. */
  weekLabel: string;
}

/** "Print week schedule" of one programme week: the dialog with the language, the preview and Save as PDF / Print. */
export function SchedulePrintButton({ cohortId, weekStart, weekLabel }: SchedulePrintButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button-secondary button-small"
        aria-label={t('week.print.openFor', { week: inSentence(weekLabel) })}
        onClick={() => setOpen(true)}
      >
        {t('week.print.open')}
      </button>
      {open ? (
        <ScheduleDialog
          cohortId={cohortId}
          weekStart={weekStart}
          weekLabel={weekLabel}
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
