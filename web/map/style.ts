// The offline basemap: a MapLibre style built from our own boundaries (no tiles, sprites or glyphs from anywhere else):
// the land and the region and district borders from the app's own vector tiles, the names from label points.
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR, fontFaces } from './fonts.ts';
import { MARKS_SOURCE, OUTLINE_LAYER, TILE_SOURCE, tileSource, type TileUrls } from './tile-source.ts';

export interface BasemapTheme {
  background: string;
  land: string;
  regionLine: string;
  districtLine: string;
  districtLabel: string;
  labelHalo: string;
  /** multiplies the district label size (the wall screen is read from across a room); 1 when absent */
  labelScale?: number;
}

export const LIGHT: BasemapTheme = {
  background: '#dfe6ea',
  land: '#f4f3ef',
  regionLine: '#8d99a6',
  districtLine: '#37474f',
  districtLabel: '#1f2a33',
  labelHalo: '#ffffff',
};

/**
 * The wall screen's dark basemap: land a step above the background so the city reads as a shape, light outlines and
 * labels with dark halos (labels ≥ 10:1 against the land).
 */
export const DARK: BasemapTheme = {
  background: '#060e17',
  land: '#15263a',
  regionLine: '#6f8499',
  districtLine: '#c7d3df',
  districtLabel: '#f5f8fb',
  labelHalo: '#060e17',
};

/** The layer the deck.gl overlay inserts its layers before, so mahalla and district outlines and labels stay on top. */
export const OVERLAY_BEFORE = 'mahalla-line';

/**
 * The district names: overlay marks that must stay above the outlines (points, a selection) are placed before it, so a
 * name is never hidden under a marker (issue 14: Coverage's overload markers covered the district names).
 */
export const DISTRICT_LABEL = 'district-label';
/** The region names, drawn over everything at country zoom. */
export const REGION_LABEL = 'region-label';
/** The labels' source: one point per district and per region (`kind`). */
export const LABEL_SOURCE = 'labels';
/**
 * Below this zoom the map names the regions, from it the districts. With the whole country on a laptop screen (zoom
 * ≈ 5.4 at 1440 px, ≈ 5.8 at 1920) 199 district names could not be read, covered a third of the map and placing them
 * was ≈ 0.25 s of the national first screen's main thread in software GL (issue 15); a region framed (zoom ≥ 6.5) or a
 * city shows its districts' names.
 */
export const DISTRICT_LABEL_MIN_ZOOM = 6;

/**
 * Mahalla outlines are drawn by MapLibre from this source (filled by the page with setData), not by deck.gl: in
 * software-rendered WebGL the deck.gl stroke of ≈ 600 polygons cost ≈ 150 ms a frame, MapLibre's lines a few ms.
 */
export const MAHALLA_SOURCE = 'mahallas';

/** Where a district's name may stand around its label point, in the order tried. */
const LABEL_ANCHORS: Array<
  'center' | 'top' | 'bottom' | 'left' | 'right' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'
> = ['center', 'top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A layer of names from the label source: the areas of one `kind`, in `zooms`, with `layout` over what every name
 * shares (our font, capitals, one of eight places around its label point) and a halo so it reads over any fill.
 */
function nameLayer(
  id: string,
  kind: 'district' | 'region',
  zooms: { minzoom?: number; maxzoom?: number },
  layout: SymbolLayerSpecification['layout'],
  theme: BasemapTheme,
): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source: LABEL_SOURCE,
    ...zooms,
    filter: ['==', ['get', 'kind'], kind],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT_BOLD, FONT_REGULAR],
      'text-transform': 'uppercase',
      'text-line-height': 1.1,
      'text-variable-anchor': LABEL_ANCHORS,
      'text-radial-offset': 0.4,
      'symbol-placement': 'point',
      ...layout,
    },
    paint: {
      'text-color': theme.districtLabel,
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 2,
      'text-halo-blur': 0.5,
    },
  };
}

