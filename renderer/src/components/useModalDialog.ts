import { useEffect, useId, useRef, type SyntheticEvent } from 'react';

/**
 * A modal `<dialog>`: opened with focus on its heading so that it is read out, the rest of the app out of reach
 * meanwhile, and Escape closing it through React state (never behind the app's back). Closed, it gives the focus
 * back to what had it when it opened (the button that opened it), when that is still on the page: the browser's own
 * return does not happen, as React takes the dialog out of the page before it is closed. An opener that wants the
 * focus elsewhere moves it after this. Spread `dialogProps` on the `<dialog>` and `headingProps` on its heading.
 */
export function useModalDialog(onClose: () => void) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement;
    element?.showModal();
    heading.current?.focus();
    return () => {
      element?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
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
