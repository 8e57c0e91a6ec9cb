// The one small UI store: filters, selection, active layers, view. Server data lives in queries/, not here.
import { useSyncExternalStore } from 'react';
import { onHistoryMove, replaceUrl } from './route.ts';
import { DEFAULT_URL_STATE, parseUrl, serializeUrl, type UrlState } from './url.ts';

export type UiState = UrlState;

type Listener = () => void;

let state: UiState = typeof window === 'undefined' ? DEFAULT_URL_STATE : parseUrl(window.location.search);
const listeners = new Set<Listener>();

function writeUrl(): void {
  if (typeof window === 'undefined') return;
  const qs = serializeUrl(state);
  const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`) replaceUrl(url);
}

/** Replaces part of the state and mirrors it into the URL (replaceState: filters are not history steps). */
export function update(patch: Partial<UiState>): void {
  state = { ...state, ...patch };
  writeUrl();
  for (const l of listeners) l();
}

export function getState(): UiState {
  return state;
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Reads one slice; re-renders only when that slice changes (by reference). */
export function useUi<T>(select: (s: UiState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(state),
    () => select(DEFAULT_URL_STATE),
  );
}

if (typeof window !== 'undefined') {
  // Back/Forward as route.ts lets it through: a step undone because an editor asks first leaves the filters as they are.
  onHistoryMove(() => {
    state = parseUrl(window.location.search);
    for (const l of listeners) l();
  });
}
