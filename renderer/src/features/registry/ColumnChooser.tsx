import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryColumn } from '@shared/views';
import { useEscape } from '../../components/useEscape';

interface ColumnChooserProps {
  /** The columns the reader may show, in display order. */
  available: readonly RegistryColumn[];
  shown: readonly RegistryColumn[];
  onChange: (columns: RegistryColumn[]) => void;
}

/**
 * Which columns the registry shows: a button that opens a list of checkboxes over the table. Escape (on the
 * button or in the list) or Done closes it and returns focus to the button; a click or focus elsewhere closes
 * it too. The code column cannot be hidden: it is how a row is recognised.
 */
export function ColumnChooser({ available, shown, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    button.current?.focus();
  }
  useEscape(root, close);

  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: Event) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  function toggle(column: RegistryColumn, on: boolean) {
    onChange(available.filter((c) => c === 'pseudonym' || (c === column ? on : shown.includes(c))));
  }

  return (
    <div ref={root} className="registry-columns">
      <button
        ref={button}
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((was) => !was)}
      >
        {t('registry.columnChooser.button')}
      </button>
      <div id={`${id}-panel`} className="registry-columns-panel" hidden={!open}>
        <fieldset>
          <legend>{t('registry.columnChooser.legend')}</legend>
          <p className="field-hint">{t('registry.columnChooser.alwaysShown')}</p>
          <div className="registry-columns-options">
            {available.map((column) => (
              <div key={column} className="registry-columns-option">
                <input
                  id={`${id}-${column}`}
                  type="checkbox"
                  checked={column === 'pseudonym' || shown.includes(column)}
                  disabled={column === 'pseudonym'}
                  onChange={(event) => toggle(column, event.target.checked)}
                />
                <label htmlFor={`${id}-${column}`}>{t(`registry.columns.${column}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="button" className="button button-primary button-small" onClick={close}>
          {t('registry.columnChooser.close')}
        </button>
      </div>
    </div>
  );
}
