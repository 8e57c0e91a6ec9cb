// Which heat map to draw for a view: records binned per H3 cell at national and regional zoom (GET /api/records/heat),
// the records' own points only at district zoom and when few enough to draw (GET /api/records/points, 8 bytes each).

/** The thresholds, one place; each with why. */
export const HEAT_LOD = {
  /** Below this zoom a view spans a region or more: points would be megabytes for a picture bins draw the same. */
  pointsFromZoom: 11,
  /** The most points drawn (≈ 1.6 MB at 8 bytes a point); more than that and bins look the same and cost less. */
  maxPoints: 200_000,
  /** A cell's edge on screen, in pixels, at most: under half the heat kernel's radius (28 px), so no cell shows. */
  maxCellPx: 12,
  /** The resolutions GET /api/records/heat serves (server/contract/heat.ts). */
  minRes: 3,
  maxRes: 8,
} as const;

/** Mean edge of an H3 cell in metres, resolutions 0–15 (h3geo.org, "Tables of cell statistics"), 3–8 used. */
const EDGE_M = [1281256, 483057, 182513, 68979, 26072, 9854, 3725, 1406, 531, 201, 76, 29, 11, 4, 2, 1];

/** Web Mercator metres per pixel at zoom 0 on the equator (512-px tiles, as MapLibre draws them). */
const METRES_PER_PX_Z0 = 78271.517;

export type HeatLod = { kind: 'bins'; res: number } | { kind: 'points' };

export interface HeatView {
  zoom: number;
  /** the view's latitude at its centre, degrees (a pixel covers fewer metres towards the poles) */
  lat: number;
  /** records the view's filters select in it, when known (null: not yet known) */
  count: number | null;
}

/**
 * The coarsest resolution whose cells stay under maxCellPx on screen at this zoom and latitude (3–8).
 * @example heatResolution(6, 41) // 5: cells of ≈ 9.9 km are ≈ 10.7 px at zoom 6 (≈ 923 m a pixel)
 */
export function heatResolution(zoom: number, lat: number): number {
  const metresPerPx = (METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
  for (let res = HEAT_LOD.minRes; res <= HEAT_LOD.maxRes; res++)
    if ((EDGE_M[res] ?? 0) / metresPerPx <= HEAT_LOD.maxCellPx) return res;
  return HEAT_LOD.maxRes;
}

/**
 * Bins below district zoom or when there are too many (or not yet counted) records; points otherwise.
 * @example chooseHeatLod({ zoom: 6, lat: 41, count: 10_000_000 }) // { kind: 'bins', res: 5 }
 * @example chooseHeatLod({ zoom: 12, lat: 41.3, count: 5_000 })   // { kind: 'points' }
 */
export function chooseHeatLod(view: HeatView): HeatLod {
  const few = view.count !== null && view.count <= HEAT_LOD.maxPoints;
  if (view.zoom >= HEAT_LOD.pointsFromZoom && few) return { kind: 'points' };
  return { kind: 'bins', res: heatResolution(view.zoom, view.lat) };
}

/** Degrees of longitude a pixel spans at zoom 0 (512-px tiles). */
const DEG_PER_PX_Z0 = 360 / 512;

/**
 * The box to ask bins for around a camera (`bbox` of GET /api/records/heat): the view of a screen of `px` pixels
 * (width, height) grown by a quarter of its larger side on each side and snapped outwards to a grid of a power of two
 * degrees, at most a third of the box, so that
 * panning a little, or a window resized a little, asks for the same box again and the cached answer is used. Latitude
 * is given as much room as longitude (a degree of latitude is never shorter on a Mercator map), so the view is covered
 * at any latitude. Null where the box would span the world anyway.
 * @example heatBox({ lon: 66, lat: 40, zoom: 9 }, [1600, 900]) // '64,38,68,42': a region, not the country
 */
export function heatBox(
  view: { lon: number; lat: number; zoom: number },
  px: readonly [number, number],
): string | null {
  const degPerPx = DEG_PER_PX_Z0 / 2 ** view.zoom;
  // Screens rounded up to 256 px, so a window resized a little keeps its box.
  const side = Math.ceil(Math.max(px[0], px[1], 1) / 256) * 256;
  const half = 0.75 * side * degPerPx;
  if (half >= 90) return null;
  const step = 2 ** Math.floor(Math.log2(half / 2));
  const snap = (x: number, up: boolean): number => (up ? Math.ceil(x / step) : Math.floor(x / step)) * step;
  const west = Math.max(-180, snap(view.lon - half, false));
  const east = Math.min(180, snap(view.lon + half, true));
  const south = Math.max(-90, snap(view.lat - half, false));
  const north = Math.min(90, snap(view.lat + half, true));
  // Steps are powers of two: their multiples print exactly in a few digits.
  return [west, south, east, north].map((x) => String(Number(x.toFixed(6)))).join(',');
}
