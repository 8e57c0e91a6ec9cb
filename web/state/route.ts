// Which page is open: the URL path. Moving between pages keeps the query string, so the period, district and
// other shared filters follow the user from the hot-spot map to territories, cooperation and back.
//
// Every history entry the app makes carries its position (history.state.idx), so a Back or Forward can be measured
// in steps. While an editor holds unsaved changes (holdHistory), such a step is taken back at once — the browser's
// history has no way to cancel it beforehand — and the editor is asked; "leave" then takes the same step again.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
/** Told when Back or Forward has moved the app to another entry (not for navigate, which keeps the query string). */
const moves = new Set<() => void>();

type Hold = (leave: () => void) => void;
let hold: Hold | null = null;
/** The position of the entry shown. */
let position = 0;
/** The entry being returned to after a held step, until the browser reports it; then `redo`, if "leave" came first. */
let returning: number | null = null;
let redo: number | null = null;
/** The next step is the one "leave" asked for: let it through. */
let passing = false;

const indexOf = (state: unknown): number | null => {
  const idx: unknown = state && typeof state === 'object' ? (state as { idx?: unknown }).idx : undefined;
  return typeof idx === 'number' ? idx : null;
};

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
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
  position += 1;
  window.history.pushState({ idx: position }, '', `${path}${window.location.search}`);
  for (const l of listeners) l();
}

/** Rewrites the current entry's URL (filters are not history steps), keeping its position. */
export function replaceUrl(url: string): void {
  window.history.replaceState(window.history.state, '', url);
}

/** Calls `l` after Back or Forward moved the app; returns the unsubscribe. */
export function onHistoryMove(l: () => void): () => void {
  moves.add(l);
  return () => moves.delete(l);
}

/**
 * Until the returned release is called, Back and Forward do not leave the page: the step is undone and `ask` gets a
 * `leave` that takes it after all. One holder at a time (the open editor).
 * @example useEffect(() => (dirty ? holdHistory((leave) => setHeld(() => leave)) : undefined), [dirty]);
 */
export function holdHistory(ask: Hold): () => void {
  hold = ask;
  return () => {
    if (hold === ask) hold = null;
  };
}

function onPopState(e: PopStateEvent): void {
  const idx = indexOf(e.state);
  if (returning !== null) {
    // The browser reports our own return. Another step pressed meanwhile is undone as well.
    if (idx !== null && idx !== returning) {
      window.history.go(returning - idx);
      return;
    }
    returning = null;
    if (redo !== null) {
      passing = true;
      window.history.go(redo);
      redo = null;
    }
    return;
  }
  // An entry without a position (made before positions were kept) cannot be measured, so it is not held.
  if (hold && !passing && idx !== null && idx !== position) {
    const step = idx - position;
    returning = position;
    window.history.go(-step);
    hold(() => {
      if (returning !== null) redo = step;
      else {
        passing = true;
        window.history.go(step);
      }
    });
    return;
  }
  passing = false;
  if (idx !== null) position = idx;
  for (const l of moves) l();
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  // The first entry of this document gets its position; a reloaded one keeps the one it had.
  const idx = indexOf(window.history.state);
  if (idx === null) window.history.replaceState({ idx: 0 }, '');
  position = idx ?? 0;
  window.addEventListener('popstate', onPopState);
}
