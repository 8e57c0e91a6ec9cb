// Asks before unsaved edits are lost: closing or reloading the tab (the browser's own beforeunload question, the only
// one browsers allow there) and moving elsewhere inside the app — a click on a link or on an element marked
// `data-leaves` (a list entry that replaces the open editor) outside the editor is held, and so is the browser's Back
// or Forward (route.ts takes the step back); our dialog asks first, and "Leave" does what was held.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useT } from '../../i18n/I18n.tsx';
import { holdHistory } from '../../state/route.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** What counts as leaving: an in-app link (not one that opens a new tab) or an element marked as replacing the editor. */
const LEAVES = 'a[href]:not([target="_blank"]):not([download]), [data-leaves]';

export interface LeaveGuard {
  /** the question while a departure is held, else null */
  dialog: ReactNode;
  /** asks before `leave` (the editor's own Cancel); one question at a time: a later departure replaces the held one */
  ask: (leave: () => void) => void;
}

/**
 * While `dirty`, leaving the editor inside `scope` asks first.
 * @example const { dialog } = useLeaveGuard(dirty, formRef); return <form ref={formRef}>…{dialog}</form>;
 */
export function useLeaveGuard(dirty: boolean, scope: RefObject<HTMLElement | null>): LeaveGuard {
  const [held, setHeld] = useState<(() => void) | null>(null);
  const passing = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    const unload = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Older Chromium still needs returnValue set to show its question.
      e.returnValue = '';
    };
    const click = (e: MouseEvent): void => {
      if (passing.current || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const el = e.target instanceof Element ? e.target.closest<HTMLElement>(LEAVES) : null;
      if (!el || scope.current?.contains(el)) return;
      e.preventDefault();
      e.stopPropagation();
      // Let the held click through once: the link or list entry does what it was going to do.
      setHeld(() => () => {
        passing.current = true;
        el.click();
        passing.current = false;
      });
    };
    window.addEventListener('beforeunload', unload);
    // Capture phase: before the link's own handler moves the app.
    document.addEventListener('click', click, true);
    const release = holdHistory((leave) => setHeld(() => leave));
    return () => {
      window.removeEventListener('beforeunload', unload);
      document.removeEventListener('click', click, true);
      release();
    };
  }, [dirty, scope]);
  const dialog = held && (
    <LeaveDialog
      onStay={() => setHeld(null)}
      onLeave={() => {
        setHeld(null);
        held();
      }}
    />
  );
  return { dialog, ask: (leave) => setHeld(() => leave) };
}

/** "Leave without saving?": the one dialog of the guard and of an editor's own Cancel button. */
function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const t = useT();
  return (
    <ConfirmDialog
      title={t('plans.leave.title')}
      confirmLabel={t('plans.leave.confirm')}
      cancelLabel={t('plans.leave.cancel')}
      danger
      testId="leave-dialog"
      onCancel={onStay}
      onConfirm={onLeave}
    >
      <p>{t('plans.leave.body')}</p>
    </ConfirmDialog>
  );
}
