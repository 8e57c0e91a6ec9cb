// The map's "Updating…" badge and its error banner, one look on every page (a status for screen readers, an alert
// for failures), in the language in force.

import { useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';

/**
 * @example <LoadState loading={q.isFetching} error={q.error} what={t('load.data')} />
 */
export function LoadState({
  loading,
  error,
  what,
}: {
  loading: boolean;
  error: Error | null | undefined;
  /** what failed to load, in the banner's words: "Could not load {what}: …" (absent = "data") */
  what?: string;
}) {
  const t = useT();
  const said = useApiErrors();
  return (
    <>
      {loading && (
        <div className="busy" role="status">
          {t('load.updating')}
        </div>
      )}
      {error && (
        <div className="error-banner" role="alert">
          {t('load.failed', { what: what ?? t('load.data'), reason: said.error(error) })}
        </div>
      )}
    </>
  );
}
