// Which page is open: the URL path. Moving between pages keeps the query string, so the period, district and
// other shared filters follow the user from the hot-spot map to territories, cooperation and back.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
}

/** The current path, e.g. "/coverage"; re-renders on navigation and on back/forward. */
export function usePath(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}

/** Opens another page (a history step, unlike filter changes) keeping the shared query string. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', `${path}${window.location.search}`);
  for (const l of listeners) l();
}
