// Pointer handling for what MapLibre draws: the mahallas from the tiles (web/map/mahalla-tiles.ts), hover highlight and
// tooltip through MapLibre's queryRenderedFeatures, and the click's fallback when no deck.gl overlay object lies under
// the pointer; the tooltip of a point set (web/map/map-points.ts) over them.
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import type { TileFill } from './mahalla-layers.ts';
import { hoverTileMahalla, tileMahallaAt } from './mahalla-tiles.ts';
import { mapPointAt } from './map-points.ts';

export interface TilePointer {
  /** the page's tile fill now (null: none) */
  fill: TileFill | null;
  pickLayerIds: string[];
  tooltip?: (info: PickingInfo) => string | null;
  /** the point sets MapLibre draws (their layer ids): one under the pointer shows its own tooltip */
  points: readonly string[];
}

/** The picked mahalla at a pixel as the page's pick handlers read it: its index feature and the fill's id. */
export function pickTileMahalla(
  map: MapLibreMap,
  p: TilePointer,
  x: number,
  y: number,
): { object: unknown; layerId: string } | null {
  if (!p.fill || !p.pickLayerIds.includes(p.fill.id)) return null;
  const id = tileMahallaAt(map, [x, y]);
  const object = id === null ? undefined : p.fill.byId.get(id);
  return object ? { object, layerId: p.fill.id } : null;
}

export interface TileHover {
  /** deck.gl shows (true) or hid (false) a tooltip of its own: the tile tooltip gives way while it is up */
  deckTip(shown: boolean): void;
  /** removes the handlers and the tooltip */
  off(): void;
}

/**
 * Hover on the tile fill: highlight and tooltip (in deck.gl's tooltip look) unless something drawn over it is under
 * the pointer: a point MapLibre draws (a base point), whose tooltip shows instead, or a deck.gl object, whose own
 * tooltip wins: one of the page's pickable layers (checked here), or any other layer with a tooltip, which deck.gl
 * reports through `deckTip`; both tooltips showed at once over a base point (issue 14). `deck()` is the map's overlay
 * (null while the page has drawn nothing with deck.gl).
 */
export function wireTileHover(
  map: MapLibreMap,
  deck: () => MapLibreOverlay | null,
  current: () => TilePointer,
): TileHover {
  const tip = document.createElement('div');
  tip.className = 'tile-tooltip';
  tip.dataset.testid = 'tile-tooltip';
  // deck.gl's own tooltip look (its styles are inline), so both kinds of hover read alike.
  Object.assign(tip.style, {
    position: 'absolute',
    pointerEvents: 'none',
    display: 'none',
    zIndex: '2',
    background: '#29323c',
    color: '#a0a7b4',
    padding: '10px',
    whiteSpace: 'pre-line',
  });
  map.getContainer().appendChild(tip);
  let deckShown = false;
  const hide = (): void => {
    if (tip.style.display !== 'none') map.getCanvas().style.cursor = '';
    tip.style.display = 'none';
    hoverTileMahalla(map, null);
  };
  const move = (e: MapMouseEvent): void => {
    const p = current();
    // Only the page's pickable overlays: a picking pass over every deck.gl layer on each move costs frames.
    const layerIds = p.pickLayerIds.filter((id) => id !== p.fill?.id);
    const overlay =
      layerIds.length > 0 ? deck()?.pickObject({ x: e.point.x, y: e.point.y, radius: 2, layerIds }) : null;
    const point = mapPointAt(map, p.points, e.point.x, e.point.y);
    const hit = point ?? (overlay?.object || deckShown ? null : pickTileMahalla(map, p, e.point.x, e.point.y));
    if (!hit) return hide();
    // A point's tooltip names the point alone: the mahalla under it is not highlighted either.
    hoverTileMahalla(map, point ? null : (hit.object as { properties: { id: number } }).properties.id);
    const info = {
      object: hit.object,
      layer: { id: hit.layerId },
      x: e.point.x,
      y: e.point.y,
    } as unknown as PickingInfo;
    const text = p.tooltip?.(info);
    map.getCanvas().style.cursor = 'pointer';
    if (!text) {
      tip.style.display = 'none';
      return;
    }
    tip.textContent = text;
    Object.assign(tip.style, { display: 'block', left: `${e.point.x + 12}px`, top: `${e.point.y + 12}px` });
  };
  map.on('mousemove', move);
  map.on('mouseout', hide);
  return {
    deckTip(shown) {
      deckShown = shown;
      if (shown) hide();
    },
    off() {
      map.off('mousemove', move);
      map.off('mouseout', hide);
      tip.remove();
    },
  };
}
