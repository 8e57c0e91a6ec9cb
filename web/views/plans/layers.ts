// deck.gl layers of the plan map as a pure function: each mahalla of a planned territory in the colour of its
// inspector's fulfilment state; the selected territory outlined. Stable ids, explicit updateTriggers.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PlanState } from '../../../server/contract/catalog.ts';
import { SELECTED_LINE, type MahallaFeatureProps } from '../../map/layers.ts';
import { mahallaFill, mahallaOutline, type MapLayer } from '../../map/mahalla-layers.ts';
import { STATE_COLORS } from './plan-view.ts';

export const PLAN_LAYER_IDS = { fill: 'plan-fill', territory: 'plan-territory' } as const;

export interface PlanCells {
  ids: readonly number[];
  pct: readonly number[];
  state: readonly PlanState[];
}

/** Fill of a mahalla: its state's colour, or nothing when its territory is not in the plan. */
export function planFill(state: PlanState | undefined): [number, number, number, number] {
  if (!state) return [0, 0, 0, 0];
  const c = STATE_COLORS[state];
  return [c[0], c[1], c[2], 190];
}

export function planLayers(
  territories: FeatureCollection<Geometry, MahallaFeatureProps> | undefined,
  cells: PlanCells | undefined,
  ui: { highlight: readonly number[]; dataKey: string },
): MapLayer[] {
  if (!territories) return [];
  const stateOf = new Map<number, PlanState>();
  cells?.ids.forEach((id, k) => {
    const s = cells.state[k];
    if (s) stateOf.set(id, s);
  });
  const highlight = new Set(ui.highlight);
  return [
    mahallaFill(PLAN_LAYER_IDS.fill, territories, (f: Feature<Geometry, MahallaFeatureProps>) =>
      planFill(stateOf.get(f.properties.id)),
    ),
    mahallaOutline(
      PLAN_LAYER_IDS.territory,
      territories.features.filter((f) => highlight.has(f.properties.id)),
      SELECTED_LINE,
      3,
    ),
  ];
}
