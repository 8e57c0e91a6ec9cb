// The basemap's boundary sources kept up to date on a live map: the region and district outlines, which arrive after
// the map is made when it was made without them (web/map/BaseMap.tsx makes it as soon as /api/meta is there), and the
// district labels, which follow the language and the official names arriving with /api/meta.
import { useEffect, useRef, type RefObject } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { whenStyled } from './when-styled.ts';

/** Sets the map's `regions`, `districts` and `district-labels` sources when those collections change. */
export function useBoundarySources(
  mapRef: RefObject<MapLibreMap | null>,
  regions: FeatureCollection,
  districts: FeatureCollection,
  districtLabels: FeatureCollection,
): void {
  // What the map was made with or last given: the style already holds it.
  const shown = useRef({ regions, districts });
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const [id, data] of [
      ['regions', regions],
      ['districts', districts],
    ] as const) {
      if (shown.current[id] === data) continue;
      shown.current[id] = data;
      whenStyled(map, () => void map.getSource<GeoJSONSource>(id)?.setData(data));
    }
  }, [mapRef, regions, districts]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    whenStyled(map, () => void map.getSource<GeoJSONSource>('district-labels')?.setData(districtLabels));
  }, [mapRef, districtLabels]);
}
