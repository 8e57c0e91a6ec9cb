// A "Save as… ▾" / "Download ▾" menu: a disclosure (keyboard-operable as it is: Tab to it, Enter or Space opens)
// with one button per format. Escape and a choice close it and give focus back to its summary; while a file is
// prepared the summary says so, and a failure is announced beside it. The map export and the table download share it.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';

export interface DownloadItem {
  label: string;
  testId: string;
  save: () => Promise<void> | void;
}

export interface DownloadMenuProps {
  /** the summary's text, also its accessible name */
  label: string;
  /** the group's name and the summary's tooltip, e.g. "Download the table" */
  hint: string;
  items: readonly DownloadItem[];
  className: string;
  testId: string;
}

export function DownloadMenu({ label, hint, items, className, testId }: DownloadMenuProps) {
  const t = useT();
  const said = useApiErrors();
  const details = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = (): void => {
    if (!details.current?.open) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !details.current?.open) return;
    e.stopPropagation();
    close();
  };
  const run = async (item: DownloadItem): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await item.save();
      close();
    } catch (e) {
      setError(t('export.failed', { reason: said.error(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`download-menu ${className}`} data-testid={testId} onKeyDown={onKeyDown}>
      <details ref={details}>
        <summary title={hint}>{busy ? t('export.working') : label}</summary>
        <div className="download-items" role="group" aria-label={hint}>
          {items.map((item) => (
            <button
              key={item.testId}
              type="button"
              data-testid={item.testId}
              disabled={busy}
              onClick={() => void run(item)}
            >
              {item.label}
            </button>
          ))}
        </div>
      </details>
      {error && (
        <p role="alert" className="download-error">
          {error}
        </p>
      )}
    </div>
  );
}
