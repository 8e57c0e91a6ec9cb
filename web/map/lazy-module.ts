// Code a screen needs only once a person switches something on (deck.gl and the layers it draws: the heat map, the
// hexagons, the scan's outlines, the overlay itself) is loaded then, not with the first screen: in software GL on two
// cores every megabyte of script is ≈ 0.2 s of compiling before the app can start (issue 15).
import { useEffect, useState } from 'react';

/** Each loader's promise, so a module is asked for once however many screens want it. */
const asked = new WeakMap<() => Promise<unknown>, Promise<unknown>>();
/** Each loader's module once it has come, so a screen made later has it at its first render. */
const came = new WeakMap<() => Promise<unknown>, unknown>();

/** The module `load` gives (once; later calls share it). `load` must be one function for the app's life. */
export function loadOnce<T>(load: () => Promise<T>): Promise<T> {
  let p = asked.get(load) as Promise<T> | undefined;
  if (!p) {
    p = load().then((m) => {
      came.set(load, m);
      return m;
    });
    // A failed load (the server gone, a new version deployed meanwhile) may be asked again.
    p.catch(() => asked.delete(load));
    asked.set(load, p);
  }
  return p;
}

/** The module `load` gave, if it has come (for code that must act at once when it can, else later). */
export function loaded<T>(load: () => Promise<T>): T | undefined {
  return came.get(load) as T | undefined;
}

export interface Lazy<T> {
  /** the module, null until it has come */
  module: T | null;
  error: Error | null;
  /** wanted and on its way: what it is wanted for is not drawn yet (a page counts it as loading) */
  pending: boolean;
}

/**
 * The module `load` gives, asked for once `wanted` is true (and kept after). `load` is a function defined once,
 * at module level: `const loadHex = () => import('./hex-layer.ts');`.
 * @example const hex = useLazyModule(loadHex, layers.includes('hex'));
 */
export function useLazyModule<T>(load: () => Promise<T>, wanted: boolean): Lazy<T> {
  const [state, setState] = useState<Omit<Lazy<T>, 'pending'>>(() => ({ module: loaded(load) ?? null, error: null }));
  useEffect(() => {
    if (!wanted || state.module) return;
    let live = true;
    loadOnce(load).then(
      (module) => live && setState({ module, error: null }),
      (e: unknown) => live && setState({ module: null, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [load, wanted, state.module]);
  return { ...state, pending: wanted && !state.module && !state.error };
}
