// Layers of the territories page as pure functions: every mahalla filled from the vector tiles in its inspector's
// categorical colour (unassigned ones hatched red), overloaded territories marked, base points, and one district's
// dissolved territory outlines (the chosen district, or the selected inspector's) with the selected one drawn thick.
// The whole country is never carried as shapes: territories arrive as mahalla ids (GET /api/coverage/territories).
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Position } from 'geojson';
import { DISTRICT_LABEL, OVERLAY_BEFORE, placedBefore } from '../../map/style.ts';
import type { Rgb } from '../../map/colors.ts';
import { mahallaFill, mahallaOutline, type MapLayer } from '../../map/mahalla-layers.ts';
import type { MahallaIndex } from '../../queries/mahallas.ts';
import type { Outlines, TerritoryColumns } from '../../queries/coverage.ts';

/** Eight categorical colours (Tableau 10 without its red and grey: red means "problem" on this page). */
export const TERRITORY_COLORS: readonly Rgb[] = [
  [78, 121, 167],
  [242, 142, 43],
  [118, 183, 178],
  [89, 161, 79],
  [237, 201, 72],
  [176, 122, 161],
  [255, 157, 167],
  [156, 117, 95],
];
export const PROBLEM: Rgb = [179, 38, 30];

export const TERRITORY_LAYER_IDS = {
  fill: 'territory-fill',
  outline: 'territory-outline',
  unassigned: 'territory-unassigned',
  selected: 'territory-selected',
  overloaded: 'territory-overloaded',
  base: 'territory-base-points',
} as const;

/** Properties of a dissolved territory outline, as the API sends them. */
export type OutlineProps = Outlines['features'][number]['properties'];

/** A mahalla of the map with its territory: `name` is the inspector's (the mahalla's when unassigned or hidden). */
export interface TerritoryMahalla {
  id: number;
  name: string;
  inspectorId: number | null;
  /** mahallas in the territory (0 when unassigned) */
  mahallas: number;
  slot: number;
}

