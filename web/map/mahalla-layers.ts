// The mahalla layers every page draws: a pickable fill under MapLibre's mahalla outlines, and thick outlines for a
// selection or a group (a territory, the cooperation gaps). One builder, so every page pays the same low cost.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { OVERLAY_BEFORE, placedBefore } from './style.ts';
import type { MahallaOutlines } from './MapView.tsx';

export type Rgba = [number, number, number, number];

const HOVER: Rgba = [30, 60, 90, 70];

/**
 * Mahallas filled by `fill` (transparent = basemap), pickable with a hover highlight, under the outlines. No deck.gl
 * stroke: the outlines are MapLibre's (see `mahallaOutlines`), which in software WebGL costs a fraction of a stroke.
 * @example mahallaFill('plan-fill', territories, (f) => colourOf(f.properties.id), [dataKey])
 */
export function mahallaFill<P extends object>(
  id: string,
  data: FeatureCollection<Geometry, P>,
  fill: (f: Feature<Geometry, P>) => Rgba,
  trigger: unknown[],
): GeoJsonLayer<P> {
  return new GeoJsonLayer<P>(
    placedBefore(OVERLAY_BEFORE, {
      id,
      data,
      pickable: true,
      autoHighlight: true,
      highlightColor: HOVER,
      filled: true,
      stroked: false,
      getFillColor: fill,
      updateTriggers: { getFillColor: trigger },
    }),
  );
}

/** Thick outlines of `features` (a selected mahalla, a territory, the gaps), drawn above everything of the overlay. */
export function mahallaOutline<P extends object>(
  id: string,
  features: Array<Feature<Geometry, P>>,
  color: Rgba,
  widthPx: number,
): GeoJsonLayer<P> {
  return new GeoJsonLayer<P>({
    id,
    data: { type: 'FeatureCollection', features },
    filled: false,
    stroked: true,
    getLineColor: color,
    lineWidthUnits: 'pixels',
    getLineWidth: widthPx,
  });
}

/** The outlines MapLibre draws for a page: white between coloured mahallas, faint grey over the bare basemap. */
export function mahallaOutlines(data: FeatureCollection | undefined, coloured: boolean): MahallaOutlines | null {
  if (!data) return null;
  return coloured ? { data, color: '#ffffff', opacity: 0.86 } : { data, color: '#546e7a', opacity: 0.5 };
}
