// A modal question before something that cannot be undone or loses work (delete, leave with unsaved changes): the
// browser's own <dialog> opened with showModal(), so focus moves into it, stays there, Escape cancels and the page
// behind is inert — unlike window.confirm, it is styled, translated and readable by screen readers with its details.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ConfirmDialog.css';

export interface ConfirmDialogProps {
  /** the question, e.g. "Delete the plan “Q1 2027”?" */
  title: string;
  /** what happens, in plain words */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** a red confirm button for destructive actions */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/** Rendered only while the question is open; the cancel button has focus first (the safe choice). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // The element that opened the question gets focus back when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    cancelRef.current?.focus();
    return () => {
      if (d.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: closed by React (unmount), not by the browser, so state and element stay in step.
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children && <div id={bodyId}>{children}</div>}
      <div className="confirm-actions">
        <button type="button" className="btn" ref={cancelRef} data-testid="confirm-cancel" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={danger ? 'btn danger' : 'btn primary'}
          data-testid="confirm-ok"
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