/** Every mahalla of the index that lies in the area shown, with its territory (unassigned ones included). */
export function territoryMahallas(
  index: MahallaIndex,
  cols: TerritoryColumns,
  area: (districtSoato: string) => boolean,
): FeatureCollection<Point, TerritoryMahalla> {
  const of = new Map<number, number>();
  cols.mahallaIds.forEach((ids, k) => ids.forEach((id) => of.set(id, k)));
  const features: Array<Feature<Point, TerritoryMahalla>> = [];
  for (const f of index.features) {
    if (!area(f.properties.districtSoato)) continue;
    const k = of.get(f.properties.id);
    const inspectorId = k === undefined ? null : (cols.inspectorId[k] ?? null);
    features.push({
      ...f,
      properties: {
        id: f.properties.id,
        name: (k === undefined ? null : cols.name[k]) ?? f.properties.name,
        inspectorId,
        mahallas: k === undefined ? 0 : (cols.mahallaIds[k]?.length ?? 0),
        slot: k === undefined ? 0 : (cols.slot[k] ?? 0),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Where an overloaded territory is marked: the centroid of its mahalla nearest the mean of their centroids. */
export function markerPoint(centroids: readonly Position[]): Position {
  const n = Math.max(1, centroids.length);
  const mx = centroids.reduce((s, c) => s + (c[0] ?? 0), 0) / n;
  const my = centroids.reduce((s, c) => s + (c[1] ?? 0), 0) / n;
  let best: Position = [mx, my];
  let d = Infinity;
  for (const c of centroids) {
    const e = ((c[0] ?? 0) - mx) ** 2 + ((c[1] ?? 0) - my) ** 2;
    if (e < d) [best, d] = [c, e];
  }
  return best;
}

export interface TerritoryLayerData {
  /** the mahallas shown with their territories (territoryMahallas) */
  mahallas?: FeatureCollection<Point, TerritoryMahalla>;
  /** one district's dissolved outlines (the chosen district's, or the selected inspector's) */
  outlines?: FeatureCollection<MultiPolygon, OutlineProps>;
  /** the district those outlines are drawn for: outlines of another (kept while the next load) are not drawn */
  outlineDistrict: string | null;
  basePoints?: Array<{ id: number; name: string; lon: number; lat: number }>;
  /** ids of inspectors over a norm */
  overloaded: ReadonlySet<number>;
}

export interface TerritoryLayerUi {
  selected: number | null;
  /** changes whenever `overloaded` does (deck.gl compares accessors' triggers, not sets) */
  overloadKey: string;
}

/** An overloaded territory's marker: the properties the tooltip and a click read, and where it stands. */
interface Marker {
  properties: { inspectorId: number; name: string };
  position: Position;
}

const rgba = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];
const slotColour = (slot: number): Rgb => TERRITORY_COLORS[slot] ?? TERRITORY_COLORS[0]!;

/**
 * Marker sizes in metres, held between a dot and their city size: at national zoom 3,925 posts' markers of a fixed
 * 5.5 px with a white ring covered the country and hid every territory's colour; in metres they shrink to 2 px dots
 * and lose their ring there, and reach full size from city zoom (≈ 80 m a pixel) in.
 */
const MARKER_SIZE = {
  radiusUnits: 'meters',
  getRadius: 450,
  radiusMinPixels: 2,
  radiusMaxPixels: 5.5,
  lineWidthUnits: 'meters',
  getLineWidth: 120,
  lineWidthMaxPixels: 1.5,
} as const;
const BASE_POINT_SIZE = { ...MARKER_SIZE, getRadius: 200, radiusMaxPixels: 6 } as const;

/** The overloaded territories' markers, one per territory among `mahallas`. */
function markers(mahallas: FeatureCollection<Point, TerritoryMahalla>, overloaded: ReadonlySet<number>): Marker[] {
  const byInspector = new Map<number, { name: string; at: Position[] }>();
  for (const f of mahallas.features) {
    const id = f.properties.inspectorId;
    if (id === null || !overloaded.has(id)) continue;
    const m = byInspector.get(id) ?? { name: f.properties.name, at: [] };
    m.at.push(f.geometry.coordinates);
    byInspector.set(id, m);
  }
  return [...byInspector].map(([inspectorId, m]) => ({
    properties: { inspectorId, name: m.name },
    position: markerPoint(m.at),
  }));
}

export function buildTerritoryLayers(data: TerritoryLayerData, ui: TerritoryLayerUi): MapLayer[] {
  const layers: MapLayer[] = [];
  const { mahallas } = data;
  if (mahallas) {
    const unassigned = (f: Feature<Geometry, TerritoryMahalla>): boolean => f.properties.inspectorId === null;
    layers.push(
      mahallaFill(
        TERRITORY_LAYER_IDS.fill,
        mahallas,
        (f) =>
          unassigned(f)
            ? rgba(PROBLEM, 190)
            : rgba(slotColour(f.properties.slot), ui.selected === f.properties.inspectorId ? 150 : 80),
        unassigned,
      ),
      mahallaOutline(TERRITORY_LAYER_IDS.unassigned, mahallas.features.filter(unassigned), rgba(PROBLEM, 255), 2),
    );
  }
  const outlines = data.outlines?.features.filter((f) => f.properties.districtSoato === data.outlineDistrict) ?? [];
  if (outlines.length > 0) {
    layers.push(
      new GeoJsonLayer<OutlineProps>(
        placedBefore(OVERLAY_BEFORE, {
          id: TERRITORY_LAYER_IDS.outline,
          data: { type: 'FeatureCollection', features: outlines },
          filled: false,
          stroked: true,
          getLineColor: (f: Feature<Geometry, OutlineProps>) => rgba(slotColour(f.properties.slot), 255),
          lineWidthUnits: 'pixels',
          getLineWidth: 1.6,
        }),
      ),
      new GeoJsonLayer<OutlineProps>(
        placedBefore(DISTRICT_LABEL, {
          id: TERRITORY_LAYER_IDS.selected,
          data: {
            type: 'FeatureCollection',
            features: outlines.filter((f) => f.properties.inspectorId === ui.selected),
          },
          filled: false,
          stroked: true,
          getLineColor: [13, 27, 42, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: 4,
        }),
      ),
    );
  }
  // Markers and points stay above the outlines but below the district names (a name under a marker went unread).
  if (mahallas) {
    layers.push(
      new ScatterplotLayer<Marker>(
        placedBefore(DISTRICT_LABEL, {
          id: TERRITORY_LAYER_IDS.overloaded,
          data: markers(mahallas, data.overloaded),
          pickable: true,
          getPosition: (m: Marker) => m.position as [number, number],
          ...MARKER_SIZE,
          getFillColor: rgba(PROBLEM, 255),
          stroked: true,
          getLineColor: [255, 255, 255, 255],
          updateTriggers: { getPosition: [ui.overloadKey] },
        }),
      ),
    );
  }
  if (data.basePoints) {
    layers.push(
      new ScatterplotLayer<{ id: number; name: string; lon: number; lat: number }>(
        placedBefore(DISTRICT_LABEL, {
          id: TERRITORY_LAYER_IDS.base,
          data: data.basePoints,
          pickable: true,
          getPosition: (d: { lon: number; lat: number }) => [d.lon, d.lat],
          ...BASE_POINT_SIZE,
          getFillColor: [13, 27, 42, 255],
          stroked: true,
          getLineColor: [255, 255, 255, 255],
        }),
      ),
    );
  }
  return layers;
}
