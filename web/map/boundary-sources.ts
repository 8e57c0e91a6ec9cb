// The basemap's GeoJSON sources kept up to date on a live map: the district and region names, which arrive after the
// map is made when it was made without them (web/map/BaseMap.tsx makes it as soon as /api/meta is there) and follow the
// language and the official names arriving with /api/meta, and a page's mahalla outlines. Each is set only when it
// differs from what the map holds: every setData has the workers cut its tiles again. (The land and the region and
// district borders come with the vector tiles.)
import { useEffect, useRef, type RefObject } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { whenStyled } from './when-styled.ts';
import type { MahallaOutlines } from './mahalla-layers.ts';
import { LABEL_SOURCE, MAHALLA_SOURCE, OVERLAY_BEFORE } from './style.ts';

/** Sets the map's label source (LABEL_SOURCE) when the label points change. */
export function useLabelSource(mapRef: RefObject<MapLibreMap | null>, labels: FeatureCollection): void {
  // What the map was made with or last given: the style already holds it. Not set again with what the map was made
  // with: the workers would lay out the names a second time (asking the page for glyphs between frames), on the first
  // screen.
  const shown = useRef(labels);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || shown.current === labels) return;
    shown.current = labels;
    whenStyled(map, () => void map.getSource<GeoJSONSource>(LABEL_SOURCE)?.setData(labels));
  }, [mapRef, labels]);
}

const NO_OUTLINES: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Sets the mahalla outline source (MAHALLA_SOURCE) and its line colour to `outlines` when they change. */
export function useOutlineSource(mapRef: RefObject<MapLibreMap | null>, outlines: MahallaOutlines | null | undefined) {
  /** Whether the outline source holds any outline (the style makes it empty). */
  const outlinesShown = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const data = outlines?.data ?? NO_OUTLINES;
    const apply = (): void => {
      // Nothing onto the still-empty source (pages whose outlines are the tiles'): setting it would only have the
      // workers cut its empty tiles again, on the first screen ahead of the mahalla tiles. setData returns a promise of
      // the worker's parse; the outlines simply appear when it is done.
      if (data.features.length > 0 || outlinesShown.current)
        void map.getSource<GeoJSONSource>(MAHALLA_SOURCE)?.setData(data);
      outlinesShown.current = data.features.length > 0;
      if (outlines) {
        map.setPaintProperty(OVERLAY_BEFORE, 'line-color', outlines.color);
        map.setPaintProperty(OVERLAY_BEFORE, 'line-opacity', outlines.opacity);
      }
    };
    whenStyled(map, apply);
  }, [mapRef, outlines]);
}
