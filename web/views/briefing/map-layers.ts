// Layers of the wall screen's hot-spot map, a pure function of the data: Gi* bins on the dark basemap (mahallas drawn
// from the vector tiles, coloured by id) and large name labels on the strongest hot spots (the room must read them
// without a legend lookup).
import { TextLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import { HOTSPOT_COLORS, type Rgb } from '../../map/colors.ts';
import { mahallaFill, type MapLayer } from '../../map/mahalla-layers.ts';
import type { Hotspots, Territories } from '../../queries/briefing.ts';

/**
 * Gi* bins −3…+3 for the dark map: ColorBrewer RdBu (colour-blind safe) as in colors.ts, except "not significant",
 * which is a muted slate instead of near-white so the significant mahallas are what the eye finds first.
 */
export const HOTSPOT_DARK: readonly Rgb[] = HOTSPOT_COLORS.map((c, k) => (k === 3 ? [52, 70, 92] : c));

export const HOTSPOT_CLASSES = [
  'Cold 99 %',
  'Cold 95 %',
  'Cold 90 %',
  'Not significant',
  'Hot 90 %',
  'Hot 95 %',
  'Hot 99 %',
];

export interface HotLabel {
  id: number;
  name: string;
  position: Position;
}

/**
 * The `max` strongest hot spots (95 % and up, by z) with a label anchor inside each, skipping any whose anchor lies
 * within `minSeparation` degrees of a stronger one: hot spots cluster, and piled-up names are unreadable from the back
 * of the room (the slide lists every new hot spot by name beside the map).
 */
export function hotLabels(t: Territories, h: Hotspots, max: number, minSeparation = 0.025): HotLabel[] {
  const byId = new Map(t.features.map((f) => [f.properties.id, f]));
  const kept: HotLabel[] = [];
  const clear = (p: Position): boolean =>
    kept.every(
      (k) => Math.hypot((k.position[0] ?? 0) - (p[0] ?? 0), (k.position[1] ?? 0) - (p[1] ?? 0)) >= minSeparation,
    );
  h.ids
    .map((id, i) => ({ id, z: h.z[i] ?? 0, bin: h.bin[i] ?? 0 }))
    .filter((x) => x.bin >= 2)
    .sort((a, b) => b.z - a.z)
    .forEach(({ id }) => {
      const f = byId.get(id);
      if (kept.length >= max || !f) return;
      // The index's point of a mahalla is its centroid: the label's anchor.
      const position = f.geometry.coordinates;
      if (clear(position)) kept.push({ id, name: f.properties.name, position });
    });
  return kept;
}

/** `labelPx`: label size in CSS pixels (the slide passes a share of the screen height). */
export function hotspotLayers(t: Territories, h: Hotspots, labels: HotLabel[], labelPx: number): MapLayer[] {
  const bin = new Map(h.ids.map((id, i) => [id, h.bin[i] ?? 0]));
  return [
    // Mahallas outside the district have no bin: they stay basemap.
    mahallaFill('briefing-hotspots', t, (f) => {
      const b = bin.get(f.properties.id);
      const c = b === undefined ? undefined : HOTSPOT_DARK[b + 3];
      return c ? [c[0], c[1], c[2], 235] : [0, 0, 0, 0];
    }),
    new TextLayer<HotLabel>({
      id: 'briefing-hot-labels',
      data: labels,
      getPosition: (d) => [d.position[0] ?? 0, d.position[1] ?? 0],
      getText: (d) => d.name,
      getSize: labelPx,
      sizeUnits: 'pixels',
      getColor: [255, 255, 255, 255],
      fontFamily: 'Noto Sans, sans-serif',
      fontWeight: 600,
      characterSet: 'auto',
      fontSettings: { sdf: true, fontSize: 64, buffer: 8 },
      outlineWidth: 6,
      outlineColor: [6, 14, 23, 255],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}
