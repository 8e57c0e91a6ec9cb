// The H3 hexagon layer: one deck.gl PolygonLayer over the cells of GET /api/hexagons, coloured by count or Gi* bin.
// Outlines come from h3-js in the browser (no @deck.gl/geo-layers), computed once per response.
import { PolygonLayer } from '@deck.gl/layers';
import { cellToBoundary } from 'h3-js';
import type { Rgb } from './colors.ts';
import { hexView, type HexColumns, type HexMode, type HexView } from './hex-view.ts';
import { placedBefore } from './style.ts';
import { OVERLAY_BEFORE } from './style.ts';

import { HEX_LAYER_ID } from './hex-resolution.ts';

export interface HexLayerUi {
  mode: HexMode;
  /** the clicked cell (h3-js hex string), outlined */
  selectedCell?: string | null;
  /** 0–1, the layer's opacity */
  opacity: number;
}

/** One hexagon: its cell, its row in the response, and its closed outline in [lon, lat] degrees. */
export interface HexDatum {
  cell: string;
  row: number;
  polygon: Array<[number, number]>;
}

// Keyed by the response object: ≈ 76,000 outlines at national resolution 7 are worth computing once, not per render.
const outlines = new WeakMap<HexColumns, HexDatum[]>();

/** The drawable hexagons of a response, outlines in GeoJSON [lon, lat] order (cellToBoundary(cell, true)). */
export function hexData(data: HexColumns): HexDatum[] {
  let rows = outlines.get(data);
  if (!rows) {
    rows = data.cells.map((cell, row) => ({ cell, row, polygon: cellToBoundary(cell, true) }));
    outlines.set(data, rows);
  }
  return rows;
}

// The count ramp sorts every count: once per response and mode, since layers are rebuilt on every render.
const views = new WeakMap<HexColumns, Map<HexMode, HexView>>();
function viewOf(data: HexColumns, mode: HexMode): HexView {
  const byMode = views.get(data) ?? new Map<HexMode, HexView>();
  views.set(data, byMode);
  const view = byMode.get(mode) ?? hexView(data, mode);
  byMode.set(mode, view);
  return view;
}

const SELECTED_LINE: [number, number, number, number] = [13, 27, 42, 255];
const CELL_LINE: [number, number, number, number] = [255, 255, 255, 150];
const withAlpha = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

/**
 * The hexagon layer for a response and the UI: colours from hexView (so map and legend agree), drawn under the
 * district lines and labels like the choropleth. Same id whatever the mode, so deck.gl updates it in place.
 * @example buildHexLayer(hexagons, { mode: 'hotspot', selectedCell: null, opacity: 0.85 })
 */
export function buildHexLayer(data: HexColumns, ui: HexLayerUi): PolygonLayer<HexDatum> {
  const view = viewOf(data, ui.mode);
  const selected = ui.selectedCell ?? null;
  return new PolygonLayer<HexDatum>(
    placedBefore(OVERLAY_BEFORE, {
      id: HEX_LAYER_ID,
      data: hexData(data),
      getPolygon: (d: HexDatum) => d.polygon,
      pickable: true,
      autoHighlight: true,
      highlightColor: [30, 60, 90, 70] as [number, number, number, number],
      filled: true,
      stroked: true,
      opacity: ui.opacity,
      getFillColor: (d: HexDatum) => withAlpha(view.scale.colorOf(view.values[d.row] ?? Number.NaN), 215),
      getLineColor: (d: HexDatum) => (d.cell === selected ? SELECTED_LINE : CELL_LINE),
      getLineWidth: (d: HexDatum) => (d.cell === selected ? 3 : 0.5),
      lineWidthUnits: 'pixels' as const,
      updateTriggers: { getFillColor: [ui.mode], getLineColor: [selected], getLineWidth: [selected] },
    }),
  );
}
