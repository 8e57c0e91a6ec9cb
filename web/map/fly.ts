// Where the header's search asked the map to go: a box held here until the district changes again, so the page's map
// (web/map/BaseMap.tsx) frames it instead of the whole district; a page's own focus (a chosen territory) still wins.
import { useSyncExternalStore } from 'react';
import type { BBox } from './bbox.ts';

export interface FlyTarget {
  /** [west, south, east, north], lon/lat degrees */
  box: BBox;
  /** the district chosen when the search flew (null = every district): another choice of district ends it */
  district: string | null;
}

let target: FlyTarget | null = null;
let flights = 0;
const listeners = new Set<() => void>();

/** Asks every map to frame `target.box` (read by useFlyTarget). */
export function flyTo(next: FlyTarget): void {
  // The map moves when the box it is given changes: a second search for the same place (after the person panned
  // away) widens it by a few nanodegrees, a millimetre, so it flies there again.
  const grow = ++flights * 1e-9;
  const [w, s, e, n] = next.box;
  target = { ...next, box: [w - grow, s - grow, e + grow, n + grow] };
  for (const l of listeners) l();
}

/** The last place a search flew to, or null. */
export function useFlyTarget(): FlyTarget | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => target,
    () => null,
  );
}

/**
 * The box that frames a point: about 600 m across, which the map shows at its closest search zoom.
 * @example pointBox([69.24, 41.31]) // [69.236, 41.307, 69.244, 41.313]
 */
export function pointBox([lon, lat]: [number, number]): BBox {
  return [lon - 0.004, lat - 0.003, lon + 0.004, lat + 0.003];
}