/** The tiles' outline layer (server/geo/borders.ts), the features of one `kind`. */
const outlines = (
  kind: 'land' | 'region' | 'district',
): { source: string; 'source-layer': string; filter: FilterSpecification } => ({
  source: TILE_SOURCE,
  'source-layer': OUTLINE_LAYER,
  filter: ['==', ['get', 'kind'], kind],
});

/**
 * The basemap style for a theme, the label points (`labels`: one point per district and per region, else every part
 * of a multi-part district gets a label) and the tiles (`urls`, from the TileJSON; undefined: MapLibre asks for it).
 * The tile source comes first: MapLibre asks its worker for tiles source by source in style order, and the worker
 * parses one tile at a time.
 * @example new maplibregl.Map({ container, style: basemapStyle(LIGHT, land, labelPoints, tileJson) })
 */
export function basemapStyle(
  theme: BasemapTheme,
  labels: FeatureCollection,
  urls: TileUrls | undefined,
): StyleSpecification {
  return {
    version: 8,
    name: 'Hamkor offline',
    'font-faces': fontFaces(),
    sources: {
      [TILE_SOURCE]: tileSource(urls),
      [LABEL_SOURCE]: { type: 'geojson', data: labels },
      [MARKS_SOURCE]: tileSource(urls),
      [MAHALLA_SOURCE]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': theme.background } },
      // Without antialiased edges: the land's edge lies under the borders, and in software GL the edge is another
      // program to compile and another pass each frame (issue 15).
      { id: 'land', type: 'fill', ...outlines('land'), paint: { 'fill-color': theme.land, 'fill-antialias': false } },
      {
        id: 'region-line',
        type: 'line',
        ...outlines('region'),
        paint: { 'line-color': theme.regionLine, 'line-width': 1.2, 'line-dasharray': [3, 2] },
      },
      {
        id: OVERLAY_BEFORE,
        type: 'line',
        source: MAHALLA_SOURCE,
        paint: {
          'line-color': theme.districtLine,
          'line-opacity': 0.35,
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 14, 1.2],
        },
      },
      // Round joins only where the line is wide enough to show them: at country zoom (1 px) they were ≈ 20–40 ms of a
      // software-GL frame (issue 15).
      {
        id: 'district-line',
        type: 'line',
        ...outlines('district'),
        layout: { 'line-join': ['step', ['zoom'], 'miter', 10, 'round'] },
        paint: { 'line-color': theme.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 2.6] },
      },
      nameLayer(
        DISTRICT_LABEL,
        'district',
        { minzoom: DISTRICT_LABEL_MIN_ZOOM },
        {
          'text-size': [
            'interpolate',
            ['linear'],
            ['zoom'],
            8,
            10 * (theme.labelScale ?? 1),
            13,
            16 * (theme.labelScale ?? 1),
          ],
          'text-letter-spacing': 0.03,
          // Russian names are longer than Uzbek ones ("МИРЗО-УЛУГБЕКСКИЙ"): wrapped narrow, kept apart by a margin,
          // and never drawn over one another; one that fits nowhere near its district's middle is left out. Eight
          // places beside the middle, not two: with only above and below, Yakkasaroy and Olmazor (small, central)
          // were left out of the Hotspots map at 1280 and 1366 px in every language (issue 14); with eight, all 12.
          'text-max-width': 6,
          'text-padding': 3,
          'text-allow-overlap': false,
          'text-ignore-placement': false,
        },
        theme,
      ),
      // Wider than a district's: fourteen names share the country. One that fits nowhere near its region's middle is
      // left out (Tashkent region beside the city's name at 1440 px).
      nameLayer(
        REGION_LABEL,
        'region',
        { maxzoom: DISTRICT_LABEL_MIN_ZOOM },
        {
          'text-size': 12 * (theme.labelScale ?? 1),
          'text-letter-spacing': 0.05,
          'text-max-width': 8,
          'text-padding': 2,
        },
        theme,
      ),
    ],
  };
}

/**
 * Adds MapLibre's `beforeId` (read by the interleaved MapLibreOverlay, absent from deck.gl's layer prop types), so the
 * layer draws below our district lines and labels.
 */
export function placedBefore<P extends object>(beforeId: string, props: P): P {
  return { ...props, beforeId };
}
