// The heat map's data at the level of detail of the view (web/map/heat-lod.ts): records per H3 cell from
// GET /api/records/heat at country and region zoom, the records' own points (GET /api/records/points) at district zoom.
import { useMemo } from 'react';
import { chooseHeatLod, heatBox } from '../../map/heat-lod.ts';
import { toPositions3 } from '../../map/layers.ts';
import { useHeatBins } from '../../queries/heat.ts';
import { useMeta } from '../../queries/meta.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { useRecordPoints } from '../../queries/records.ts';
import { useUi } from '../../state/store.ts';

/** The camera before the user moves it (the app's own fit), as use-hexagons-layer.ts assumes: city, district, country. */
const INITIAL = { city: { zoom: 10.5, lat: 41.3 }, district: 12, national: { zoom: 6, lat: 41.4 } } as const;

/**
 * Positions (lon, lat, 0) and weights for the heat layer, and the view's records without a point; `count` is the
 * records the view selects (the metrics' total), null until known.
 */
export function useHeatData(range: RangeArgs | null, on: boolean, count: number | null) {
  const meta = useMeta();
  const view = useUi((s) => s.view);
  const district = useUi((s) => s.district);
  const start = meta.data?.scale === 'national' ? INITIAL.national : INITIAL.city;
  const zoom = view?.zoom ?? (district ? INITIAL.district : start.zoom);
  const lod = chooseHeatLod({ zoom, lat: view?.lat ?? start.lat, count });
  const res = lod.kind === 'bins' ? lod.res : null;
  const points = useRecordPoints(on && lod.kind === 'points' ? range : null);
  // Only the bins around the camera once the person has moved it (the app's own first fit shows a whole area); the
  // window bounds the map's size.
  const box = view && res !== null ? heatBox(view, [window.innerWidth, window.innerHeight]) : null;
  const bins = useHeatBins(on ? range : null, res, box);
  const data = useMemo(() => {
    if (res === null) return points.data ? { positions3: toPositions3(points.data.points), weights: undefined } : null;
    const c = bins.data?.columns;
    if (!c?.lon || !c.lat || !c.weight) return null;
    const xy = new Float32Array(c.lon.length * 2);
    c.lon.forEach((x, i) => {
      xy[2 * i] = x;
      xy[2 * i + 1] = c.lat?.[i] ?? 0;
    });
    return { positions3: toPositions3(xy), weights: Float32Array.from(c.weight) };
  }, [res, points.data, bins.data]);
  return {
    positions3: data?.positions3,
    weights: data?.weights,
    withoutPoint: (res === null ? points.data?.withoutPoint : bins.data?.meta.withoutPoint) ?? 0,
    isFetching: points.isFetching || bins.isFetching,
  };
}
