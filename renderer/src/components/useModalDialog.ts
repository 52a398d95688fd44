import { useEffect, useId, useRef, type SyntheticEvent } from 'react';

/**
 * A modal `<dialog>`: opened with focus on its heading so that it is read out, the rest of the app out of reach
 * meanwhile, and Escape closing it through React state (never behind the app's back). Spread `dialogProps` on the
 * `<dialog>` and `headingProps` on its heading.
 */
export function useModalDialog(onClose: () => void) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    heading.current?.focus();
    return () => element?.close();
  }, []);

  return {
    dialogProps: {
      ref: dialog,
      'aria-labelledby': titleId,
      onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
        event.preventDefault();
        onClose();
      },
    },
    headingProps: { id: titleId, ref: heading, tabIndex: -1 },
  };
}
