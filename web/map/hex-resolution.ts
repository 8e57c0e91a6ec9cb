// Which H3 resolution the hexagon view asks for at a zoom level: cells a few dozen pixels across on screen.

/**
 * The hexagon layer's id: here, not beside the layer (web/map/hex-layer.ts, loaded when hexagons are switched on),
 * so the page tells its tooltips and picks apart without loading deck.gl.
 */
export const HEX_LAYER_ID = 'h3-hexagons';

/** The resolutions GET /api/hexagons serves (5 ≈ 250 km² … 9 ≈ 0.1 km² a cell). */
export const HEX_RES_RANGE = { min: 5, max: 9 } as const;

/**
 * The resolution for a map zoom (MapLibre zoom levels), clamped to `maxRes` (the finest one the extent allows: the
 * last response's `params.maxResolution`, 7 for the whole country). An overriding choice bypasses this.
 * @example resolutionForZoom(11) // 8: a Tashkent district fills the screen, cells ≈ 0.7 km²
 * @example resolutionForZoom(13, 7) // 7
 */
export function resolutionForZoom(zoom: number, maxRes: number = HEX_RES_RANGE.max): number {
  const z = Number.isFinite(zoom) ? Math.floor(zoom) : 0;
  const res = z <= 5 ? 5 : z <= 7 ? 6 : z <= 9 ? 7 : z <= 11 ? 8 : 9;
  const cap = Number.isFinite(maxRes)
    ? Math.min(HEX_RES_RANGE.max, Math.max(HEX_RES_RANGE.min, Math.floor(maxRes)))
    : HEX_RES_RANGE.max;
  return Math.min(res, cap);
}
