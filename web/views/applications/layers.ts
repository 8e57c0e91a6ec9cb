// deck.gl layers of the applications page as a pure function: mahallas coloured by applications (count, open or
// overdue, quantile classes), the chosen mahalla outlined.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { quantileScale, SEQUENTIAL, type ColorScale, type Rgb } from '../../map/colors.ts';
import { SELECTED_LINE } from '../../map/layers.ts';
import { mahallaFill, mahallaOutline, type MapLayer } from '../../map/mahalla-layers.ts';
import type { ApplMeasure } from '../../state/url.ts';

/** ColorBrewer Blues (6): applications are not incidents, so they do not share the incidents' orange ramp. */
export const BLUES: readonly Rgb[] = [
  [239, 243, 255],
  [198, 219, 239],
  [158, 202, 225],
  [107, 174, 214],
  [49, 130, 189],
  [8, 81, 156],
];

export const APPLICATION_LAYER_IDS = { fill: 'applications-fill', selected: 'applications-selected' } as const;

type Props = { id: number; name: string; districtSoato: string };

export interface ApplicationLayerData {
  mahallas?: FeatureCollection<Geometry, Props>;
  /** the measure per mahalla id (mahallas outside the district are absent) */
  values: ReadonlyMap<number, number>;
  scale: ColorScale;
}

/** The colour scale of a measure over its values: quantile classes, overdue in the warning ramp. */
export function measureScale(measure: ApplMeasure, values: Iterable<number>): ColorScale {
  return quantileScale([...values], measure === 'overdue' ? SEQUENTIAL : BLUES);
}

export function buildApplicationLayers(
  data: ApplicationLayerData,
  ui: { selected: number | null; valuesKey: string },
): MapLayer[] {
  const { mahallas } = data;
  if (!mahallas) return [];
  return [
    mahallaFill(APPLICATION_LAYER_IDS.fill, mahallas, (f: Feature<Geometry, Props>) => {
      const v = data.values.get(f.properties.id);
      if (v === undefined) return [0, 0, 0, 0];
      const c = data.scale.colorOf(v);
      return [c[0], c[1], c[2], 215];
    }),
    mahallaOutline(
      APPLICATION_LAYER_IDS.selected,
      mahallas.features.filter((f) => f.properties.id === ui.selected),
      SELECTED_LINE,
      3.5,
    ),
  ];
}
