// The map's "Updating…" badge and its error banner, one look on every page (a status for screen readers, an alert
// for failures).

/**
 * @example <LoadState loading={q.isFetching} error={q.error} what="data" />
 */
export function LoadState({
  loading,
  error,
  what = 'data',
}: {
  loading: boolean;
  error: Error | null | undefined;
  /** what failed to load, in the banner's words: "Could not load {what}: …" */
  what?: string;
}) {
  return (
    <>
      {loading && (
        <div className="busy" role="status">
          Updating…
        </div>
      )}
      {error && (
        <div className="error-banner" role="alert">
          Could not load {what}: {error.message}
        </div>
      )}
    </>
  );
}
