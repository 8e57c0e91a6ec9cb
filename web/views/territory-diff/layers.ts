// deck.gl layers of the territory comparison as a pure function: the district's mahallas faint, the mahallas that
// change inspector filled with the colour of the post they go to (red when left without one) and outlined.
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import { OVERLAY_BEFORE, placedBefore } from '../../map/style.ts';
import type { Territories } from '../../queries/mahallas.ts';
import type { MoveRow } from './diff-summary.ts';

export const DIFF_LAYER_IDS = { context: 'diff-context', moved: 'diff-moved' } as const;

type Props = Territories['features'][number]['properties'];

/**
 * Two layers with stable ids: every mahalla of the district (pickable, faint) and the moved ones on top.
 * @example buildDiffLayers(mahallas, moveRows(diff)).map((l) => l.id) // ['diff-context', 'diff-moved']
 */
export function buildDiffLayers(mahallas: Territories, moves: readonly MoveRow[]): Layer[] {
  const byId = new Map(moves.map((m) => [m.mahalla, m]));
  const color = (f: Feature<Geometry, Props>): [number, number, number, number] => {
    const c = byId.get(f.properties.id)?.color;
    return c ? [c[0], c[1], c[2], 215] : [205, 209, 214, 60];
  };
  return [
    new GeoJsonLayer<Props>(
      placedBefore(OVERLAY_BEFORE, {
        id: DIFF_LAYER_IDS.context,
        data: mahallas.features,
        pickable: true,
        filled: true,
        stroked: true,
        getFillColor: [205, 209, 214, 60],
        getLineColor: [255, 255, 255, 200],
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
      }),
    ),
    new GeoJsonLayer<Props>({
      id: DIFF_LAYER_IDS.moved,
      data: mahallas.features.filter((f) => byId.has(f.properties.id)),
      pickable: true,
      filled: true,
      stroked: true,
      getFillColor: color,
      getLineColor: [13, 27, 42, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      updateTriggers: { getFillColor: [moves] },
    }),
  ];
}
