import type { ReactNode } from 'react';
import { useModalDialog } from '../../components/useModalDialog';

interface HandoverDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog for exporting or importing a file: focus moves to its title so that it is read out, the rest of
 * the app cannot be reached meanwhile, and Escape closes it (through React state, never behind the app's back).
 */
export function HandoverDialog({ title, onClose, children }: HandoverDialogProps) {
  const { dialogProps, headingProps } = useModalDialog(onClose);

  return (
    <dialog {...dialogProps} className="handover-dialog">
      <h2 {...headingProps}>{title}</h2>
      {children}
    </dialog>
  );
}
