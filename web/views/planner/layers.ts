// deck.gl layers of the planner as a pure function: mahallas in their post's colour (the chosen post stronger),
// unassigned ones hatched red, pinned ones ringed, the comparison's changed mahallas outlined, the hovered stroke's
// mahallas marked.
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import { UNASSIGNED, type DistrictModel, type Plan } from '../../../server/shared/planner/model.ts';
import { hatchProps } from '../../map/hatch-deck.ts';
import { OVERLAY_BEFORE, placedBefore } from '../../map/style.ts';
import type { Territories } from '../../queries/mahallas.ts';
import { PROBLEM, TERRITORY_COLORS } from '../coverage/layers.ts';

export const PLANNER_LAYER_IDS = {
  fill: 'planner-fill',
  pinned: 'planner-pinned',
  changed: 'planner-changed',
  hover: 'planner-hover',
} as const;

export type MahallaFeature = Territories['features'][number];

export interface PlannerLayerData {
  mahallas: Territories;
  model: DistrictModel;
  plan: Plan;
  slots: Uint8Array;
  pinned: Uint8Array;
  /** mahalla ids that change post in the comparison shown (empty: none shown) */
  changed: ReadonlySet<number>;
  /** mahalla indices the pointer's stroke would touch */
  hover: readonly number[];
}

export interface PlannerLayerUi {
  /**
   * whether the pointer picks mahallas (clicks and tooltips); off while a brush or lasso draws, which hit-tests by
   * itself: a picking pass on every pointer move would cost a render each
   */
  pickable: boolean;
  /** the post being painted with (−1: erasing) */
  paint: number;
  /** changes whenever the plan, pins or hover do (deck.gl compares triggers, not arrays) */
  tick: number;
}

const features = (
  d: PlannerLayerData,
  keep: (m: number) => boolean,
): Array<Feature<Geometry, MahallaFeature['properties']>> =>
  d.mahallas.features.filter((f) => {
    const m = d.model.index.get(f.properties.id);
    return m !== undefined && keep(m);
  });

// The fill's data keeps its identity while the mahallas and the model do: a new array would make deck.gl tessellate
// every polygon again on each pointer move of a brush.
const everyMahalla = new WeakMap<Territories, { model: DistrictModel; list: ReturnType<typeof features> }>();
function allOf(d: PlannerLayerData): ReturnType<typeof features> {
  const hit = everyMahalla.get(d.mahallas);
  if (hit?.model === d.model) return hit.list;
  const list = features(d, () => true);
  everyMahalla.set(d.mahallas, { model: d.model, list });
  return list;
}

export function buildPlannerLayers(d: PlannerLayerData, ui: PlannerLayerUi): Layer[] {
  const postOf = (f: Feature<Geometry, { id: number }>): number =>
    d.plan[d.model.index.get(f.properties.id) ?? -1] ?? UNASSIGNED;
  const hover = new Set(d.hover);
  return [
    new GeoJsonLayer<MahallaFeature['properties']>(
      placedBefore(OVERLAY_BEFORE, {
        id: PLANNER_LAYER_IDS.fill,
        data: allOf(d),
        pickable: ui.pickable,
        filled: true,
        stroked: true,
        getFillColor: (f: Feature<Geometry, { id: number }>) => {
          const p = postOf(f);
          if (p === UNASSIGNED) return [...PROBLEM, 170] as [number, number, number, number];
          const c = TERRITORY_COLORS[d.slots[p] ?? 0] ?? TERRITORY_COLORS[0]!;
          return [c[0], c[1], c[2], p === ui.paint ? 200 : 110];
        },
        ...hatchProps((f: Feature<Geometry, { id: number }>) => postOf(f) === UNASSIGNED),
        getLineColor: [255, 255, 255, 230],
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        updateTriggers: { getFillColor: [ui.tick, ui.paint], getFillPattern: [ui.tick] },
      }),
    ),
    new GeoJsonLayer({
      id: PLANNER_LAYER_IDS.changed,
      data: d.mahallas.features.filter((f) => d.changed.has(f.properties.id)),
      filled: false,
      stroked: true,
      getLineColor: [13, 27, 42, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
    }),
    new GeoJsonLayer({
      id: PLANNER_LAYER_IDS.pinned,
      data: features(d, (m) => d.pinned[m] === 1),
      filled: false,
      stroked: true,
      getLineColor: [120, 60, 0, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      getDashArray: [3, 2],
    }),
    new GeoJsonLayer({
      id: PLANNER_LAYER_IDS.hover,
      data: features(d, (m) => hover.has(m)),
      filled: true,
      stroked: true,
      getFillColor: [255, 255, 255, 90],
      getLineColor: [13, 27, 42, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
  ];
}
