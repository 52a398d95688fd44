import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScheduleDialog } from './ScheduleDialog';

export interface SchedulePrintButtonProps {
  cohortId: string;
  /** The Monday of the week to print. */
  weekStart: string;
}

/** "Print week schedule": the dialog with the language, the preview and Save as PDF / Print. */
export function SchedulePrintButton({ cohortId, weekStart }: SchedulePrintButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
        {t('week.print.open')}
      </button>
      {open ? (
        <ScheduleDialog
          cohortId={cohortId}
          weekStart={weekStart}
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
